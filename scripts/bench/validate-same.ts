/**
 * Whether a change to the core keeps `validate` saying exactly the same thing (issue 18: speed work must
 * not change one byte of the output). Runs the built CLI over a fixed comparison set and writes each
 * output to a folder; run it before and after the change, the second time with --against:
 *   npx tsx scripts/bench/validate-same.ts --years /tmp/vs-years --out /tmp/vs-before
 *   (change, node scripts/build-cli.mjs)
 *   npx tsx scripts/bench/validate-same.ts --years /tmp/vs-years --out /tmp/vs-after --against /tmp/vs-before
 * The set (made once in --years, then reused so the paths in the output stay the same): seed 002 as
 * 公开表 9 张; each regional set's 2022 and 2023 years (2023 with 上年数, 补充信息 and texts) in year
 * folders, so batch 审核 compares 上年数 across files; the bench's 300-row (with 3 forms) and 5,000-row
 * years. Every file alone (--json and text), the year folders together (inline and with 2 threads).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/core/core';
import type { InterchangeDoc } from '../../shared/contract';
import { REGIONAL_CASES, buildRegionalYears } from '../../test/fixtures/regional-years';
import { seed002Doc } from '../../test/fixtures/seed-002';
import { CLI_BUNDLE } from '../build-cli.mjs';
import { fillYear } from './years';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

async function makeYears(root: string): Promise<void> {
  fs.mkdirSync(root, { recursive: true });
  for (const c of REGIONAL_CASES) {
    const work = fs.mkdtempSync(path.join(root, '.work-'));
    await buildRegionalYears(createCore({ resolveFile: (file) => path.join(work, file) }), work, c);
    for (const year of ['2022', '2023']) {
      fs.mkdirSync(path.join(root, 'years', year), { recursive: true });
      fs.copyFileSync(path.join(work, `${year}.sqlite`), path.join(root, 'years', year, `${c.set}.sqlite`));
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
  const single = path.join(root, 'single');
  const core = createCore({ resolveFile: (file) => path.join(single, file) });
  fs.mkdirSync(single, { recursive: true });
  await core.createYear({ file: 'seed002.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', unitCode: '158001' });
  await core.load({ file: 'seed002.sqlite', doc: seed002Doc() as InterchangeDoc });
  for (const [rows, forms] of [[300, 3], [5000, 0]]) {
    await core.createYear({ file: `bench-${rows}.sqlite`, fiscalYear: 2023, unitName: '基准测试单位' });
    await fillYear(core, `bench-${rows}.sqlite`, rows, forms);
  }
  core.close();
}

/** Each run's standard output and exit code, under a name of its own. */
function runAll(root: string, out: string, cli: string): void {
  fs.mkdirSync(out, { recursive: true });
  const run = (name: string, args: string[]) => {
    const result = spawnSync(process.execPath, [cli, 'validate', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    fs.writeFileSync(path.join(out, name), `${result.stdout}\nexit ${result.status}\n`);
  };
  const files = ['single', 'years/2022', 'years/2023'].flatMap((folder) => fs.readdirSync(path.join(root, folder)).sort().map((name) => path.join(root, folder, name)));
  files.forEach((file, i) => {
    run(`file-${i}.json`, [file, '--json']);
    run(`file-${i}.txt`, [file]);
  });
  const folders = [path.join(root, 'years/2023'), path.join(root, 'years/2022')];
  run('folders.json', [...folders, '--json', '--jobs', '0']);
  run('folders-threads.json', [...folders, '--json', '--jobs', '2']);
}

const years = flag('years');
const out = flag('out');
if (!years || !out) throw new Error('用法:npx tsx scripts/bench/validate-same.ts --years 文件夹 --out 输出文件夹 [--against 上次的输出文件夹] [--cli build/electron/cli.mjs]');
if (!fs.existsSync(path.join(years, 'single'))) await makeYears(years);
runAll(years, out, flag('cli') ?? CLI_BUNDLE);
const against = flag('against');
if (against) {
  const names = [...new Set([...fs.readdirSync(out), ...fs.readdirSync(against)])].sort();
  const differing = names.filter((name) => !fs.existsSync(path.join(out, name)) || !fs.existsSync(path.join(against, name)) || !fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join(against, name))));
  console.log(differing.length ? `不同(${differing.length}/${names.length}):${differing.join('、')}` : `全部相同:${names.length} 个输出逐字节一致`);
  process.exitCode = differing.length ? 1 : 0;
} else console.log(`已写出 ${fs.readdirSync(out).length} 个输出到 ${out}`);

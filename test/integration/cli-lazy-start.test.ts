import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE } from '../../scripts/build-cli.mjs';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const RECORDER = fileURLToPath(new URL('../helpers/record-loads.mjs', import.meta.url));

/** Runs the built CLI and returns its exit code and every module it loaded (node_modules paths and bundle files). */
function loadsOf(dir: string, ...args: string[]): { code: number | null; modules: string[] } {
  const out = path.join(dir, `loads-${args[0]}.txt`);
  fs.rmSync(out, { force: true });
  const result = spawnSync(process.execPath, ['--import', RECORDER, CLI_BUNDLE, ...args], { encoding: 'utf8', env: { ...process.env, LOADS_OUT: out } });
  return { code: result.status, modules: fs.readFileSync(out, 'utf8').trim().split('\n') };
}

const HEAVY = ['node_modules/exceljs/', 'node_modules/@e965/xlsx/', 'node_modules/@resvg/', 'node_modules/docx/', 'node_modules/echarts/'];
/** Text only the bundled Word and chart libraries carry (they are bundled into a chunk, not loaded from node_modules). */
const BUNDLED_HEAVY = ['xmlns:w=', 'ECharts'];
/** A part name only the .xlsx writer's code carries. */
const WORKBOOK_WRITER = 'xl/sharedStrings.xml';
/** A 科目 name only the catalog data carries. */
const CATALOG = '一般公共服务支出';

const bundleFiles = (modules: string[]) => modules.filter((url) => url.startsWith('file:') && url.includes('/build/electron/')).map((url) => fs.readFileSync(fileURLToPath(url), 'utf8'));

describe('built CLI start-up loads only what the verb needs', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => (temp = tempDir()));
  afterAll(() => temp.cleanup());

  it('help loads no database driver, workbook, Word or chart library and no catalog', () => {
    const { code, modules } = loadsOf(temp.dir, 'help');
    expect(code).toBe(0);
    expect(modules.filter((url) => url.includes('/node_modules/'))).toEqual([]);
    for (const text of bundleFiles(modules)) {
      for (const marker of [...BUNDLED_HEAVY, CATALOG, WORKBOOK_WRITER]) expect(text).not.toContain(marker);
    }
  });

  it('validate of a year file opens SQLite and the rules but no workbook, Word or chart library', () => {
    const file = path.join(temp.dir, '2023.sqlite');
    expect(runCli('new', '--file', file, '--year', '2023', '--unit', '测试单位').code).toBe(0);
    expect(runCli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '12.34').code).toBe(0);
    const { code, modules } = loadsOf(temp.dir, 'validate', file);
    expect(code).toBe(1); // the half-filled year has errors: the rules really ran
    expect(modules.some((url) => url.includes('/node_modules/better-sqlite3/'))).toBe(true);
    for (const heavy of HEAVY) expect(modules.filter((url) => url.includes(heavy))).toEqual([]);
    for (const text of bundleFiles(modules)) for (const marker of BUNDLED_HEAVY) expect(text).not.toContain(marker);
  });

  it('export loads the workbook writer when it is asked for, and it needs no exceljs', () => {
    const file = path.join(temp.dir, '2023.sqlite');
    const out = path.join(temp.dir, 'out.xlsx');
    const { code, modules } = loadsOf(temp.dir, 'export', '--file', file, '--out', out, '--draft');
    expect(code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bundleFiles(modules).some((text) => text.includes(WORKBOOK_WRITER))).toBe(true);
    expect(modules.filter((url) => url.includes('/node_modules/exceljs/'))).toEqual([]);
  });
});

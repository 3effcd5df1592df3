/**
 * Hostile and odd files never crash, freeze or fool the app. Every generated case (test/fixtures/
 * hostile/) goes through the in-process API with the parse worker, as the app's import does, and
 * must end in a refusal (CLI exit 1 or 2) with a Chinese message naming the file, within the parse
 * worker's stated bounds (PARSE_LIMITS: 30 s, 512 MB heap), the target year file byte-identical and
 * intact. FIFOs and devices, the data-folder listing, and a sample through the real CLI process follow.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, inDataDir } from '../../electron/core/core';
import { validateFiles } from '../../electron/core/validate-files';
import { PARSE_LIMITS } from '../../electron/core/xlsx/isolate';
import { CLI_BUNDLE } from '../../scripts/build-cli.mjs';
import { tempDir } from '../helpers/temp';
import { TARGET, buildCorpus, runCase } from '../fixtures/hostile/corpus';
import { fingerprint } from '../fixtures/xlsx/helpers';
import { zipOf } from '../fixtures/xlsx/malformed';
import { entriesOf } from '../fixtures/hostile/workbooks';

const work = tempDir('juesuan-hostile-');
const corpus = await buildCorpus(work.dir);
const target = path.join(work.dir, TARGET);
afterAll(() => {
  corpus.core.close();
  work.cleanup();
});

/** Chinese words, no developer notation (no stack frames, no exception class names). */
function clerkMessage(message: string) {
  expect(message).toMatch(/[\u4e00-\u9fff]{2}/);
  expect(message).not.toMatch(/内部错误|\w+Error\b|\n\s+at |\.ts:\d+/);
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('hostile inputs', () => {
  it('has at least 300 generated cases, and their untouched bases import cleanly', async () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(300);
    for (const [name, bytes] of [['好.xlsx', corpus.good.xlsx], ['好.sqlite', corpus.good.yearFile]] as const) {
      const preview = await corpus.core.previewImport({ file: TARGET, name, dataBase64: bytes.toString('base64') });
      expect(preview.errors, name).toEqual([]);
      expect(preview.recognised.length, name).toBeGreaterThan(0);
    }
  });

  it.each(corpus.cases.map((hostile) => [hostile.group, hostile.file, hostile] as const))('%s: %s is refused, nothing changes', async (_group, _file, hostile) => {
    const before = fingerprint(target);
    const outcome = await runCase(corpus.core, hostile);
    expect([1, 2]).toContain(outcome.code);
    expect(outcome.message).toContain(hostile.file);
    clerkMessage(outcome.message);
    expect(outcome.ms).toBeLessThan(PARSE_LIMITS.seconds * 1000);
    expect(outcome.heapBytes).toBeLessThanOrEqual(PARSE_LIMITS.heapMb * 1048576);
    expect(fingerprint(target)).toBe(before);
    expect(integrity(target)).toBe('ok');
  });

  it('says what is wrong and where: cell, entry, size, entity, date', async () => {
    const message = async (file: string) => (await runCase(corpus.core, corpus.cases.find((hostile) => hostile.file === file)!)).message;
    expect(await message('数字-v-0.xlsx')).toMatch(/工作表“公开02表[^”]*” 第\d+行 [D-Z]列:“19,1”不是有效金额/);
    expect(await message('数字-v-1.xlsx')).toContain('“0x10”不是有效金额');
    expect(await message('数字-文本-6.xlsx')).toContain('“12 34”不是有效金额(数字中间有空格或制表符)');
    expect(await message('日期-v-0.xlsx')).toContain('“2023-12-31”不是有效金额');
    expect(await message('日期-0.xls')).toMatch(/第\d+行 [D-Z]列:“2023-12-31”不是有效金额/);
    expect(await message('重复-工作表.xlsx')).toContain('压缩包中有两个同名条目“xl/worksheets/sheet1.xml”');
    expect(await message('炸弹-谎报-xl_worksheets_sheet1_xml.xlsx')).toContain('工作簿解压后过大,超过 32 MB 的上限');
    expect(await message('实体-external-xl_workbook_xml.xlsx')).toContain('含有 XML 实体声明(DOCTYPE)');
    expect(await message('年度文件-meta 是递归视图.sqlite')).toContain('不是决算通年度文件(含有视图“meta”)');
  });

  it('a merge or validation over the whole sheet in a real table is neutralised, and the table still imports', async () => {
    const entries = entriesOf(corpus.good.xlsx);
    const sheet = entries.find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!;
    const hostile = sheet.data
      .toString('utf8')
      .replace('</mergeCells>', '<mergeCell ref="J30:XFD1048576"/></mergeCells>')
      .replace('</worksheet>', '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations></worksheet>');
    const bytes = zipOf(entries.map((entry) => (entry === sheet ? { name: entry.name, data: Buffer.from(hostile) } : entry)));
    const preview = await corpus.core.previewImport({ file: TARGET, name: '整表合并.xlsx', dataBase64: bytes.toString('base64') });
    expect(preview.errors).toEqual([]);
    expect(preview.recognised.map((table) => table.table)).toEqual(['公开02表']);
  });

  it('a FIFO or a device named like a workbook or year file is refused by fstat, never read', async () => {
    const fifo = path.join(work.dir, '管道.xlsx');
    const fifoYear = path.join(work.dir, '管道.sqlite');
    const zero = path.join(work.dir, '零.xlsx');
    execFileSync('mkfifo', [fifo, fifoYear]);
    fs.symlinkSync('/dev/zero', zero);
    const reports = await validateFiles([fifo, fifoYear, zero]);
    expect(reports.map((report) => report.file)).toEqual([fifo, fifoYear, zero]);
    for (const report of reports) {
      expect(report.error, report.file).toContain(report.file);
      clerkMessage(report.error!);
    }
    for (const name of [fifo, fifoYear, zero]) fs.rmSync(name);
  });

  it('the data folder lists at once with crafted files, FIFOs and devices in it, showing only year files that open', async () => {
    const data = tempDir('juesuan-hostile-data-');
    try {
      fs.writeFileSync(path.join(data.dir, '2023.sqlite'), corpus.good.yearFile);
      const crafted = corpus.cases.filter((hostile) => hostile.group === 'crafted year file');
      crafted.forEach((hostile, i) => fs.writeFileSync(path.join(data.dir, `c${i}.sqlite`), hostile.bytes));
      execFileSync('mkfifo', [path.join(data.dir, '管道.sqlite')]);
      fs.symlinkSync('/dev/zero', path.join(data.dir, '零.sqlite'));
      const core = createCore({ resolveFile: inDataDir(data.dir), dataDir: data.dir });
      try {
        const listed = (await core.listYears({})).map((info) => info.file);
        expect(listed).toContain('2023.sqlite');
        expect(listed).not.toContain('管道.sqlite');
        expect(listed).not.toContain('零.sqlite');
        // Views, triggers, missing tables, another application, a newer schema, damage: never listed.
        for (const [i, hostile] of crafted.entries()) {
          if (/视图|触发器|缺少|不是决算通|截断|页大小|年度不是数字/.test(hostile.file)) expect(listed, hostile.file).not.toContain(`c${i}.sqlite`);
        }
        // Whatever is listed says what is wrong with it when opened, in words.
        for (const file of listed.filter((name) => name !== '2023.sqlite')) {
          const opened = await core.validate({ file }).then(
            () => '',
            (error: Error) => error.message,
          );
          if (opened) clerkMessage(opened);
        }
      } finally {
        core.close();
      }
    } finally {
      data.cleanup();
    }
  });
});

describe('hostile inputs through the real CLI (a sample)', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI_BUNDLE, ...args], { encoding: 'utf8' });

  it('refuses a lying zip bomb, a FIFO and a crafted year file with exit 1 or 2 and a message naming the file', () => {
    const bomb = corpus.cases.find((hostile) => hostile.group === 'bomb (lying)')!;
    const view = corpus.cases.find((hostile) => hostile.file.includes('meta 是递归视图'))!;
    const fifo = path.join(work.dir, '样本管道.xlsx');
    execFileSync('mkfifo', [fifo]);
    for (const hostile of [bomb, view]) fs.writeFileSync(path.join(work.dir, hostile.file), hostile.bytes);
    // Into a year file the import would create: a refusal must not leave it (or a temporary one) behind.
    const created = path.join(work.dir, 'cli-2023.sqlite');
    for (const input of [path.join(work.dir, bomb.file), path.join(work.dir, view.file), fifo]) {
      const run = cli('import', '--file', created, '--in', input, '--year', '2023', '--unit', '荆门市行政审批局(本级)');
      expect([1, 2], run.stderr).toContain(run.status);
      expect(run.stderr).toContain(path.basename(input));
      clerkMessage(run.stderr);
      expect(fs.readdirSync(work.dir).filter((name) => name.startsWith('cli-2023') || name.includes('.creating-'))).toEqual([]);
    }
  });

  it('validate on an empty folder says so and exits 1', () => {
    const empty = tempDir('juesuan-empty-');
    try {
      const run = cli('validate', empty.dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('没有可审核的文件');
    } finally {
      empty.cleanup();
    }
  });
});

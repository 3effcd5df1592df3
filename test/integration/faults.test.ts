/**
 * Crash and fault suite: SIGKILL during import and export (edits: durability.test.ts), a full disk
 * and a read-only folder on a real small disk (a tmpfs; where none can be mounted, a file-size limit
 * and chmod stand in). Each fault ends in words the clerk understands, the year file intact and
 * what was saved before still there, no half-made files.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFor } from '../../shared/catalog';
import type { CellEdit } from '../../shared/contract';
import { createCore, inDataDir } from '../../electron/core/core';
import { writeFileAtomic } from '../../electron/core/atomic-write';
import { CLI_BUNDLE } from '../../scripts/build-cli.mjs';
import { smallDisk, type SmallDisk } from '../helpers/small-disk';
import { tempDir } from '../helpers/temp';

/** The built command line (what users run), as a separate process that can be killed or limited. */
const CLI = [CLI_BUNDLE];
const cli = (...args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
const noStack = (text: string) => expect(text).not.toMatch(/内部错误|\w+Error\b|\n\s+at /);

/** Runs the CLI and SIGKILLs it after `delay` ms; true when it was killed (had not finished by then). */
async function killedAfter(delay: number, ...args: string[]): Promise<boolean> {
  const child = spawn(process.execPath, [...CLI, ...args]);
  const closed = new Promise((resolve) => child.on('close', resolve));
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, delay))]);
  child.kill('SIGKILL');
  await closed;
  return child.signalCode === 'SIGKILL';
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** A year's worth of 项 rows with amounts: a write far larger than any WAL space left over. */
function manyRows(count: number, value: string): { addCodes: { table: string; code: string }[]; cells: CellEdit[] } {
  const codes = catalogFor(2023).functionCodes.filter((entry) => entry.level === '项').slice(0, count).map((entry) => entry.code);
  return { addCodes: codes.map((code) => ({ table: '公开02表', code })), cells: codes.map((code) => ({ table: '公开02表', row: code, col: '2', value })) };
}

const t02 = async (core: ReturnType<typeof createCore>, file: string, code: string) =>
  (await core.getTable({ file, table: '公开02表' })).rows.find((row) => row.row === code)?.cells['2'] ?? null;

describe('SIGKILL during import and export', () => {
  const temp = tempDir('juesuan-kill-');
  afterAll(() => temp.cleanup());

  it('an import killed at any moment leaves the year file all old or all new, and intact', async () => {
    const file = path.join(temp.dir, 'k.sqlite');
    const source = path.join(temp.dir, 'source.sqlite');
    const core = createCore({ resolveFile: (name) => name });
    await core.createYear({ file, fiscalYear: 2023, unitName: '断电测试单位' });
    await core.edit({ file, ...manyRows(5, '1') });
    await core.createYear({ file: source, fiscalYear: 2023, unitName: '断电测试单位' });
    await core.edit({ file: source, ...manyRows(300, '2') });
    core.close();
    const code = manyRows(1, '0').addCodes[0].code;
    // Kill points spread over a whole import as long as one takes here (a fixed 300 ms came after it had finished).
    const timing = path.join(temp.dir, 'timing.sqlite');
    fs.copyFileSync(file, timing);
    const started = Date.now();
    await killedAfter(60_000, 'import', '--file', timing, '--in', source);
    const whole = Date.now() - started;
    let killed = 0;
    for (const delay of [0.3, 0.5, 0.7, 0.85, 0.95].map((share) => Math.round(whole * share))) {
      if (await killedAfter(delay, 'import', '--file', file, '--in', source)) killed++;
      expect(integrity(file)).toBe('ok');
      const reopened = createCore({ resolveFile: (name) => name });
      const view = await reopened.getTable({ file, table: '公开02表' });
      const items = view.rows.filter((row) => /^\d{7}$/.test(row.row));
      // All or nothing: 5 rows of 1.00, or every row of the source (all 项 codes) at 2.00.
      expect([5, manyRows(300, '2').addCodes.length]).toContain(items.length);
      expect(await t02(reopened, file, code)).toBe(items.length === 5 ? '1.00' : '2.00');
      reopened.close();
    }
    expect(killed).toBeGreaterThan(0);
  });

  it('an export killed at any moment leaves the previous export as it was, or the new one whole', async () => {
    const file = path.join(temp.dir, 'e.sqlite');
    const out = path.join(temp.dir, '决算公开表.xlsx');
    const core = createCore({ resolveFile: (name) => name });
    await core.createYear({ file, fiscalYear: 2023, unitName: '断电测试单位' });
    await core.edit({ file, ...manyRows(300, '3') });
    const draft = Buffer.from((await core.exportWorkbook({ file, draft: true })).dataBase64, 'base64');
    core.close();
    fs.writeFileSync(out, 'the previous good export');
    // Kill points spread over a whole export as long as one takes here (it got fast enough that fixed delays missed it).
    const started = Date.now();
    await killedAfter(60_000, 'export', '--file', file, '--out', path.join(temp.dir, 'timing.xlsx'), '--draft');
    const whole = Date.now() - started;
    let killed = 0;
    for (const delay of [0.1, 0.3, 0.5, 0.7, 0.85, 0.95].map((share) => Math.round(whole * share))) {
      const before = fs.readFileSync(out);
      if (await killedAfter(delay, 'export', '--file', file, '--out', out, '--draft')) killed++;
      const after = fs.readFileSync(out);
      // Either untouched, or a complete workbook of the same size as a finished export.
      if (!after.equals(before)) expect(after.length).toBe(draft.length);
    }
    expect(killed).toBeGreaterThan(0);
    // The next write clears what killed writes left beside the target.
    writeFileAtomic(out, draft);
    expect(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a full disk and a read-only folder', () => {
  let disk: SmallDisk | { unavailable: string };
  beforeAll(() => {
    disk = smallDisk(4);
  });
  afterAll(() => {
    if ('dir' in disk) disk.cleanup();
  });

  it('full disk: edits, new files and exports are refused in words, nothing saved is lost, nothing half-made is left', async (context) => {
    if (!('dir' in disk)) return context.skip(disk.unavailable);
    const file = path.join(disk.dir, '2023.sqlite');
    const out = path.join(disk.dir, '公开表.xlsx');
    const core = createCore({ resolveFile: (name) => name });
    await core.createYear({ file, fiscalYear: 2023, unitName: '磁盘测试单位' });
    await core.edit({ file, ...manyRows(3, '7') });
    writeFileAtomic(out, Buffer.from((await core.exportWorkbook({ file, draft: true })).dataBase64, 'base64'));
    const exported = fs.readFileSync(out);
    const code = manyRows(1, '0').addCodes[0].code;
    disk.fill();
    try {
      const edit = await core.edit({ file, ...manyRows(300, '8') }).catch((error: Error) => error);
      expect((edit as Error).message).toMatch(/^(磁盘已满,修改未保存,已保存的数据完好|写入磁盘失败)/);
      expect(await t02(core, file, code)).toBe('7.00');
      const created = await core.createYear({ file: path.join(disk.dir, '2024.sqlite'), fiscalYear: 2024, unitName: '磁盘测试单位' }).catch((error: Error) => error);
      expect((created as Error).message).toContain('磁盘已满或无法写入,没有留下不完整的文件');
      expect(() => writeFileAtomic(out, Buffer.alloc(200_000, 1))).toThrow('磁盘已满,文件未保存;原有文件完好');
      expect(fs.readFileSync(out).equals(exported)).toBe(true);
      core.close();
      // Closing folded and removed the WAL, freeing its space: fill that too.
      disk.fill();
      // Another process on the full disk: reads work, writes are refused in words, no stack.
      const get = cli('get', '--file', file, '--table', '公开02表', '--json');
      expect(get.status).toBe(0);
      expect(get.stdout).toContain('7.00');
      const set = cli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '1');
      expect(set.status).toBe(1);
      expect(set.stderr).toMatch(/磁盘已满,修改未保存,已保存的数据完好|写入磁盘失败/);
      noStack(set.stderr);
      const made = cli('new', '--file', path.join(disk.dir, '2025.sqlite'), '--year', '2025', '--unit', '单位');
      expect(made.status).toBe(1);
      noStack(made.stderr);
      // Nothing half-made: no 2024/2025 file, no temporary file (SQLite's own -wal/-shm beside 2023.sqlite aside).
      expect(fs.readdirSync(disk.dir).filter((name) => !/^2023\.sqlite-(wal|shm)$/.test(name)).sort()).toEqual(['2023.sqlite', 'filler.bin', '公开表.xlsx']);
    } finally {
      disk.unfill();
    }
    expect(integrity(file)).toBe('ok');
    const again = createCore({ resolveFile: (name) => name });
    expect(await t02(again, file, code)).toBe('7.00');
    await again.edit({ file, cells: [{ table: '公开02表', row: code, col: '2', value: '9' }] });
    expect(await t02(again, file, code)).toBe('9.00');
    again.close();
  });

  it('a full temporary folder (the system drive) does not stop the 决算公开 document with its charts', async (context) => {
    if (!('dir' in disk)) return context.skip(disk.unavailable);
    const elsewhere = tempDir('juesuan-full-tmp-');
    try {
      const file = path.join(elsewhere.dir, '2023.sqlite');
      const core = createCore({ resolveFile: (name) => name });
      await core.createYear({ file, fiscalYear: 2023, unitName: '磁盘测试单位' });
      await core.edit({ file, ...manyRows(3, '7') });
      core.close();
      disk.fill();
      const out = path.join(elsewhere.dir, '决算公开.docx');
      const reported = spawnSync(process.execPath, [...CLI, 'report', '--file', file, '--out', out, '--draft'], { encoding: 'utf8', env: { ...process.env, TMPDIR: disk.dir } });
      expect(reported.stderr).toBe('');
      expect(reported.status).toBe(0);
      expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    } finally {
      disk.unfill();
      elsewhere.cleanup();
    }
  });

  it('read-only folder: get, validate and export work; writes say the folder is read-only', async (context) => {
    if (!('dir' in disk)) return context.skip(disk.unavailable);
    const file = path.join(disk.dir, 'ro.sqlite');
    const core = createCore({ resolveFile: (name) => name });
    await core.createYear({ file, fiscalYear: 2023, unitName: '只读测试单位' });
    await core.edit({ file, ...manyRows(2, '5') });
    core.close();
    const elsewhere = tempDir('juesuan-ro-out-');
    disk.readOnly(true);
    try {
      const reader = createCore({ resolveFile: (name) => name, dataDir: disk.dir });
      expect((await reader.listYears({})).map((info) => info.file)).toContain('ro.sqlite');
      expect(await t02(reader, file, manyRows(1, '0').addCodes[0].code)).toBe('5.00');
      expect((await reader.validate({ file })).findings).toBeInstanceOf(Array);
      const edit = await reader.setCells({ file, edits: [{ table: '公开01表', row: '28', col: '1', value: '1' }] }).catch((error: Error) => error);
      expect((edit as Error).message).toBe('文件夹只读,只能查看和导出');
      reader.close();
      const exported = cli('export', '--file', file, '--out', path.join(elsewhere.dir, 'x.xlsx'), '--draft');
      expect(exported.status, exported.stderr).toBe(0);
      const set = cli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '1');
      expect(set.status).toBe(1);
      expect(set.stderr).toContain('文件夹只读,只能查看和导出');
      noStack(set.stderr);
    } finally {
      disk.readOnly(false);
      elsewhere.cleanup();
    }
  });
});

describe('a file-size limit (ulimit -f) stands in for a full disk on any machine', () => {
  const temp = tempDir('juesuan-fsize-');
  afterAll(() => temp.cleanup());
  /** The CLI in a shell whose processes may not write files beyond `kb` KB. */
  const limited = (kb: number, ...args: string[]) => spawnSync('bash', ['-c', `ulimit -f ${kb}; exec "$0" "$@"`, process.execPath, ...CLI, ...args], { encoding: 'utf8' });

  it('an export, a 决算公开 document or an edit past the limit fails in words; the previous file and the saved data stay', async () => {
    const file = path.join(temp.dir, '2023.sqlite');
    const out = path.join(temp.dir, '公开表.xlsx');
    const core = createCore({ resolveFile: (name) => name });
    await core.createYear({ file, fiscalYear: 2023, unitName: '限额测试单位' });
    await core.edit({ file, ...manyRows(3, '7') });
    core.close();
    fs.writeFileSync(out, 'the previous good export');
    const exported = limited(8, 'export', '--file', file, '--out', out, '--draft');
    expect(exported.status).toBe(1);
    expect(exported.stderr).toContain('磁盘已满,文件未保存;原有文件完好');
    noStack(exported.stderr);
    expect(fs.readFileSync(out, 'utf8')).toBe('the previous good export');
    expect(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // The 决算公开 document (.md needs no chart font copy in the temp folder) goes the same way.
    const document = path.join(temp.dir, '决算公开.md');
    fs.writeFileSync(document, 'the previous good document');
    const reported = limited(4, 'report', '--file', file, '--out', document, '--draft');
    expect(reported.status).toBe(1);
    expect(reported.stderr).toContain('磁盘已满,文件未保存;原有文件完好');
    noStack(reported.stderr);
    expect(fs.readFileSync(document, 'utf8')).toBe('the previous good document');
    expect(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const set = limited(4, 'set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '1');
    expect(set.status).toBe(1);
    expect(set.stderr).toMatch(/磁盘已满,修改未保存,已保存的数据完好|写入磁盘失败/);
    noStack(set.stderr);
    expect(integrity(file)).toBe('ok');
    const reopened = createCore({ resolveFile: (name) => name });
    expect(await t02(reopened, file, manyRows(1, '0').addCodes[0].code)).toBe('7.00');
    reopened.close();
  });
});

describe('a year file damaged inside (header and schema intact)', () => {
  const temp = tempDir('juesuan-damaged-');
  afterAll(() => temp.cleanup());

  it('the app and the CLI say in words that it is damaged, naming it, and change nothing', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '损坏.sqlite', fiscalYear: 2023, unitName: '损坏测试单位' });
    await core.edit({ file: '损坏.sqlite', ...manyRows(300, '5') });
    core.close();
    const file = path.join(temp.dir, '损坏.sqlite');
    // A bad sector: two pages of the cells' data overwritten, the first pages (header, schema) left.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x41), 0, 8192, Math.floor(fs.statSync(file).size / 8192) * 4096);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(file);

    const app = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await expect(app.call('openYear', { file: '损坏.sqlite' })).rejects.toThrow('损坏.sqlite 已损坏(其中的数据无法读出),未作任何修改。请改用备份的副本');
    app.close();
    for (const args of [['get', '--file', file, '--table', '公开02表'], ['set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '1'], ['export', '--file', file, '--out', path.join(temp.dir, 'x.xlsx'), '--draft']]) {
      const run = cli(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`年度文件 ${file} 已损坏`);
      noStack(run.stderr);
    }
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('a read-only year file in a writable folder', () => {
  const temp = tempDir('juesuan-ro-file-');
  afterAll(() => temp.cleanup());
  /** As root, whom no file mode stops, the CLI runs as nobody (a clerk who may not write the file). */
  const asClerk = (...args: string[]) =>
    process.getuid?.() === 0
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...CLI, ...args], { encoding: 'utf8' })
      : cli(...args);

  it('says the file is read-only (not the folder) and how to make it writable; get and export work', async () => {
    fs.chmodSync(temp.dir, 0o777);
    const file = path.join(temp.dir, '只读.sqlite');
    const core = createCore({ resolveFile: (name) => name });
    await core.createYear({ file, fiscalYear: 2023, unitName: '只读测试单位' });
    await core.edit({ file, ...manyRows(1, '6') });
    core.close();
    fs.chmodSync(file, 0o444);
    const set = asClerk('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '1');
    expect(set.status).toBe(1);
    expect(set.stderr).toContain('年度文件是只读文件,只能查看和导出;要修改,请在文件属性中取消“只读”');
    expect(set.stderr).not.toContain('文件夹只读');
    expect(asClerk('get', '--file', file, '--table', '公开02表').status).toBe(0);
    expect(asClerk('export', '--file', file, '--out', path.join(temp.dir, '导出.xlsx'), '--draft').status).toBe(0);
  });
});

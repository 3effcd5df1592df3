import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract';
import { createCore } from '../../electron/core/core';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/migrations';
import { YearStore } from '../../electron/core/store';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

const newCore = () => createCore({ resolveFile: (file) => path.resolve(temp.dir, file) });

describe('year file on disk', () => {
  it('creates, edits, closes, reopens with values intact', async () => {
    const core = newCore();
    const info = await core.createYear({ file: 'y.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', unitCode: '158001' });
    expect(info).toMatchObject({ fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', unitCode: '158001', template: '9', schemaVersion: SCHEMA_VERSION });
    await core.setCells({ file: 'y.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '12.34' }, { table: '公开01表', row: '29', col: '1', value: '710.8078' }] });
    core.close();

    const reopened = newCore();
    const view = await reopened.getTable({ file: 'y.sqlite', table: '公开01表' });
    const cell = (row: string) => view.rows.find((r) => r.row === row)!.cells;
    expect(cell('28')).toEqual({ '1': '12.34' });
    expect(cell('29')).toEqual({ '1': '710.8078' });
    expect(cell('31')).toEqual({ '1': '723.1478' });
    expect(view.rows.some((r) => r.row === '9')).toBe(false);
    reopened.close();

    // Stored as exact integers (0.0001 万元), not floats.
    const db = new Database(path.join(temp.dir, 'y.sqlite'), { readonly: true });
    expect(db.prepare("SELECT value, typeof(value) AS t FROM cells WHERE row_key = '29'").get()).toEqual({ value: 7108078, t: 'integer' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('records its migrations and refuses a file from a newer schema', async () => {
    const core = newCore();
    await core.createYear({ file: 'y.sqlite', fiscalYear: 2024, unitName: '单位' });
    core.close();
    const file = path.join(temp.dir, 'y.sqlite');
    const db = new Database(file);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (99, ?)').run('2030-01-01');
    db.close();
    expect(() => YearStore.open(file)).toThrow(/更新版本的决算通/);
  });

  it('refuses files that are not 决算通 year files', () => {
    const text = path.join(temp.dir, 'notes.sqlite');
    fs.writeFileSync(text, '这不是数据库');
    expect(() => YearStore.open(text)).toThrow(/不是决算通年度文件/);
    const foreign = path.join(temp.dir, 'other.sqlite');
    new Database(foreign).exec('CREATE TABLE t (x)');
    expect(() => YearStore.open(foreign)).toThrow(/不是决算通年度文件/);
    expect(() => YearStore.open(path.join(temp.dir, 'missing.sqlite'))).toThrow(/找不到/);
  });

  it('refuses bad edits in Chinese and writes nothing of the batch', async () => {
    const core = newCore();
    await core.createYear({ file: 'y.sqlite', fiscalYear: 2023, unitName: '单位' });
    const attempt = (edit: { table: string; row: string; col: string; value: string | null }) =>
      core.setCells({ file: 'y.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '5' }, edit] });
    await expect(attempt({ table: '公开99表', row: '1', col: '1', value: '1' })).rejects.toThrow(/未知的表/);
    await expect(attempt({ table: '公开01表', row: '99', col: '1', value: '1' })).rejects.toThrow(/没有第99行/);
    await expect(attempt({ table: '公开01表', row: '28', col: '2', value: '1' })).rejects.toThrow(/第28行 没有第 2 栏/);
    await expect(attempt({ table: '公开01表', row: '31', col: '1', value: '1' })).rejects.toThrow(/计算单元格/);
    await expect(attempt({ table: '公开01表', row: '1', col: '1', value: '1' })).rejects.toThrow(/链接单元格/);
    await expect(attempt({ table: '公开01表', row: '29', col: '1', value: '十二' })).rejects.toThrow(/不是有效金额/);
    await expect(attempt({ table: '公开01表', row: '29', col: '1', value: '1.234567' })).rejects.toThrow(/精度过高/);
    const view = await core.getTable({ file: 'y.sqlite', table: '公开01表' });
    expect(view.rows.find((r) => r.row === '28')!.cells['1']).toBeNull();
    core.close();
  });

  it('checks every call against the contract at the door', async () => {
    const core = newCore();
    await expect(core.call('dropEverything', {})).rejects.toThrow(/未知的调用/);
    await expect(core.call('setCells', { file: 'y.sqlite', edits: 'x' })).rejects.toThrow(/参数 setCells.edits 应为数组/);
    await expect(core.call('getTable', { file: 'y.sqlite', table: '公开01表', extra: 1 })).rejects.toThrow(/未知字段/);
    await expect(core.call('createYear', { file: 'y.sqlite', fiscalYear: 1800, unitName: 'x' })).rejects.toBeInstanceOf(ApiError);
    core.close();
  });

  it('lets a second process see committed edits while the first keeps the file open', async () => {
    const core = newCore();
    await core.createYear({ file: 'y.sqlite', fiscalYear: 2023, unitName: '单位' });
    await core.setCells({ file: 'y.sqlite', edits: [{ table: '公开01表', row: '60', col: '2', value: '3.5' }] });
    const other = runCli('get', '--file', path.join(temp.dir, 'y.sqlite'), '--table', '公开01表', '--json');
    expect(other.code).toBe(0);
    const view = JSON.parse(other.out);
    expect(view.rows.find((r: { row: string }) => r.row === '62').cells).toEqual({ '2': '3.50' });
    core.close();
  });
});

describe('审核 through the core', () => {
  it('keeps 出错说明 on warnings across reopen and refuses them on errors', async () => {
    const core = newCore();
    await core.createYear({ file: 'y.sqlite', fiscalYear: 2023, unitName: '单位' });
    // 公开04表 r1 typed as 3383.79 while the 项 rows of 公开02表 add up to 3383.80: a 尾数误差 warning.
    await core.edit({
      file: 'y.sqlite',
      cells: [
        { table: '公开04表', row: '1', col: '1', value: '3383.79' },
        { table: '公开02表', row: '2010301', col: '2', value: '3383.80' },
        { table: '公开03表', row: '2010301', col: '2', value: '3383.80' },
        { table: '公开05表', row: '2010301', col: '2', value: '3383.80' },
      ],
    });
    const { findings } = await core.validate({ file: 'y.sqlite' });
    const warning = findings.find((finding) => finding.rule === 'R-X01')!;
    expect(warning).toMatchObject({ severity: 'warning', table: '公开01表', rounding: true });
    await core.explain({ file: 'y.sqlite', key: warning.key, text: '尾数误差' });

    await core.edit({ file: 'y.sqlite', cells: [{ table: '公开01表', row: '59', col: '2', value: '9' }] });
    const withError = await core.validate({ file: 'y.sqlite' });
    expect(withError.canSubmit).toBe(false);
    const error = withError.findings.find((finding) => finding.rule === 'R-B03')!;
    await expect(core.explain({ file: 'y.sqlite', key: error.key, text: '不改了' })).rejects.toThrow(/必须修正/);
    core.close();

    const reopened = newCore();
    const again = await reopened.validate({ file: 'y.sqlite' });
    expect(again.findings.find((finding) => finding.key === warning.key)?.explanation).toBe('尾数误差');
    expect((await reopened.openYear({ file: 'y.sqlite' })).explanations).toEqual({ [warning.key]: '尾数误差' });
    reopened.close();
  });
});

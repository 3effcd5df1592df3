/**
 * The clerk's years: a 2023 file written by the oldest schema the migrations know (version 1, no
 * definitions edition) opens with the same meaning every time, and each year starts from the one before
 * up to the 2026 决算: 科目 rows (named by the catalog, or by the clerk where none does) carry across the
 * catalog changes, and 上年数 come from last year's 决算数.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentEdition, FIRST_EDITION } from '../../shared/catalog';
import { createCore, inDataDir } from '../../electron/core/core';
import { MIGRATIONS } from '../../electron/core/migrations';
import { APPLICATION_ID } from '../../electron/core/year-file-check';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

/** A 2023 year as the first 决算通 wrote it: schema version 1 (no table set, numbering or edition recorded), amounts in 0.0001 万元. */
function writeVersion1File(file: string): void {
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  db.exec(MIGRATIONS[0].sql);
  db.prepare("INSERT INTO schema_migrations VALUES (1, '2024-01-05T00:00:00Z')").run();
  const meta = db.prepare('INSERT INTO meta VALUES (?, ?)');
  for (const entry of [['fiscal_year', '2023'], ['unit_name', '荆门市某局']]) meta.run(...entry);
  const row = db.prepare('INSERT INTO code_rows VALUES (?, ?, ?)');
  row.run('公开02表', '2010301', null);
  row.run('公开02表', '2010607', '经办人命名的科目');
  const cell = db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?)');
  cell.run('公开02表', '2010301', '2', 1_000_000);
  cell.run('公开02表', '2010607', '2', 30_000);
  db.close();
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('2023 to the 2026 决算', () => {
  it('opens a version-1 file unchanged in meaning, and carries it year by year', async () => {
    const oldest = path.join(temp.dir, '2023.sqlite');
    writeVersion1File(oldest);
    const newCore = () => createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });

    const first = newCore();
    const dumped = await first.dump({ file: '2023.sqlite' });
    const info = (await first.openYear({ file: '2023.sqlite' })).info;
    const findings = (await first.validate({ file: '2023.sqlite' })).findings;
    first.close();
    expect([info.definitionsEdition, info.template, info.numbering]).toEqual([FIRST_EDITION, '9', '公开']);
    expect(dumped.tables['公开02表']).toMatchObject({ '2010301': { '2': '100.00' }, '2010607': { '2': '3.00' }, 合计: { '2': '103.00' } });
    // Migrated once; from then on opening, checking and closing leave the file as it is.
    const migrated = sha(oldest);
    const again = newCore();
    expect(await again.dump({ file: '2023.sqlite' })).toEqual(dumped);
    expect((await again.validate({ file: '2023.sqlite' })).findings).toEqual(findings);
    again.close();
    expect(sha(oldest)).toBe(migrated);

    const core = newCore();
    await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '荆门市某局', baselineFrom: '2023.sqlite' });
    // 2300412 is named by the 2024 增补 (财预〔2024〕22号).
    await core.edit({ file: '2024.sqlite', addCodes: [{ table: '公开07表', code: '2300412' }], cells: [{ table: '公开07表', row: '2300412', col: '2', value: '7' }, { table: '公开02表', row: '2010607', col: '2', value: '4' }] });
    await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '荆门市某局', baselineFrom: '2024.sqlite' });
    await core.createYear({ file: '2026.sqlite', fiscalYear: 2026, unitName: '荆门市某局', baselineFrom: '2025.sqlite' });

    const year2024 = await core.openYear({ file: '2024.sqlite' });
    expect(year2024.baseline?.['公开02表']['2010607|2']).toBe('3.00');
    const year2026 = await core.openYear({ file: '2026.sqlite' });
    expect(year2026.info.definitionsEdition).toBe(currentEdition());
    expect(year2026.tables['公开02表'].codes).toEqual(['2010301', '2010607']);
    // The clerk's name for a code no catalog names is kept across three years; a catalog code needs none.
    expect(year2026.tables['公开02表'].names).toEqual({ '2010607': '经办人命名的科目' });
    expect(year2026.tables['公开07表'].codes).toEqual(['2300412']);
    expect((await core.getTable({ file: '2026.sqlite', table: '公开07表' })).rows.find((row) => row.row === '2300412')?.label).toContain('自然资源海洋气象等');
    // 上年数 are last year's 决算数: 2025 entered nothing, so 2026 compares against nothing.
    expect(year2026.baseline?.['公开02表']?.['2010607|2']).toBeUndefined();
    // 年末 becomes next year's 年初 each year: 2024's 7.00 of 基金 2300412 is still 年初 in 2026.
    expect(year2026.tables['公开07表'].cells['2300412']).toEqual({ '1': '7.00' });
    core.close();
  });
});

describe('names last year\'s official 科目表 gave', () => {
  it('come with the rows into the next year (a 2026 year borrowing 2025\'s codes has no 2026 table to import yet)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('2025年政府收支分类科目');
    for (const row of [['科目代码', '科目名称'], ['21704', '金融发展支出'], ['21111', '污染减排'], ['2111101', '经办人无从知道的项名称']]) sheet.addRow(row);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '单位' });
    await core.importCatalog({ file: '2025.sqlite', name: '科目表.xlsx', dataBase64: bytes.toString('base64') });
    await core.edit({
      file: '2025.sqlite',
      addCodes: [{ table: '公开02表', code: '2170404' }, { table: '公开02表', code: '2111101' }],
      cells: [{ table: '公开02表', row: '2170404', col: '2', value: '5' }, { table: '公开02表', row: '2111101', col: '2', value: '1' }],
    });
    expect((await core.validate({ file: '2025.sqlite' })).findings.filter((f) => f.rule === 'R-I03')).toEqual([]);

    const created = await core.createYear({ file: '2026.sqlite', fiscalYear: 2026, unitName: '单位', baselineFrom: '2025.sqlite' });
    // Before: the 项 named only by that table was dropped as “可能已停用”, and the 款 row above 2170404 was blank again (R-I03).
    expect(created.baselineWarnings).toBeUndefined();
    const labels = (await core.getTable({ file: '2026.sqlite', table: '公开02表' })).rows.map((row) => `${row.row} ${row.label}`);
    expect(labels).toEqual(expect.arrayContaining(['21704 金融发展支出', '2111101 经办人无从知道的项名称']));
    expect((await core.validate({ file: '2026.sqlite' })).findings.filter((f) => f.rule === 'R-I03')).toEqual([]);
    core.close();
  });
});

/**
 * Printed totals survive the import (issue 17 item 8): every computed cell a workbook printed is
 * kept in the year file (migration 5), each one its details do not reproduce is an R-I01 finding of
 * its own — an error beyond the 尾数误差 tolerance, a warning within it — listed by `validate`
 * (also of a workbook), and cleared when the clerk accepts the computed value.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateFiles } from '../../electron/core/validate-files';
import { parseAmount } from '../../shared/money';
import { tempDir } from '../helpers/temp';
import { base64, coreIn, newYear, seed002Edits, type Core } from '../fixtures/xlsx/helpers';
import { edited, rowOf } from '../fixtures/xlsx/malformed';
import { officialWorkbook, seed002Sheets } from '../fixtures/xlsx/official-workbook';

let temp: ReturnType<typeof tempDir>;
let core: Core;
let typo: Buffer;

beforeAll(async () => {
  temp = tempDir('juesuan-printed-');
  core = coreIn(temp.dir);
  await newYear(core, 'source.sqlite');
  await core.edit({ file: 'source.sqlite', cells: seed002Edits() });
  const good = Buffer.from((await core.exportWorkbook({ file: 'source.sqlite' })).dataBase64, 'base64');
  // 公开02表's 201 line printed 338.38 where its details add up to 3,249.78 (a slipped digit).
  typo = await edited(good, (workbook) => {
    const sheet = workbook.getWorksheet('公开02表')!;
    sheet.getCell(`C${rowOf(sheet, '201')}`).value = 338.38;
  });
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

const r101 = <T extends { rule: string }>(findings: T[]) => findings.filter((finding) => finding.rule === 'R-I01');

it('a printed total that disagrees with its details is an error at that cell, until the computed value is accepted', async () => {
  await newYear(core, 'y.sqlite');
  await core.importWorkbook({ file: 'y.sqlite', name: 'typo.xlsx', dataBase64: base64(typo) });
  expect((await core.openYear({ file: 'y.sqlite' })).printed?.['公开02表']?.['201|1']).toBe('338.38');
  const findings = r101((await core.validate({ file: 'y.sqlite' })).findings);
  expect(findings).toEqual([
    expect.objectContaining({ severity: 'error', table: '公开02表', row: '201', col: '1', actual: '338.38', expected: '3249.78' }),
  ]);
  expect(findings[0]).toMatchObject({ message: expect.stringContaining('导入文件印出 338.38 与按明细计算为 3,249.78,相差 2,911.40') });

  await core.edit({ file: 'y.sqlite', printed: [{ table: '公开02表', row: '201', col: '1', value: null }] });
  expect(r101((await core.validate({ file: 'y.sqlite' })).findings)).toEqual([]);
  await expect(core.edit({ file: 'y.sqlite', printed: [{ table: '公开02表', row: '201', col: '1', value: null }] })).rejects.toThrow('没有导入文件印出的数');
});

it('survives closing and reopening the year file, and a re-import of the table replaces it', async () => {
  core.close();
  const again = coreIn(temp.dir);
  await again.importWorkbook({ file: 'y.sqlite', name: 'typo.xlsx', dataBase64: base64(typo) });
  again.close();
  const reopened = coreIn(temp.dir);
  expect(r101((await reopened.validate({ file: 'y.sqlite' })).findings)).toHaveLength(1);
  const good = (await reopened.exportWorkbook({ file: 'source.sqlite' })).dataBase64;
  await reopened.importWorkbook({ file: 'y.sqlite', name: 'good.xlsx', dataBase64: good });
  expect(r101((await reopened.validate({ file: 'y.sqlite' })).findings)).toEqual([]);
  reopened.close();
  core = coreIn(temp.dir);
});

it('validate of a workbook lists the printed total', async () => {
  const file = path.join(temp.dir, '2023-typo.xlsx');
  fs.writeFileSync(file, typo);
  const [report] = await validateFiles([file]);
  expect(r101(report.findings ?? [])).toEqual([expect.objectContaining({ table: '公开02表', row: '201', col: '1', severity: 'error' })]);
});

it('公开04表 r60: the balance the source printed is printed again, with a 尾数误差 warning, until the computed one is accepted', async () => {
  await newYear(core, 'seed.sqlite');
  await core.importWorkbook({ file: 'seed.sqlite', name: 'seed002.xlsx', dataBase64: base64(await officialWorkbook(seed002Sheets(), { oneSheet: false })) });
  const balance = r101((await core.validate({ file: 'seed.sqlite' })).findings).filter((finding) => finding.table === '公开04表' && finding.row === '60');
  expect(balance.map(({ col, severity, rounding, actual, expected }) => ({ col, severity, rounding, actual, expected }))).toEqual([
    { col: '2', severity: 'warning', rounding: true, actual: '0.00', expected: '-0.01' },
    { col: '3', severity: 'warning', rounding: true, actual: '0.00', expected: '-0.01' },
  ]);
  const r60 = async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await core.exportWorkbook({ file: 'seed.sqlite', draft: true })).dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('公开04表(草稿)')!;
    let found = 0;
    sheet.eachRow((row, n) => void (row.getCell(4).value === '年末财政拨款结转和结余' && (found = n)));
    // 支出 side: 项目 D, 行次 E, then 栏次 2 (合计) in F and 3 (一般公共预算) in G.
    // A formula's value is its cached result (exceljs keeps a cached 0 in `result` only).
    const shown = (cell: ExcelJS.Cell) => (typeof cell.value === 'object' && cell.value && 'formula' in cell.value ? { formula: cell.value.formula, result: cell.result } : cell.value);
    return [shown(sheet.getRow(found).getCell(6)), shown(sheet.getRow(found).getCell(7))];
  };
  // The stated balance prints as the plain number the source gave, not as a formula that recomputes −0.01.
  expect(await r60()).toEqual([0, 0]);
  await core.edit({ file: 'seed.sqlite', printed: ['2', '3'].map((col) => ({ table: '公开04表', row: '60', col, value: null })) });
  expect(await r60()).toEqual([
    { formula: expect.any(String), result: -0.01 },
    { formula: expect.any(String), result: -0.01 },
  ]);
});

it('a printed total its details reproduce is not kept: an edit after the import moves the total without an R-I01, and the export prints the new one', async () => {
  await newYear(core, 'own.sqlite');
  const own = (await core.exportWorkbook({ file: 'source.sqlite' })).dataBase64;
  await core.importWorkbook({ file: 'own.sqlite', name: 'own.xlsx', dataBase64: own });
  expect((await core.openYear({ file: 'own.sqlite' })).printed ?? {}).toEqual({});

  await core.edit({ file: 'own.sqlite', cells: [{ table: '公开04表', row: '1', col: '1', value: '100.00' }] });
  expect(r101((await core.validate({ file: 'own.sqlite' })).findings)).toEqual([]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from((await core.exportWorkbook({ file: 'own.sqlite', draft: true })).dataBase64, 'base64') as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('公开01表(草稿)')!;
  const line1 = sheet.getRow(rowOf(sheet, '一、一般公共预算财政拨款收入')).getCell(3);
  // 公开01表 line 1 is linked to 公开04表 line 1: a formula showing 100, not the 0.00 the import read.
  expect(line1.formula).toBeTruthy();
  expect(line1.result).toBe(100);
});

it('a year imported before imports kept only disagreeing totals is cleaned when opened for editing: reproduced totals go, a disagreeing one stays', async () => {
  await newYear(core, 'older.sqlite');
  await core.edit({ file: 'older.sqlite', cells: seed002Edits() });
  core.close();
  // What the previous release stored: every printed total, here two its details reproduce and one typo.
  const db = new Database(path.join(temp.dir, 'older.sqlite'));
  const insert = db.prepare('INSERT INTO printed_cells (table_id, row_key, col, value) VALUES (?, ?, ?, ?)');
  insert.run('公开01表', '31', '1', parseAmount('3383.79'));
  insert.run('公开01表', '62', '2', parseAmount('3383.80'));
  insert.run('公开02表', '201', '1', parseAmount('338.38'));
  db.close();
  core = coreIn(temp.dir);

  expect((await core.openYear({ file: 'older.sqlite' })).printed).toEqual({ 公开02表: { '201|1': '338.38' } });
  await core.edit({ file: 'older.sqlite', cells: [{ table: '公开04表', row: '1', col: '1', value: '1.00' }] });
  const findings = r101((await core.validate({ file: 'older.sqlite' })).findings);
  expect(findings.map(({ table, row, col }) => `${table} ${row} ${col}`)).toEqual(['公开02表 201 1']);
});

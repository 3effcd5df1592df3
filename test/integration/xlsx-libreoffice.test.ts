/**
 * Exported workbooks opened by another spreadsheet (LibreOffice headless, a stand-in for WPS/Excel):
 * the totals are live formulas that follow an edited input, the .xls carries the same formulas as
 * the .xlsx, and both print the same pages — tables only, 公开01表 on one page, long tables over
 * several pages with their headers. Few soffice runs: each costs seconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../shared/catalog';
import type { CellEdit } from '../../shared/contract';
import { convert, hasLibreOffice, pdfPages } from '../helpers/libreoffice';
import { newYear, seed002Edits, tempCoreEachTest } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-lo-');

async function exportTo(file: string, format: 'xlsx' | 'xls', out: string, draft = false): Promise<string> {
  const workbook = await env.core.exportWorkbook({ file, format, draft });
  const target = path.join(env.dir, out);
  fs.writeFileSync(target, Buffer.from(workbook.dataBase64, 'base64'));
  return target;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The row whose first cell is `key` (a 科目 code or a label). */
function rowOf(sheet: ExcelJS.Worksheet, key: string, column = 1): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (!found && String(row.getCell(column).value) === key) found = n;
  });
  if (!found) throw new Error(`${sheet.name}: no row ${key}`);
  return found;
}

const shown = (cell: ExcelJS.Cell) => Number(cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);
/** LibreOffice writes sheet references unquoted where it can and absolute where we wrote relative. */
const normal = (formula: string) => formula.replace(/[$']/g, '');

describe.runIf(hasLibreOffice())('exported workbooks in LibreOffice', () => {
  it('totals follow an edited input after recalculation, and the .xls holds the .xlsx formulas', async () => {
    await newYear(env.core, 'seed.sqlite');
    await env.core.edit({ file: 'seed.sqlite', cells: seed002Edits() });
    const xlsx = await exportTo('seed.sqlite', 'xlsx', 'seed-xlsx.xlsx');
    const xls = await exportTo('seed.sqlite', 'xls', 'seed-xls.xls');

    // The clerk raises 2010301's 基本支出 by 100 in 公开03表 and saves (cached totals now stale).
    const edited = await load(xlsx);
    const t03 = edited.getWorksheet('公开03表')!;
    const line = rowOf(t03, '2010301');
    const basic = t03.getCell(line, 4);
    expect(basic.type).toBe(ExcelJS.ValueType.Number);
    basic.value = Number(basic.value) + 100;
    const editedFile = path.join(env.dir, 'edited.xlsx');
    await edited.xlsx.writeFile(editedFile);

    const [recalculated, fromXls] = convert([editedFile, xls], 'xlsx', path.join(env.dir, 'calc'));
    const before = await load(xlsx);
    const after = await load(recalculated);
    const delta = (sheet: string, row: number, col: number) =>
      Math.round((shown(after.getWorksheet(sheet)!.getCell(row, col)) - shown(before.getWorksheet(sheet)!.getCell(row, col))) * 100) / 100;
    const total03 = rowOf(t03, '合 计');
    expect([delta('公开03表', line, 3), delta('公开03表', rowOf(t03, '20103'), 3), delta('公开03表', rowOf(t03, '201'), 3), delta('公开03表', total03, 3)]).toEqual([100, 100, 100, 100]);
    // Across sheets: 公开01表 一般公共服务支出 (r32) links to 03's 类 201, then 本年支出合计 and 总计.
    const t01 = before.getWorksheet('公开01表')!;
    const rowNo = (label: string) => rowOf(t01, label, 4);
    expect([delta('公开01表', rowNo('一、一般公共服务支出'), 6), delta('公开01表', rowNo('本年支出合计'), 6), delta('公开01表', rowNo('总 计'), 6)]).toEqual([100, 100, 100]);
    // An input elsewhere did not move.
    expect(delta('公开01表', rowNo('结余分配'), 6)).toBe(0);

    // The .xls, read by LibreOffice, has a formula wherever the .xlsx has one, with the same result.
    const legacy = await load(fromXls);
    let formulas = 0;
    for (const sheet of before.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          formulas++;
          const other = legacy.getWorksheet(sheet.name)!.getCell(cell.address);
          expect(normal(other.formula ?? ''), `${sheet.name}!${cell.address}`).toBe(normal(cell.formula));
          expect(shown(other), `${sheet.name}!${cell.address}`).toBeCloseTo(shown(cell), 6);
        }),
      );
    }
    expect(formulas).toBeGreaterThan(200);
  }, 180_000);

  it('.xls and .xlsx print the same pages: tables only, 公开01表 on one page, long tables with repeated headers', async () => {
    await newYear(env.core, 'seed.sqlite');
    await env.core.edit({ file: 'seed.sqlite', cells: seed002Edits() });
    // A long year: 120 项 rows in 公开03表 spread over several pages.
    await newYear(env.core, 'long.sqlite');
    const codes = catalogFor(2023).functionCodes.filter((entry) => entry.level === '项').slice(0, 120).map((entry) => entry.code);
    const edits: CellEdit[] = codes.map((code, i) => ({ table: '公开03表', row: code, col: '2', value: `${i + 1}.25` }));
    await env.core.edit({ file: 'long.sqlite', cells: edits });
    const files = [
      await exportTo('seed.sqlite', 'xlsx', 'seed-xlsx.xlsx'),
      await exportTo('seed.sqlite', 'xls', 'seed-xls.xls'),
      await exportTo('long.sqlite', 'xlsx', 'long-xlsx.xlsx', true),
      await exportTo('long.sqlite', 'xls', 'long-xls.xls', true),
    ];
    const [seedXlsx, seedXls, longXlsx, longXls] = convert(files, 'pdf', path.join(env.dir, 'pdf')).map(pdfPages);

    // Seed 002's 报送版: nine tables, one page each; the 审核说明 sheet is kept but does not print or count.
    expect(seedXlsx).toHaveLength(9);
    expect(seedXls).toHaveLength(9);
    for (const pages of [seedXlsx, seedXls]) {
      pages.forEach((text, i) => expect(text).toContain(`第 ${i + 1} 页,共 9 页`));
      expect(pages[0]).toContain('总 计');
      expect(pages[0]).toContain('年末结转和结余');
      expect(pages.join('')).not.toContain('审核说明');
    }

    // The long draft: same page count in both formats, 公开03表 over several pages, each headed.
    expect(longXls.length).toBe(longXlsx.length);
    for (const pages of [longXlsx, longXls]) {
      // 公开03表's pages: its 项 rows (2xxxxxx codes at the line start), never in another sheet of this year.
      const t03 = pages.filter((text) => /^\s*20\d{5}\s/m.test(text));
      expect(t03.length).toBeGreaterThan(2);
      for (const text of t03) expect([text.includes('科目代码'), text.includes('上缴上级支出')]).toEqual([true, true]);
    }
  }, 240_000);
});

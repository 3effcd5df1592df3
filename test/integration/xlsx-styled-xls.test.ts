/**
 * The styled .xls read back record by record (an independent BIFF8 walk, test/helpers/biff-reader.ts)
 * and the matching .xlsx settings through exceljs: fonts, borders, shading, print setup, frozen
 * header, print titles, hidden 审核说明, optional protection, unit code in the document properties.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fontAt, readBiff, type BiffBook, type BiffSheet } from '../helpers/biff-reader';
import { newYear, seed002Edits, tempCoreEachTest } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-xls-');

async function seedExport(format: 'xlsx' | 'xls', options: { draft?: boolean; protect?: boolean } = {}): Promise<Buffer> {
  if (!fs.existsSync(path.join(env.dir, 'seed.sqlite'))) {
    await newYear(env.core, 'seed.sqlite');
    await env.core.edit({ file: 'seed.sqlite', cells: seed002Edits() });
  }
  const workbook = await env.core.exportWorkbook({ file: 'seed.sqlite', format, draft: options.draft ?? false, protect: options.protect });
  return Buffer.from(workbook.dataBase64, 'base64');
}

const find = (sheet: BiffSheet, type: number) => sheet.records.find((r) => r.type === type)?.body;

/** What an XF says: font, number format, thin borders on all four sides, solid fill colour, locked. */
function xf(book: BiffBook, sheet: BiffSheet, row: number, col: number) {
  const body = book.xfs[sheet.xfAt.get(`${row - 1},${col - 1}`)!];
  const borders = body.readUInt32LE(10);
  const fill = body.readUInt32LE(14) >>> 26;
  return {
    font: fontAt(book, body.readUInt16LE(0)),
    format: body.readUInt16LE(2),
    locked: (body.readUInt16LE(4) & 1) === 1,
    thin: [0, 4, 8, 12].every((shift) => ((borders >>> shift) & 0xf) === 1),
    fill: fill === 1 ? book.palette[(body.readUInt16LE(18) & 0x7f) - 8] : null,
  };
}

describe('styled .xls', () => {
  it('prints A4 landscape fitted, header rows repeated and frozen, fonts, borders and shading as the .xlsx', async () => {
    const book = readBiff(await seedExport('xls'));
    expect(book.sheets.map((sheet) => [sheet.name, sheet.hidden])).toEqual([
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((n) => [`公开${n}表`, false]),
      ['审核说明', true],
    ]);
    expect(new Set(book.fonts.map((font) => font.name))).toEqual(new Set(['Calibri', '宋体']));
    const [t01, t03] = [book.sheets[0], book.sheets[2]];
    const setup = (sheet: BiffSheet) => {
      const body = find(sheet, 0x00a1)!;
      return { paper: body.readUInt16LE(0), fitWidth: body.readUInt16LE(6), fitHeight: body.readUInt16LE(8), landscape: (body.readUInt16LE(10) & 0x02) === 0 };
    };
    expect(setup(t01)).toEqual({ paper: 9, fitWidth: 1, fitHeight: 1, landscape: true });
    expect(setup(t03)).toEqual({ paper: 9, fitWidth: 1, fitHeight: 0, landscape: true });
    expect(find(t01, 0x0081)!.readUInt16LE(0) & 0x0100).toBe(0x0100); // fit to page
    expect(find(t01, 0x0015)!.subarray(3).toString('utf16le')).toBe('&C第 &P 页,共 &N 页');
    // Frozen below the 栏次 line (row 6), and rows 4–6 repeat on every printed page.
    expect(find(t01, 0x023e)!.readUInt16LE(0) & 0x0008).toBe(0x0008);
    expect(find(t01, 0x0041)!.readUInt16LE(2)).toBe(6);
    const titles = book.globals.filter((r) => r.type === 0x0018 && r.body[15] === 0x07);
    expect(titles).toHaveLength(10); // the nine tables and the 审核说明 sheet's heading row
    expect([titles[0].body.readUInt16LE(8), titles[0].body.readUInt16LE(19), titles[0].body.readUInt16LE(21)]).toEqual([1, 3, 5]);

    // Title 16 pt bold 宋体; a linked amount (r1) shaded green, bordered, #,##0.00; an input (r28) white and unlocked.
    expect(xf(book, t01, 2, 1).font).toEqual({ name: '宋体', size: 16, bold: true });
    expect(xf(book, t01, 6 + 1, 3)).toEqual({ font: { name: '宋体', size: 10, bold: false }, format: 4, locked: true, thin: true, fill: 'E2F0E2' });
    expect(xf(book, t01, 6 + 27, 3).fill).toBe('E7ECF3');
    expect(xf(book, t01, 6 + 28, 3)).toMatchObject({ locked: false, thin: true, fill: null });
    expect(find(t01, 0x0012)).toBeUndefined(); // not protected unless asked
  });

  it('carries the unit code in the document properties and protects the sheets only when asked', async () => {
    const bytes = await seedExport('xls', { protect: true });
    expect(XLSX.read(bytes, { type: 'buffer' }).Props?.Keywords).toBe('单位代码:158001');
    const book = readBiff(bytes);
    for (const sheet of book.sheets) expect(find(sheet, 0x0012)?.readUInt16LE(0), sheet.name).toBe(1);
  });

  it('the .xlsx: shading, protection of all but inputs, hidden 审核说明 in the 报送版, printed in a draft, unit code', async () => {
    const load = async (bytes: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return workbook;
    };
    const final = await load(await seedExport('xlsx', { protect: true }));
    expect(final.keywords).toBe('单位代码:158001');
    expect(final.getWorksheet('审核说明')!.state).toBe('hidden');
    const t01 = final.getWorksheet('公开01表')!;
    expect(t01.getCell(6 + 1, 3).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFE2F0E2' } });
    expect(t01.getCell(6 + 1, 3).font).toMatchObject({ name: '宋体', charset: 134 });
    expect(t01.getCell(6 + 28, 3).protection).toMatchObject({ locked: false });
    expect(t01.getCell(6 + 27, 3).protection?.locked).not.toBe(false);
    expect((t01 as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);

    const draft = await load(await seedExport('xlsx', { draft: true }));
    expect(draft.getWorksheet('审核说明')!.state).toBe('visible');
    expect((draft.getWorksheet('公开01表(草稿)') as unknown as { sheetProtection?: unknown }).sheetProtection ?? null).toBeNull();
  });

  it('import reads cached results and flags totals whose cached value disagrees with the edited inputs', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await seedExport('xlsx')) as unknown as ExcelJS.Buffer);
    // Edited without recalculation (as a library or a tool that never recalculates would save it).
    const t03 = workbook.getWorksheet('公开03表')!;
    let line = 0;
    t03.eachRow((row, n) => (line ||= String(row.getCell(1).value) === '2010301' ? n : 0));
    t03.getCell(line, 4).value = Number(t03.getCell(line, 4).value) + 100;
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await env.core.createYear({ file: 'back.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    const result = await env.core.importWorkbook({ file: 'back.sqlite', name: 'edited.xlsx', dataBase64: bytes.toString('base64') });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toContain('文件 edited.xlsx:10 个合计数与明细不符(导入后按明细重新计算),逐项列在“合计数与明细不符”中');
    expect(result.mismatches).toContainEqual(expect.objectContaining({ table: '公开01表', row: '62', col: '2', printed: '3383.80', computed: '3483.80' }));
    expect(result.mismatches).toContainEqual(expect.objectContaining({ table: '公开03表', row: '2010301', col: '1', printed: '19.10', computed: '119.10' }));
    // Our own formulas in computed cells are not reported as formulas read into inputs.
    expect(result.warnings.filter((text) => text.includes('个单元格是公式'))).toEqual([]);
    const back = await env.core.openYear({ file: 'back.sqlite' });
    expect(back.tables['公开03表'].cells['2010301']['2']).toBe('119.10');
    expect(back.info.unitCode).toBe('158001');
  });
});

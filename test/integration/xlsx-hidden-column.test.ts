/**
 * A hidden column under the same header as a visible one (a stale copy the clerk hid, a helper
 * column of a hand-made template) came first and was imported instead of the column the clerk sees.
 * The visible column is read; the hidden one is named once in the preview with its count of numbers.
 * Both .xlsx and .xls (converted by LibreOffice, which keeps the column hidden).
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert, hasLibreOffice } from '../helpers/libreoffice';
import { base64, newYear, seed002Exported } from '../fixtures/xlsx/helpers';
import { edited } from '../fixtures/xlsx/malformed';

const seeded = seed002Exported('juesuan-hidden-');
let withHidden: Buffer;

const shown = (cell: ExcelJS.Cell) => (cell.value && typeof cell.value === 'object' && 'formula' in cell.value ? (cell.value.result ?? null) : cell.value);

beforeAll(async () => {
  // 公开05表: a copy of 基本支出 (column D) with other numbers, inserted hidden before it.
  withHidden = await edited(seeded.good, (workbook) => {
    const sheet = workbook.getWorksheet('公开05表')!;
    sheet.spliceColumns(4, 0, []);
    sheet.eachRow((row, n) => {
      const visible = shown(row.getCell(5));
      row.getCell(4).value = n > 6 && typeof visible === 'number' ? visible + 7 : visible;
    });
    sheet.getColumn(4).hidden = true;
  });
});

async function importedAs(file: string, name: string, bytes: Buffer) {
  await newYear(seeded.core, file);
  const preview = await seeded.core.previewImport({ file, name, dataBase64: base64(bytes) });
  expect(preview.errors).toEqual([]);
  await seeded.core.importWorkbook({ file, name, dataBase64: base64(bytes) });
  return { preview, cells: (await seeded.core.openYear({ file })).tables['公开05表'].cells };
}

describe('a hidden copy of an amount column', () => {
  it('.xlsx: the visible column is imported, the hidden one named once', async () => {
    const { preview, cells } = await importedAs('hidden.sqlite', 'hidden.xlsx', withHidden);
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables['公开05表'].cells;
    expect(cells['2010302']['2']).toBe('1272.68');
    expect(cells).toEqual(source);
    const hidden = preview.unrecognised.filter((item) => item.sheet === '公开05表' && item.cell.startsWith('D'));
    expect(hidden).toHaveLength(1);
    expect(hidden[0].reason).toMatch(/^隐藏列“.*基本支出”,此列 \d+ 个数值未导入$/);
  });

  it.skipIf(!hasLibreOffice())('.xls: the same', async () => {
    const xlsx = path.join(seeded.dir, 'hidden.xlsx');
    fs.writeFileSync(xlsx, withHidden);
    const [xls] = convert([xlsx], 'xls', path.join(seeded.dir, 'xls'));
    const { cells } = await importedAs('hidden-xls.sqlite', 'hidden.xls', fs.readFileSync(xls));
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables['公开05表'].cells;
    expect(cells).toEqual(source);
  });
});

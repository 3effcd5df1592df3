/**
 * The amount unit as published tables state it: many print "单位:元" or "(单位:万元)" rather than
 * "金额单位:万元". A sheet in 元 must be converted, and a unit the importer cannot convert refused —
 * never read as 万元 (10,000 times the amount, silently).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { base64, newYear, seed002Exported } from '../fixtures/xlsx/helpers';
import { edited } from '../fixtures/xlsx/malformed';

const seeded = seed002Exported('juesuan-unit-');

/** Our export with 公开02表's amount unit line replaced by `unitLine`; with `inYuan` every amount ×10,000. */
const withUnit = (unitLine: string, inYuan: boolean) =>
  edited(seeded.good, (workbook) => {
    const sheet = workbook.getWorksheet('公开02表')!;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('金额单位')) cell.value = unitLine;
        else if (inYuan && Number(cell.col) > 2 && typeof cell.value === 'number' && /^\d{3,7}$/.test(String(row.getCell(1).value ?? ''))) {
          cell.value = Math.round(cell.value * 10_000);
        }
      }),
    );
  });

describe('the amount unit line', () => {
  it.each(['单位：元', '（单位：元）', '编制单位：荆门市行政审批局      单位：元'])('“%s”: the amounts are 元 and imported as 万元', async (unitLine) => {
    const file = `yuan-${unitLine.length}.sqlite`;
    await newYear(seeded.core, file);
    const bytes = await withUnit(unitLine, true);
    const preview = await seeded.core.previewImport({ file, name: 'yuan.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toContain('文件 yuan.xlsx 工作表“公开02表”:公开02表金额单位为元,已换算为万元');
    await seeded.core.importWorkbook({ file, name: 'yuan.xlsx', dataBase64: base64(bytes) });
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables['公开02表'].cells;
    const imported = (await seeded.core.openYear({ file })).tables['公开02表'].cells;
    expect(imported['2010301']['2']).toBe('19.10');
    expect(imported).toEqual(source);
  });

  it('“单位：万元” reads as 万元, with nothing to convert', async () => {
    const bytes = await withUnit('单位：万元', false);
    const preview = await seeded.core.previewImport({ file: 'source.sqlite', name: 'wan.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.join('\n')).not.toContain('金额单位');
  });

  it('“单位：千元” is refused naming the sheet and row, not read as 万元', async () => {
    const bytes = await withUnit('单位：千元', false);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    let row = 0;
    workbook.getWorksheet('公开02表')!.eachRow((line, n) => line.eachCell((cell) => cell.value === '单位：千元' && (row = n)));
    const preview = await seeded.core.previewImport({ file: 'source.sqlite', name: 'qian.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([`文件 qian.xlsx 工作表“公开02表” 第${row}行:不支持的金额单位“千元”,请换算为万元后再导入`]);
  });
});

/** Our export with 公开05表's unit stated in its amount headers ("小计（元）"), not on the unit line. */
const unitInHeaders = (unit: string, unitLine: string | null, scale: number) =>
  edited(seeded.good, (workbook) => {
    const sheet = workbook.getWorksheet('公开05表')!;
    sheet.eachRow((row, n) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('金额单位')) cell.value = unitLine;
        else if (n === 5 && Number(cell.col) > 2) cell.value = `${cell.value}（${unit}）`;
        else if (n > 6 && Number(cell.col) > 2) {
          const value = cell.value && typeof cell.value === 'object' && 'formula' in cell.value ? cell.value.result : cell.value;
          cell.value = typeof value === 'number' ? (scale === 1 ? value : Math.round(value * scale)) : null;
        }
      }),
    );
  });

describe('the amount unit in the column headers', () => {
  it.each([
    ['元', 10_000],
    ['万元', 1],
  ])('“小计（%s）” is read, and its amounts land as in the source', async (unit, scale) => {
    const file = `header-${unit}.sqlite`;
    await newYear(seeded.core, file);
    const bytes = await unitInHeaders(unit, null, scale);
    const preview = await seeded.core.previewImport({ file, name: 'header.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.includes('文件 header.xlsx 工作表“公开05表”:公开05表金额单位为元,已换算为万元')).toBe(unit === '元');
    await seeded.core.importWorkbook({ file, name: 'header.xlsx', dataBase64: base64(bytes) });
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables['公开05表'].cells;
    const imported = (await seeded.core.openYear({ file })).tables['公开05表'].cells;
    expect(imported['2010302']['2']).toBe('1272.68');
    expect(imported).toEqual(source);
  });

  it('a header in 元 under a 金额单位:万元 line is refused: which one holds is not for the importer to guess', async () => {
    const bytes = await unitInHeaders('元', '金额单位:万元', 10_000);
    const preview = await seeded.core.previewImport({ file: 'source.sqlite', name: 'both.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual(['文件 both.xlsx 工作表“公开05表” 第4行:金额单位前后不一致(万元、元),请统一为万元后再导入']);
  });
});

describe('the unit after the title', () => {
  it('“收入决算表（单位：元）” on a sheet named Sheet2 is found by its title and converted', async () => {
    const file = 'title-unit.sqlite';
    await newYear(seeded.core, file);
    const bytes = await edited(await withUnit('', true), (workbook) => {
      const sheet = workbook.getWorksheet('公开02表')!;
      sheet.name = 'Sheet2';
      for (const n of [1, 2]) sheet.getRow(n).eachCell((cell) => void (cell.value = null));
      sheet.getCell('A2').value = '收入决算表（单位：元）';
    });
    const preview = await seeded.core.previewImport({ file, name: 'title.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([]);
    expect(preview.recognised.find((table) => table.table === '公开02表')?.sheet).toBe('Sheet2');
    expect(preview.warnings).toContain('文件 title.xlsx 工作表“Sheet2”:公开02表金额单位为元,已换算为万元');
    await seeded.core.importWorkbook({ file, name: 'title.xlsx', dataBase64: base64(bytes) });
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables['公开02表'].cells;
    expect((await seeded.core.openYear({ file })).tables['公开02表'].cells).toEqual(source);
  });
});

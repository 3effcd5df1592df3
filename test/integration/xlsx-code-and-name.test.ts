/**
 * Hand-made tables print a 科目's code and name in one cell ("2010301 行政运行"): in the code
 * column with the name column left blank, or in the only 科目 column (headed 项目, 科目编码及名称 or
 * 功能分类科目), often with 合计 as the last line. Each amount lands on its 科目 as in the source year.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { base64, newYear, seed002Exported } from '../fixtures/xlsx/helpers';
import { edited } from '../fixtures/xlsx/malformed';

const seeded = seed002Exported('juesuan-codename-');

const shown = (cell: ExcelJS.Cell) => (cell.value && typeof cell.value === 'object' && 'formula' in cell.value ? (cell.value.result ?? null) : cell.value);
const isCode = (value: unknown) => /^\d{3,7}$/.test(String(value));

/** Replaces our export's sheet by a hand-made one: title, 单位 line, one header row, one 科目 column, 合计 last, numbers only. */
function handMade(workbook: ExcelJS.Workbook, name: string, header: string) {
  const ours = workbook.getWorksheet(name)!;
  const lines: ExcelJS.CellValue[][] = [];
  let total: ExcelJS.CellValue[] = [];
  const heads = (ours.getRow(5).values as ExcelJS.CellValue[]).slice(3);
  ours.eachRow((row, n) => {
    const amounts = (row.values as unknown[]).slice(3).map((_, i) => shown(row.getCell(i + 3)));
    if (n > 6 && isCode(row.getCell(1).value)) lines.push([`${row.getCell(1).value} ${row.getCell(2).value}`, ...amounts]);
    if (n > 6 && row.getCell(1).value === '合 计') total = ['合计', ...amounts];
  });
  workbook.removeWorksheet(ours.id);
  const sheet = workbook.addWorksheet(`${name}(手工)`);
  sheet.addRow([`2023年度荆门市行政审批局${name === '公开03表' ? '支出决算表' : '一般公共预算财政拨款支出决算表'}`]);
  sheet.addRow([null, null, null, '单位：万元']);
  sheet.addRow([header, ...heads]);
  for (const line of [...lines, total]) sheet.addRow(line);
}

async function importedAs(file: string, bytes: Buffer) {
  await newYear(seeded.core, file);
  const preview = await seeded.core.previewImport({ file, name: 'hand.xlsx', dataBase64: base64(bytes) });
  expect(preview.errors).toEqual([]);
  await seeded.core.importWorkbook({ file, name: 'hand.xlsx', dataBase64: base64(bytes) });
  return (await seeded.core.openYear({ file })).tables;
}

describe('code and name in one cell', () => {
  it('in the code column, the name column blank', async () => {
    const bytes = await edited(seeded.good, (workbook) =>
      workbook.getWorksheet('公开02表')!.eachRow((row, n) => {
        if (n <= 6 || !isCode(row.getCell(1).value)) return;
        row.getCell(1).value = `${row.getCell(1).value} ${row.getCell(2).value}`;
        row.getCell(2).value = null;
      }),
    );
    const tables = await importedAs('code-column.sqlite', bytes);
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables;
    expect(tables['公开02表'].cells['2010302']['2']).toBe('2880.75');
    expect(tables['公开02表'].cells).toEqual(source['公开02表'].cells);
  });

  it.each([
    ['公开03表', '项目'],
    ['公开05表', '科目编码及名称'],
    ['公开05表', '功能分类科目'],
  ])('%s in one column headed %s, 合计 last', async (name, header) => {
    const bytes = await edited(seeded.good, (workbook) => handMade(workbook, name, header));
    const tables = await importedAs(`${name}-${header}.sqlite`, bytes);
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables;
    expect(tables[name].cells['2010302']['1']).toBe(source[name].cells['2010302']['1']);
    expect(tables[name].cells).toEqual(source[name].cells);
  });
});

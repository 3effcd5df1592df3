/**
 * Published tables often print another figure beside this year's 决算: 年初预算数 | 决算数 (公开05表 of
 * many counties), 上年数 | 本年数. The importer must read the 决算 group, whichever comes first — taking
 * the first 基本支出 column imported the budget as the 决算, silently — and refuse a table that has no
 * 决算 group at all.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { base64, coreIn, newYear, seed002Edits, type Core } from '../fixtures/xlsx/helpers';
import { edited } from '../fixtures/xlsx/malformed';

let temp: ReturnType<typeof tempDir>;
let core: Core;
let good: Buffer;

beforeAll(async () => {
  temp = tempDir('juesuan-figures-');
  core = coreIn(temp.dir);
  await newYear(core, 'source.sqlite');
  await core.edit({ file: 'source.sqlite', cells: seed002Edits() });
  good = Buffer.from((await core.exportWorkbook({ file: 'source.sqlite' })).dataBase64, 'base64');
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

const shown = (cell: ExcelJS.Cell) => (cell.value && typeof cell.value === 'object' && 'formula' in cell.value ? (cell.value.result ?? null) : cell.value);

/**
 * Our export's table rebuilt with two groups of its amount columns, headed `groups` (merged over
 * each group, the column names under it). The other figure is the 决算 + 1000 in every cell.
 */
function twoGroups(workbook: ExcelJS.Workbook, name: string, groups: [string, string], decided: 0 | 1) {
  const ours = workbook.getWorksheet(name)!;
  const heads = (ours.getRow(5).values as ExcelJS.CellValue[]).slice(3);
  const lines: ExcelJS.CellValue[][] = [];
  ours.eachRow((row, n) => {
    const code = String(row.getCell(1).value);
    if (n <= 6 || !/^(\d{3,7}|合 计)$/.test(code)) return;
    const amounts = heads.map((_, i) => shown(row.getCell(i + 3)));
    const other = amounts.map((value) => (typeof value === 'number' ? value + 1000 : value));
    lines.push([code === '合 计' ? '合计' : code, code === '合 计' ? null : row.getCell(2).value, ...(decided === 0 ? [...amounts, ...other] : [...other, ...amounts])]);
  });
  workbook.removeWorksheet(ours.id);
  const sheet = workbook.addWorksheet(name);
  const w = heads.length;
  sheet.addRow([name]);
  sheet.addRow(['部门:荆门市行政审批局(本级)', null, null, null, '金额单位:万元']);
  sheet.addRow(['项目', null, groups[0], ...Array(w - 1).fill(null), groups[1], ...Array(w - 1).fill(null)]);
  sheet.addRow(['科目代码', '科目名称', ...heads, ...heads]);
  sheet.mergeCells(3, 3, 3, 2 + w);
  sheet.mergeCells(3, 3 + w, 3, 2 + 2 * w);
  for (const line of lines) sheet.addRow(line);
}

describe('a 决算 group beside another figure', () => {
  it.each([
    ['公开05表', ['年初预算数', '决算数'], 1],
    ['公开05表', ['决算数', '年初预算数'], 0],
    ['公开05表', ['调整预算数', '决算数'], 1],
    ['公开03表', ['上年数', '本年数'], 1],
    ['公开03表', ['上年决算数', '本年决算数'], 1],
  ] as const)('%s headed %j: the 决算 group is imported', async (name, groups, decided) => {
    const file = `${name}-${groups.join('')}.sqlite`;
    await newYear(core, file);
    const bytes = await edited(good, (workbook) => twoGroups(workbook, name, [...groups], decided));
    const preview = await core.previewImport({ file, name: 'groups.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([]);
    await core.importWorkbook({ file, name: 'groups.xlsx', dataBase64: base64(bytes) });
    const source = (await core.openYear({ file: 'source.sqlite' })).tables[name].cells;
    const imported = (await core.openYear({ file })).tables[name].cells;
    expect(imported['2010302']['2']).toBe('1272.68');
    expect(imported).toEqual(source);
  });

  it('the other figure is named once per column in the preview, not once per cell', async () => {
    const bytes = await edited(good, (workbook) => twoGroups(workbook, '公开05表', ['年初预算数', '决算数'], 1));
    const preview = await core.previewImport({ file: 'source.sqlite', name: 'groups.xlsx', dataBase64: base64(bytes) });
    const lines = preview.unrecognised.filter((item) => item.sheet === '公开05表');
    expect(lines.map((item) => item.cell)).toEqual(['C5', 'D5', 'E5']);
    expect(lines[0].reason).toMatch(/^“年初预算数”栏不是本表的决算数,此列 \d+ 个数值未导入$/);
  });

  it('a table printing only 年初预算数 is refused, not imported as the 决算', async () => {
    const bytes = await edited(good, (workbook) => {
      twoGroups(workbook, '公开05表', ['年初预算数', '决算数'], 1);
      workbook.getWorksheet('公开05表')!.spliceColumns(6, 3);
    });
    const preview = await core.previewImport({ file: 'source.sqlite', name: 'budget.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual(['文件 budget.xlsx 工作表“公开05表” 第3行:无法识别公开05表的表头:没有找到任何金额栏(栏次或列名)']);
  });
});

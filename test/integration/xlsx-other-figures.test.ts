/**
 * Published tables often print another figure beside this year's 决算: 年初预算数 | 决算数 (公开05表 of
 * many counties), 上年数 | 本年数. The importer must read the 决算 group, whichever comes first — taking
 * the first 基本支出 column imported the budget as the 决算, silently — and refuse a table that has no
 * 决算 group at all.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { base64, newYear, seed002Exported } from '../fixtures/xlsx/helpers';
import { edited } from '../fixtures/xlsx/malformed';

const seeded = seed002Exported('juesuan-figures-');

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
    await newYear(seeded.core, file);
    const bytes = await edited(seeded.good, (workbook) => twoGroups(workbook, name, [...groups], decided));
    const preview = await seeded.core.previewImport({ file, name: 'groups.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([]);
    await seeded.core.importWorkbook({ file, name: 'groups.xlsx', dataBase64: base64(bytes) });
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables[name].cells;
    const imported = (await seeded.core.openYear({ file })).tables[name].cells;
    expect(imported['2010302']['2']).toBe('1272.68');
    expect(imported).toEqual(source);
  });

  it('the other figure is named once per column in the preview, not once per cell', async () => {
    const bytes = await edited(seeded.good, (workbook) => twoGroups(workbook, '公开05表', ['年初预算数', '决算数'], 1));
    const preview = await seeded.core.previewImport({ file: 'source.sqlite', name: 'groups.xlsx', dataBase64: base64(bytes) });
    const lines = preview.unrecognised.filter((item) => item.sheet === '公开05表');
    expect(lines.map((item) => item.cell)).toEqual(['C5', 'D5', 'E5']);
    expect(lines[0].reason).toMatch(/^“年初预算数”栏不是本表的决算数,此列 \d+ 个数值未导入$/);
  });

  it('a table printing only 年初预算数 is refused, not imported as the 决算', async () => {
    const bytes = await edited(seeded.good, (workbook) => {
      twoGroups(workbook, '公开05表', ['年初预算数', '决算数'], 1);
      workbook.getWorksheet('公开05表')!.spliceColumns(6, 3);
    });
    const preview = await seeded.core.previewImport({ file: 'source.sqlite', name: 'budget.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual(['文件 budget.xlsx 工作表“公开05表” 第3行:无法识别公开05表的表头:没有找到任何金额栏(栏次或列名)']);
  });
});

/** 公开05表 with 基本支出 printed as a group over [小计 |] 人员经费 | 公用经费 (人员 = 基本 − 1, 公用 = 1). */
function basicSplit(workbook: ExcelJS.Workbook, subtotal: boolean, merged = true) {
  const ours = workbook.getWorksheet('公开05表')!;
  const lines: ExcelJS.CellValue[][] = [];
  ours.eachRow((row, n) => {
    const code = String(row.getCell(1).value);
    if (n <= 6 || !/^(\d{3,7}|合 计)$/.test(code)) return;
    const [total, basic, project] = [3, 4, 5].map((c) => (shown(row.getCell(c)) as number | null) ?? 0);
    const parts = basic >= 1 ? [Math.round((basic - 1) * 100) / 100, 1] : [basic, 0];
    lines.push([code === '合 计' ? '合计' : code, code === '合 计' ? null : row.getCell(2).value, total, ...(subtotal ? [basic] : []), ...parts, project]);
  });
  workbook.removeWorksheet(ours.id);
  const sheet = workbook.addWorksheet('公开05表');
  const group = subtotal ? ['小计', '人员经费', '公用经费'] : ['人员经费', '公用经费'];
  sheet.addRow(['一般公共预算财政拨款支出决算表']);
  sheet.addRow(['部门:荆门市行政审批局(本级)', null, null, null, '金额单位:万元']);
  sheet.addRow(['项目', null, '本年支出']);
  sheet.addRow(['科目代码', '科目名称', '合计', '基本支出', ...group.slice(1).map(() => null), '项目支出']);
  sheet.addRow([null, null, null, ...group]);
  sheet.mergeCells(3, 3, 3, 4 + group.length);
  // Not merged: 基本支出 centred across the cells (Excel's 跨列居中), the cell beside it empty.
  if (merged) sheet.mergeCells(4, 4, 4, 3 + group.length);
  for (const line of lines) sheet.addRow(line);
}

describe('基本支出 printed over 人员经费 | 公用经费', () => {
  it.each([
    [true, 'D列“人员经费”、E列“公用经费”'],
    [false, 'D列“人员经费”'],
  ])('without a 小计 column (merged: %s) is refused naming the parts: a part is not the whole', async (merged, parts) => {
    const bytes = await edited(seeded.good, (workbook) => basicSplit(workbook, false, merged));
    const preview = await seeded.core.previewImport({ file: 'source.sqlite', name: 'basic.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([
      `文件 basic.xlsx 工作表“公开05表” 第3行:找不到公开05表“本年支出/基本支出”(第 2 栏)所在的列:表上“基本支出”分为 ${parts},没有小计;请插入一列“基本支出”小计后再导入`,
    ]);
  });

  it('a header merged over two columns with no words under it is refused naming the columns', async () => {
    const bytes = await edited(seeded.good, (workbook) => {
      basicSplit(workbook, false);
      workbook.getWorksheet('公开05表')!.spliceRows(5, 1);
    });
    const preview = await seeded.core.previewImport({ file: 'source.sqlite', name: 'basic.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([
      '文件 basic.xlsx 工作表“公开05表” 第4行:公开05表第 2 栏“本年支出/基本支出”的表头合并了 D、E 列,无法确定是哪一列(如基本支出分为人员经费、公用经费而没有小计):请插入一列小计,或合为一列后再导入',
    ]);
  });

  it('with a 小计 column the 小计 is read', async () => {
    await newYear(seeded.core, 'basic-subtotal.sqlite');
    const bytes = await edited(seeded.good, (workbook) => basicSplit(workbook, true));
    await seeded.core.importWorkbook({ file: 'basic-subtotal.sqlite', name: 'basic.xlsx', dataBase64: base64(bytes) });
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables['公开05表'].cells;
    expect((await seeded.core.openYear({ file: 'basic-subtotal.sqlite' })).tables['公开05表'].cells).toEqual(source);
  });
});

describe('公开09表 headed 本年决算数 | 本年预算数', () => {
  it('is read by those words, whichever group comes first', async () => {
    const bytes = await edited(seeded.good, (workbook) => {
      const sheet = workbook.getWorksheet('公开09表')!;
      const values = (n: number) => Array.from({ length: 12 }, (_, i) => shown(sheet.getCell(n, i + 1)));
      const [groups, items, leaves, data] = [4, 5, 6, 8].map(values);
      // 决算 first, 预算 second; the 预算 figures differ from the 决算 ones by 100.
      const swap = (row: ExcelJS.CellValue[]) => [...row.slice(6), ...row.slice(0, 6)];
      const budget = data.slice(0, 6).map((value) => (typeof value === 'number' ? value + 100 : value));
      workbook.removeWorksheet(sheet.id);
      const rebuilt = workbook.addWorksheet('公开09表');
      rebuilt.addRow(['财政拨款“三公”经费支出决算表']);
      rebuilt.addRow(['部门:荆门市行政审批局(本级)']);
      rebuilt.addRow(swap(groups.map((group) => `本年${group}`)));
      rebuilt.addRow(swap(items));
      rebuilt.addRow(swap(leaves));
      rebuilt.addRow([...data.slice(6), ...budget]);
    });
    await newYear(seeded.core, 't09.sqlite');
    const preview = await seeded.core.previewImport({ file: 't09.sqlite', name: 't09.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([]);
    await seeded.core.importWorkbook({ file: 't09.sqlite', name: 't09.xlsx', dataBase64: base64(bytes) });
    const source = (await seeded.core.openYear({ file: 'source.sqlite' })).tables['公开09表'].cells['1'];
    const imported = (await seeded.core.openYear({ file: 't09.sqlite' })).tables['公开09表'].cells['1'];
    expect(imported['11']).toBe(source['11']);
    expect(imported['5']).toBe('106.27');
  });
});

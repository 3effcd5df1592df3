/**
 * Seed 002 (荆门 2023) through real workbooks: our export has the printed layout of SPEC §1.0, and
 * seed 002 written as another tool lays it out, with the artefacts of SPEC Appendix B, imports exactly.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { officialWorkbook, seed002Sheets } from '../fixtures/xlsx/official-workbook';
import { base64, tempCoreEachTest, newYear, seed002Edits, seed002Expected } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-xlsx-');

async function seededYear(file = 'seed.sqlite') {
  await newYear(env.core, file);
  await env.core.edit({ file, cells: seed002Edits() });
}

async function readBack(dataBase64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ExcelJS.Buffer);
  return workbook;
}

/** What a cell shows: its value, or a formula's cached result. */
function shown(cell: ExcelJS.Cell): ExcelJS.CellValue {
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}

/** The values a row prints, merged ranges once (exceljs repeats the master's value in covered cells). */
function texts(sheet: ExcelJS.Worksheet, row: number): string[] {
  const out: string[] = [];
  sheet.getRow(row).eachCell((cell) => {
    if (cell.value != null && cell.master.address === cell.address) out.push(String(shown(cell)));
  });
  return out;
}

describe('export of seed 002', () => {
  it('prints every table of the template on its own sheet in the printed layout', async () => {
    await seededYear();
    // Full precision is kept in the cell, 2 decimals only in the format (SPEC §0.5).
    await env.core.edit({ file: 'seed.sqlite', cells: [{ table: '公开01表', row: '28', col: '1', value: '710.8078' }], addCodes: [{ table: '公开02表', code: '2010399' }] });
    const exported = await env.core.exportWorkbook({ file: 'seed.sqlite', format: 'xlsx', draft: true });
    expect(exported.name).toBe('2023年度部门决算公开表_荆门市行政审批局(本级)(草稿).xlsx');
    const workbook = await readBack(exported.dataBase64);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((n) => `公开${n}表(草稿)`),
      '审核说明',
    ]);

    const t01 = workbook.getWorksheet('公开01表(草稿)')!;
    expect(String(t01.getCell('A1').value)).toMatch(/^草稿/);
    expect(t01.getCell('A2').value).toBe('公开01表');
    expect(t01.getCell('A2').alignment.horizontal).toBe('right');
    expect(t01.getCell('A3').value).toBe('收入支出决算总表(草稿)');
    expect(t01.getCell('A4').value).toBe('部门:荆门市行政审批局(本级)');
    expect(t01.getCell('E4').value).toBe('金额单位:万元');
    expect(texts(t01, 5)).toEqual(['收 入', '支 出']);
    expect(texts(t01, 6)).toEqual(['项 目', '行次', '金额', '项 目', '行次', '金额']);
    expect(texts(t01, 7)).toEqual(['栏 次', '1', '栏 次', '2']);
    // Body line 28 pairs 使用非财政拨款结余 (r28) with 结余分配 (r59).
    const line28 = t01.getRow(7 + 28);
    expect([line28.getCell(1).value, line28.getCell(2).value, line28.getCell(3).value, line28.getCell(5).value]).toEqual(['使用非财政拨款结余', 28, 710.8078, 59]);
    expect(line28.getCell(3).numFmt).toBe('#,##0.00');
    expect(line28.getCell(3).border.top?.style).toBe('thin');
    // A linked cell is a live reference to its source with the value cached; an input stays a number.
    expect(t01.getCell(7 + 1, 3).value).toEqual({ formula: "'公开04表(草稿)'!C8", result: 3383.79 });
    expect(t01.getCell(7 + 27, 3).value).toEqual({ formula: 'SUM(C8:C15)', result: 3383.79 });
    expect(t01.getCell(7 + 31, 3).formula).toBe('SUM(C34:C36)');
    expect(t01.getCell(7 + 9, 3).value).toBe(null); // 行次 9 is a placeholder: nothing printed
    expect(t01.getCell(7 + 31, 1).value).toBe('总 计');
    expect(t01.getCell(7 + 32, 1).value).toBe('注:1.本表反映部门本年度的总收支和年末结转结余情况。');
    expect(t01.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(t01.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 1, printTitlesRow: '5:7' });

    // 公开02表: merged two-level header, 合 计 first, the all-zero 项 row 2010399 not printed.
    const t02 = workbook.getWorksheet('公开02表(草稿)')!;
    expect(texts(t02, 5)).toEqual(['项 目', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
    expect(t02.getCell('A5').isMerged && t02.getCell('B5').master.address).toBe('A5');
    expect(t02.getCell('C6').master.address).toBe('C5');
    expect(texts(t02, 8)).toEqual(['合 计', '3383.8', '3383.8', '0', '0', '0', '0', '0']);
    const codes: string[] = [];
    t02.eachRow((row, n) => n > 8 && /^\d+$/.test(String(row.getCell(1).value)) && codes.push(String(row.getCell(1).value)));
    expect(codes).toEqual(['201', '20103', '2010301', '2010302', '2010303', '2010306', '20113', '2011308', '205', '20508', '2050802', '208', '20805', '2080505', '20807', '2080799']);

    // 公开06表: three groups, no 栏次 line, the totals line with 公用经费合计 spanning groups 2 and 3.
    const t06 = workbook.getWorksheet('公开06表(草稿)')!;
    expect(texts(t06, 5)).toEqual(['人员经费', '公用经费']);
    const totals = t06.getRow(6 + 29);
    expect([totals.getCell(1), totals.getCell(3), totals.getCell(4), totals.getCell(9)].map(shown)).toEqual(['人员经费合计', 1315.01, '公用经费合计', 100.2]);
    expect(t06.getCell(6 + 29, 8).master.address).toBe('D35');

    // 公开07表 is empty: the blank 合 计 row, the 注, then the empty-table line.
    const t07 = workbook.getWorksheet('公开07表(草稿)')!;
    expect(texts(t07, 8)).toEqual(['合 计']);
    expect(texts(t07, 9)).toEqual(['注:本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。']);
    expect(texts(t07, 10)).toEqual(['(本单位今年没有政府性基金预算财政拨款)']);

    // 公开09表: three header levels, 栏次 as bare numbers.
    const t09 = workbook.getWorksheet('公开09表(草稿)')!;
    expect(texts(t09, 8)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(texts(t09, 9)).toEqual(['8.29', '0', '6.27', '0', '6.27', '2.02', '8.29', '0', '6.27', '0', '6.27', '2.02']);
  });

  it('lists the 审核 findings on the 审核说明 sheet and refuses a final export while errors remain', async () => {
    await seededYear();
    const final = await readBack((await env.core.exportWorkbook({ file: 'seed.sqlite' })).dataBase64);
    const audit = final.getWorksheet('审核说明')!;
    expect(texts(audit, 2)).toEqual(['序号', '表', '行', '栏', '类别', '说明', '出错说明']);
    expect(texts(audit, 3)[4]).toBe('警告');
    expect(final.getWorksheet('公开01表')!.getCell('A1').value).toBe('公开01表');

    await env.core.edit({ file: 'seed.sqlite', cells: [{ table: '公开01表', row: '60', col: '2', value: '99' }] });
    await expect(env.core.exportWorkbook({ file: 'seed.sqlite' })).rejects.toThrow(/审核还有 \d+ 个错误,不能导出正式报表/);
    expect((await env.core.exportWorkbook({ file: 'seed.sqlite', draft: true })).name).toContain('草稿');
  });

  it('numbers the sheets 表一… when the file uses that numbering, and writes a legacy .xls', async () => {
    await newYear(env.core, 'yl.sqlite', { numbering: '表' });
    await env.core.edit({ file: 'yl.sqlite', cells: seed002Edits() });
    const workbook = await readBack((await env.core.exportWorkbook({ file: 'yl.sqlite' })).dataBase64);
    expect(workbook.worksheets[3].name).toBe('表四');
    const xls = await env.core.exportWorkbook({ file: 'yl.sqlite', format: 'xls' });
    expect(xls.name.endsWith('.xls')).toBe(true);
    expect(Buffer.from(xls.dataBase64, 'base64').subarray(0, 4).toString('hex')).toBe('d0cf11e0');
  });
});

describe('import of seed 002 as another tool lays it out', () => {
  for (const oneSheet of [false, true]) {
    it(`${oneSheet ? 'all nine tables on one sheet' : 'one sheet per table'}: inputs exact despite 公开表01, 0.0, text numbers, broken labels and blank rows`, async () => {
      await newYear(env.core, 'y.sqlite');
      const bytes = await officialWorkbook(seed002Sheets(), { oneSheet });
      const preview = await env.core.previewImport({ file: 'y.sqlite', name: 'seed002.xlsx', dataBase64: base64(bytes) });
      expect(preview.errors).toEqual([]);
      expect(preview.unrecognised).toEqual([]);
      expect(preview.missing).toEqual([]);
      expect(preview.recognised.find((table) => table.table === '公开02表')).toMatchObject({ codes: 8 });
      // Seed 002's own rounding (Σ类 3383.80 against 合计 3383.79) shows as a difference of printed totals.
      expect(preview.mismatches).toContainEqual({ table: '公开02表', tableLabel: '公开02表', sheet: expect.any(String), row: '合计', col: '1', label: '合计行', printed: '3383.79', computed: '3383.80' });
      expect(preview.warnings.join('\n')).toContain(`${preview.mismatches!.length} 个合计数与明细不符`);

      await env.core.importWorkbook({ file: 'y.sqlite', name: 'seed002.xlsx', dataBase64: base64(bytes) });
      const snapshot = await env.core.openYear({ file: 'y.sqlite' });
      const expected = seed002Expected();
      for (const [table, rows] of Object.entries(expected)) expect(snapshot.tables[table].cells, table).toEqual(rows);
      expect(snapshot.tables['公开03表'].codes).toEqual(['2010301', '2010302', '2010303', '2010306', '2011308', '2050802', '2080505', '2080799']);
      const t01 = await env.core.getTable({ file: 'y.sqlite', table: '公开01表' });
      expect(t01.rows.find((row) => row.row === '31')!.cells['1']).toBe('3383.79');
    });
  }

  it('finds rows by label when the 行次 column is missing, and 项 codes by name when the code column is missing', async () => {
    await newYear(env.core, 'y.sqlite');
    const sheets = seed002Sheets().filter((sheet) => sheet.table === '公开01表' || sheet.table === '公开05表');
    const [t01, t05] = sheets;
    // Drop 行次 from 公开01表 (columns 2 and 5) and 科目代码 from 公开05表 (column 1).
    const drop = (rows: (string | number | null)[][], cols: number[]) => rows.map((row) => row.filter((_, i) => !cols.includes(i + 1)));
    const handMade = [
      { ...t01, label: '公开01表', headerRows: drop(t01.headerRows, [2, 5]), headerMerges: [[1, 1, 1, 2], [1, 3, 1, 4]] as [number, number, number, number][], colNo: ['栏 次', 1, '栏 次', 2], body: drop(t01.body, [2, 5]) },
      { ...t05, headerRows: [['科目名称', '小计', '基本支出', '项目支出']], headerMerges: [], colNo: undefined, colNoMerges: [], bodyMerges: [], body: drop(t05.body, [1]).map((row) => (row[0] === null ? ['合计', ...row.slice(1)] : row)) },
    ];
    const bytes = await officialWorkbook(handMade);
    const result = await env.core.importWorkbook({ file: 'y.sqlite', name: 'hand.xlsx', dataBase64: base64(bytes) });
    expect(result.errors).toEqual([]);
    expect(result.unrecognised).toEqual([]);
    const snapshot = await env.core.openYear({ file: 'y.sqlite' });
    const expected = seed002Expected();
    expect(snapshot.tables['公开01表'].cells).toEqual(expected['公开01表']);
    expect(snapshot.tables['公开05表'].cells).toEqual(expected['公开05表']);
  });
});

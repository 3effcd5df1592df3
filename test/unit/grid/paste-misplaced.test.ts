import { describe, expect, it } from 'vitest';
import { TABLES, YearModel, inputsFromDocs, printedLayout } from '../../../shared/tables';
import { pasteReport, planPaste } from '../../../renderer/src/grid/paste';

const T01 = TABLES.get('公开01表')!;
const T02 = TABLES.get('公开02表')!;
const model = new YearModel(TABLES, inputsFromDocs({ 公开02表: { codes: ['2010301', '2010302'], cells: {} } }), () => undefined);
const layout02 = printedLayout(T02, model.rows('公开02表'));
const layout01 = printedLayout(T01, model.rows('公开01表'));
const lineOf = (layout: typeof layout01, key: string) => layout.lines.findIndex((keys) => keys[0] === key);

/** Excel pastes a block whole; where the table has no cell for a figure, the clerk is told how many were left out. */
describe('a pasted block whose figures do not all land on amount cells', () => {
  it('counts the figures beyond the last line and the last column, and says so', () => {
    const last = lineOf(layout02, '2010302');
    const block = [Array.from({ length: 9 }, (_, i) => String(i + 1)), Array.from({ length: 9 }, (_, i) => String(10 * (i + 1)))];
    const plan = planPaste(T02, layout02, model, { line: last, columnId: 's0-c2' }, block);
    // The last line takes 6 figures (栏 2–7); 3 are beyond 栏 7 and the whole second row is beyond the table.
    expect(plan.change.cells?.map((cell) => cell.value)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(plan.misplaced).toBe(12);
    expect(pasteReport(plan)).toBe('已粘贴 6 个单元格,12 个数值超出表格或落在项目、行次、科目栏,未粘贴');
  });

  it('counts a figure that lands on a 项目 or 行次 cell, but not the line’s own 行次 or 科目代码 copied along', () => {
    // 公开01表 第28行 栏1, then the 支出 side's 项目 and 行次 cells: 34 and 56 have nowhere to go.
    const plan = planPaste(T01, layout01, model, { line: lineOf(layout01, '28'), columnId: 's0-c1' }, [['12', '34', '56']]);
    expect(plan.change.cells).toEqual([{ table: '公开01表', row: '28', col: '1', value: '12' }]);
    expect(pasteReport(plan)).toBe('已粘贴 1 个单元格,2 个数值超出表格或落在项目、行次、科目栏,未粘贴');
    const own = planPaste(T02, layout02, model, { line: lineOf(layout02, '2010301'), columnId: 's0-code' }, [['2010301', '行政运行', '', '5']]);
    expect(own.misplaced).toBe(0);
    const fixed = layout01.lines[lineOf(layout01, '28')];
    const rowno = layout01.columns.find((column) => column.kind === 'rowno' && column.side === 0)!;
    expect(planPaste(T01, layout01, model, { line: lineOf(layout01, '28'), columnId: rowno.id }, [[fixed[0]!, '7']]).misplaced).toBe(0);
  });

  it('says so even when nothing was pasted', () => {
    // 栏1 本年收入合计 is computed; the second figure is below the table's last line.
    const plan = planPaste(T02, layout02, model, { line: layout02.lines.length - 1, columnId: 's0-c1' }, [['5'], ['6']]);
    expect(pasteReport(plan)).toBe('粘贴的 1 个数值落在计算或链接单元格上,1 个数值超出表格或落在项目、行次、科目栏,未做修改');
  });
});

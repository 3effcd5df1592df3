import { describe, expect, it } from 'vitest';
import { baselineCovers, figuresAt, lastYearOf, lastYearUnavailable, withLastYear } from '../../../renderer/src/grid/last-year-columns';
import { clearRange, fillDown, firstInputCell, inputCell } from '../../../renderer/src/grid/fill';
import { baselineView } from '../../../shared/rules';
import { TABLES, YearModel, inputsFromDocs, printedLayout } from '../../../shared/tables';
import { parseAmount } from '../../../shared/money';
import { pasteReport, planPaste } from '../../../renderer/src/grid/paste';

const T02 = TABLES.get('公开02表')!;
const T01 = TABLES.get('公开01表')!;
const model = new YearModel(
  TABLES,
  inputsFromDocs({ 公开02表: { codes: ['2010301', '2010302'], cells: { '2010301': { '2': '19.10' }, '2010302': { '2': '2880.75' } } } }),
  () => undefined,
);
/** Last year: 2010301 and a code retired since (2010399 here), nothing of 公开01表. */
const baseline = baselineView(new Map([['公开02表', new Map([['2010301|2', parseAmount('2167.63')!], ['2010399|2', parseAmount('5')!], ['合计|1', parseAmount('2172.63')!]])]]));

describe('上年数 columns beside the printed layout', () => {
  const printed = printedLayout(T02, model.rows('公开02表'));
  const shown = withLastYear(printed, true);

  it('follow each value column under its header, and leave the printed layout as it is when off', () => {
    expect(withLastYear(printed, false)).toBe(printed);
    expect(shown.lines).toBe(printed.lines);
    const value = printed.columns.filter((column) => column.kind === 'value');
    expect(shown.columns.length).toBe(printed.columns.length + 3 * value.length);
    const at = shown.columns.findIndex((column) => column.id === 's0-c2');
    expect(shown.columns.slice(at, at + 4).map((column) => column.header.at(-1))).toEqual(['本年', '上年数', '增减额', '增减率']);
    expect(shown.columns.slice(at + 1, at + 4).map((column) => lastYearOf(column))).toEqual([
      { col: '2', show: 'last' },
      { col: '2', show: 'change' },
      { col: '2', show: 'percent' },
    ]);
  });

  it('are never typed into, cleared or filled', () => {
    const all = { top: 0, bottom: shown.lines.length - 1, left: 0, right: shown.columns.length - 1 };
    shown.columns.forEach((column, index) => {
      if (lastYearOf(column)) for (let line = 0; line < shown.lines.length; line++) expect(inputCell(T02, shown, model, line, index)).toBeNull();
    });
    const printedAll = { ...all, right: printed.columns.length - 1 };
    expect(clearRange(T02, shown, model, all)).toEqual(clearRange(T02, printed, model, printedAll));
    expect(fillDown(T02, shown, model, all)).toEqual(fillDown(T02, printed, model, printedAll));
    expect(firstInputCell(T02, shown, model)).toEqual(firstInputCell(T02, printed, model));
  });

  it('match rows by code: a new row has no base, a retired code is not a line', () => {
    expect(figuresAt(model, baseline, T02, '2010301', '2')).toMatchObject({ last: '2,167.63', change: '-2,148.53', percent: '-99.12%' });
    expect(figuresAt(model, baseline, T02, '2010302', '2')).toMatchObject({ last: '上年无', percent: '上年无', trend: 'new' });
    expect(shown.lines.flat()).not.toContain('2010399');
  });

  it('are offered only for tables last year covers, with the reason otherwise', () => {
    expect(baselineCovers(baseline, T02)).toBe(true);
    expect(lastYearUnavailable(baseline, T02)).toBeNull();
    expect(lastYearUnavailable(baseline, T01)).toBe('上年数据中本表没有数字,无可对比');
    expect(figuresAt(model, baseline, T01, '1', '1')).toBeNull();
    expect(lastYearUnavailable(undefined, T02)).toContain('本年度文件没有上年数');
  });
});

describe('pasting while the 上年数 columns are shown', () => {
  it('pastes the values that land on amounts and names those that land on 上年数, never dropping one silently', () => {
    const shown = withLastYear(printedLayout(T02, model.rows('公开02表')), true);
    const line = shown.lines.findIndex((keys) => keys[0] === '2010301');
    const plan = planPaste(T02, shown, model, { line, columnId: 's0-c2' }, [['20.00', '7', '', '8']]);
    expect(plan.change.cells).toEqual([{ table: '公开02表', row: '2010301', col: '2', value: '20.00' }]);
    expect(plan.onLastYear).toBe(2);
    expect(pasteReport(plan)).toBe('已粘贴 1 个单元格,2 个数值落在只读的上年数栏,未粘贴');
  });
});

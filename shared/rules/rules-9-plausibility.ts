/** SPEC §2.7 for the 9-table set: plausibility warnings. */
import { formatAmount, type Amount } from '../money';
import { codeLevel } from '../tables';
import type { ReasonSlot, SourceCell } from '../report/types';
import { rel, rule } from './builders';
import { show, type CheckContext } from './context';
import { enteredChecker } from './entered';
import { narrativeOf } from './report-rules';
import { SUPP_TABLE, TEXT_TABLE, type RuleDef } from './types';
import { custom, T01, T03, T05, T06, T09, W } from './rules-9-common';

// ─── 2.7 Plausibility warnings ──────────────────────────────────────────────────────────────────

/** P-02: 基本支出 by 经济分类 (公开06表) against the 功能分类 items that should carry it (公开05表 c2). */
/**
 * Re-derived from real departments (issue 17): most book 社保缴费, 公积金 and 离退休费 under 行政运行 /
 * 一般行政管理事务 and never use the 208/210/221 items, so comparing with an unused item fired on every
 * file. A pair is evidence of a misclassification only where the department uses the 功能 item: it
 * is compared only when that side is not 0. 2080501/2080502 also carry the retirees' 公用经费 and
 * other 303 items, so 离退休费 may only not exceed them (≤), never must equal them.
 */
const P02_PAIRS: [string, string, string][] = [
  ['T06[30108].c1 = T05[2080505].c2', '机关事业单位基本养老保险缴费', '机关事业单位基本养老保险缴费支出 基本支出'],
  ['T06[30109].c1 = T05[2080506].c2', '职业年金缴费', '机关事业单位职业年金缴费支出 基本支出'],
  ['T06[30110].c1 + T06[30111].c1 = T05[21011].c2', '职工基本医疗保险与公务员医疗补助缴费', '行政事业单位医疗 基本支出'],
  ['T06[30113].c1 = T05[2210201].c2', '住房公积金', '住房公积金 基本支出'],
  // Anchored at 30302 退休费, the usual one, so the finding key stays put whatever 30301 holds.
  ['T06[30302].c1 + T06[30301].c1 ≤ T05[2080501].c2 + T05[2080502].c2', '离休费与退休费', '行政、事业单位离退休 基本支出'],
];
const P02_RELATIONS = P02_PAIRS.map(([text, lhs, rhs]) => rel(text, lhs, rhs, { message: P02_MESSAGE_TEXT(text) }));
function P02_MESSAGE_TEXT(text: string): string {
  return text.includes('≤') ? '{lhs} 大于 {rhs},超出 {diff}:离退休费应列在离退休功能科目中,请核实科目' : '{lhs} 与 {rhs} 不一致,相差 {diff}:经济分类与功能分类应相互对应,请核实科目';
}

/** P-03: amounts that get a variance sentence in the narrative (SPEC §5). */
function yoyCells(ctx: CheckContext) {
  const categories = new Set([...ctx.rows(T05), ...ctx.rows(T05, true)].filter((row) => row.level === 1).map((row) => row.key));
  return [
    { table: T01, row: '27', col: '1' },
    { table: T01, row: '58', col: '2' },
    ...[...categories].sort().map((code) => ({ table: T05, row: code, col: '1' })),
    { table: T06, row: '人员经费合计', col: '1' },
    { table: T06, row: '公用经费合计', col: '1' },
    { table: T09, row: '1', col: '7' },
  ];
}

const pct = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;

const sameCell = (a: SourceCell, b: SourceCell) => a.table === b.table && a.row === b.row && a.col === b.col && !a.lastYear === !b.lastYear;

/**
 * The 决算公开 sentence reason that explains the change of `cell` against `base`, if the document has
 * one: its 主要原因 is then the one explanation of that change, for the page and the 审核 alike.
 */
function reasonFor(ctx: CheckContext, cell: SourceCell, base: SourceCell): ReasonSlot | undefined {
  if (!ctx.supp.report) return undefined;
  const reasons = narrativeOf(ctx).sentences.flatMap((sentence) => (sentence.reason ? [sentence.reason] : []));
  return reasons.find((reason) => reason.cells.some((c) => sameCell(c, cell)) && reason.cells.some((c) => sameCell(c, base)));
}

const PLACEHOLDERS = /……|\.{3,}|[XＸ]{2,}|[(（][^()（）]{0,30}字以内[)）]|主要原因[::]\s*$/;

export const plausibility: RuleDef[] = [
  rule(
    'P-01',
    W,
    '基本支出不应列在“一般行政管理事务”科目',
    // Re-derived (issue 17): 项目支出 under 行政运行 fired on three of four real departments — 运转类项目
    // (物业、运维) are commonly budgeted there — so that half was noise and is dropped. 一般行政管理事务
    // is by definition the 项目支出 item, so 基本支出 there stays a warning.
    custom(['T03[项 一般行政管理事务].c2 = 0'], (ctx) => {
      for (const code of ctx.leaves(T03)) {
        const name = ctx.model.row(T03, code)?.label ?? '';
        const col = name === '一般行政管理事务' ? '2' : null;
        const value = col ? ctx.amount(T03, code, col) : 0;
        if (!col || value === 0) continue;
        const [kind, home] = ['基本支出', '“行政运行”科目'];
        ctx.emit({
          severity: 'warning',
          table: T03,
          row: code,
          col,
          message: `${T03} 科目 ${code} ${name} 第2栏 ${kind}应为 0.00,实有 ${show(value)}:${kind}一般应列在${home}。请核实,列错的请改列到“行政运行”科目,确属本科目的请填写出错说明`,
          expected: '0.00',
          actual: formatAmount(value),
        });
      }
    }),
  ),
  rule(
    'P-02',
    W,
    '基本支出的经济分类与功能分类应相互对应(养老、年金、医疗、公积金、离退休)',
    {
      reads: P02_RELATIONS.map((relation) => relation.text),
      check: (ctx) => {
        for (const relation of P02_RELATIONS) {
          // Only where the department uses the 功能 item (the right-hand side) at all.
          if (relation.rhs.some((term) => ctx.amount(term.table, term.row, term.col) !== 0)) ctx.check(relation);
        }
      },
    },
  ),
  rule(
    'P-03',
    W,
    '增减变动 ≥ 30% 或预算执行率 < 90% / > 110% 须说明主要原因',
    custom(['T01[r27].c1, T01[r58].c2, T05[类].c1, T06[人员经费合计/公用经费合计], T09.c7 vs LY', 'T05[code].c1 ÷ SUPP.gpb_initial_budget_by_code[code]'], (ctx) => {
      const entered = enteredChecker(ctx.model);
      // Each change is its own finding, answered by its own reason: a 主要原因 written on the 决算公开
      // page for that change (the warning sends the clerk there), else an 出错说明. One finding for
      // both kept the 上年 part when the 执行率 reason was written, and took one 出错说明 for both.
      // A change needs a reason once this year's figure is entered, and only once.
      const note = (cell: SourceCell, base: SourceCell, text: string, expected: Amount, part?: string) => {
        if (!entered([cell])) return;
        const reason = reasonFor(ctx, cell, base);
        if (reason?.text && !reason.draft) return;
        const actual = ctx.amount(cell.table, cell.row, cell.col);
        const where = reason ? '请在决算公开页写明主要原因(写明后此条即消除)' : '请在出错说明中写明主要原因';
        ctx.emit(
          { severity: 'warning', table: cell.table, row: cell.row, col: cell.col, message: `${ctx.where(cell)} ${ctx.label(cell)} ${show(actual)},${text},${where}`, expected: formatAmount(expected), actual: formatAmount(actual) },
          part,
        );
      };
      if (ctx.baseline) {
        for (const cell of yoyCells(ctx)) {
          const last = ctx.amount(cell.table, cell.row, cell.col, true);
          // No rate against a zero base (SPEC §0.5): the narrative says "上年无此项资金" instead.
          if (last === 0) continue;
          const change = (ctx.amount(cell.table, cell.row, cell.col) - last) / last;
          if (Math.abs(change) >= 0.3) note(cell, { ...cell, lastYear: true }, `较上年 ${show(last)} ${change > 0 ? '增长' : '下降'} ${pct(Math.abs(change))}`, last);
        }
      }
      for (const [row, budget] of Object.entries(ctx.supp.gpb_initial_budget_by_code ?? {})) {
        if (budget === 0) continue;
        const cell = { table: T05, row, col: '1' };
        const rate = ctx.amount(T05, row, '1') / budget;
        const base = { table: SUPP_TABLE, row: `gpb_initial_budget_by_code.${row}`, col: '' };
        // A 类 also has its 上年 change at this cell: the 年初预算 finding is keyed apart from it, at
        // every 类 whether or not that one is there, so an 出错说明 stays with the change it was written for.
        if (rate < 0.9 || rate > 1.1) note(cell, base, `年初预算 ${show(budget)},执行率 ${pct(rate)}`, budget, codeLevel(row) === 1 ? '年初预算' : undefined);
      }
    }),
    { needsOneOf: ['baseline', 'gpb_initial_budget_by_code'] },
  ),
  rule(
    'P-04',
    W,
    '说明文字中不得留有“……”、“XX”、“(100字以内)”等占位内容',
    custom(['SUPP.narrative[*]'], (ctx) => {
      for (const [section, text] of Object.entries(ctx.supp.narrative!)) {
        const found = PLACEHOLDERS.exec(text);
        if (!found) continue;
        ctx.emit({
          severity: 'warning',
          table: TEXT_TABLE,
          row: section,
          col: '',
          message: `${TEXT_TABLE}“${section}”仍有占位内容“${found[0]}”,请补写完整`,
          expected: null,
          actual: null,
        });
      }
    }),
    { needs: ['narrative'] },
  ),
];

/**
 * A computed or linked cell's formula in a clerk's words: "= 第1至8行之和", "= 第2栏 + 第3栏",
 * "取自 公开04表 第1行 第1栏", "= 下级科目之和". The declarations keep the SPEC notation
 * ("SUM(r1:r8)", "T04[r1].c1") for developers; nothing a clerk sees shows it.
 */
import { describeCell } from './describe';
import { SAME_ROW, type CellRef, type CellRule, type TableDef, type Term } from './types';

type Here = { table: string; row: string; col: string };
type Tables = { get(id: string): TableDef | undefined };

/** Where a cell is, relative to `here`: the parts that differ are named (表, 行, 栏). */
function place(tables: Tables, ref: CellRef, here: Here, always = false): string {
  const table = ref.table ?? here.table;
  const parts: string[] = [];
  if (always || table !== here.table) parts.push(table);
  const def = tables.get(table);
  if (always || table !== here.table || ref.row !== here.row) parts.push(def ? describeCell(def, ref.row) : `第${ref.row}行`);
  if (always || table !== here.table || ref.col !== here.col) parts.push(`第${ref.col}栏`);
  return parts.join(' ');
}

/** Rows of this column, all added: "第a至b行之和", "经济分类 301、303、399 之和", "经济分类 30201…30299 各行(共 27 行)之和". */
function rowSum(tables: Tables, terms: Term[], here: Here): string | null {
  if (terms.length < 3 || terms.some((term) => term.sign !== 1 || (term.ref.table ?? here.table) !== here.table || term.ref.col !== here.col)) return null;
  const rows = terms.map((term) => term.ref.row);
  const numbers = rows.map(Number);
  if (rows.every((row, i) => /^\d{1,2}$/.test(row) && (i === 0 || numbers[i] === numbers[i - 1] + 1))) return `第${rows[0]}至${rows[rows.length - 1]}行之和`;
  const def = tables.get(here.table);
  const first = def ? describeCell(def, rows[0]) : rows[0];
  if (rows.length <= 6) return `${first}、${rows.slice(1).join('、')} 之和`;
  return `${first}…${rows[rows.length - 1]} 各行(共 ${rows.length} 行)之和`;
}

/** What a computed or linked cell holds, in words; null for an input cell. */
export function explainRule(tables: Tables, rule: CellRule, here: Here): string | null {
  // "@" in a declaration is the row being computed.
  const resolve = (ref: CellRef): CellRef => (ref.row === SAME_ROW ? { ...ref, row: here.row } : ref);
  if (rule.role === 'linked') return `取自 ${place(tables, resolve(rule.from), here, true)}`;
  if (rule.role === 'computed') rule = { ...rule, terms: rule.terms.map((term) => ({ ...term, ref: resolve(term.ref) })) };
  if (rule.role !== 'computed') return null;
  if (!rule.terms.length) return '= 下级科目之和';
  const sum = rowSum(tables, rule.terms, here);
  if (sum) return `= ${sum}`;
  // Once one term names another column, every term names its column, so none reads as "this column".
  const otherColumn = rule.terms.some((term) => term.ref.col !== here.col);
  const named = (ref: CellRef) => place(tables, ref, otherColumn && ref.row !== here.row ? { ...here, col: '' } : here);
  return `= ${rule.terms.map((term, i) => `${i === 0 ? (term.sign < 0 ? '−' : '') : term.sign < 0 ? ' − ' : ' + '}${named(term.ref)}`).join('')}`;
}

/** The cell a linked cell reads, to jump to; null for other cells. */
export function linkSource(rule: CellRule, here: Here): Here | null {
  if (rule.role !== 'linked') return null;
  return { table: rule.from.table ?? here.table, row: rule.from.row === SAME_ROW ? here.row : rule.from.row, col: rule.from.col };
}

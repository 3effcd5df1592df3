import { computed, input } from './formula';
import type { CellRule, ColumnDef, FixedTableDef } from './types';

/** The single data row. */
export const T09_ROW = '1';

const CAR = '公务用车购置及运行维护费';

/**
 * 预算数 and 决算数 share one layout: 合计, 因公出国(境)费, 公务用车 小计/购置/运行维护, 公务接待费, then any
 * `extra` items (陕西's 会议费、培训费, outside the “三公” 合计), each half numbered on from the other.
 */
function half(id: string, title: string, offset: number, extra: readonly string[]): { columns: ColumnDef[]; cells: Record<string, CellRule> } {
  const c = (n: number) => String(n + offset);
  const at = (n: number) => ({ table: id, row: T09_ROW, col: c(n) });
  const total = extra.length ? ['“三公”经费', '合计'] : ['合计'];
  return {
    columns: [
      { col: c(1), header: [title, ...total] },
      { col: c(2), header: [title, '因公出国(境)费'] },
      { col: c(3), header: [title, CAR, '小计'] },
      { col: c(4), header: [title, CAR, '公务用车购置费'] },
      { col: c(5), header: [title, CAR, '公务用车运行维护费'] },
      { col: c(6), header: [title, '公务接待费'] },
      ...extra.map((name, i) => ({ col: c(7 + i), header: [title, name] })),
    ],
    cells: {
      [c(1)]: computed(`c${c(2)}+c${c(3)}+c${c(6)}`, at(1)),
      [c(2)]: input(),
      [c(3)]: computed(`c${c(4)}+c${c(5)}`, at(3)),
      [c(4)]: input(),
      [c(5)]: input(),
      [c(6)]: input(),
      ...Object.fromEntries(extra.map((_, i) => [c(7 + i), input()])),
    },
  };
}

export interface SangongSpec {
  id: string;
  title: string;
  notes: string[];
  /** Items printed after 公务接待费 in each half (陕西: 会议费、培训费). */
  extra?: readonly string[];
}

/** A one-row “三公” table in 公开09表's layout: 预算数 then 决算数, 3-level headers, bare 栏次 numbers. */
export function sangongTable(spec: SangongSpec): FixedTableDef {
  const extra = spec.extra ?? [];
  const budget = half(spec.id, '预算数', 0, extra);
  const actual = half(spec.id, '决算数', 6 + extra.length, extra);
  const columns = [...budget.columns, ...actual.columns];
  return {
    id: spec.id,
    title: spec.title,
    kind: 'fixed',
    columns,
    rows: [{ key: T09_ROW, label: '', cells: { ...budget.cells, ...actual.cells } }],
    sides: [{ keyColumns: 'none', cols: columns.map((column) => column.col), rows: [T09_ROW] }],
    notes: spec.notes,
    emptyAsZero: true,
    colNoRow: '',
  };
}

/** 公开09表 财政拨款“三公”经费支出决算表 (SPEC §1.9). */
export const T09: FixedTableDef = sangongTable({
  id: '公开09表',
  title: '财政拨款“三公”经费支出决算表',
  notes: [
    '注:本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中,预算数为“三公”经费全年预算数,反映按规定程序调整后的预算数;决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。',
  ],
});

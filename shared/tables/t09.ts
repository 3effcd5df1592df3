import { computed, input } from './formula';
import type { CellRule, ColumnDef, FixedTableDef } from './types';

const ID = '公开09表';
/** The single data row. */
export const T09_ROW = '1';

const CAR = '公务用车购置及运行维护费';

/** 预算数 (栏次 1–6) and 决算数 (7–12) share one layout, offset by 6. */
function half(title: string, offset: number): { columns: ColumnDef[]; cells: Record<string, CellRule> } {
  const c = (n: number) => String(n + offset);
  const at = (n: number) => ({ table: ID, row: T09_ROW, col: c(n) });
  return {
    columns: [
      { col: c(1), header: [title, '合计'] },
      { col: c(2), header: [title, '因公出国(境)费'] },
      { col: c(3), header: [title, CAR, '小计'] },
      { col: c(4), header: [title, CAR, '公务用车购置费'] },
      { col: c(5), header: [title, CAR, '公务用车运行维护费'] },
      { col: c(6), header: [title, '公务接待费'] },
    ],
    cells: {
      [c(1)]: computed(`c${c(2)}+c${c(3)}+c${c(6)}`, at(1)),
      [c(2)]: input(),
      [c(3)]: computed(`c${c(4)}+c${c(5)}`, at(3)),
      [c(4)]: input(),
      [c(5)]: input(),
      [c(6)]: input(),
    },
  };
}

const budget = half('预算数', 0);
const actual = half('决算数', 6);

/** 公开09表 财政拨款“三公”经费支出决算表 (SPEC §1.9): one data row, 3-level headers, bare 栏次 numbers. */
export const T09: FixedTableDef = {
  id: ID,
  title: '财政拨款“三公”经费支出决算表',
  kind: 'fixed',
  columns: [...budget.columns, ...actual.columns],
  rows: [{ key: T09_ROW, label: '', cells: { ...budget.cells, ...actual.cells } }],
  sides: [{ keyColumns: 'none', cols: [...budget.columns, ...actual.columns].map((column) => column.col), rows: [T09_ROW] }],
  notes: [
    '注:本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中,预算数为“三公”经费全年预算数,反映按规定程序调整后的预算数;决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。',
  ],
  emptyAsZero: true,
  colNoRow: '',
};

import { computed, input } from './formula';
import { SAME_ROW, type CellRule, type FunctionalTableDef } from './types';

/** One value column of a functional table: a formula makes its 项 cells computed, otherwise they are input. */
export interface LeafColumn {
  col: string;
  header: string[];
  formula?: string;
  /** Pre-fill source for input cells (SPEC §5), e.g. "LY.T07[@].c6" — "@" is the same 科目代码. */
  prefill?: string;
}

type FunctionalSpec = Pick<FunctionalTableDef, 'id' | 'title' | 'codeScope' | 'notes' | 'emptyText'> & { columns: LeafColumn[] };

/**
 * Builds a dynamic 功能分类 table (SPEC §1.10). Every one prints "栏次" and leaves empty cells blank;
 * only the 项 rules differ, and those are written once per column.
 */
export function functionalTable(spec: FunctionalSpec): FunctionalTableDef {
  const leaf: Record<string, CellRule> = {};
  for (const column of spec.columns) {
    leaf[column.col] = column.formula
      ? computed(column.formula, { table: spec.id, row: SAME_ROW, col: column.col })
      : input(column.prefill);
  }
  const def: FunctionalTableDef = {
    id: spec.id,
    title: spec.title,
    kind: 'functional',
    codeScope: spec.codeScope,
    columns: spec.columns.map(({ col, header }) => ({ col, header })),
    leaf,
    notes: spec.notes,
    emptyAsZero: false,
    colNoRow: '栏次',
  };
  if (spec.emptyText) def.emptyText = spec.emptyText;
  return def;
}

import { SUPP_TABLE, type ModelView } from './types';

type Cell = { table: string; row: string; col: string; lastYear?: boolean };

/**
 * Whether this year's figures behind some cells have been entered, so that a change against last year
 * or the 年初预算 is one the clerk must explain (主要原因, P-03 and P-05) and not just a table of a new
 * year nobody has filled yet (it reads as “下降 100%”).
 * Entered: any entry (a typed 0 counts: a figure that fell to 0 is a change) in the cell's table or in a
 * table its formulas read, other than the opening balances a new year prefills from last year (a total
 * of those alone is still last year's money). A 补充信息 figure exists only once entered.
 * Returns a checker that looks at each table once.
 */
export function enteredChecker(model: ModelView): (cells: readonly Cell[]) => boolean {
  const entries = new Map<string, boolean>();
  const hasEntries = (table: string) => {
    let entered = entries.get(table);
    if (entered === undefined) {
      entered = model.rows(table).some((row) =>
        Object.entries(row.rules).some(([col, rule]) => rule.role === 'input' && !rule.prefill && model.value(table, row.key, col) !== null),
      );
      entries.set(table, entered);
    }
    return entered;
  };
  const behind = new Map<string, boolean>();
  const enteredBehind = (table: string) => {
    let entered = behind.get(table);
    if (entered === undefined) {
      const read = new Set([table]);
      for (const row of model.rows(table)) {
        for (const rule of Object.values(row.rules)) {
          if (rule.role === 'computed') for (const term of rule.terms) read.add(term.ref.table ?? table);
          if (rule.role === 'linked') read.add(rule.from.table ?? table);
        }
      }
      entered = [...read].some(hasEntries);
      behind.set(table, entered);
    }
    return entered;
  };
  return (cells) => cells.some((cell) => !cell.lastYear && (cell.table === SUPP_TABLE || enteredBehind(cell.table)));
}

/**
 * Totals an imported workbook printed (R-I01), as the renderer holds them: a change's printed
 * entries forget them (采用计算值, one or all) or put them back, and their inverse (for undo) puts
 * back what was.
 */
import type { YearChange } from '../../../shared/contract';
import { formatAmount, parseAmount } from '../../../shared/money';
import type { PrintedCells } from '../../../shared/rules';
import { cellKey } from '../../../shared/tables';

type Entries = NonNullable<YearChange['printed']>;

/** The printed totals after `entries`; the same map when there are none (so the audit is not rerun for nothing). */
export function withPrinted(printed: PrintedCells, entries: Entries | undefined): PrintedCells {
  if (!entries?.length) return printed;
  const next: PrintedCells = new Map([...printed].map(([table, cells]) => [table, new Map(cells)]));
  for (const { table, row, col, value } of entries) {
    const amount = value === null ? null : parseAmount(value);
    if (amount === null) next.get(table)?.delete(cellKey(row, col));
    else (next.get(table) ?? next.set(table, new Map()).get(table)!).set(cellKey(row, col), amount);
  }
  return next;
}

/** The entries that undo `entries`: each cell's printed value as it is now (null where there was none). */
export function inversePrinted(printed: PrintedCells, entries: Entries | undefined): Entries {
  return (entries ?? []).map(({ table, row, col }) => ({ table, row, col, value: formatAmount(printed.get(table)?.get(cellKey(row, col)) ?? null) }));
}

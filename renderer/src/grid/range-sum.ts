import { displayFullAmount, sumAmounts, type Amount } from '../../../shared/money';
import type { PrintedLayout, TableDef, YearModel } from '../../../shared/tables';
import type { Bounds } from './selection';

/** What Excel's status bar says of a selection: how many cells hold an amount and their exact sum. */
export interface RangeSum {
  /** Cells in the selection that hold an amount (empty cells, labels, codes and 上年数 columns are not counted). */
  count: number;
  /** The exact sum, as a hover shows amounts ("3,383.80", "710.8078"). */
  sum: string;
}

/** The amounts of the year cells a selection covers, summed in minor units (never through floating point). */
export function rangeSum(def: TableDef, layout: PrintedLayout, model: YearModel, bounds: Bounds): RangeSum {
  const values: Amount[] = [];
  for (let line = bounds.top; line <= bounds.bottom; line++) {
    for (let column = bounds.left; column <= bounds.right; column++) {
      const { col, side } = layout.columns[column];
      const key = col ? layout.lines[line]?.[side] : null;
      const value = key && col && model.rule(def.id, key, col) ? model.value(def.id, key, col) : null;
      if (value !== null) values.push(value);
    }
  }
  return { count: values.length, sum: displayFullAmount(sumAmounts(values) ?? 0) };
}

/**
 * Input cells as a year file hands them over (electron/core/store-inputs.ts): parallel arrays, placed
 * straight into a table's value arrays when the model builds the table (engine.ts), so a cold 审核
 * of a large year builds no cell key and no Map.
 */
import type { Amount } from '../money';
import type { CellRule } from './types';

/** Input cells as parallel arrays: cell i is (rows[i], cols[i]) = values[i]. */
export interface PackedCells {
  rows: string[];
  cols: string[];
  values: Float64Array;
}

/** What placing needs of the model's table arrays (engine.ts Structure): each row's rules and position, values and their stamps. */
interface TableArrays {
  slots: Map<string, { row: { rules: Record<string, CellRule> }; position: number }>;
  columns: string[];
  columnIndex: Map<string, number>;
  stamp: Int32Array;
  values: (Amount | null)[];
}

/**
 * Input cells from packed arrays, stamped `done` (this generation's values): what evaluate would
 * read from the cells Map, key by key. An input cell not in the arrays is empty; a cell that is no
 * input of the table as it stands is ignored, as evaluate never reads it.
 */
export function placePacked(table: TableArrays, packed: PackedCells, done: number): void {
  const width = table.columns.length;
  // Which columns are inputs, per rules object: rows of one kind share it (a functional table's 项 rows).
  const inputFlags = new Map<Record<string, CellRule>, Uint8Array>();
  const inputsOf = (rules: Record<string, CellRule>) => {
    let flags = inputFlags.get(rules);
    if (!flags) inputFlags.set(rules, (flags = Uint8Array.from(table.columns, (col) => (rules[col]?.role === 'input' ? 1 : 0))));
    return flags;
  };
  for (const slot of table.slots.values()) {
    const flags = inputsOf(slot.row.rules);
    for (let index = 0; index < width; index++) if (flags[index]) table.stamp[slot.position * width + index] = done;
  }
  // The file gives a row's cells one after another: its slot and flags are looked up once per row.
  let row: string | undefined;
  let slot: { row: { rules: Record<string, CellRule> }; position: number } | undefined;
  let flags: Uint8Array | undefined;
  for (let i = 0; i < packed.rows.length; i++) {
    if (packed.rows[i] !== row) {
      row = packed.rows[i];
      slot = table.slots.get(row);
      flags = slot && inputsOf(slot.row.rules);
    }
    const index = table.columnIndex.get(packed.cols[i]);
    if (slot && index !== undefined && flags![index]) table.values[slot.position * width + index] = packed.values[i];
  }
}

import type { Amount } from '../money';
import { cellKey, type YearModel } from './engine';

/** A change of inputs with parsed amounts, as both the core and the renderer apply it to a model. */
export interface ParsedChange {
  addCodes: { table: string; code: string }[];
  cells: { table: string; row: string; col: string; value: Amount | null }[];
  removeCodes: { table: string; code: string }[];
}

/** Applies a change to the model's inputs (codes added, cells set, codes removed with their cells) and invalidates it. */
export function applyToModel(model: YearModel, change: ParsedChange): void {
  const reshaped = new Set<string>();
  for (const { table, code } of change.addCodes) {
    model.tableInputs(table).codes.add(code);
    reshaped.add(table);
  }
  for (const cell of change.cells) {
    const cells = model.tableInputs(cell.table).cells;
    const key = cellKey(cell.row, cell.col);
    if (cell.value === null) cells.delete(key);
    else cells.set(key, cell.value);
  }
  for (const { table, code } of change.removeCodes) {
    const inputs = model.tableInputs(table);
    inputs.codes.delete(code);
    for (const key of [...inputs.cells.keys()]) if (key.startsWith(`${code}|`)) inputs.cells.delete(key);
    reshaped.add(table);
  }
  model.invalidate();
  for (const table of reshaped) model.invalidate(table);
}

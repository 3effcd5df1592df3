import { catalogFor } from '../catalog';
import { parseAmount, type Amount } from '../money';
import { TABLES, YearModel, cellKey, codeLevel, emptyInputs, type YearInputs } from '../tables';
import type { ModelView } from './types';

/** Last year's values as stored with this year's file: table → "row|col" → amount. */
export type BaselineCells = Map<string, Map<string, Amount>>;

/**
 * Last year's stored values as the rules engine reads a year, for the cross-year checks
 * (R-Y01…: `validateYear(model, { baseline })`): rows rebuilt from the stored 项 codes, values
 * exactly as stored (last year's printed figures, not recomputed).
 */
export function baselineView(stored: BaselineCells): ModelView {
  const inputs: YearInputs = {};
  for (const [table, cells] of stored) {
    // The stored cells stand as the inputs: they are what inputsBehind counts (values are read as stored below).
    const target = (inputs[table] = { ...emptyInputs(), cells });
    for (const key of cells.keys()) {
      const row = key.split('|')[0];
      if (codeLevel(row) === 3) target.codes.add(row);
    }
  }
  // The catalog found once: finding it per row (by year and edition) was most of building last year's 5,000-row tables.
  const catalog = catalogFor();
  const model = new YearModel(TABLES, inputs, (code) => catalog.functionName(code));
  return {
    value: (table, row, col) => stored.get(table)?.get(cellKey(row, col)) ?? null,
    rows: (table) => model.rows(table),
    row: (table, key) => model.row(table, key),
    rule: (table, row, col) => model.rule(table, row, col),
    table: (table) => model.table(table),
    inputsBehind: (table, row, col) => model.inputsBehind(table, row, col),
    column: (table, col) => {
      const cells = stored.get(table);
      return (row) => cells?.get(cellKey(row, col)) ?? null;
    },
  };
}

/** Baseline cells as the API carries them: table → "row|col" → decimal string. */
export function baselineFromDoc(doc: Record<string, Record<string, string>>): BaselineCells {
  return new Map(Object.entries(doc).map(([table, cells]) => [table, new Map(Object.entries(cells).map(([key, text]) => [key, parseAmount(text)!]))]));
}

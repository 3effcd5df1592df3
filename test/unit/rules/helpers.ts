import { functionName } from '../../../shared/catalog';
import { parseAmount, type Amount } from '../../../shared/money';
import { validateYear, type Finding, type ModelView, type ValidateOptions } from '../../../shared/rules';
import { TABLES, YearModel, cellKey, emptyInputs, inputsFromDocs, type YearInputs } from '../../../shared/tables';
import { SEED_002_INPUTS } from '../../fixtures/seed-002';

/** Seed 002 as a clerk would key it: inputs and 项 codes only; totals are computed by the engine. */
export const seedInputs = (): YearInputs => inputsFromDocs(SEED_002_INPUTS);

export const modelOf = (inputs: YearInputs) => new YearModel(TABLES, inputs, functionName);

export const amount = (text: string): Amount => parseAmount(text)!;

/** Sets one input cell ("" clears it); adds the 项 code when the row is a new 7-digit code. */
export function setInput(inputs: YearInputs, table: string, row: string, col: string, text: string): void {
  const target = (inputs[table] ??= emptyInputs());
  if (/^\d{7}$/.test(row)) target.codes.add(row);
  if (text === '') target.cells.delete(cellKey(row, col));
  else target.cells.set(cellKey(row, col), amount(text));
}

/**
 * A view whose listed cells read differently from what the engine computes: what an imported file
 * looks like when it keeps its printed totals, or a linked value typed over. The engine itself
 * cannot produce such a year, so this is how by-construction relations get a planted violation.
 */
export function withOverrides(model: ModelView, overrides: Record<string, string>): ModelView {
  const value = (table: string, row: string, col: string) => {
    const key = `${table}|${row}|${col}`;
    return key in overrides ? amount(overrides[key]) : model.value(table, row, col);
  };
  return {
    value,
    column: (table, col) => (row) => value(table, row, col),
    rows: (table) => model.rows(table),
    row: (table, key) => model.row(table, key),
    rule: (table, row, col) => model.rule(table, row, col),
    table: (id) => model.table(id),
    inputsBehind: (table, row, col) => model.inputsBehind(table, row, col),
  };
}

export const OPTIONS: ValidateOptions = { template: '9', fiscalYear: 2023 };


export const validate = (model: ModelView, options: Partial<ValidateOptions> = {}) => validateYear(model, { ...OPTIONS, ...options });

/** A finding as the tests name it: rule, table, row, col and severity ("尾数" marks a 尾数误差 warning). */
export const tag = (finding: Finding) =>
  `${finding.rule} ${finding.table} ${finding.row} ${finding.col || '-'} ${finding.severity}${finding.rounding ? ' 尾数' : ''}`;

/** Findings added and removed between two runs (a finding whose severity changes counts as both). */
export function difference(before: Finding[], after: Finding[]): { added: string[]; removed: string[] } {
  const was = new Set(before.map(tag));
  const now = new Set(after.map(tag));
  return { added: after.map(tag).filter((t) => !was.has(t)), removed: before.map(tag).filter((t) => !now.has(t)) };
}

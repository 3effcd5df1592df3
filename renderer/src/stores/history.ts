import type { CellEdit, YearChange } from '../../../shared/contract';
import { formatAmount, parseAmount } from '../../../shared/money';
import { applyToModel, cellKey, type YearModel } from '../../../shared/tables';

/**
 * The change that undoes `change`, read from the model before `change` is applied:
 * cells get their previous values back, added code rows go, removed ones return with their cells.
 */
export function inverseOf(model: YearModel, change: YearChange): YearChange {
  const present = (table: string, code: string) => model.tableInputs(table).codes.has(code);
  const added = (change.addCodes ?? []).filter(({ table, code }) => !present(table, code));
  const implicitlyAdded = (change.cells ?? []).filter((edit) => /^\d{7}$/.test(edit.row) && model.table(edit.table).kind === 'functional' && !present(edit.table, edit.row));
  const removedByInverse = new Set([...added, ...implicitlyAdded.map((edit) => ({ table: edit.table, code: edit.row }))].map(({ table, code }) => `${table}|${code}`));

  const previous = (edit: { table: string; row: string; col: string }): CellEdit => ({
    ...edit,
    value: formatAmount(model.tableInputs(edit.table).cells.get(cellKey(edit.row, edit.col)) ?? null),
  });
  const cells: CellEdit[] = (change.cells ?? []).filter((edit) => !removedByInverse.has(`${edit.table}|${edit.row}`)).map(previous);

  const restored: { table: string; code: string }[] = [];
  for (const { table, code } of change.removeCodes ?? []) {
    restored.push({ table, code });
    for (const key of model.tableInputs(table).cells.keys()) {
      const [row, col] = key.split('|');
      if (row === code) cells.push(previous({ table, row, col }));
    }
  }
  return {
    addCodes: restored,
    cells,
    removeCodes: [...removedByInverse].map((key) => {
      const [table, code] = key.split('|');
      return { table, code };
    }),
  };
}

/** Applies changes' inverses (from inverseOf) to the model, newest first: the screen goes back to before the oldest. */
export function takeBackAll(model: YearModel, backwards: YearChange[]): void {
  for (const backward of [...backwards].reverse()) {
    const cells = (backward.cells ?? []).map((edit) => ({ ...edit, value: edit.value === null ? null : parseAmount(edit.value) }));
    applyToModel(model, { addCodes: backward.addCodes ?? [], cells, removeCodes: backward.removeCodes ?? [] });
  }
}

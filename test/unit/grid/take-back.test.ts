/**
 * Changes whose save failed with the core out of reach are taken off the screen newest first, so a
 * cell changed twice (x → 1 → 2) goes back to x, not to the 1 the second change started from.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../shared/money';
import { TABLES, YearModel, applyToModel, emptyInputs, type YearInputs } from '../../../shared/tables';
import type { YearChange } from '../../../shared/contract';
import { inverseOf, takeBackAll } from '../../../renderer/src/stores/history';

function applied(model: YearModel, change: YearChange): YearChange {
  const backward = inverseOf(model, change);
  const cells = (change.cells ?? []).map((edit) => ({ ...edit, value: edit.value === null ? null : parseAmount(edit.value) }));
  applyToModel(model, { addCodes: change.addCodes ?? [], cells, removeCodes: change.removeCodes ?? [] });
  return backward;
}

describe('takeBackAll', () => {
  it('undoes a run of changes newest first, back to before the oldest', () => {
    const inputs: YearInputs = { 公开01表: emptyInputs(), 公开02表: emptyInputs() };
    const model = new YearModel(TABLES, inputs, () => undefined);
    const at = { table: '公开01表', row: '28', col: '1' };
    applied(model, { cells: [{ ...at, value: '5' }] });
    const first = applied(model, { cells: [{ ...at, value: '1' }] });
    const second = applied(model, { cells: [{ ...at, value: '2' }], addCodes: [{ table: '公开02表', code: '2010301' }] });
    expect(model.value('公开01表', '28', '1')).toBe(parseAmount('2'));

    takeBackAll(model, [first, second]);
    expect(model.value('公开01表', '28', '1')).toBe(parseAmount('5'));
    expect(model.tableInputs('公开02表').codes.has('2010301')).toBe(false);
  });
});

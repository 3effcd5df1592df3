/**
 * One workbook cell → an exact amount (integer 0.0001 万元), or the Chinese reason it is not one.
 * Tolerates what real workbooks contain (SPEC Appendix B): "0.0", numbers stored as text, full-width
 * digits, thousands separators, a dash for "none". Finer values are rounded half away from zero on
 * their decimal digits (shared/money.ts amountOf) and flagged `rounded`; nothing else is guessed.
 */
import { AmountError, amountOf, plainAmount, type Amount } from '../../../shared/money';
import type { CellValue } from './read';

/** Printed for "none" by many tools; read as an empty cell. */
const NONE = new Set(['', '-', '--', '—', '——', '–', '－', '/', '／', '\\']);

/**
 * Excel keeps and shows 15 significant digits: a sum's binary remainder (3249.7800000000002,
 * 0.30000000000000004) is 3249.78 there, not an amount finer than 0.0001 万元 to round and report.
 */
const asExcelKeeps = (value: number) => Number(value.toPrecision(15));

export type CellAmount =
  | { ok: true; value: Amount | null; rounded?: true; formula?: true }
  | { ok: false; reason: string };

/** Whether the cell holds anything but "none": what cellAmount reads as a value or refuses (without parsing it). */
export function hasContent(cell: CellValue | undefined): boolean {
  return cell !== undefined && !(cell.kind === 'text' && NONE.has(cell.value.trim()));
}

/**
 * `yuan`: the sheet says 金额单位:元, so 1 in the cell is 1 元 = 1 minor unit.
 * A formula cell counts by the result Excel saved with it: that is what the sheet shows and prints.
 * Numbers and texts go through the same decimal grammar and rounding (shared/money.ts amountOf).
 */
export function cellAmount(cell: CellValue | undefined, yuan = false): CellAmount {
  if (!cell) return { ok: true, value: null };
  switch (cell.kind) {
    case 'formula':
      return { ok: false, reason: '是公式,但文件中没有保存计算结果;请在 Excel 中打开并保存后再导入,或将其“选择性粘贴为数值”' };
    case 'invalid':
      return { ok: false, reason: `“${cell.value}”不是有效金额` };
    case 'number':
    case 'text': {
      if (cell.kind === 'text' && NONE.has(cell.value.trim())) return { ok: true, value: null };
      // A number saved in its shortest form with at most 4 decimals is already exact 万元: no rounding to check.
      const exact = cell.kind === 'number' && cell.text !== undefined && !yuan ? plainAmount(cell.text) : undefined;
      if (exact !== undefined) return cell.formula ? { ok: true, value: exact, formula: true } : { ok: true, value: exact };
      try {
        const { value, rounded } = amountOf(cell.kind === 'number' ? asExcelKeeps(cell.value) : cell.value, yuan);
        // Flags only where true (no object spread per cell: a large year has a hundred thousand of them).
        const amount: CellAmount & { ok: true } = { ok: true, value };
        if ('formula' in cell && cell.formula) amount.formula = true;
        if (rounded) amount.rounded = true;
        return amount;
      } catch (error) {
        if (error instanceof AmountError) return { ok: false, reason: error.message };
        throw error;
      }
    }
  }
}

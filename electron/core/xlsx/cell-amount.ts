/**
 * One workbook cell → an exact amount (integer 0.0001 万元), or the Chinese reason it is not one.
 * Tolerates what real workbooks contain (SPEC Appendix B): "0.0", numbers stored as text, full-width
 * digits, thousands separators, a dash for "none". Finer values are rounded half away from zero on
 * their decimal digits (shared/money.ts amountOf) and flagged `rounded`; nothing else is guessed.
 */
import { AmountError, MAX_AMOUNT, SCALE, amountOf, type Amount } from '../../../shared/money';
import type { CellValue } from './read';

/** Printed for "none" by many tools; read as an empty cell. */
const NONE = new Set(['', '-', '--', '—', '——', '–', '－', '/', '／', '\\']);

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
      const exact = cell.kind === 'number' && cell.text !== undefined && !yuan ? exactAmount(cell.text) : undefined;
      if (exact !== undefined) return cell.formula ? { ok: true, value: exact, formula: true } : { ok: true, value: exact };
      try {
        const { value, rounded } = amountOf(cell.value, yuan);
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

/** Tenths, hundredths, … of a 万元 as 0.0001 万元 (SCALE), by the number of decimals written. */
const DECIMAL_SCALE = [SCALE, 1000, 100, 10, 1];
const MINUS = 45;
const DOT = 46;
const ZERO = 48;

/**
 * The amount a number's shortest text (read-xlsx.ts keeps it) states — "710.8078", "-3", "0.5":
 * 1–9 whole digits and at most 4 decimals — split on its digits as amountOf does; undefined where
 * amountOf must decide (more decimals to round, too large, anything else). Read digit by digit: it
 * runs for each of a large year's hundred thousand amounts.
 */
export function exactAmount(text: string): Amount | undefined {
  const negative = text.charCodeAt(0) === MINUS;
  let i = negative ? 1 : 0;
  const wholeStart = i;
  let whole = 0;
  for (let digit = text.charCodeAt(i) - ZERO; digit >= 0 && digit <= 9; digit = text.charCodeAt(++i) - ZERO) whole = whole * 10 + digit;
  const wholeDigits = i - wholeStart;
  if (wholeDigits < 1 || wholeDigits > 9) return undefined;
  let fraction = 0;
  let decimals = 0;
  if (i < text.length) {
    if (text.charCodeAt(i) !== DOT) return undefined;
    for (let digit = text.charCodeAt(++i) - ZERO; digit >= 0 && digit <= 9; digit = text.charCodeAt(++i) - ZERO) {
      fraction = fraction * 10 + digit;
      decimals++;
    }
    if (i < text.length || decimals < 1 || decimals > 4) return undefined;
  }
  const minor = whole * SCALE + fraction * DECIMAL_SCALE[decimals];
  if (minor > MAX_AMOUNT) return undefined;
  return negative && minor ? -minor : minor;
}

/**
 * One workbook cell → an exact amount (integer 0.0001 万元), or the Chinese reason it is not one.
 * Tolerates what real workbooks contain (SPEC Appendix B): "0.0", numbers stored as text, full-width
 * digits, thousands separators, a dash for "none". Never rounds silently beyond float noise.
 */
import { AmountError, SCALE, parseAmount, type Amount } from '../../../shared/money';
import type { CellValue } from './read';

/** 10^8 万元 = 1 万亿元: more than any department's budget, so a larger figure is a unit or typing mistake. */
export const ABSURD = 100_000_000 * SCALE;

/** Printed for "none" by many tools; read as an empty cell. */
const NONE = new Set(['', '-', '--', '—', '——', '–', '－', '/', '／', '\\']);

export type CellAmount =
  | { ok: true; value: Amount | null; rounded?: true; formula?: true }
  | { ok: false; reason: string };

/**
 * `yuan`: the sheet says 金额单位:元, so 1 in the cell is 1 元 = 1 minor unit.
 * A formula cell counts by the result Excel saved with it: that is what the sheet shows and prints.
 */
export function cellAmount(cell: CellValue | undefined, yuan = false): CellAmount {
  if (!cell) return { ok: true, value: null };
  const formula = 'formula' in cell && cell.formula ? ({ formula: true } as const) : {};
  switch (cell.kind) {
    case 'formula':
      return { ok: false, reason: '是公式,但文件中没有保存计算结果;请在 Excel 中打开并保存后再导入,或将其“选择性粘贴为数值”' };
    case 'invalid':
      return { ok: false, reason: `“${cell.value}”不是有效金额` };
    case 'number': {
      if (!Number.isFinite(cell.value)) return { ok: false, reason: `“${cell.value}”不是有效金额` };
      const scaled = yuan ? cell.value : cell.value * SCALE;
      const minor = Math.round(scaled) || 0;
      // Float noise (3383.79 × 10000 = 33837900.000000004) is not precision; anything more is finer than 1 元.
      const rounded = Math.abs(scaled - minor) > 1e-3;
      return checked(minor, String(cell.value), { ...formula, ...(rounded ? { rounded: true as const } : {}) });
    }
    case 'text': {
      const text = cell.value.trim();
      if (NONE.has(text.replace(/\s+/g, ''))) return { ok: true, value: null };
      try {
        const parsed = parseAmount(text);
        if (parsed === null) return { ok: true, value: null };
        if (!yuan) return checked(parsed, text, formula);
        const minor = Math.round(parsed / SCALE) || 0;
        return checked(minor, text, { ...formula, ...(minor * SCALE !== parsed ? { rounded: true as const } : {}) });
      } catch (error) {
        if (error instanceof AmountError) return { ok: false, reason: error.message };
        throw error;
      }
    }
  }
}

function checked(minor: Amount, shown: string, flags: { rounded?: true; formula?: true }): CellAmount {
  if (Math.abs(minor) > ABSURD) return { ok: false, reason: `“${shown}”数额异常(超过 1 亿万元),请检查金额单位是否为万元` };
  return { ok: true, value: minor, ...flags };
}

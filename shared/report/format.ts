/**
 * How the document prints numbers: amounts rounded once for display (2 decimals, with or without
 * thousands separators per region), percentages to 2 decimals computed exactly from the stored
 * integers (BigInt, half away from zero), never "增长X%" on a zero base.
 */
import { displayAmount, type Amount } from '../money';

export type AmountStyle = 'grouped' | 'plain';

export function amountText(amount: Amount, style: AmountStyle): string {
  const text = displayAmount(amount);
  return style === 'grouped' ? text : text.replace(/,/g, '');
}

/**
 * |part| ÷ |base| × 100 in hundredths of a percent, rounded half away from zero; null when base is 0.
 * Exact for any stored amounts: the quotient is taken on integers, not on binary fractions.
 */
export function percentHundredths(part: Amount, base: Amount): bigint | null {
  if (base === 0) return null;
  const numerator = BigInt(Math.abs(part)) * 10_000n;
  const denominator = BigInt(Math.abs(base));
  const quotient = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? quotient + 1n : quotient;
}

/** "55.70" (no % sign); null when base is 0. */
export function percentText(part: Amount, base: Amount): string | null {
  const hundredths = percentHundredths(part, base);
  if (hundredths === null) return null;
  const whole = hundredths / 100n;
  return `${whole}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/** Whether |x − y| ≥ threshold% of |y| (always true for a change from a zero base). */
export function beyond(x: Amount, y: Amount, thresholdPercent: number): boolean {
  if (x === y) return false;
  if (y === 0) return true;
  return BigInt(Math.abs(x - y)) * 100n >= BigInt(thresholdPercent) * BigInt(Math.abs(y));
}

/**
 * Exact decimals for the performance forms. Binary floats are never used for a stored
 * weight, score or rate: a rounding decision such as 9.991 → 10 or 3.637 → 3.64 must
 * come out the same on every machine, so everything here is integer arithmetic.
 */

/** Points (权重 / 分值 / 得分) as integer counts of 0.0001 point, like money.ts counts 0.0001 万元. */
export type Points = number;

export const POINT_SCALE = 10_000;
export const POINT_DECIMALS = 4;

export class DecimalError extends Error {}

const WIDE = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF05\uFF0B\u3000]/;

/** Half-width digits, dot, minus and percent: seeds and clerks mix both widths. */
export function toHalfWidth(text: string): string {
  // Most texts are half-width already: one scan instead of two replaces (parsed per value per form check).
  if (!WIDE.test(text)) return text;
  return text
    .replace(/[\uFF10-\uFF19\uFF0E\uFF0D\uFF05\uFF0B]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * An exact decimal value = coef / 10^scale. Indicator values ("12608", "99.99", "0.005",
 * "162.71") have no fixed precision, so they get their own scale instead of a fixed unit.
 */
export interface Dec {
  coef: bigint;
  scale: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** Parses "12", "-45.59", "96." (a seed typo: trailing dot) into an exact decimal; null when not a plain number. */
export function parseDec(text: string): Dec | null {
  const match = DECIMAL.exec(toHalfWidth(text).trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const coef = BigInt(whole + fraction);
  return { coef: sign === '-' ? -coef : coef, scale: fraction.length };
}

function rescale(a: Dec, scale: number): bigint {
  return a.coef * 10n ** BigInt(scale - a.scale);
}

/** -1, 0 or 1: exact comparison, no epsilon needed. */
export function compareDec(a: Dec, b: Dec): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function decToString(a: Dec): string {
  const negative = a.coef < 0n;
  let digits = (negative ? -a.coef : a.coef).toString().padStart(a.scale + 1, '0');
  if (a.scale > 0) digits = `${digits.slice(0, -a.scale)}.${digits.slice(-a.scale)}`;
  return (negative ? '-' : '') + digits;
}

/** Integer division rounded half away from zero (the "四舍五入" of every seed), den > 0. */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError('denominator must be positive');
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (abs * 2n + den) / (den * 2n);
  return negative ? -q : q;
}

/** Converts a decimal to points, refusing more than 4 decimals of hidden precision. */
export function decToPoints(a: Dec): Points | null {
  if (a.scale > POINT_DECIMALS && a.coef % 10n ** BigInt(a.scale - POINT_DECIMALS) !== 0n) return null;
  const value = Number(a.scale > POINT_DECIMALS ? a.coef / 10n ** BigInt(a.scale - POINT_DECIMALS) : rescale(a, POINT_DECIMALS));
  return Number.isSafeInteger(value) ? value : null;
}

/** "20", "7.1", "3.64", "-1" → points. Blank is null (not scored yet); anything else is refused naming the field. */
export function parsePoints(text: string | null | undefined, field: string): Points | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const dec = parseDec(text);
  const points = dec && decToPoints(dec);
  if (points === null || points === undefined) throw new DecimalError(`${field}:“${text}”不是有效分值(最多 ${POINT_DECIMALS} 位小数)`);
  return points;
}

/** Shortest exact string: 100000 → "10", 71000 → "7.1", 36400 → "3.64" (as the forms print scores). */
export function formatPoints(points: Points | null): string | null {
  if (points === null) return null;
  return decToString({ coef: BigInt(points), scale: POINT_DECIMALS }).replace(/0+$/, '').replace(/\.$/, '');
}

/** Rounds points half away from zero to `decimals` places (1 in Sichuan, 2 in Guangxi). */
export function roundPoints(points: Points, decimals: number): Points {
  const step = 10 ** (POINT_DECIMALS - decimals);
  return Number(divRoundHalfUp(BigInt(points), BigInt(step))) * step;
}

export function points(whole: number): Points {
  return whole * POINT_SCALE;
}

/**
 * Exact money. Amounts are held as integer counts of 0.0001 万元 (= 1 元), the finest
 * precision the published tables carry (e.g. "710.8078"). JS numbers represent every
 * integer below 2^53 exactly, and MAX_AMOUNT keeps all sums far below that.
 */
export type Amount = number;

export const SCALE = 10_000;
export const DECIMALS = 4;
/** 10^11 万元: beyond any departmental budget, and 10^15 minor units stay exact in sums of thousands of cells. */
export const MAX_AMOUNT = 100_000_000_000 * SCALE;

export class AmountError extends Error {}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF08\uFF09\u3000]/g;

function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/**
 * Parses what a clerk types or pastes: "1,234.56", full-width "１２３４.５", "-12", "(12.00)".
 * Blank means empty (null). Anything else is refused with a Chinese message.
 */
export function parseAmount(input: string): Amount | null {
  let text = toHalfWidth(input).trim().replace(/\s+/g, '');
  if (text === '') return null;
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1];
  }
  if (text.startsWith('-')) {
    if (negative) throw new AmountError(`“${input}”不是有效金额`);
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  const groupedOk = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text);
  if (text.includes(',') && !groupedOk) throw new AmountError(`“${input}”不是有效金额(千分位逗号位置不对)`);
  text = text.replace(/,/g, '');
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) throw new AmountError(`“${input}”不是有效金额`);
  const [, whole, fraction = ''] = match;
  if (fraction.length > DECIMALS && /[1-9]/.test(fraction.slice(DECIMALS))) {
    throw new AmountError(`“${input}”精度过高:金额以万元为单位,最多保留 ${DECIMALS} 位小数`);
  }
  const minor = Number(whole || '0') * SCALE + Number((fraction + '0000').slice(0, DECIMALS));
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT) throw new AmountError(`“${input}”金额过大`);
  return negative ? -minor || 0 : minor;
}

/** Canonical decimal string for the API: at least 2 decimals, trailing zeros beyond that dropped ("3383.79", "710.8078"). */
export function formatAmount(amount: Amount | null): string | null {
  if (amount === null) return null;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / SCALE);
  let fraction = String(abs % SCALE).padStart(DECIMALS, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${sign}${whole}.${fraction}`;
}

/** Rounds half away from zero to `decimals` places, still in minor units. */
export function roundAmount(amount: Amount, decimals = 2): Amount {
  const step = 10 ** (DECIMALS - decimals);
  const rounded = Math.round(Math.abs(amount) / step) * step;
  return amount < 0 ? -rounded : rounded;
}

/** Display form: thousands separators and 2 decimals ("3,383.79"); only ever for showing, never for storing. */
export function displayAmount(amount: Amount | null, decimals = 2): string {
  if (amount === null) return '';
  const rounded = roundAmount(amount, decimals);
  const abs = Math.abs(rounded);
  const whole = Math.floor(abs / SCALE).toLocaleString('en-US');
  const fraction = decimals > 0 ? '.' + String(abs % SCALE).padStart(DECIMALS, '0').slice(0, decimals) : '';
  return `${rounded < 0 ? '-' : ''}${whole}${fraction}`;
}

/** Sum of amounts; null when every addend is null (an empty cell is not a zero). */
export function sumAmounts(values: Iterable<Amount | null>): Amount | null {
  let total: Amount | null = null;
  for (const value of values) if (value !== null) total = (total ?? 0) + value;
  return total;
}

/**
 * Exact money. Amounts are held as integer counts of 0.0001 万元 (= 1 元), the finest
 * precision the published tables carry (e.g. "710.8078"). JS numbers represent every
 * integer below 2^53 (≈ 9.007 × 10^15) exactly; MAX_AMOUNT keeps every sum the tables form below that.
 */
export type Amount = number;

export const SCALE = 10_000;
export const DECIMALS = 4;
/**
 * 10^8 万元 = 1 万亿元 per cell: beyond any department's budget, so a larger figure is a unit or typing
 * mistake. The one limit for every door (typing, set, load, import). At 10^12 minor units a cell, sums
 * of up to 9,000 cells stay exact in plain numbers; a table has at most a few thousand input cells.
 */
export const MAX_AMOUNT = 100_000_000 * SCALE;
export const TOO_LARGE = '数额异常(超过 1 亿万元),请检查金额单位是否为万元';

export class AmountError extends Error {}

/** Full-width forms, and the minus sign (U+2212) that figures copied from a published PDF carry. */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF08\uFF09\uFF0B\u3000\u2212]/g;

function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : ch === '\u2212' ? '-' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** A decimal number as text, split into its parts; the one grammar every door accepts. */
interface Decimal {
  negative: boolean;
  whole: string;
  fraction: string;
}

const notAnAmount = (input: string, why = '') => new AmountError(`“${input}”不是有效金额${why}`);

/**
 * Why a text a spreadsheet would take is no amount here, in the clerk's words: Excel reads "1e3"
 * and "12%" and formats "￥12"; every door here takes a plain figure (in the unit its table states).
 */
function whyNotAnAmount(text: string): string {
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text)) return '(不支持科学计数法,请写出完整数字)';
  if (/[%％]$/.test(text)) return '(金额不能写成百分数)';
  if (/[￥¥$]|元$|万$/.test(text)) return '(只填数字,不带货币符号或“元”“万”等单位)';
  return '';
}

/**
 * "1,234.56", full-width "１２３４.５", "-12", "+3", "(12.00)". Spaces only around the number: "12 34"
 * and "12\t34" are two numbers, not one; "19,1", "0x10", "1e5" and dates are not amounts.
 */
function parseDecimal(input: string): Decimal | null {
  let text = toHalfWidth(input).trim();
  if (text === '') return null;
  // Excel computes "=1+2"; here a cell holds the figure itself.
  if (/^[=＝]/.test(text)) throw notAnAmount(input, '(不支持公式,请填写计算结果)');
  if (/\s/.test(text)) throw notAnAmount(input, '(数字中间有空格或制表符)');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1];
  }
  if (text.startsWith('-')) {
    if (negative) throw notAnAmount(input);
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+') && !negative) {
    text = text.slice(1);
  }
  if (text.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) throw notAnAmount(input, whyNotAnAmount(text) || '(千分位逗号位置不对)');
    text = text.replace(/,/g, '');
  }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) throw notAnAmount(input, whyNotAnAmount(text));
  return { negative, whole: match[1].replace(/^0+(?=\d)/, ''), fraction: match[2] ?? '' };
}

/** Whole minor units of `decimal` shifted by `shift` places, rounded half away from zero on the digits themselves. */
function toMinor(decimal: Decimal, shift: number): { minor: Amount; rounded: boolean } | null {
  const digits = decimal.whole + (decimal.fraction + '0'.repeat(shift)).slice(0, shift);
  const rest = decimal.fraction.slice(shift);
  const roundUp = rest !== '' && rest[0] >= '5';
  // Up to 15 digits a double holds the integer exactly: no BigInt needed (nearly every amount).
  let magnitude = digits.length <= 15 ? Number(digits || '0') : BigInt(digits);
  if (roundUp) magnitude = typeof magnitude === 'number' ? magnitude + 1 : magnitude + 1n;
  if (magnitude > MAX_AMOUNT) return null;
  const minor = Number(magnitude);
  return { minor: decimal.negative ? -minor || 0 : minor, rounded: /[1-9]/.test(rest) };
}

/** Tenths, hundredths, … of a 万元 as 0.0001 万元 (SCALE), by the number of decimals written. */
const DECIMAL_SCALE = [SCALE, 1000, 100, 10, 1];
const MINUS = 45;
const DOT = 46;
const ZERO = 48;

/**
 * The amount a plain text states — formatAmount's form, a number's shortest text (read-xlsx.ts
 * keeps it): "710.8078", "-3", "0.5": a sign, 1–9 whole digits (the limit is 1 亿) and at most 4
 * decimals, split on its digits. Undefined where the general grammar must decide (more decimals,
 * too large, separators, anything else). Read digit by digit: it runs for each of a large year's
 * hundred thousand amounts, typed, stored or read from a workbook.
 */
export function plainAmount(text: string): Amount | undefined {
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

/**
 * Parses what a clerk types or pastes (万元). Blank means empty (null). Anything else is refused with a
 * Chinese message; so are more than 4 significant decimals and amounts above MAX_AMOUNT.
 */
export function parseAmount(input: string): Amount | null {
  // Every stored and exported amount is in formatAmount's plain form: read it directly (a year
  // opens tens of thousands of them); anything else, or an amount over the limit, takes the grammar.
  const plain = plainAmount(input);
  if (plain !== undefined) return plain;
  const decimal = parseDecimal(input);
  if (!decimal) return null;
  const exact = toMinor(decimal, DECIMALS);
  if (!exact) throw new AmountError(`“${input}”${TOO_LARGE}`);
  if (exact.rounded) throw new AmountError(`“${input}”精度过高:金额以万元为单位,最多保留 ${DECIMALS} 位小数`);
  return exact.minor;
}

/**
 * A workbook's amount text or number in 万元 (or in 元 when `yuan`), rounded half away from zero to
 * the stored precision on its decimal digits, never through binary arithmetic: 19.12345 → 19.1235,
 * −1.00025 → −1.0003. `rounded` says precision was lost. Throws AmountError like parseAmount.
 */
export function amountOf(input: string | number, yuan = false): { value: Amount | null; rounded: boolean } {
  const text = typeof input === 'number' ? numberText(input) : input;
  // A number's shortest text is always plain digits: split it directly (a workbook holds thousands).
  const plain = typeof input === 'number' ? NUMBER_TEXT.exec(text) : null;
  const decimal = plain ? { negative: plain[1] === '-', whole: plain[2], fraction: plain[3] ?? '' } : parseDecimal(text);
  if (!decimal) return { value: null, rounded: false };
  const result = toMinor(decimal, yuan ? 0 : DECIMALS);
  if (!result) throw new AmountError(`“${text}”${TOO_LARGE}`);
  return { value: result.minor, rounded: result.rounded };
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The shortest decimal text that reads back as `value` (what Excel shows at full precision), without exponent. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new AmountError(`“${value}”不是有效金额`);
  const shortest = String(value);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!exponent) return shortest;
  const [, sign, lead, tail = '', power] = exponent;
  const digits = lead + tail;
  const point = 1 + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
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
  const abs = Math.abs(amount);
  const rest = abs % step;
  const rounded = abs - rest + (rest * 2 >= step ? step : 0);
  return amount < 0 ? -rounded : rounded;
}

/**
 * The whole 万元 of a non-negative amount with thousands separators ("3,383"). Grouped by hand: the
 * first toLocaleString call loads ICU's number formatting (~40 ms of a CLI start).
 */
function groupedWhole(abs: Amount): string {
  const digits = String(Math.floor(abs / SCALE));
  let whole = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = whole.length; at < digits.length; at += 3) whole += `,${digits.slice(at, at + 3)}`;
  return whole;
}

/** Display form: thousands separators and 2 decimals ("3,383.79"); only ever for showing, never for storing. */
export function displayAmount(amount: Amount | null, decimals = 2): string {
  if (amount === null) return '';
  const rounded = roundAmount(amount, decimals);
  const abs = Math.abs(rounded);
  const whole = groupedWhole(abs);
  const fraction = decimals > 0 ? '.' + String(abs % SCALE).padStart(DECIMALS, '0').slice(0, decimals) : '';
  return `${rounded < 0 ? '-' : ''}${whole}${fraction}`;
}

/**
 * Display form at full stored precision, for hovers and messages: thousands separators, two
 * decimals always, the third and fourth only when stored ("3,383.79", "710.8078"). Built from the
 * integer directly: a year in progress can have thousands of findings, three amounts each.
 */
export function displayFullAmount(amount: Amount): string {
  const abs = Math.abs(amount);
  const whole = groupedWhole(abs);
  const rest = abs % SCALE;
  // SCALE = 10,000: two decimals always, the third and fourth only when stored.
  const fraction = rest % 100 === 0 ? String(rest / 100).padStart(2, '0') : rest % 10 === 0 ? String(rest / 10).padStart(3, '0') : String(rest).padStart(4, '0');
  return `${amount < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** Sum of amounts; null when every addend is null (an empty cell is not a zero). */
export function sumAmounts(values: Iterable<Amount | null>): Amount | null {
  let total: Amount | null = null;
  for (const value of values) if (value !== null) total = (total ?? 0) + value;
  // Unreachable within MAX_AMOUNT and the tables' sizes; a wrong total must never pass silently.
  if (total !== null && !Number.isSafeInteger(total)) throw new AmountError('合计超出可精确计算的范围');
  return total;
}

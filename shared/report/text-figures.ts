/**
 * Numbers a clerk wrote into a 主要原因, held against the figures the tables give for the sentence it
 * explains. A reason may cite other amounts (one project's cost), so only a number close to one of
 * the sentence's figures (within 1%) yet different at the precision it is written with counts as a
 * disagreement: the copying slip published reports show (3,383.79 in the text where the tables sum
 * to 3,383.80; 48.79% where they give 48.76%). Exact: decimal texts are compared as integers.
 */
import type { Figure, Part } from './types';

export interface FigureMismatch {
  /** As the clerk wrote it, e.g. "1,210.50万元". */
  written: string;
  /** The sentence's figure it should restate, e.g. "1,210.52万元". */
  figure: string;
}

const UNIT: Record<Figure['kind'], string> = { amount: '万元', percent: '%', count: '' };

/** A decimal text ("1,210.5") as an integer of its own last decimal place, with that place count. */
interface Decimal {
  digits: bigint;
  places: number;
}

function decimal(text: string): Decimal | null {
  const plain = text.replace(/,/g, '').replace(/%$/, '');
  if (!/^\d+(\.\d+)?$/.test(plain)) return null;
  const [whole, fraction = ''] = plain.split('.');
  return { digits: BigInt(whole + fraction), places: fraction.length };
}

/** `value` rounded (half away from zero; values are never negative here) to `places` decimals. */
function roundTo(value: Decimal, places: number): bigint {
  if (places >= value.places) return value.digits * 10n ** BigInt(places - value.places);
  const divisor = 10n ** BigInt(value.places - places);
  const quotient = value.digits / divisor;
  return (value.digits % divisor) * 2n >= divisor ? quotient + 1n : quotient;
}

/** |a − b| ≤ 1% of b, on a common scale. */
function close(a: Decimal, b: Decimal): boolean {
  const places = Math.max(a.places, b.places);
  const x = roundTo(a, places);
  const y = roundTo(b, places);
  const gap = x > y ? x - y : y - x;
  return gap * 100n <= y;
}

/** Full-width digits and signs as a clerk's input method may type them. */
function halfWidth(text: string): string {
  return text.replace(/[０-９．，％]/g, (ch) => (ch === '．' ? '.' : ch === '，' ? ',' : ch === '％' ? '%' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Amounts written with 万元 and percentages with %, in the order they appear. */
function writtenNumbers(text: string): { text: string; kind: 'amount' | 'percent'; value: Decimal }[] {
  const found: { text: string; kind: 'amount' | 'percent'; value: Decimal }[] = [];
  // A thousands comma sits between digits; a Chinese "，" after a number is punctuation, not part of it.
  for (const match of halfWidth(text).matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万元|%)/g)) {
    const value = decimal(`${match[1]}${match[2] ?? ''}`);
    if (value) found.push({ text: `${match[1]}${match[2] ?? ''}${match[3]}`, kind: match[3] === '%' ? 'percent' : 'amount', value });
  }
  return found;
}

/** The numbers of `reason` that miss the figure of `parts` (the sentence) they come closest to restating. */
export function reasonMismatches(reason: string, parts: readonly Part[]): FigureMismatch[] {
  const figures = parts.filter((part): part is Figure => typeof part !== 'string' && part.kind !== 'count');
  const mismatches: FigureMismatch[] = [];
  for (const number of writtenNumbers(reason)) {
    const candidates = figures.flatMap((figure) => {
      const value = figure.kind === number.kind ? decimal(figure.text) : null;
      return value ? [{ figure, value }] : [];
    });
    // Written with fewer decimals ("约1,210.5万元") it agrees when the figure rounds to it.
    if (candidates.some(({ value }) => roundTo(value, number.value.places) === number.value.digits)) continue;
    const near = candidates.find(({ value }) => close(number.value, value));
    if (near) mismatches.push({ written: number.text, figure: `${near.figure.text.replace(/%$/, '')}${UNIT[near.figure.kind]}` });
  }
  return mismatches;
}

import { describe, expect, it } from 'vitest';
import { NO_BASE, lastYearFigures } from '../../../renderer/src/grid/last-year-figures';
import { MAX_AMOUNT, displayAmount, formatAmount, parseAmount, type Amount } from '../../../shared/money';
import { seeded, type Random } from '../../fixtures/xlsx/random-forms';

/** Amounts of every size a cell holds: empty, zero, cents, 元 precision, up to the 1 亿万元 limit, either sign. */
function randomAmount(random: Random): Amount | null {
  const kind = random();
  if (kind < 0.1) return null;
  if (kind < 0.2) return 0;
  const magnitude = Math.floor(random() * 10 ** Math.floor(1 + random() * 12));
  const amount = Math.min(magnitude, MAX_AMOUNT);
  return random() < 0.2 ? -amount : amount;
}

/** The exact rational |delta| / |base| × 100, rounded half away from zero to 0.01, by integer arithmetic on the decimal text. */
function exactPercent(delta: bigint, base: bigint): string {
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const scaled = abs(delta) * 10_000n;
  const quotient = scaled / abs(base);
  const hundredths = (scaled % abs(base)) * 2n >= abs(base) ? quotient + 1n : quotient;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/** An amount read back from its canonical decimal text as an integer of 0.0001 万元, without any float. */
function minorOf(amount: Amount | null): bigint {
  return minorOfText(formatAmount(amount ?? 0)!);
}

function minorOfText(text: string): bigint {
  const [whole, fraction] = text.replace('-', '').split('.');
  const minor = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0'));
  return text.startsWith('-') ? -minor : minor;
}

describe('上年数 figures shown beside an amount', () => {
  it('show exactly the money arithmetic of the stored amounts: change and % change', () => {
    const random = seeded(2026);
    for (let i = 0; i < 20_000; i++) {
      const current = randomAmount(random);
      const last = randomAmount(random);
      const figures = lastYearFigures(current, last);
      if (current === null && last === null) {
        expect(figures).toMatchObject({ last: '', change: '', percent: '', trend: 'none' });
        continue;
      }
      const delta = minorOf(current) - minorOf(last);
      // The change: raw as the exact difference (a change may exceed one cell's limit), shown rounded once from it.
      expect(minorOfText(figures.raw.change)).toBe(delta);
      expect(figures.change).toBe(`${delta > 0n ? '+' : ''}${displayAmount(Number(delta))}`);
      expect(figures.last).toBe(last === null ? NO_BASE : displayAmount(last));
      const base = minorOf(last);
      if (base === 0n) {
        // Never a % on a zero base.
        expect(figures.percent).toBe(delta === 0n ? '' : NO_BASE);
        expect(figures.sentence).toBe(delta === 0n ? '与上年持平' : '上年无此项资金');
        continue;
      }
      const rate = exactPercent(delta, base);
      expect(figures.percent).toBe(delta === 0n ? `${rate}%` : `${delta > 0n ? '+' : '-'}${rate}%`);
      expect(figures.raw.percent).toBe(delta < 0n ? `-${rate}%` : `${rate}%`);
      if (delta < 0n) {
        expect(figures.trend).toBe('down');
        expect(figures.sentence).toBe(`比上年减少 ${displayAmount(Number(-delta))} 万元,下降 ${rate}%`);
      } else if (delta > 0n) {
        expect(figures.sentence).toBe(`比上年增加 ${displayAmount(Number(delta))} 万元,增长 ${rate}%`);
      }
    }
  });

  it('reads as the clerk writes it', () => {
    const amount = (text: string) => parseAmount(text);
    expect(lastYearFigures(amount('3383.79'), amount('2173.27'))).toMatchObject({ last: '2,173.27', change: '+1,210.52', percent: '+55.70%', sentence: '比上年增加 1,210.52 万元,增长 55.70%' });
    expect(lastYearFigures(amount('0'), amount('0.03'))).toMatchObject({ change: '-0.03', percent: '-100.00%', trend: 'down', sentence: '比上年减少 0.03 万元,下降 100.00%' });
    expect(lastYearFigures(amount('2880.75'), null)).toMatchObject({ last: NO_BASE, change: '+2,880.75', percent: NO_BASE, trend: 'new' });
    // Half away from zero on the exact quotient: 1/3 → 33.33%, 2/3 → 66.67%.
    expect(lastYearFigures(amount('0.04'), amount('0.03')).percent).toBe('+33.33%');
    expect(lastYearFigures(amount('0.05'), amount('0.03')).percent).toBe('+66.67%');
  });
});

/**
 * Exported amounts: dividing the stored integer by 10,000 gives the very number Excel reads from the
 * exact decimal text (the double nearest to it), on random amounts over the whole allowed range.
 */
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT, formatAmount } from '../../shared/money';
import { excelNumber } from '../../electron/core/xlsx/plan';
import { seeded } from '../fixtures/xlsx/random-forms';

describe('an exported amount', () => {
  it('is the number its exact decimal text reads as', () => {
    const next = seeded(2026);
    for (let i = 0; i < 100_000; i++) {
      // Every magnitude from 0.0001 to the 1 亿万元 limit, both signs.
      const magnitude = Math.floor(next() * 10 ** Math.ceil(next() * 12));
      const amount = Math.min(magnitude, MAX_AMOUNT) * (next() < 0.3 ? -1 : 1) || 0; // a stored amount is never -0
      expect(excelNumber(amount)).toBe(Number(formatAmount(amount)));
    }
    for (const amount of [0, 1, -1, 7108078, 99_999_999_9999, -MAX_AMOUNT, MAX_AMOUNT]) expect(excelNumber(amount)).toBe(Number(formatAmount(amount)));
  });
});

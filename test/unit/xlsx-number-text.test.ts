/**
 * The reader keeps a number's saved text where it is the number's shortest form, and cellAmount
 * splits that text directly instead of printing the number again: on random saved texts (plain,
 * padded, long, tiny, negative zero, more decimals than stored) both paths give the same result.
 */
import { describe, expect, it } from 'vitest';
import { cellAmount } from '../../electron/core/xlsx/cell-amount';
import { isShortestText } from '../../electron/core/xlsx/read-xlsx';
import { seeded } from '../fixtures/xlsx/random-forms';

function randomSavedText(next: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
  const whole = next() < 0.2 ? '0' : digits(1 + Math.floor(next() * 17));
  const fraction = next() < 0.3 ? '' : digits(1 + Math.floor(next() * 8));
  const sign = next() < 0.3 ? '-' : '';
  const text = `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
  return next() < 0.1 ? `${text}0` : text;
}

describe('a number’s saved text', () => {
  it('is kept only where it is exactly what the number prints', () => {
    const next = seeded(18);
    let kept = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = randomSavedText(next);
      if (!isShortestText(text)) continue;
      kept++;
      expect(String(Number(text))).toBe(text);
    }
    expect(kept).toBeGreaterThan(2_000);
    for (const text of ['-0', '0.0', '1.50', '007', '0.00001', '1234567890123456', '1e-7']) expect(isShortestText(text)).toBe(false);
  });

  it('gives the same amount, flags and errors as the number itself', () => {
    const next = seeded(81);
    for (let i = 0; i < 20_000; i++) {
      const text = randomSavedText(next);
      const value = Number(text);
      const formula = next() < 0.2 ? { formula: true as const } : {};
      const yuan = next() < 0.2;
      const withText = cellAmount({ kind: 'number', value, ...formula, ...(isShortestText(text) ? { text } : {}) }, yuan);
      expect(withText).toEqual(cellAmount({ kind: 'number', value, ...formula }, yuan));
    }
  });
});

/**
 * parseAmount reads formatAmount's plain form directly and everything else through the general
 * grammar: on random plain texts, both paths give the same amount or the same refusal. The general
 * path is reached with the same number written another way (leading space, '+', parentheses).
 */
import { describe, expect, it } from 'vitest';
import { formatAmount, MAX_AMOUNT, parseAmount } from '../../shared/money';
import { seeded } from '../fixtures/xlsx/random-forms';

const outcome = (text: string) => {
  try {
    return parseAmount(text);
  } catch (error) {
    return (error as Error).message.replace(/“[^”]*”/, '“…”');
  }
};

describe('plain amounts read directly agree with the general grammar', () => {
  it('on random plain texts, at the limit and around zero', () => {
    const random = seeded(2026);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const texts = ['0', '-0', '0.0000', '-0.0', '100000000', '100000000.0001', '99999999.9999', '-100000000', '000123.4', '1.2', formatAmount(MAX_AMOUNT)!];
    for (let i = 0; i < 20_000; i++) {
      const whole = digits(1 + Math.floor(random() * 10));
      const fraction = random() < 0.3 ? '' : `.${digits(1 + Math.floor(random() * 5))}`;
      texts.push(`${random() < 0.3 ? '-' : ''}${whole}${fraction}`);
    }
    for (const text of texts) {
      const direct = outcome(text);
      const magnitude = text.replace(/^-/, '');
      expect(outcome(` ${text}`), text).toEqual(direct);
      if (!text.startsWith('-')) expect(outcome(`+${text}`), text).toEqual(direct);
      else expect(outcome(`(${magnitude})`), text).toEqual(direct);
    }
  });
});

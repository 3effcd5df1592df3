import { describe, expect, it } from 'vitest';
import { AmountError, displayAmount, formatAmount, parseAmount, sumAmounts } from '../../shared/money';

describe('money', () => {
  it('parses the forms a clerk types or pastes', () => {
    expect(parseAmount('1,234.56')).toBe(12_345_600);
    expect(parseAmount('１２３４.５')).toBe(12_345_000);
    expect(parseAmount('-12')).toBe(-120_000);
    expect(parseAmount('(12.00)')).toBe(-120_000);
    // The minus sign (U+2212) of a published PDF's figures, copied from it.
    expect(parseAmount('\u22121,234.56')).toBe(-12_345_600);
    expect(() => parseAmount('\u2212\u221212')).toThrow(AmountError);
    expect(parseAmount('710.8078')).toBe(7_108_078);
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount('0.0')).toBe(0);
  });

  it('refuses text, misplaced separators and excess precision', () => {
    expect(() => parseAmount('abc')).toThrow(AmountError);
    expect(() => parseAmount('12,34')).toThrow(/千分位/);
    expect(() => parseAmount('1.23456')).toThrow(/精度过高/);
    expect(() => parseAmount('1e5')).toThrow(AmountError);
    expect(() => parseAmount('99999999999999')).toThrow(/数额异常/);
    expect(parseAmount('1.23450')).toBe(12_345);
  });

  it('formats canonical strings and display strings without float drift', () => {
    expect(formatAmount(33_837_900)).toBe('3383.79');
    expect(formatAmount(7_108_078)).toBe('710.8078');
    expect(formatAmount(-5)).toBe('-0.0005');
    expect(formatAmount(null)).toBeNull();
    expect(displayAmount(33_837_900)).toBe('3,383.79');
    expect(displayAmount(7_108_078)).toBe('710.81');
    expect(displayAmount(-12_345)).toBe('-1.23');
    expect(displayAmount(null)).toBe('');
  });

  it('sums exactly where binary floats drift', () => {
    const tenths = Array.from({ length: 10 }, () => parseAmount('0.1'));
    expect(formatAmount(sumAmounts(tenths))).toBe('1.00');
    expect(sumAmounts([null, null])).toBeNull();
    expect(sumAmounts([null, 5])).toBe(5);
  });
});

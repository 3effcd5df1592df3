/**
 * Money edges: one strict decimal grammar for every door, one amount limit, rounding half away from
 * zero on the decimal digits (never through binary floats), and sums that stay exact.
 */
import { describe, expect, it } from 'vitest';
import { AmountError, MAX_AMOUNT, SCALE, amountOf, displayAmount, displayFullAmount, formatAmount, numberText, parseAmount, roundAmount, sumAmounts } from '../../shared/money';
import { cellAmount } from '../../electron/core/xlsx/cell-amount';
import { seeded } from '../fixtures/xlsx/random-forms';

describe('strict amounts', () => {
  it('refuses what a sheet or a clerk could mean two ways', () => {
    for (const text of ['12 34', '12\t34', '19,1', '0x10', '1e5', '2023-12-31', '1.2.3', '--5', '+-1', '(5', '٣٤', '１２ ３４', 'NaN', 'Infinity']) {
      expect(() => parseAmount(text), text).toThrow(AmountError);
    }
    expect(parseAmount(' 12.5 ')).toBe(125_000);
    expect(parseAmount('\t1,234.5\u3000')).toBe(12_345_000);
    expect(parseAmount('+3')).toBe(30_000);
    expect(parseAmount('００７')).toBe(70_000);
  });

  it('says why a text Excel would take is no amount: a formula, an exponent, a percentage, a currency sign or unit', () => {
    const reason = (text: string) => {
      try {
        parseAmount(text);
      } catch (error) {
        return (error as AmountError).message;
      }
      return 'accepted';
    };
    expect(reason('=1+2')).toBe('“=1+2”不是有效金额(不支持公式,请填写计算结果)');
    expect(reason('=SUM(A1:A3)')).toBe('“=SUM(A1:A3)”不是有效金额(不支持公式,请填写计算结果)');
    expect(reason('＝1 + 2')).toBe('“＝1 + 2”不是有效金额(不支持公式,请填写计算结果)');
    expect(reason('1e3')).toBe('“1e3”不是有效金额(不支持科学计数法,请写出完整数字)');
    expect(reason('-1.5E+4')).toBe('“-1.5E+4”不是有效金额(不支持科学计数法,请写出完整数字)');
    expect(reason('12%')).toBe('“12%”不是有效金额(金额不能写成百分数)');
    expect(reason('12％')).toBe('“12％”不是有效金额(金额不能写成百分数)');
    for (const text of ['￥12', '¥1,234.50', '$5', '12万', '1,234元', '(12元)']) expect(reason(text), text).toBe(`“${text}”不是有效金额(只填数字,不带货币符号或“元”“万”等单位)`);
    // Nothing else to say about plain nonsense.
    expect(reason('abc')).toBe('“abc”不是有效金额');
    expect(reason('1.005')).toBe('accepted');
  });

  it('reads workbook cells through the same grammar: numbers by their shortest decimal text', () => {
    expect(cellAmount({ kind: 'text', value: '12 34' })).toMatchObject({ ok: false, reason: expect.stringContaining('数字中间有空格') });
    expect(cellAmount({ kind: 'text', value: '19,1' })).toMatchObject({ ok: false });
    expect(cellAmount({ kind: 'invalid', value: '2023-12-31' })).toMatchObject({ ok: false, reason: '“2023-12-31”不是有效金额' });
    expect(cellAmount({ kind: 'number', value: 19.12345 })).toEqual({ ok: true, value: 191_235, rounded: true });
    expect(cellAmount({ kind: 'number', value: -1.00025 })).toEqual({ ok: true, value: -10_003, rounded: true });
    expect(cellAmount({ kind: 'number', value: 3383.79 })).toEqual({ ok: true, value: 33_837_900 });
    expect(cellAmount({ kind: 'number', value: 1234.5 }, true)).toEqual({ ok: true, value: 1235, rounded: true });
    expect(cellAmount({ kind: 'number', value: -0.5 }, true)).toEqual({ ok: true, value: -1, rounded: true });
    expect(cellAmount({ kind: 'number', value: Infinity })).toMatchObject({ ok: false });
  });

  it('reads a number as Excel keeps it, 15 significant digits: a sum’s binary remainder is not rounding', () => {
    expect(cellAmount({ kind: 'number', value: 2880.7500000000005, formula: true })).toEqual({ ok: true, value: 28_807_500, formula: true });
    expect(cellAmount({ kind: 'number', value: 0.1 + 0.2 })).toEqual({ ok: true, value: 3_000 });
    expect(cellAmount({ kind: 'number', value: 12_992_200.000000002 }, true)).toEqual({ ok: true, value: 12_992_200 });
    expect(cellAmount({ kind: 'number', value: 3249.7799999999997 })).toEqual({ ok: true, value: 32_497_800 });
    // A finer amount within 15 digits is still rounded and reported.
    expect(cellAmount({ kind: 'number', value: 1234.56789 })).toEqual({ ok: true, value: 12_345_679, rounded: true });
  });

  it('writes numbers without exponents, exactly as they read back', () => {
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(1.5e21)).toBe('1500000000000000000000');
    expect(numberText(-2.5e-5)).toBe('-0.000025');
    expect(numberText(123.456)).toBe('123.456');
    const next = seeded(7);
    for (let i = 0; i < 2000; i++) {
      const value = (next() - 0.5) * 10 ** Math.floor(next() * 30 - 10);
      expect(Number(numberText(value))).toBe(value);
    }
  });

  it('reads a number cell exactly as the text it shows: the direct split agrees with the full grammar', () => {
    const next = seeded(11);
    const read = (run: () => unknown) => {
      try {
        return run();
      } catch (error) {
        return (error as Error).message;
      }
    };
    for (let i = 0; i < 5000; i++) {
      const digits = Math.floor(next() * 12);
      const value = Math.round((next() - 0.5) * 10 ** Math.floor(next() * 14) * 10 ** digits) / 10 ** digits;
      for (const yuan of [false, true]) expect(read(() => amountOf(value, yuan))).toEqual(read(() => amountOf(numberText(value), yuan)));
    }
  });
});

describe('one amount limit', () => {
  it('is 1 亿万元 for typing, set, load and import alike', () => {
    expect(parseAmount('100000000')).toBe(MAX_AMOUNT);
    expect(() => parseAmount('100000000.0001')).toThrow('数额异常(超过 1 亿万元)');
    expect(cellAmount({ kind: 'number', value: 100_000_001 })).toMatchObject({ ok: false, reason: expect.stringContaining('数额异常') });
    expect(cellAmount({ kind: 'text', value: '1000000000001' }, true)).toMatchObject({ ok: false });
    expect(cellAmount({ kind: 'text', value: '1000000000000' }, true)).toEqual({ ok: true, value: MAX_AMOUNT });
  });
});

describe('rounding and sums', () => {
  it('rounds half away from zero on the integer minor units', () => {
    expect(roundAmount(12_345)).toBe(12_300);
    expect(roundAmount(12_350)).toBe(12_400);
    expect(roundAmount(-12_350)).toBe(-12_400);
    expect(roundAmount(-12_349)).toBe(-12_300);
    expect(amountOf('-1.00025').value).toBe(-10_003);
    expect(amountOf('19.12345').value).toBe(191_235);
    expect(amountOf('0.00005').value).toBe(1);
    expect(amountOf('-0.00004').value).toBe(0);
  });

  it('random decimal texts round as exact decimal arithmetic says (BigInt reference)', () => {
    const next = seeded(42);
    for (let i = 0; i < 5000; i++) {
      const digits = String(Math.floor(next() * 1e12));
      const decimals = 4 + Math.floor(next() * 5);
      const text = `${next() < 0.5 ? '-' : ''}${digits.slice(0, Math.max(1, digits.length - decimals))}.${digits.slice(-decimals) || '0'}`;
      const [whole, fraction] = text.replace('-', '').split('.');
      const scaled = BigInt(whole + (fraction + '0000').slice(0, 4));
      const rest = fraction.slice(4);
      const magnitude = scaled + (rest !== '' && rest[0] >= '5' ? 1n : 0n);
      const expected = Number(text.startsWith('-') ? -magnitude : magnitude) || 0;
      expect(amountOf(text).value, text).toBe(expected);
    }
  });

  it('sums of amounts at the limit stay exact: Number agrees with BigInt', () => {
    const next = seeded(9);
    for (let trial = 0; trial < 50; trial++) {
      const values = Array.from({ length: 2000 }, () => Math.round((next() * 2 - 1) * MAX_AMOUNT));
      const exact = values.reduce((sum, value) => sum + BigInt(value), 0n);
      expect(BigInt(sumAmounts(values)!)).toBe(exact);
    }
    // The case: nine amounts just under the old limit no longer exist; nine at the new one are exact.
    expect(formatAmount(sumAmounts(Array(9).fill(MAX_AMOUNT)))).toBe(`${9 * 100_000_000}.00`);
    expect(() => sumAmounts([Number.MAX_SAFE_INTEGER, 1, 1])).toThrow('合计超出可精确计算的范围');
    expect(SCALE).toBe(10_000);
  });
});

describe('the full-precision display form (hovers and messages)', () => {
  it('is the stored form grouped like the cells, reads back to the same amount, and equals the cells’ form when two decimals suffice', () => {
    const next = seeded(23);
    for (let i = 0; i < 5000; i++) {
      const amount = Math.round((next() - 0.5) * 2 * MAX_AMOUNT * 10 ** -Math.floor(next() * 8));
      const full = displayFullAmount(amount);
      expect(full.replace(/,/g, '')).toBe(formatAmount(amount));
      expect(parseAmount(full)).toBe(amount);
      if (amount % 100 === 0) expect(full).toBe(displayAmount(amount));
    }
    expect(displayFullAmount(10_300_000)).toBe('1,030.00');
    expect(displayFullAmount(7_108_078)).toBe('710.8078');
    expect(displayFullAmount(-12_345_670)).toBe('-1,234.567');
  });
});

import { describe, expect, it } from 'vitest';
import { reasonMismatches } from '../../shared/report/text-figures';
import type { Part } from '../../shared/report/types';

// "收、支总计3,383.80万元,比上年度增加1,210.52万元,增长55.70%" as the generator builds it.
const sentence: Part[] = [
  '收、支总计',
  { kind: 'amount', text: '3,383.80', cells: [] },
  '万元,比上年度增加',
  { kind: 'amount', text: '1,210.52', cells: [] },
  '万元,增长',
  { kind: 'percent', text: '55.70%', cells: [] },
];

describe('numbers in a clerk’s reason against the figures of its sentence', () => {
  it('accepts a figure restated exactly, with or without thousands separators, or with fewer decimals', () => {
    expect(reasonMismatches('总计3,383.80万元,增加1210.52万元,增长55.7%,约1,210.5万元', sentence)).toEqual([]);
    expect(reasonMismatches('增加约1,211万元', sentence)).toEqual([]);
  });

  it('names a restated figure that is off, amounts and percentages alike, full-width digits included', () => {
    expect(reasonMismatches('总计3,383.79万元;增长55.07%;增长５５．８０％', sentence)).toEqual([
      { written: '3,383.79万元', figure: '3,383.80万元' },
      { written: '55.80%', figure: '55.70%' },
    ]);
  });

  it('leaves other numbers alone: a project’s own amount, a count, a number far from every figure', () => {
    expect(reasonMismatches('新增信息化项目120.00万元,人员增加3人,增长的部分中人员经费占12%', sentence)).toEqual([]);
  });

  it('compares an amount only with amounts and a percentage only with percentages', () => {
    expect(reasonMismatches('增长55.69万元', sentence)).toEqual([]);
  });
});

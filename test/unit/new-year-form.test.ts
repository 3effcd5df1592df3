import { describe, expect, it } from 'vitest';
import { existingFile, likelyFiscalYear, type NewYearForm } from '../../renderer/src/features/start/new-year-form';
import type { YearInfo } from '../../shared/contract';

describe('the new-year form', () => {
  it('proposes the year whose 决算 is under way: from December that year, until then the year before', () => {
    expect(likelyFiscalYear(new Date(2026, 11, 1))).toBe(2026);
    expect(likelyFiscalYear(new Date(2026, 10, 30))).toBe(2025);
    expect(likelyFiscalYear(new Date(2027, 2, 15))).toBe(2026);
  });

  it('finds the year file it would make among the existing ones', () => {
    const form: NewYearForm = { fiscalYear: 2025, unitName: '荆门市 行政审批局', unitCode: '', template: '9', numbering: '公开', baselineFrom: '' };
    const year = { file: '2025-荆门市行政审批局.sqlite', fiscalYear: 2025, unitName: '荆门市行政审批局' } as YearInfo;
    expect(existingFile(form, [year])).toBe(year);
    expect(existingFile({ ...form, fiscalYear: 2026 }, [year])).toBeUndefined();
  });
});

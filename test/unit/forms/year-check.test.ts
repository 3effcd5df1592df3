import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../shared/forms/model';
import { checkYearForms } from '../../../shared/forms/year-check';

describe('the year’s 绩效自评 findings', () => {
  it('keys each finding once, though FV-05’s total and its 一级 sum point at the same 权重 cell', () => {
    // One 产出 indicator of 50 on an 一体化 form: 合计 90 and 产出 50 are both off, both at indicators[0].weight.
    const form = parseForm({
      variant: 'YTH-P', subject_type: 'project', subject_name: '一体化项目', subject_code: 'P001', funding: [],
      indicators: [{ horizon: 'ANNUAL', level1: '产出指标', level2: '数量指标', name: '办件数量', target_raw: '≥100', unit: '件', weight: '40' }],
    });
    const findings = checkYearForms([form], null).filter((finding) => finding.rule === 'FV-05');
    expect(findings.map((finding) => finding.col)).toContain('indicators[0].weight');
    const keys = findings.map((finding) => finding.key);
    expect(new Set(keys).size).toBe(keys.length);
    // The first keeps its plain key, so a 出错说明 written for it before stays with it.
    expect(keys[0]).toBe('FV-05|绩效自评|P001|indicators[0].weight');
  });
});

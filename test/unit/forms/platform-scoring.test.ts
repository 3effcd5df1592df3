/**
 * Scoring rules seen in real manuals, each switched on per profile and listed in the breakdown.
 * The worked examples apply the rules as the sources state them (REFERENCE-2026 Q3): the 一体化 cap
 * of the total by 执行率 and the 2-point deduction for an overshoot (a 2022 local 操作手册), and the
 * Sichuan 10 + 90 form with its 原因 (100 字) and 评价结论/存在问题/改进措施 (200 字) limits (青神 2023).
 */
import { describe, expect, it } from 'vitest';
import { points } from '../../../shared/forms/decimal';
import { parseForm } from '../../../shared/forms/model';
import { profileFor } from '../../../shared/forms/profiles';
import { checkForm } from '../../../shared/forms/rules';
import { scoreForm } from '../../../shared/forms/scoring';
import { MS_P_SEED000 } from '../../fixtures/forms/ms-p-seed000';

/** A national-layout form: 预算执行 10 points, indicators 50/30/10 fully scored unless given. */
function form(variant: 'GENERIC' | 'YTH-P', budget: string, actual: string, output: { target: string; actual: string; score?: string }) {
  return parseForm({
    variant,
    subject_type: 'project',
    subject_name: '政务服务运行经费',
    subject_code: 'P001',
    funding: [{ key: 'TOTAL', budget_initial: budget, budget_adjusted: budget, actual, weight: '10' }],
    indicators: [
      { horizon: 'ANNUAL', level1: '产出指标', level2: '数量指标', name: '培训人次', target_raw: output.target, unit: '人次', actual_raw: output.actual, weight: '50', score: output.score ?? '50' },
      { horizon: 'ANNUAL', level1: '效益指标', level2: '社会效益指标', name: '群众办事便利度', target_raw: '提高', actual_raw: '提高', weight: '30', score: '30' },
      { horizon: 'ANNUAL', level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target_raw: '≥90%', actual_raw: '95%', weight: '10', score: '10' },
    ],
  });
}

describe('一体化平台: total capped by 执行率', () => {
  it('caps a 75 % execution at 89: 7.5 + 90 = 97.5 → 89, shown as one line of the breakdown', () => {
    const score = scoreForm(form('YTH-P', '100', '75', { target: '≥100', actual: '100' }), profileFor('YTH-P'));
    expect(score.budgetScore).toBe(points(7.5));
    expect(score.total).toBe(points(89));
    expect(score.adjustments).toEqual([{ rule: 'exec-rate-cap', label: '预算执行率 75.00% 低于 80.00%,总分不超过 89 分', points: points(89) - points(97.5) }]);
    expect(score.grade).toBe('良');
  });

  it('applies each band: 65 % → 79, 55 % → 69, 45 % → 59; 80 % and a total under the cap are untouched', () => {
    const total = (actual: string) => scoreForm(form('YTH-P', '100', actual, { target: '≥100', actual: '100' }), profileFor('YTH-P')).total;
    expect(total('65')).toBe(points(79));
    expect(total('55')).toBe(points(69));
    expect(total('45')).toBe(points(59));
    expect(total('80')).toBe(points(98));
    // 60 % with most indicators missed: 6 + 10 + 30 + 10 = 56 stays under the 79 cap.
    const low = scoreForm(form('YTH-P', '100', '60', { target: '≥100', actual: '20', score: '10' }), profileFor('YTH-P'));
    expect(low.total).toBe(points(56));
    expect(low.adjustments).toEqual([]);
  });

  it('is off for the national GENERIC profile: the same 75 % form scores 97.5', () => {
    expect(scoreForm(form('GENERIC', '100', '75', { target: '≥100', actual: '100' }), profileFor('GENERIC')).total).toBe(points(97.5));
  });
});

describe('一体化平台: 2 points off an indicator that overshoots its target by 30 % or more', () => {
  it('deducts 2 for 130 人次 against ≥100 and none for 129', () => {
    const over = scoreForm(form('YTH-P', '100', '100', { target: '≥100', actual: '130' }), profileFor('YTH-P'));
    expect(over.total).toBe(points(98));
    expect(over.adjustments).toEqual([
      { rule: 'overshoot', label: '指标“培训人次”完成值 130 超出指标值 ≥100 的 30% 及以上(偏离),扣 2 分', points: -points(2), indicator: 0 },
    ]);
    expect(scoreForm(form('YTH-P', '100', '100', { target: '≥100', actual: '129' }), profileFor('YTH-P')).total).toBe(points(100));
    expect(scoreForm(form('GENERIC', '100', '100', { target: '≥100', actual: '130' }), profileFor('GENERIC')).total).toBe(points(100));
  });

  it('deducts before capping: 75 % with an overshoot → 95.5 → capped at 89', () => {
    const score = scoreForm(form('YTH-P', '100', '75', { target: '≥100', actual: '150' }), profileFor('YTH-P'));
    expect(score.adjustments.map((adjustment) => adjustment.rule)).toEqual(['overshoot', 'exec-rate-cap']);
    expect(score.adjustments[1].points).toBe(points(89) - points(95.5));
    expect(score.total).toBe(points(89));
  });

  it('never counts a reverse (≤) target as an overshoot', () => {
    const cost = form('YTH-P', '100', '100', { target: '≤100', actual: '40' });
    expect(scoreForm(cost, profileFor('YTH-P')).adjustments).toEqual([]);
  });
});

describe('四川 (眉山 MS-P): 10 + 90, 原因 below 90 % within 100 字, conclusions within 200 字', () => {
  const base = MS_P_SEED000[0];
  const with89 = (reason: string | null, conclusion = '项目总体完成') =>
    parseForm({ ...base, conclusion, funding: [{ key: 'TOTAL', budget_initial: '100', budget_adjusted: '100', actual: '89', weight: '10', reason }] });
  const rule = (found: ReturnType<typeof checkForm>, id: string) => found.filter((f) => f.rule === id).map((f) => f.message);

  it('scores 预算执行 out of 10 and indicators out of 90', () => {
    const profile = profileFor('MS-P');
    expect([profile.scoring.budgetWeight, profile.scoring.indicatorTotal]).toEqual([points(10), points(90)]);
    expect(scoreForm(with89('资金拨付滞后'), profile).budgetScore).toBe(points(8.9));
  });

  it('requires a 原因 at 89 % and limits it to 100 字', () => {
    const profile = profileFor('MS-P');
    expect(rule(checkForm(with89(null), profile), 'FV-11')).toEqual(['预算执行率:89.00% 低于 90.00%,应写明原因,现未填写。请在“总额 原因”中填写']);
    expect(rule(checkForm(with89('因'.repeat(100)), profile), 'FV-11')).toEqual([]);
    expect(rule(checkForm(with89('因'.repeat(101)), profile), 'FV-11')).toEqual([expect.stringContaining('总额 原因:应不超过 100 字,现有 101 字')]);
  });

  it('asks no 原因 at exactly 90 % (the rule is “below 90 %”)', () => {
    const at90 = parseForm({ ...base, funding: [{ key: 'TOTAL', budget_initial: '100', budget_adjusted: '100', actual: '90', weight: '10' }] });
    expect(rule(checkForm(at90, profileFor('MS-P')), 'FV-11')).toEqual([]);
  });

  it('limits 存在问题 and 改进措施 to 200 字 as well', () => {
    const profile = profileFor('MS-P');
    const texts = (problems: string, improvement: string) =>
      rule(checkForm({ ...with89('资金拨付滞后'), problems, improvement }, profile), 'FV-12');
    expect(texts('问'.repeat(201), '改'.repeat(201))).toEqual([expect.stringContaining('“存在问题”:应不超过 200 字,现有 201 字'), expect.stringContaining('“改进措施”:应不超过 200 字,现有 201 字')]);
    expect(texts('问'.repeat(200), '改'.repeat(200)).filter((m) => m.includes('存在问题') || m.includes('改进措施'))).toEqual([]);
  });

  it('limits 评价结论 to 200 字', () => {
    const profile = profileFor('MS-P');
    const tooLong = rule(checkForm(with89('资金拨付滞后', '好'.repeat(201)), profile), 'FV-12');
    expect(tooLong).toEqual([expect.stringContaining('“评价结论”:应不超过 200 字,现有 201 字')]);
    expect(rule(checkForm(with89('资金拨付滞后', '好'.repeat(200)), profile), 'FV-12').filter((m) => m.includes('评价结论'))).toEqual([]);
  });
});

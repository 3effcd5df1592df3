import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../shared/money';
import { parsePoints, points } from '../../../shared/forms/decimal';
import { fundingLine, parseForm, parseFramework, type PerfForm } from '../../../shared/forms/model';
import { profileFor } from '../../../shared/forms/profiles';
import {
  budgetExecScore, computeFrameworkItem, execRateBp, execResultScore, formatRate, frameworkIssues, frameworkMaxScore,
  frameworkTotal, gradeFor, scoreForm, suggestIndicatorScore,
} from '../../../shared/forms/scoring';
import { DTH_SCORE_TABLE_SEED001 } from '../../fixtures/forms/dth-d-seed001';
import { MS_FW1_SEED000, MS_FW2_SEED000 } from '../../fixtures/forms/ms-fw-seed000';
import { MS_P_SEED000 } from '../../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004, YL_NARRATIVE_GRADES, YL_P_SEED004 } from '../../fixtures/forms/yl-seed004';

const ms = MS_P_SEED000.map(parseForm);
const printedBudgetScore = (form: PerfForm) => fundingLine(form, 'TOTAL')?.score ?? null;

describe('预算执行得分 and totals reproduce the seeds', () => {
  it('MS-P: all 12 forms of seed 000 reproduce the printed 得分 and 合计 (1 decimal, S-1/S-3)', () => {
    expect(ms).toHaveLength(12);
    for (const form of ms) {
      const result = scoreForm(form, profileFor('MS-P'));
      expect(printedBudgetScore(form)).not.toBeNull();
      expect(form.total_score).not.toBeNull();
      expect({ form: form.subject_name, budget: result.budgetScore }).toEqual({ form: form.subject_name, budget: printedBudgetScore(form) });
      expect({ form: form.subject_name, total: result.total }).toEqual({ form: form.subject_name, total: form.total_score });
      expect(result.maxTotal).toBe(points(100));
      expect(result.complete).toBe(true);
    }
  });

  it('MS-P: 99.91 % rounds half-up to 10, not down to 9.9; 88.35 % to 8.8', () => {
    const logistics = ms.find((f) => f.subject_name === '后勤物业管理专项经费')!;
    expect(formatRate(execRateBp(fundingLine(logistics, 'TOTAL')!.actual, fundingLine(logistics, 'TOTAL')!.budget_adjusted))).toBe('99.91%');
    expect(budgetExecScore(fundingLine(logistics, 'TOTAL'), profileFor('MS-P'))).toBe(points(10));
  });

  it('YL-P reproduces 3.64 / 93.64 and YL-D 5.94 / 95.94 (2 decimals, S-2), with the narrative grades', () => {
    const p = parseForm(YL_P_SEED004);
    const d = parseForm(YL_D_SEED004);
    const sp = scoreForm(p, profileFor('YL-P'));
    const sd = scoreForm(d, profileFor('YL-D'));
    expect(formatRate(sp.execRateBp)).toBe(fundingLine(p, 'TOTAL')!.exec_rate);
    expect(formatRate(sd.execRateBp)).toBe(fundingLine(d, 'TOTAL')!.exec_rate);
    expect(sp.budgetScore).toBe(printedBudgetScore(p));
    expect(sd.budgetScore).toBe(printedBudgetScore(d));
    expect(sp.total).toBe(p.total_score);
    expect(sd.total).toBe(d.total_score);
    expect(sp.grade).toBe(YL_NARRATIVE_GRADES.project);
    expect(sd.grade).toBe(YL_NARRATIVE_GRADES.department);
  });

  it('the same rate scores to 1 decimal in 眉山 and 2 in 玉林', () => {
    const line = fundingLine(parseForm(YL_P_SEED004), 'TOTAL');
    expect(budgetExecScore(line, profileFor('YL-P'))).toBe(parsePoints('3.64', 't'));
    expect(budgetExecScore(line, profileFor('MS-P'))).toBe(parsePoints('3.6', 't'));
  });
});

describe('执行率', () => {
  it('is undefined on a zero budget: never 100 % for x/0 or 0/0', () => {
    expect(execRateBp(parseAmount('0.6'), 0)).toBeNull();
    expect(execRateBp(0, 0)).toBeNull();
    expect(formatRate(null)).toBe('—');
    const form = parseForm({ ...MS_P_SEED000[0], funding: [{ key: 'TOTAL', budget_adjusted: '0', actual: '0.6' }] });
    expect(scoreForm(form, profileFor('MS-P')).budgetScore).toBeNull();
  });

  it('is taken against the adjusted budget, not the initial one (S-6)', () => {
    const tianfu = ms.find((f) => f.subject_name.startsWith('天府市民云'))!;
    const total = fundingLine(tianfu, 'TOTAL')!;
    expect(total.budget_initial).not.toBe(total.budget_adjusted);
    expect(execRateBp(total.actual, total.budget_adjusted)).toBe(10_000);
  });

  it('caps the budget score at the weight above 100 % (no bonus, INFERRED)', () => {
    const form = parseForm({ ...MS_P_SEED000[0], funding: [{ key: 'TOTAL', budget_adjusted: '100', actual: '120' }] });
    expect(scoreForm(form, profileFor('MS-P')).budgetScore).toBe(points(10));
  });

  it('rounds a half up exactly: 1.05 % × 10 = 0.105 → 0.11 (in binary floats (0.105).toFixed(2) is "0.10")', () => {
    const form = parseForm({ ...MS_P_SEED000[0], funding: [{ key: 'TOTAL', budget_adjusted: '1000', actual: '10.5' }] });
    expect(budgetExecScore(fundingLine(form, 'TOTAL'), profileFor('YL-P'))).toBe(parsePoints('0.11', 't'));
  });
});

describe('indicator score suggestions (INFERRED, always overridable)', () => {
  const base = MS_P_SEED000[3];
  const withIndicator = (ind: object) => parseForm({ ...base, indicators: [{ horizon: 'ANNUAL', level1: '产出指标', level2: '数量指标', name: 't', weight: '20', ...ind }] });

  it('gives full weight when met and the proportional share when a positive target is missed', () => {
    expect(suggestIndicatorScore(withIndicator({ target_raw: '≥10项', actual_raw: '12' }).indicators[0], profileFor('YL-P'))).toBe(points(20));
    expect(suggestIndicatorScore(withIndicator({ target_raw: '≥10项', actual_raw: '7' }).indicators[0], profileFor('YL-P'))).toBe(points(14));
  });

  it('scores a missed reverse target as weight × target ÷ actual', () => {
    const form = withIndicator({ level1: '成本指标', level2: '经济成本指标', target_raw: '165', unit: '万元', actual_raw: '200' });
    expect(suggestIndicatorScore(form.indicators[0], profileFor('MS-P'))).toBe(parsePoints('16.5', 't'));
  });

  it('leaves qualitative misses to the reviewer, and a typed score always wins', () => {
    const form = withIndicator({ target_raw: '明显提升', actual_raw: '有所下降' });
    expect(suggestIndicatorScore(form.indicators[0], profileFor('MS-P'))).toBeNull();
    const typed = withIndicator({ target_raw: '≥10项', actual_raw: '7', score: '20' });
    const result = scoreForm(typed, profileFor('MS-P'));
    expect(result.indicators[0]?.suggested).toBe(points(14));
    expect(result.indicators[0]?.effective).toBe(points(20));
  });

  it('uses the GENERIC grade scale 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below', () => {
    const grades = profileFor('GENERIC').scoring.grades!;
    expect([90, 89.99, 80, 60, 59.99].map((v) => gradeFor(Math.round(v * 10_000), grades))).toEqual(['优', '良', '良', '中', '差']);
  });
});

describe('scored frameworks', () => {
  it('附件1.1 reproduces its 合计得分 95.78 from the item scores, weights 100', () => {
    const fw = parseFramework(MS_FW1_SEED000);
    expect(frameworkTotal(fw)).toBe(fw.total_score);
    expect(frameworkMaxScore(fw)).toBe(points(100));
    expect(frameworkIssues(fw)).toEqual([]);
  });

  it('附件1.1 执行结果 does not reproduce from the 12 forms; it does if 110联动 counts as fully spent (S-11, M-12)', () => {
    const fw = parseFramework(MS_FW1_SEED000);
    const printed = fw.items.find((i) => i.l3 === '执行结果')!.self_score;
    const projects = ms.map((f) => ({ lifecycle: f.lifecycle, budget: fundingLine(f, 'TOTAL')!.budget_adjusted, actual: fundingLine(f, 'TOTAL')!.actual }));
    expect(execResultScore(projects)).not.toBe(printed);
    const narrative = ms.map((f, i) => (f.subject_name.includes('110') ? { ...projects[i], budget: projects[i].actual } : projects[i]));
    expect(execResultScore(narrative)).toBe(printed);
  });

  it('附件2 counts only the chosen 专用指标 block and reproduces 98; 满意度 95 % → 6 (S-10)', () => {
    const fw = parseFramework(MS_FW2_SEED000);
    expect(frameworkTotal(fw)).toBe(fw.total_score);
    expect(frameworkMaxScore(fw)).toBe(points(100));
    expect(frameworkIssues(fw)).toEqual([]);
    const satisfaction = fw.items.find((i) => i.l3 === '服务对象满意度指标')!;
    expect(computeFrameworkItem(satisfaction)).toBe(satisfaction.self_score);
    expect(frameworkTotal({ ...fw, chosen: { 专用指标: '产业发展' } })).toBeLessThan(fw.total_score!);
  });

  it('DTH 计分表 reproduces 90, and every item with inputs computes its printed score (S-9)', () => {
    const fw = parseFramework(DTH_SCORE_TABLE_SEED001);
    expect(frameworkTotal(fw)).toBe(fw.total_score);
    expect(frameworkMaxScore(fw)).toBe(points(100));
    expect(frameworkIssues(fw)).toEqual([]);
    const computed = fw.items.filter((i) => Object.keys(i.inputs).length > 0);
    expect(computed.map((i) => i.l3)).toEqual(['在职人员控制率', '“三公经费”变动率', '预算完成率', '预算控制率', '“三公经费”控制率']);
    for (const item of computed) expect({ item: item.l3, score: computeFrameworkItem(item) }).toEqual({ item: item.l3, score: item.self_score });
  });

  it('DTH rules deduct as declared when the measure is off target', () => {
    const fw = parseFramework(DTH_SCORE_TABLE_SEED001);
    const item = (name: string, inputs: Record<string, string>) => ({ ...fw.items.find((i) => i.l3 === name)!, inputs });
    // 8 staff on 7 posts: 114.29 % → 14.29 pp over × 0.2 = 2.857… → 7 − 2.86 = 4.14
    expect(computeFrameworkItem(item('在职人员控制率', { 在职人员数: '8', 编制数: '7' }))).toBe(parsePoints('4.14', 't'));
    // 89 % completion: 11 points short = two full 5 % steps → 5 − 4 = 1
    expect(computeFrameworkItem(item('预算完成率', { 上年结转: '0', 年初预算: '100', 本年追加预算: '0', 年末结余: '11' }))).toBe(points(1));
    expect(computeFrameworkItem(item('预算控制率', { 本年追加预算: '10', 年初预算: '100' }))).toBe(points(4));
    expect(computeFrameworkItem(item('预算控制率', { 本年追加预算: '0', 年初预算: '100' }))).toBe(points(5));
    expect(computeFrameworkItem(item('管理制度健全性', { 不符合要求例数: '5' }))).toBe(0);
    expect(computeFrameworkItem(item('行政效能', { 效果: '一般' }))).toBe(points(3));
    expect(computeFrameworkItem(item('社会公众或服务对象满意度', { 满意度: '85' }))).toBe(points(4));
    expect(computeFrameworkItem(item('目标任务实际完成率', { 年度综合目标管理考核得分: '95', 总分: '100' }))).toBe(parsePoints('7.6', 't'));
  });
});

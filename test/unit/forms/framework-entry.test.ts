/**
 * The framework entry rules the page, the core and the workbook share: blank templates, the range a
 * judged score keeps (with the reason shown beside the field), and computed items.
 */
import { describe, expect, it } from 'vitest';
import { points, parsePoints } from '../../../shared/forms/decimal';
import { FRAMEWORK_KINDS, parseFramework } from '../../../shared/forms/framework';
import { acceptFramework, checkJudgedScore, displayScore, FRAMEWORK_DEFS, frameworkTemplate, settleFramework } from '../../../shared/forms/framework-entry';

describe('framework entry', () => {
  it('templates are the seeds with every judgement cleared, titled for the year', () => {
    for (const kind of FRAMEWORK_KINDS) {
      const template = frameworkTemplate(kind, 2025);
      const seed = parseFramework(FRAMEWORK_DEFS[kind].seed);
      expect(template.items.map((item) => [item.l3, item.weight])).toEqual(seed.items.map((item) => [item.l3, item.weight]));
      expect(template.items.every((item) => item.self_score === null && Object.keys(item.inputs).length === 0)).toBe(true);
      expect(template.total_score).toBeNull();
    }
    expect(frameworkTemplate('DEPT_OVERALL_DTH', 2025).title).toBe('2025年部门整体支出绩效自评指标计分表');
  });

  it('takes a score within 0…分值 (deductions −一级分值…0) and says why otherwise', () => {
    const fw = frameworkTemplate('DEPT_OVERALL_MS', 2025);
    const quality = fw.items.find((item) => item.l3 === '预算编制质量')!;
    const deduction = fw.items.find((item) => item.l3 === '预算绩效存在问题')!;
    expect(checkJudgedScore(quality, '7.5')).toEqual({ value: parsePoints('7.5', 't') });
    expect(checkJudgedScore(quality, '８')).toEqual({ value: points(8) });
    expect(checkJudgedScore(quality, '')).toEqual({ value: null });
    expect(checkJudgedScore(quality, '8.01')).toEqual({ error: '得分须在 0 至 8 分之间' });
    expect(checkJudgedScore(quality, '-1')).toEqual({ error: '得分须在 0 至 8 分之间' });
    expect(checkJudgedScore(quality, '七')).toEqual({ error: '“七”不是有效分值' });
    expect(checkJudgedScore(deduction, '-2')).toEqual({ value: points(-2) });
    expect(checkJudgedScore(deduction, '1')).toEqual({ error: '扣分须在 -10 至 0 之间' });
  });

  it('computes an item from its data once all of it is filled, and refuses a changed layout', () => {
    const fw = frameworkTemplate('DEPT_OVERALL_DTH', 2020);
    const index = fw.items.findIndex((item) => item.l3 === '在职人员控制率');
    const half = settleFramework({ ...fw, items: fw.items.map((item, i) => (i === index ? { ...item, inputs: { 在职人员数: '8' } } : item)) }, []);
    expect(half.items[index].computed).toBe(false);
    const full = settleFramework({ ...fw, items: fw.items.map((item, i) => (i === index ? { ...item, inputs: { 在职人员数: '8', 编制数: '7' } } : item)) }, []);
    expect(full.items[index]).toMatchObject({ computed: true, counts: true });
    expect(displayScore(full.total)).toBe('4.14');
    const renamed = { ...FRAMEWORK_DEFS.DEPT_OVERALL_DTH.seed, items: FRAMEWORK_DEFS.DEPT_OVERALL_DTH.seed.items.map((item, i) => (i === 0 ? { ...item, l3: '另一个指标' } : item)) };
    expect(() => acceptFramework(renamed, [])).toThrow('部门整体支出绩效自评指标计分表的指标与表样不一致(指标不能增删或改名)');
    // A document cannot change how an item scores: the rule is the declaration's, whatever it carries.
    const seed = FRAMEWORK_DEFS.DEPT_OVERALL_DTH.seed;
    const generous = { ...seed, items: seed.items.map((item) => (item.l3 === '预算控制率' ? { ...item, rule: { ...item.rule!, otherwise: '50' } } : item)) };
    expect(acceptFramework(generous, []).framework.items.find((item) => item.l3 === '预算控制率')!.self_score).toBe(0);
    const odd = (inputs: Record<string, string>) => ({ ...seed, items: seed.items.map((item) => (item.l3 === '行政效能' ? { ...item, inputs } : item)) });
    expect(() => acceptFramework(odd({ 效果: '极好' }), [])).toThrow('“行政效能”的效果“极好”不是可选的评价');
    expect(() => acceptFramework(odd({ 其他: '1' }), [])).toThrow('“行政效能”没有评分数据“其他”');
  });

  it('settles 附件1.1 执行结果 from the projects; without them (a 汇总 made before it kept them) keeps the stored score', () => {
    const fw = frameworkTemplate('DEPT_OVERALL_MS', 2025);
    const index = fw.items.findIndex((item) => item.l3 === '执行结果');
    // One 常年项目 of two with 结余率 under 10 %: half of that class's points.
    const projects = [
      { lifecycle: '常年项目' as const, budget: 1_000_000, actual: 950_000 },
      { lifecycle: '常年项目' as const, budget: 1_000_000, actual: 500_000 },
    ];
    const settled = settleFramework(fw, projects);
    expect(settled.items[index].how).toBe('按本年度项目自评表计算:常年项目 1/2 个结余率低于 10%;没有阶段和一次性项目(按满分)');
    const kept = settleFramework(settled.framework, null);
    expect(kept.framework.items[index].self_score).toBe(settled.framework.items[index].self_score);
    expect(kept.total).toBe(settled.total);
    expect(kept.items[index]).toEqual({ counts: true, computed: true, how: '按该单位本年度项目自评表计算(汇总时的得分)' });
    // The same framework settled with no projects at all scores them as full: a different number, so null is not [].
    expect(settleFramework(settled.framework, []).total).not.toBe(settled.total);
  });

  it('shows scores with two decimals', () => {
    expect([points(7), parsePoints('95.78', 't'), parsePoints('2.755', 't'), points(-1), null].map(displayScore)).toEqual(['7.00', '95.78', '2.76', '-1.00', '']);
  });
});

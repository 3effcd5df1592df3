/**
 * When a change needs a 主要原因 (P-03 in the 审核, P-05 for the 决算公开 document), and where it is
 * written: only once this year's figures behind it are entered, and once, on the 决算公开 page.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { seed002Doc } from '../fixtures/seed-002';
import { SEED_002_REPORT_INPUTS } from '../fixtures/seed-002-last-year';
import { tempDir } from '../helpers/temp';

describe('主要原因 of changes against last year and the 年初预算', () => {
  const temp = tempDir();
  const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
  const reasonFindings = async (file: string) =>
    (await core.validate({ file })).findings.filter((finding) => finding.rule === 'P-03' || finding.rule === 'P-05');
  beforeAll(async () => {
    await core.createYear({ file: '2023.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.load({ file: '2023.sqlite', doc: seed002Doc() });
    await core.setFormRegion({ file: '2023.sqlite', region: '荆门' });
    await core.setSupplementary({ file: '2023.sqlite', values: SEED_002_REPORT_INPUTS });
    await core.setReportText({ file: '2023.sqlite', key: 'reason.total', text: '因办公地点的搬迁,办公场所面积大幅增加。' });
    await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '荆门市行政审批局(本级)', baselineFrom: '2023.sqlite' });
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('a year started from last year asks for none before its figures are entered, and for them once they are', async () => {
    // The carried 年初结转 (公开01表 第29行) is last year's figure, not an entry of this year.
    expect((await core.openYear({ file: '2024.sqlite' })).reportTexts['reason.total']?.draft).toBe(true);
    expect(await reasonFindings('2024.sqlite')).toEqual([]);

    await core.edit({ file: '2024.sqlite', cells: [{ table: '公开05表', row: '2010302', col: '2', value: '100' }] });
    const asked = await reasonFindings('2024.sqlite');
    expect(asked.find((finding) => finding.rule === 'P-03' && finding.table === '公开05表' && finding.row === '201')?.message).toContain('下降 96.92%');
    // 公开01表 本年收入 has nothing entered yet: still no change to explain there.
    expect(asked.some((finding) => finding.rule === 'P-03' && finding.table === '公开01表')).toBe(false);

    // A typed 0 is an entry: 人员经费 that fell to nothing is a change to explain.
    expect(asked.some((finding) => finding.rule === 'P-03' && finding.table === '公开06表')).toBe(false);
    await core.edit({ file: '2024.sqlite', cells: [{ table: '公开06表', row: '30101', col: '1', value: '0' }] });
    const personnel = (await reasonFindings('2024.sqlite')).find((finding) => finding.rule === 'P-03' && finding.table === '公开06表' && finding.row === '人员经费合计');
    expect(personnel?.message).toContain('下降 100.00%');
  });

  it('one 主要原因 written on the 决算公开 page explains the change for the 审核 as well', async () => {
    let findings = await reasonFindings('2023.sqlite');
    const p03 = findings.find((finding) => finding.rule === 'P-03' && finding.row === '201');
    expect(p03?.message).toContain('执行率 88.15%');
    expect(p03?.message).toContain('请在决算公开页写明主要原因');
    expect(findings.some((finding) => finding.rule === 'P-05' && finding.row === 'gpb.budget.201')).toBe(true);

    await core.setReportText({ file: '2023.sqlite', key: 'reason.gpb.budget.201', text: '部分项目推迟到下年实施。' });
    findings = await reasonFindings('2023.sqlite');
    expect(findings.some((finding) => finding.rule === 'P-03' && finding.row === '201')).toBe(false);
    expect(findings.some((finding) => finding.rule === 'P-05' && finding.row === 'gpb.budget.201')).toBe(false);
  });

  it('a 类 both changed against last year and off its 年初预算: each part goes exactly when its own reason is given', async () => {
    // 201 fell 96.92% against 2023 (the first test's entry) and 100.00 of a 3686.57 年初预算 is 2.71%.
    await core.setSupplementary({ file: '2024.sqlite', values: { 'gpb_initial_budget_by_code.201': '3686.57' } });
    const at201 = async () => (await reasonFindings('2024.sqlite')).filter((finding) => finding.rule === 'P-03' && finding.table === '公开05表' && finding.row === '201');
    let [lastYear, budget, ...more] = await at201();
    expect(more).toEqual([]);
    // The 上年 change has no sentence of its own in the document: it is explained in an 出错说明.
    expect(lastYear.message).toBe('公开05表 科目 201 第1栏 小计 100.00,较上年 3,249.78 下降 96.92%,请在出错说明中写明主要原因');
    // The 执行率 has its sentence on the 决算公开 page and is answered there.
    expect(budget.message).toBe('公开05表 科目 201 第1栏 小计 100.00,年初预算 3,686.57,执行率 2.71%,请在决算公开页写明主要原因(写明后此条即消除)');

    // The 出错说明 answers the 上年 change only.
    await core.explain({ file: '2024.sqlite', key: lastYear.key, text: '机构改革,部分职能划出。' });
    [lastYear, budget] = await at201();
    expect(lastYear.explanation).toBe('机构改革,部分职能划出。');
    expect(budget.message).toContain('执行率 2.71%');
    expect(budget.explanation).toBeUndefined();

    // The 主要原因 on the page answers the 执行率 only: that part goes, the explained 上年 change stays as it was.
    await core.setReportText({ file: '2024.sqlite', key: 'reason.gpb.budget.201', text: '部分项目推迟到下年实施。' });
    expect(await at201()).toEqual([lastYear]);

    // Taken back, the 执行率 asks again, and the 上年 change keeps its 出错说明.
    await core.setReportText({ file: '2024.sqlite', key: 'reason.gpb.budget.201', text: null });
    expect((await at201()).map((finding) => [finding.message.includes('执行率'), finding.explanation])).toEqual([
      [false, '机构改革,部分职能划出。'],
      [true, undefined],
    ]);
  });
});

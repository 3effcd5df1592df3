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
});

import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { seed002Doc } from '../fixtures/seed-002';
import { tempDir } from '../helpers/temp';

describe('补充信息 in the year file', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('is checked, stored, validated against the tables and carried by dump/load', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'jm.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.load({ file: 'jm.sqlite', doc: seed002Doc() });
    await expect(core.setSupplementary({ file: 'jm.sqlite', values: { training_fee: '二十' } })).rejects.toThrow('补充信息:培训费和会议费·培训费(全部资金):“二十”不是有效金额');
    await expect(core.setSupplementary({ file: 'jm.sqlite', values: { 'assets.vehicles_total': '2.5' } })).rejects.toThrow(/不是整数/);
    // A field alone in its group of the same name is named once.
    await expect(core.setSupplementary({ file: 'jm.sqlite', values: { admin_running_cost: '1 000' } })).rejects.toThrow(/^补充信息:机关运行经费:“1 000”不是有效金额/);

    // Seed 002: 培训费 22.63 over all funds ≥ 公开06表 30216 3.15; 车辆 2 = 应急保障用车 2.
    await core.setSupplementary({ file: 'jm.sqlite', values: { training_fee: '22.63', meeting_fee: '1.29', 'assets.vehicles_total': '2', 'assets.vehicles_by_type.应急保障用车': '2', admin_running_cost: '' } });
    let rules = (await core.validate({ file: 'jm.sqlite' })).findings.map((finding) => finding.rule);
    expect(rules.filter((rule) => rule === 'R-X20' || rule === 'R-X24')).toEqual([]);
    await core.setSupplementary({ file: 'jm.sqlite', values: { training_fee: '1', 'assets.vehicles_total': '3', 'assets.vehicles_by_type.应急保障用车': '2' } });
    rules = (await core.validate({ file: 'jm.sqlite' })).findings.map((finding) => finding.rule);
    expect(rules).toContain('R-X20');
    expect(rules).toContain('R-X24');

    const doc = await core.dump({ file: 'jm.sqlite' });
    expect(doc.supplementary).toEqual({ training_fee: '1', 'assets.vehicles_total': '3', 'assets.vehicles_by_type.应急保障用车': '2' });
    await core.createYear({ file: 'copy.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.load({ file: 'copy.sqlite', doc });
    expect((await core.openYear({ file: 'copy.sqlite' })).supplementary).toEqual(doc.supplementary);
    core.close();
  });
});

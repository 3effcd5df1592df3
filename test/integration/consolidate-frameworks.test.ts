/**
 * 汇总 keeps every unit's 评价指标体系 (issue 15): real unit files on disk with random frameworks
 * (scores, data, ticks, drafts), consolidated; each unit's frameworks are in the 汇总 exactly as the
 * unit's own dump gives them, labelled by the unit, never summed, and the 汇总 file's own frameworks
 * stay empty for the department's own evaluation. A 节点汇总 passes its units' on.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { describePlan } from '../../electron/core/consolidate-cli';
import { readRecord } from '../../electron/core/consolidate-store';
import { YearStore } from '../../electron/core/store';
import { FRAMEWORKS_NOTE, type UnitFramework } from '../../shared/consolidation';
import { FRAMEWORK_KINDS } from '../../shared/forms/framework';
import { FRAMEWORK_DEFS } from '../../shared/forms/framework-entry';
import { randomFramework } from '../fixtures/frameworks-random';
import { seeded, type Random } from '../fixtures/xlsx/random-forms';
import { tempDir } from '../helpers/temp';

describe('汇总 and the units’ 评价指标体系', () => {
  const temp = tempDir('juesuan-consolidate-fw-');
  const at = (name: string) => path.join(temp.dir, name);
  const core = createCore({ resolveFile: at });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });
  const request = (files: string[], unitName: string, jobs = 0) => ({ files, resolve: at, unitName, unitCode: '', adjust: 'none' as const, jobs });

  /** A unit file with 0–4 random frameworks (department ones, and 附件2 for random projects; some saved, some carried as drafts). */
  async function randomUnit(random: Random, file: string, unitName: string, unitCode: string): Promise<UnitFramework[]> {
    await core.createYear({ file, fiscalYear: 2023, unitName, unitCode });
    const count = Math.floor(random() * 5);
    const docs = [];
    const taken = new Set<string>();
    for (let i = 0; i < count; i++) {
      const kind = FRAMEWORK_KINDS[Math.floor(random() * FRAMEWORK_KINDS.length)];
      const subject_code = FRAMEWORK_DEFS[kind].subject === 'project' ? `P${Math.floor(random() * 3)}` : '';
      if (taken.has(`${kind}|${subject_code}`)) continue;
      taken.add(`${kind}|${subject_code}`);
      docs.push({ subject_code, ...(random() < 0.2 ? { draft: true } : {}), framework: randomFramework(random, kind, 2023) });
    }
    const dumped = await core.dump({ file });
    await core.load({ file, doc: { ...dumped, frameworks: docs } });
    // What the unit itself reports: its dump (totals settled).
    return ((await core.dump({ file })).frameworks ?? []).map((doc) => ({ unitName, unitCode, doc }));
  }

  it('keeps each unit’s frameworks whole and labelled, over random units (6 rounds, some read by worker threads)', async () => {
    const random = seeded(20261215);
    for (let round = 0; round < 6; round++) {
      const count = 2 + Math.floor(random() * 3);
      const files = Array.from({ length: count }, (_, i) => `r${round}-u${i}.sqlite`);
      const expected: UnitFramework[][] = [];
      for (const [i, file] of files.entries()) expected.push(await randomUnit(random, file, `单位${round}-${i}`, `${round}0${i}`));
      core.close();
      const consolidation = await planConsolidation(request(files, '主管部门', round % 3 === 2 ? 2 : 0));
      expect(consolidation.plan.units.map((unit) => unit.frameworks)).toEqual(expected);
      writeConsolidation(at(`r${round}-汇总.sqlite`), consolidation);
      const store = YearStore.open(at(`r${round}-汇总.sqlite`));
      try {
        expect(readRecord(store).units.map((unit) => unit.frameworks)).toEqual(expected);
      } finally {
        store.close();
      }
      // The 汇总's own frameworks are not a sum of the units': none until the department fills its own.
      expect((await core.openYear({ file: `r${round}-汇总.sqlite` })).frameworks).toEqual([]);
      const all = expected.flat();
      const text = describePlan(consolidation.plan);
      if (all.length) {
        expect(text).toContain(`评价指标体系 ${all.length} 张:${FRAMEWORKS_NOTE}`);
        for (const entry of all) expect(text).toContain(`${entry.unitName}  ${FRAMEWORK_DEFS[entry.doc.framework.framework].attachment}`);
      } else {
        expect(text).not.toContain('评价指标体系');
      }
      core.close();
    }
  }, 120_000);

  it('a 节点汇总 passes on the frameworks of the units it holds', async () => {
    const random = seeded(7);
    let a: UnitFramework[] = [];
    let b: UnitFramework[] = [];
    // Units with at least one framework each, so the nesting shows.
    for (let tries = 0; !a.length || !b.length; tries++) {
      a = await randomUnit(random, `a${tries}.sqlite`, '甲单位', '901');
      b = await randomUnit(random, `b${tries}.sqlite`, '乙单位', '902');
      if (!a.length || !b.length) continue;
      core.close();
      writeConsolidation(at('node.sqlite'), await planConsolidation(request([`a${tries}.sqlite`], '甲系统')));
      const top = await planConsolidation(request(['node.sqlite', `b${tries}.sqlite`], '主管部门'));
      expect(top.plan.units.map((unit) => unit.frameworks)).toEqual([a, b]);
      expect(top.plan.units[0].frameworks.every((entry) => entry.unitName === '甲单位')).toBe(true);
    }
  }, 60_000);
});

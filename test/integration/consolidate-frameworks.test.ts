/**
 * 汇总 keeps every unit's 评价指标体系 (issue 15): real unit files on disk with random frameworks
 * (scores, data, ticks, drafts), consolidated; each unit's frameworks are in the 汇总 exactly as the
 * unit's own dump gives them, labelled by the unit, never summed, and the 汇总 file's own frameworks
 * stay empty for the department's own evaluation. A 节点汇总 passes its units' on.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { describePlan } from '../../electron/core/consolidate-cli';
import { readRecord } from '../../electron/core/consolidate-store';
import { YearStore } from '../../electron/core/store';
import { FRAMEWORKS_NOTE, type UnitFramework } from '../../shared/consolidation';
import { FRAMEWORK_KINDS, parseFramework } from '../../shared/forms/framework';
import { FRAMEWORK_DEFS, frameworkToJson, readsProjects, settleFramework } from '../../shared/forms/framework-entry';
import { randomFramework } from '../fixtures/frameworks-random';
import { randomForm, seeded, TEMPLATES, type Random } from '../fixtures/xlsx/random-forms';
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
    // Project forms for 附件1.1's 执行结果 to read (their 结余率 decide its score).
    const projects = TEMPLATES.filter((form) => form.subject_type === 'project');
    const forms = Array.from({ length: Math.floor(random() * 4) }, () => randomForm(random, projects[Math.floor(random() * projects.length)], { maxText: 60 }));
    const dumped = await core.dump({ file });
    await core.load({ file, doc: { ...dumped, forms, frameworks: docs } });
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
      expect(consolidation.plan.units.map((unit) => unit.frameworks.map(withoutProjects))).toEqual(expected);
      const out = `r${round}-汇总.sqlite`;
      writeConsolidation(at(out), consolidation);
      const store = YearStore.open(at(out));
      try {
        expect(readRecord(store).units.map((unit) => unit.frameworks)).toEqual(consolidation.plan.units.map((unit) => unit.frameworks));
      } finally {
        store.close();
      }
      // The read verb (through the contract's door, as the 汇总 page calls it) gives each unit's framework unchanged.
      for (const entry of expected.flat()) {
        const { unitCode, unitName, doc } = entry;
        const read = (await core.call('unitFramework', { file: out, unitCode, unitName, kind: doc.framework.framework, subject_code: doc.subject_code })) as UnitFramework;
        expect(withoutProjects(read)).toEqual(entry);
        // Settled again with the projects kept beside it, as the page shows it: the unit's own scores, item by item.
        expect(read.projects !== undefined).toBe(readsProjects(doc.framework.framework));
        expect(frameworkToJson(settleFramework(parseFramework(read.doc.framework), read.projects ?? null).framework)).toEqual(doc.framework);
        // A 汇总 made before the projects were kept shows the stored scores as they are.
        expect(frameworkToJson(settleFramework(parseFramework(read.doc.framework), null).framework)).toEqual(doc.framework);
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

  it('refuses, in Chinese, a file that is not a 汇总, a unit or framework it does not hold, and arguments outside the contract', async () => {
    await core.createYear({ file: 'plain.sqlite', fiscalYear: 2023, unitName: '本级', unitCode: '801' });
    await core.saveFramework({ file: 'plain.sqlite', subject_code: '', framework: FRAMEWORK_DEFS.DEPT_OVERALL_DTH.seed });
    core.close();
    const key = { unitCode: '801', unitName: '本级', kind: 'DEPT_OVERALL_DTH' as const, subject_code: '' };
    await expect(core.unitFramework({ file: 'plain.sqlite', ...key })).rejects.toThrow('plain.sqlite 不是汇总结果');
    writeConsolidation(at('one.sqlite'), await planConsolidation(request(['plain.sqlite'], '主管部门')));
    expect((await core.unitFramework({ file: 'one.sqlite', ...key })).unitName).toBe('本级');
    await expect(core.unitFramework({ file: 'one.sqlite', ...key, unitCode: '802' })).rejects.toThrow('汇总结果 one.sqlite 中没有单位“本级”的附件5 部门整体支出绩效自评指标计分表');
    await expect(core.unitFramework({ file: 'one.sqlite', ...key, kind: 'PROJECT_SPECIAL_MS', subject_code: 'P1' })).rejects.toThrow('没有单位“本级”的附件2 专项预算项目绩效评价指标体系(项目 P1)');
    // The 汇总 workbook carries the 汇总 unit's own framework only, never a unit's (see the README, 汇总).
    await core.saveFramework({ file: 'one.sqlite', subject_code: '', framework: FRAMEWORK_DEFS.DEPT_OVERALL_DTH.seed });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await core.exportWorkbook({ file: 'one.sqlite', draft: true })).dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const frameworkSheets = book.worksheets.filter((sheet) => sheet.name.startsWith('附件'));
    expect(frameworkSheets.map((sheet) => sheet.getCell('A2').text)).toEqual(['单位:主管部门']);
    core.close();
    await expect(core.call('unitFramework', { file: 'one.sqlite', ...key, kind: 'DEPT_SUM' })).rejects.toThrow();
    await expect(core.call('unitFramework', { file: 'one.sqlite', unitName: '本级', kind: 'DEPT_OVERALL_DTH', subject_code: '' })).rejects.toThrow();
  });

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
      expect(top.plan.units.map((unit) => unit.frameworks.map(withoutProjects))).toEqual([a, b]);
      // The 汇总 of the node and 乙 opens 甲's frameworks, kept in the node, by 甲 itself.
      writeConsolidation(at('top.sqlite'), top);
      for (const { unitCode, unitName, doc } of a) {
        const read = await core.unitFramework({ file: 'top.sqlite', unitCode, unitName, kind: doc.framework.framework, subject_code: doc.subject_code });
        expect(read.doc).toEqual(doc);
      }
      expect(top.plan.units[0].frameworks.every((entry) => entry.unitName === '甲单位')).toBe(true);
    }
  }, 60_000);
});

/** A unit's framework without the project forms kept beside it (the unit's dump does not carry them there). */
function withoutProjects({ projects: _kept, ...entry }: UnitFramework): UnitFramework {
  return entry;
}

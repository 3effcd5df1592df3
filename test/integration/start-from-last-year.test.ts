import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, inDataDir } from '../../electron/core/core';
import { seed002Doc } from '../fixtures/seed-002';
import { JM_P_SEED002 } from '../fixtures/forms/jm-p-seed002';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

describe('a new year started from last year\'s file', () => {
  it('carries 年末 into 年初, keeps 上年数 for the cross-year rules, and takes the 项 rows', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2023.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.load({ file: '2023.sqlite', doc: seed002Doc() });
    // Still open and not checkpointed: the new year must see this edit all the same.
    await core.edit({ file: '2023.sqlite', cells: [{ table: '公开01表', row: '60', col: '2', value: '12.34' }] });

    await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '荆门市行政审批局(本级)', baselineFrom: '2023.sqlite' });
    const snapshot = await core.openYear({ file: '2024.sqlite' });
    expect(snapshot.tables['公开01表'].cells['29']).toEqual({ '1': '12.34' });
    expect(snapshot.tables['公开03表'].codes).toContain('2010302');
    expect(snapshot.baseline?.['公开01表']['60|2']).toBe('12.34');

    expect((await core.validate({ file: '2024.sqlite' })).findings.some((f) => f.rule === 'R-Y01')).toBe(false);
    await core.edit({ file: '2024.sqlite', cells: [{ table: '公开01表', row: '29', col: '1', value: '10' }] });
    const y01 = (await core.validate({ file: '2024.sqlite' })).findings.find((f) => f.rule === 'R-Y01');
    expect(y01).toMatchObject({ severity: 'warning', table: '公开01表', row: '29', col: '1' });
    core.close();
  });

  it('keeps the unit\'s 单位性质 from last year\'s 补充信息; this year\'s figures start empty', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '单位' });
    await core.setSupplementary({ file: '2025.sqlite', values: { 'unit_info.nature': '行政单位', admin_running_cost: '100', 'sangong_stats.vehicles_held': '2' } });
    await core.createYear({ file: '2026.sqlite', fiscalYear: 2026, unitName: '单位', baselineFrom: '2025.sqlite' });
    // Before: 单位性质 was blank again each year, and the rules that depend on it (机关运行经费 for 行政单位) were skipped.
    expect((await core.openYear({ file: '2026.sqlite' })).supplementary).toEqual({ 'unit_info.nature': '行政单位' });
    core.close();
  });

  it('answers what the carrying left behind (a one-off project), as 导入上年数据 lists it', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '单位' });
    await core.saveForm({ file: '2024.sqlite', form: { fiscal_year: 2024, variant: 'GENERIC', subject_type: 'project', subject_code: 'P-1', subject_name: '办公楼维修', proj_type: '一次性项目' } });
    const created = await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '单位', baselineFrom: '2024.sqlite' });
    // Before: the new year's answer was its info alone, so the app never said why the project was missing.
    expect(created.baselineWarnings).toEqual(['绩效自评:项目 P-1“办公楼维修”是一次性项目,不带入本年度']);
    expect((await core.createYear({ file: 'blank.sqlite', fiscalYear: 2025, unitName: '单位' })).baselineWarnings).toBeUndefined();
    core.close();
  });

  it('says when last year\'s 表套 is not this year\'s, naming last year\'s tables that have no place', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '单位', template: '云南11', numbering: '表' });
    const created = await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '单位', baselineFrom: '2024.sqlite' });
    // Before: nothing said that the 2025 file (national 9, the clerk's slip) had dropped 云南's 表七、表九、表十.
    expect(created.baselineWarnings).toEqual(['文件 2024.sqlite:上年为“云南 11 张表(表一–表十一)”,本年度为“9 张公开表(公开01–09表)”;上年的表七、表九、表十在本年度没有对应的表']);
    expect((await core.createYear({ file: 'yn-2025.sqlite', fiscalYear: 2025, unitName: '单位', template: '云南11', numbering: '表', baselineFrom: '2024.sqlite' })).baselineWarnings).toBeUndefined();
    core.close();
  });

  it('leaves no file behind when last year\'s file cannot be used', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2021.sqlite', fiscalYear: 2021, unitName: '单位' });
    await expect(core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '单位', baselineFrom: '2021.sqlite' })).rejects.toThrow(/2021/);
    expect(fs.existsSync(path.join(temp.dir, '2024.sqlite'))).toBe(false);
    await expect(core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '单位', baselineFrom: 'none.sqlite' })).rejects.toThrow(/找不到上年年度文件/);
    core.close();
  });

  it('keeps last year\'s 绩效自评 表样 unless this year has chosen its own', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '青神县某局', template: '13' });
    await core.setFormRegion({ file: '2024.sqlite', region: '眉山' });
    // Before: the new year was 通用 and the carried drafts were shown and scored in the national layout.
    expect((await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '青神县某局', template: '13', baselineFrom: '2024.sqlite' })).formRegion).toBe('眉山');

    await core.createYear({ file: 'own-2025.sqlite', fiscalYear: 2025, unitName: '青神县某局', template: '13' });
    await core.setFormRegion({ file: 'own-2025.sqlite', region: '玉林' });
    const preview = await core.previewImport({ file: 'own-2025.sqlite', name: '2024.sqlite', dataBase64: fs.readFileSync(path.join(temp.dir, '2024.sqlite')).toString('base64'), baseline: true });
    expect(preview.errors).toEqual([]);
    await core.importWorkbook({ file: 'own-2025.sqlite', name: '2024.sqlite', dataBase64: fs.readFileSync(path.join(temp.dir, '2024.sqlite')).toString('base64'), baseline: true });
    expect((await core.openYear({ file: 'own-2025.sqlite' })).info.formRegion).toBe('玉林');
    core.close();
  });
});

describe('last year\'s 绩效自评 forms in a year that keeps last year\'s 表样', () => {
  it('become drafts in that 表样 (湖北·荆门 stays JM-P), not in the national one', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '荆门市行政审批局(本级)' });
    await core.setFormRegion({ file: '2024.sqlite', region: '荆门' });
    const project = JM_P_SEED002.find((form) => form.subject_type === 'project')!;
    await core.saveForm({ file: '2024.sqlite', form: { ...project, subject_code: 'JM-001', fiscal_year: 2024 } });

    const created = await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '荆门市行政审批局(本级)', baselineFrom: '2024.sqlite' });
    expect(created.formRegion).toBe('荆门');
    const forms = (await core.openYear({ file: '2025.sqlite' })).forms;
    // Before: the draft was GENERIC under the 荆门 表样, checked against the national 90-point 权重.
    expect(forms.map((form) => [form.subject_name, form.variant])).toEqual([[project.subject_name, 'JM-P']]);
    const weights = (await core.validate({ file: '2025.sqlite' })).findings.filter((f) => f.rule === 'FV-05' && f.col === 'indicators');
    expect(weights.map((f) => f.expected)).toEqual(['80']);
    core.close();
  });

  it('keep the project\'s 类别/属性/类型 when it has no 项目编码 (荆门 seed 002 prints none)', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    const project = JM_P_SEED002.find((form) => form.subject_type === 'project')!;
    expect(project.subject_code ?? null).toBeNull();
    await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '荆门市行政审批局(本级)' });
    await core.load({
      file: '2024.sqlite',
      doc: { format: 'juesuan/1', fiscalYear: 2024, unit: { name: '荆门市行政审批局(本级)' }, tables: {}, formRegion: '荆门', forms: [{ ...project, fiscal_year: 2024, competent_dept: '荆门市行政审批局', project_lead: '张三' }] },
    });
    await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '荆门市行政审批局(本级)', baselineFrom: '2024.sqlite' });
    const [draft] = (await core.openYear({ file: '2025.sqlite' })).forms;
    // Before: a form without a code carried only its name and long-term indicators.
    expect([draft.proj_category, draft.proj_attribute, draft.proj_type, draft.competent_dept, draft.project_lead]).toEqual(['部门预算项目', '持续性项目', '常年性项目', '荆门市行政审批局', '张三']);
    expect(draft.funding ?? []).toEqual([]);
    core.close();
  });
});

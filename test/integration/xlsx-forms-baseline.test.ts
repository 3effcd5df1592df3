/**
 * Carry-forward of the 绩效自评 forms (SPEC §5.1 "Projects") when last year is imported as
 * baseline, from last year's year file and from its exported workbook: each continuing project
 * becomes this year's draft under the same 项目编码 with its registry fields and long-term
 * indicators (targets kept, completion values and scores cleared), funding and annual
 * indicators empty, in this year's region layout; forms this year already has are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorJson, PerfFormJson } from '../../shared/forms/model';
import { JM_P_SEED002 } from '../fixtures/forms/jm-p-seed002';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004 } from '../fixtures/forms/yl-seed004';
import { base64, tempCoreEachTest, fingerprint, newYear } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-forms-');

const code = (i: number) => `42080022T00000000000${i}`;

/** Last year's JM-P forms (seed 002), with codes; the first has registry fields and a filled-in long-term row, the last is a 一次性项目. */
const LAST_YEAR: PerfFormJson[] = JM_P_SEED002.map((form, i) => ({ ...form, subject_code: code(i) }));
LAST_YEAR[0] = {
  ...LAST_YEAR[0],
  competent_dept: '荆门市行政审批局',
  implementing_unit: '荆门市行政审批局(本级)',
  lifecycle: '常年项目',
  project_lead: '张三',
  indicators: LAST_YEAR[0].indicators.map((ind, i) => (i === 0 ? { ...ind, actual_raw: '875', score: '5', completion_desc: '已完成', deviation: '无' } : ind)),
};
LAST_YEAR[6] = { ...LAST_YEAR[6], proj_type: '一次性项目' };
const DEPARTMENT: PerfFormJson = {
  ...YL_D_SEED004,
  indicators: [{ horizon: 'LONG_TERM', level1: '效益指标', level2: '社会效益', name: '政务服务满意度', target_raw: '≥95%', actual_raw: '96%' }, ...YL_D_SEED004.indicators],
};

async function lastYear(file: string) {
  await newYear(env.core, file, { year: 2023 });
  await env.core.setFormRegion({ file, region: '荆门' });
  await env.core.edit({ file, cells: [{ table: '公开01表', row: '60', col: '2', value: '12.34' }] });
  for (const form of [...LAST_YEAR, DEPARTMENT]) await env.core.saveForm({ file, form });
}

/** This year (眉山 region) already has a form for the second project. */
async function thisYear(file: string) {
  await newYear(env.core, file, { year: 2024 });
  await env.core.setFormRegion({ file, region: '眉山' });
  await env.core.saveForm({ file, form: { ...MS_P_SEED000[0], subject_code: code(1), subject_name: '本年已填的表' } });
}

/** Last year's long-term rows with what was achieved cleared: what the draft must carry. */
const longTerm = (form: PerfFormJson): IndicatorJson[] =>
  form.indicators.filter((ind) => ind.horizon === 'LONG_TERM').map(({ actual_raw: _a, score: _s, completion_desc: _c, deviation: _d, ...target }) => target);

function expectDrafts(forms: PerfFormJson[]) {
  const byCode = new Map(forms.map((form) => [`${form.subject_type}|${form.subject_type === 'project' ? form.subject_code : ''}`, form]));
  expect(forms).toHaveLength(1 + 5 + 1);
  expect(byCode.get(`project|${code(0)}`)).toEqual({
    fiscal_year: 2024,
    variant: 'MS-P',
    subject_type: 'project',
    subject_name: '行政审批办公楼租赁及运行',
    subject_code: code(0),
    competent_dept: '荆门市行政审批局',
    implementing_unit: '荆门市行政审批局(本级)',
    proj_category: '部门预算项目',
    proj_attribute: '持续性项目',
    proj_type: '常年性项目',
    lifecycle: '常年项目',
    project_lead: '张三',
    indicators: longTerm(LAST_YEAR[0]),
  });
  expect(byCode.get(`project|${code(0)}`)!.indicators[0]).toEqual({ horizon: 'LONG_TERM', level1: '产出指标', level2: '数量指标', name: '制发有关证照', unit: '份', target_raw: '820', target_basis: '根据历年数据确定' });
  for (const i of [2, 3, 4, 5]) {
    const draft = byCode.get(`project|${code(i)}`)!;
    expect(draft.variant).toBe('MS-P');
    expect(draft.subject_name).toBe(LAST_YEAR[i].subject_name);
    expect(draft.funding).toBeUndefined();
    expect(draft.indicators).toEqual(longTerm(LAST_YEAR[i]));
    expect(draft.indicators.length).toBeGreaterThan(0);
  }
  // Kept as it was; the 一次性项目 does not continue.
  expect(byCode.get(`project|${code(1)}`)!.subject_name).toBe('本年已填的表');
  expect(byCode.has(`project|${code(6)}`)).toBe(false);
  expect(byCode.get('department|')).toEqual({
    fiscal_year: 2024,
    variant: 'GENERIC-D',
    subject_type: 'department',
    subject_name: '政务部门',
    subject_code: '164',
    dept_functions: YL_D_SEED004.dept_functions,
    indicators: [{ horizon: 'LONG_TERM', level1: '效益指标', level2: '社会效益', name: '政务服务满意度', target_raw: '≥95%' }],
  });
}

const WARNINGS = [
  `绩效自评:项目 ${code(6)}“${LAST_YEAR[6].subject_name}”是一次性项目,不带入本年度`,
  `绩效自评:本年度已有项目 ${code(1)} 的自评表,未用上年的项目 ${code(1)}“${LAST_YEAR[1].subject_name}”覆盖`,
];

describe('绩效自评 carry-forward with last year as baseline', () => {
  it('from last year’s year file: drafts under the same codes, in one transaction with the 上年数', async () => {
    await lastYear('2023.sqlite');
    await thisYear('2024.sqlite');
    env.core.close(); // the year file's bytes, WAL checkpointed
    const bytes = fs.readFileSync(path.join(env.dir, '2023.sqlite'));
    const args = { file: '2024.sqlite', name: '2023.sqlite', dataBase64: base64(bytes), baseline: true };
    const preview = await env.core.previewImport(args);
    expect(preview.errors).toEqual([]);
    expect(preview.forms).toHaveLength(8);
    expect(preview.forms[0]).toEqual({ sheet: `自评-${code(0)}`, subject_type: 'project', subject_code: code(0), subject_name: LAST_YEAR[0].subject_name });
    expect(preview.forms.at(-1)).toEqual({ sheet: '部门整体自评', subject_type: 'department', subject_code: '', subject_name: '政务部门' });
    expect(preview.warnings).toEqual(expect.arrayContaining(WARNINGS));
    expect(preview.effect.forms).toBe(6);
    const before = fingerprint(path.join(env.dir, '2024.sqlite'));
    expect((await env.core.openYear({ file: '2024.sqlite' })).forms).toHaveLength(1);
    expect(fingerprint(path.join(env.dir, '2024.sqlite'))).toBe(before);

    const result = await env.core.importWorkbook(args);
    expect(result.effect.forms).toBe(6);
    const snapshot = await env.core.openYear({ file: '2024.sqlite' });
    expectDrafts(snapshot.forms);
    // The 上年数 and the prefilled opening balance came in with the forms.
    expect(snapshot.baseline?.['公开01表']?.['60|2']).toBe('12.34');
    expect(snapshot.tables['公开01表'].cells['29']).toEqual({ '1': '12.34' });
  });

  it('from last year’s exported workbook: the same drafts', async () => {
    await lastYear('2023.sqlite');
    const workbook = await env.core.exportWorkbook({ file: '2023.sqlite', draft: true });
    await thisYear('2024.sqlite');
    const result = await env.core.importWorkbook({ file: '2024.sqlite', name: workbook.name, dataBase64: workbook.dataBase64, baseline: true });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(expect.arrayContaining(WARNINGS.map((warning) => warning)));
    expectDrafts((await env.core.openYear({ file: '2024.sqlite' })).forms);
  });

  it('a new year that chose no 表样 of its own takes last year’s, and the drafts are in it (year file and workbook)', async () => {
    await lastYear('2023.sqlite');
    const workbook = await env.core.exportWorkbook({ file: '2023.sqlite', draft: true });
    await env.core.createYear({ file: 'from-file.sqlite', fiscalYear: 2024, unitName: '荆门市行政审批局(本级)', baselineFrom: '2023.sqlite' });
    await newYear(env.core, 'from-workbook.sqlite', { year: 2024 });
    await env.core.importWorkbook({ file: 'from-workbook.sqlite', name: workbook.name, dataBase64: workbook.dataBase64, baseline: true });
    for (const file of ['from-file.sqlite', 'from-workbook.sqlite']) {
      const snapshot = await env.core.openYear({ file });
      // Before: the year file gave 荆门 with drafts in the 通用 layout; the workbook gave 通用 throughout.
      expect(snapshot.info.formRegion).toBe('荆门');
      expect(new Set(snapshot.forms.map((form) => form.variant))).toEqual(new Set(['JM-P', 'GENERIC-D']));
    }
  });

  it('carries a form begun last year with no indicators yet (only its 预算 typed)', async () => {
    await newYear(env.core, '2023.sqlite', { year: 2023 });
    const begun: PerfFormJson = {
      variant: 'GENERIC',
      subject_type: 'project',
      subject_name: '政务服务平台运维项目',
      subject_code: code(9),
      funding: [{ key: 'TOTAL', budget_adjusted: '1234.50', actual: '1.00' }],
      indicators: [],
    };
    await env.core.saveForm({ file: '2023.sqlite', form: begun });
    await env.core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '荆门市行政审批局(本级)', baselineFrom: '2023.sqlite' });
    const [draft] = (await env.core.openYear({ file: '2024.sqlite' })).forms;
    expect(draft).toMatchObject({ subject_code: code(9), subject_name: '政务服务平台运维项目', fiscal_year: 2024 });
  });

  it('a file of the wrong year is refused and writes neither forms nor 上年数', async () => {
    await lastYear('2023.sqlite');
    env.core.close();
    const bytes = fs.readFileSync(path.join(env.dir, '2023.sqlite'));
    await newYear(env.core, '2025.sqlite', { year: 2025 });
    const before = fingerprint(path.join(env.dir, '2025.sqlite'));
    await expect(env.core.importWorkbook({ file: '2025.sqlite', name: '2023.sqlite', dataBase64: base64(bytes), baseline: true })).rejects.toThrow(
      '文件 2023.sqlite:是 2023 年度的数据,作为上年数须为 2024 年度(本年度文件为 2025 年度)',
    );
    expect(fingerprint(path.join(env.dir, '2025.sqlite'))).toBe(before);
    expect((await env.core.openYear({ file: '2025.sqlite' })).forms).toEqual([]);
  });
});

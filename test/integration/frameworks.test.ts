/**
 * The scored frameworks through the real core and real year files (issue 15): each seed's worked
 * example reproduced exactly through save, and random frameworks that keep their scores through
 * save → reopen → dump/load → .xlsx export/import; a refused score or sheet cell changes nothing;
 * last year's frameworks come as drafts.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_KINDS, parseFramework, type FrameworkJson } from '../../shared/forms/framework';
import { executionsOf, FRAMEWORK_DEFS, settleFramework } from '../../shared/forms/framework-entry';
import { formatPoints, POINT_SCALE } from '../../shared/forms/decimal';
import { parseForm, type PerfFormJson } from '../../shared/forms/model';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { seeded } from '../fixtures/xlsx/random-forms';
import { randomFramework } from '../fixtures/frameworks-random';
import { newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-frameworks-');
const totalOf = (doc: { framework: FrameworkJson }) => doc.framework.total_score;

/** Seed 000's 12 project forms, with 110联动 counted as fully spent as the narrative says (S-11, M-12). */
function seedProjects(): PerfFormJson[] {
  return MS_P_SEED000.map((form) =>
    form.subject_name.includes('110') ? { ...form, funding: form.funding.map((line) => (line.key === 'TOTAL' ? { ...line, budget_adjusted: line.actual } : line)) } : form,
  );
}

async function roundTrip(file: string, format: 'xlsx' | 'xls') {
  const exported = await env.core.exportWorkbook({ file, format, draft: true });
  await newYear(env.core, 'back.sqlite', { year: 2023 });
  await env.core.importWorkbook({ file: 'back.sqlite', name: exported.name, dataBase64: exported.dataBase64 });
  return { exported, back: (await env.core.openYear({ file: 'back.sqlite' })).frameworks };
}

describe('绩效评价指标体系 in the year file', () => {
  it('reproduces each seed: 附件1.1 95.78 (执行结果 from the projects), 附件2 98, 大通湖 附件5 90', async () => {
    await newYear(env.core, 'ms.sqlite', { year: 2023 });
    for (const form of seedProjects()) await env.core.saveForm({ file: 'ms.sqlite', form });
    const overall = await env.core.saveFramework({ file: 'ms.sqlite', subject_code: '', framework: FRAMEWORK_DEFS.DEPT_OVERALL_MS.seed });
    expect(totalOf(overall.doc)).toBe('95.78');
    expect(overall.doc.framework.items.find((item) => item.l3 === '执行结果')!.self_score).toBe('2.75');
    const special = await env.core.saveFramework({ file: 'ms.sqlite', subject_code: '51140021R000000012345', framework: FRAMEWORK_DEFS.PROJECT_SPECIAL_MS.seed });
    expect(totalOf(special.doc)).toBe('98');
    await newYear(env.core, 'dth.sqlite', { year: 2020 });
    const dth = await env.core.saveFramework({ file: 'dth.sqlite', subject_code: '', framework: FRAMEWORK_DEFS.DEPT_OVERALL_DTH.seed });
    expect(totalOf(dth.doc)).toBe('90');
    const dumped = await env.core.dump({ file: 'dth.sqlite' });
    expect(dumped.frameworks!.map(totalOf)).toEqual(['90']);
    // 自评得分一览 lists the frameworks after the forms, with their totals and grades.
    const rows = await env.core.scoreSheet({ file: 'ms.sqlite' });
    expect(rows.filter((row) => row.framework).map((row) => [row.label, row.total, row.grade])).toEqual([
      ['附件1.1', 95.78 * POINT_SCALE, '优'],
      ['附件2-51140021R000000012345', 98 * POINT_SCALE, '优'],
    ]);
  });

  it('keeps random frameworks (scores, data, ticks) exactly through save, reopen, dump/load and the .xlsx (36 cases, some as .xls)', async () => {
    const random = seeded(20261201);
    await newYear(env.core, 'a.sqlite', { year: 2023 });
    for (const form of seedProjects().slice(0, 5)) await env.core.saveForm({ file: 'a.sqlite', form });
    const projects = executionsOf(seedProjects().slice(0, 5).map((form) => parseForm(form)));
    const expected = new Map<string, string | null | undefined>();
    for (let round = 0; round < 12; round++) {
      for (const kind of FRAMEWORK_KINDS) {
        const json = randomFramework(random, kind, 2023);
        const code = FRAMEWORK_DEFS[kind].subject === 'project' ? MS_P_SEED000[round % 5].subject_code! : '';
        const saved = await env.core.saveFramework({ file: 'a.sqlite', subject_code: code, framework: json });
        // The core's stored total is the shared settleFramework's, the one the page shows live.
        const live = settleFramework(parseFramework(json), projects);
        expect(saved.doc.framework.total_score).toBe(formatPoints(live.total));
        expect(live.total).toBeLessThanOrEqual(100 * POINT_SCALE);
        expected.set(`${kind}|${code}`, saved.doc.framework.total_score);
        // Ticks are stored as ticked (printed order) and never change the score.
        expect(saved.doc.framework.items.map((item) => item.ticks ?? [])).toEqual(json.items.map((item) => item.ticks ?? []));
        expect(settleFramework(parseFramework({ ...json, items: json.items.map((item) => ({ ...item, ticks: [] })) }), projects).total).toBe(live.total);
      }
      const stored = (await env.core.openYear({ file: 'a.sqlite' })).frameworks;
      const dumped = await env.core.dump({ file: 'a.sqlite' });
      await newYear(env.core, `b${round}.sqlite`, { year: 2023 });
      await env.core.load({ file: `b${round}.sqlite`, doc: dumped });
      expect((await env.core.openYear({ file: `b${round}.sqlite` })).frameworks).toEqual(stored);
      const { back } = await roundTrip('a.sqlite', round % 4 === 3 ? 'xls' : 'xlsx');
      const key = (doc: (typeof stored)[number]) => `${doc.framework.framework}|${doc.subject_code}`;
      for (const doc of stored) expect({ key: key(doc), total: totalOf(doc) }).toEqual({ key: key(doc), total: expected.get(key(doc)) });
      expect(Object.fromEntries(back.map((doc) => [key(doc), doc.framework]))).toEqual(Object.fromEntries(stored.map((doc) => [key(doc), doc.framework])));
      env.core.close();
      const fs = await import('node:fs');
      fs.rmSync(`${env.dir}/back.sqlite`, { force: true });
    }
  }, 120_000);

  it('refuses a score out of range, in the API and in a workbook cell, changing nothing', async () => {
    await newYear(env.core, 'dth.sqlite', { year: 2020 });
    const seed = FRAMEWORK_DEFS.DEPT_OVERALL_DTH.seed;
    await env.core.saveFramework({ file: 'dth.sqlite', subject_code: '', framework: seed });
    const tooHigh = { ...seed, items: seed.items.map((item) => (item.l3 === '公用经费控制率' ? { ...item, self_score: '9' } : item)) };
    await expect(env.core.saveFramework({ file: 'dth.sqlite', subject_code: '', framework: tooHigh })).rejects.toThrow('“公用经费控制率”得分 9 超出范围(0 至 7)');

    const exported = await env.core.exportWorkbook({ file: 'dth.sqlite', draft: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('附件5(草稿)')!;
    expect(sheet.getCell('E10').value).toBe('公用经费控制率');
    expect(sheet.getCell('I10').value).toBe(2);
    sheet.getCell('I10').value = 12;
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    const before = await env.core.dump({ file: 'dth.sqlite' });
    await expect(env.core.importWorkbook({ file: 'dth.sqlite', name: '改过.xlsx', dataBase64: edited.toString('base64') })).rejects.toThrow(
      '文件 改过.xlsx 工作表“附件5(草稿)” 第10行 I列:公用经费控制率:得分须在 0 至 7 分之间',
    );
    expect(await env.core.dump({ file: 'dth.sqlite' })).toEqual(before);
    // A renamed indicator or damaged hidden data is refused by its cell too.
    sheet.getCell('I10').value = 2;
    sheet.getCell('E10').value = '公用经费';
    const refuse = async (reason: string) =>
      expect(env.core.importWorkbook({ file: 'dth.sqlite', name: '改过.xlsx', dataBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') })).rejects.toThrow(reason);
    await refuse('工作表“附件5(草稿)” 第10行 E列:此处应为三级指标“公用经费控制率”,却是“公用经费”;指标不能增删、移动或改名');
    sheet.getCell('E10').value = '公用经费控制率';
    const hidden = sheet.getCell('L2').value as string;
    sheet.getCell('L2').value = hidden.slice(0, 20);
    await refuse('工作表“附件5(草稿)” 第1行 L列:隐藏列中的评价指标体系数据已损坏');
    sheet.getCell('L2').value = hidden;
    expect(await env.core.dump({ file: 'dth.sqlite' })).toEqual(before);
    // A valid edit in Excel takes effect.
    sheet.getCell('I10').value = 7;
    await env.core.importWorkbook({ file: 'dth.sqlite', name: '改过.xlsx', dataBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') });
    expect((await env.core.dump({ file: 'dth.sqlite' })).frameworks!.map(totalOf)).toEqual(['95']);
  });

  it('附件1.1 tick boxes: printed √ under 评价方式/评价属性/评价标准, a tick typed in Excel taken, anything else refused by its cell', async () => {
    await newYear(env.core, 'ms.sqlite', { year: 2023 });
    const seed = FRAMEWORK_DEFS.DEPT_OVERALL_MS.seed;
    const ticked = { ...seed, items: seed.items.map((item, i) => (i === 0 ? { ...item, ticks: ['国家标准', '整体评价', '定量评价'] } : item)) };
    const saved = await env.core.saveFramework({ file: 'ms.sqlite', subject_code: '', framework: ticked });
    expect(saved.doc.framework.items[0].ticks).toEqual(['整体评价', '定量评价', '国家标准']);
    await expect(
      env.core.saveFramework({ file: 'ms.sqlite', subject_code: '', framework: { ...seed, items: seed.items.map((item, i) => (i === 1 ? { ...item, ticks: ['优秀'] } : item)) } }),
    ).rejects.toThrow('“预算编制质量”没有“优秀”一栏可勾选');

    const exported = await env.core.exportWorkbook({ file: 'ms.sqlite', draft: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('附件1.1(草稿)')!;
    expect(['H3', 'J3', 'L3', 'H4', 'I4', 'R4', 'S3', 'C5'].map((ref) => sheet.getCell(ref).value)).toEqual(['评价方式', '评价属性', '评价标准', '整体\n评价', '样本\n评价', '其他\n标准', '自评得分', seed.items[0].l3]);
    expect(['H5', 'I5', 'J5', 'K5', 'L5', 'M5'].map((ref) => sheet.getCell(ref).value ?? '')).toEqual(['√', '', '', '√', '√', '']);
    expect(sheet.getCell('S6').value).toBe(7);

    const before = await env.core.dump({ file: 'ms.sqlite' });
    sheet.getCell('J7').value = '有';
    const bytes = async () => Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    await expect(env.core.importWorkbook({ file: 'ms.sqlite', name: '改过.xlsx', dataBase64: await bytes() })).rejects.toThrow(
      '文件 改过.xlsx 工作表“附件1.1(草稿)” 第7行 J列:支出执行进度:“评价属性·定性评价”栏应打“√”或留空,却是“有”',
    );
    expect(await env.core.dump({ file: 'ms.sqlite' })).toEqual(before);
    sheet.getCell('J7').value = '✓';
    sheet.getCell('H5').value = null;
    await env.core.importWorkbook({ file: 'ms.sqlite', name: '改过.xlsx', dataBase64: await bytes() });
    const items = (await env.core.dump({ file: 'ms.sqlite' })).frameworks![0].framework.items;
    expect([items[0].ticks, items[2].ticks]).toEqual([['定量评价', '国家标准'], ['定性评价']]);
    // Ticks do not score: the total is the one before the edit.
    expect((await env.core.dump({ file: 'ms.sqlite' })).frameworks![0].framework.total_score).toBe(before.frameworks![0].framework.total_score);
  });

  it('carries last year’s frameworks into a new year as drafts: layout, chosen block and ticks kept, scores cleared', async () => {
    await newYear(env.core, '2023.sqlite', { year: 2023 });
    const seed = FRAMEWORK_DEFS.PROJECT_SPECIAL_MS.seed;
    await env.core.saveFramework({ file: '2023.sqlite', subject_code: 'P1', framework: { ...seed, items: seed.items.map((item, i) => (i === 3 ? { ...item, ticks: ['样本评价', '行业标准'] } : item)) } });
    await env.core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '测试局', baselineFrom: '2023.sqlite' });
    const [draft] = (await env.core.openYear({ file: '2024.sqlite' })).frameworks;
    expect(draft.draft).toBe(true);
    expect(draft.subject_code).toBe('P1');
    expect(draft.framework.chosen).toEqual({ 专用指标: '民生保障' });
    expect(draft.framework.fiscal_year).toBe(2024);
    expect(draft.framework.items.every((item) => item.self_score === undefined && item.inputs === undefined)).toBe(true);
    expect(draft.framework.items.map((item) => item.ticks ?? [])[3]).toEqual(['样本评价', '行业标准']);
    expect(draft.framework.items.filter((item) => item.ticks).length).toBe(1);
    expect(draft.framework.total_score).toBeUndefined();
    expect((await env.core.dump({ file: '2024.sqlite' })).frameworks!.map(totalOf)).toEqual(['0']);
  });
});

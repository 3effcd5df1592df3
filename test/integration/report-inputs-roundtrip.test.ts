/**
 * The 决算公开 inputs that are no table cells — 补充信息 (三公 年初预算 and statistics, 国有资产, 政府采购,
 * …), 年初预算 per 科目, 概况, 名词解释 and the 主要原因 with their "上年原因,请核实" mark — travel in
 * the workbook's 决算公开资料 sheet: random years come back identical through .xlsx and .xls and
 * through dump/load; a bad cell refuses the whole import, naming file, sheet, row and cell.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DRAFT_MARK, INPUTS_SHEET, KEY_MARKER } from '../../shared/report';
import { SUPP_FIELDS } from '../../shared/rules';
import { TABLES, YearModel, emptyInputs, type YearInputs } from '../../shared/tables';
import { formatAmount } from '../../shared/money';
import { seed002Doc } from '../fixtures/seed-002';
import { fingerprint, newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';
import { seeded, type Random } from '../fixtures/xlsx/random-forms';
import path from 'node:path';

const env = tempCoreEachTest('juesuan-inputs-');

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const CHARS = '本单位主要职责负责全市政务服务管理工作机构设置人员编制实有人数因业务量增加支出上升项目完成';

function text(random: Random, max: number): string {
  const length = 1 + Math.floor(random() * max);
  let out = '';
  for (let i = 0; i < length; i++) out += random() < 0.03 ? '\n' : random() < 0.05 ? pick(random, ['1', '2023', '%', '“', '”', '&', '<', ' ']) : pick(random, [...CHARS]);
  // Stored texts are trimmed; a blank line inside stays.
  return out.trim() || '无';
}

/** 公开05表's row keys of seed 002 (合计, 类, 款, 项), for 年初预算. */
function budgetRows(): string[] {
  const inputs: YearInputs = {};
  for (const [id, table] of Object.entries(seed002Doc().tables)) {
    const target = (inputs[id] = emptyInputs());
    for (const row of Object.keys(table)) if (/^\d{7}$/.test(row)) target.codes.add(row);
  }
  return new YearModel(TABLES, inputs, () => '').rows('公开05表').filter((row) => !row.blank).map((row) => row.key);
}

/** Random inputs: a random part of every 补充信息 group, 年初预算 on random rows, random texts and reasons, some carried as drafts. */
function randomInputs(seed: number, maxText: number) {
  const random = seeded(seed);
  const supplementary: Record<string, string> = {};
  for (const field of SUPP_FIELDS) {
    if (random() < 0.4) continue;
    if (field.kind === 'amount') supplementary[field.key] = formatAmount(Math.floor(random() * 10 ** (2 + Math.floor(random() * 9))))!;
    else if (field.kind === 'count') supplementary[field.key] = String(Math.floor(random() * 500));
    else if (field.kind === 'percent') supplementary[field.key] = pick(random, ['100', '95.5', '0', '88.81']);
    else supplementary[field.key] = pick(random, field.choices!);
  }
  for (const row of budgetRows()) if (random() < 0.5) supplementary[`gpb_initial_budget_by_code.${row}`] = formatAmount(Math.floor(random() * 4e7))!;
  const reportTexts: Record<string, { text: string; draft: boolean }> = {};
  const keys = ['profile.duties', 'profile.organisation', 'profile.staff', 'glossary', 'reason.total', 'reason.income', 'reason.gpb.budget.201', 'reason.sangong.合计', 'reason.basic', 'reason.old-sentence'];
  for (const key of keys) if (random() < 0.7) reportTexts[key] = { text: text(random, maxText), draft: key.startsWith('reason.') && random() < 0.5 };
  return { supplementary, reportTexts };
}

async function yearWith(file: string, inputs: ReturnType<typeof randomInputs>) {
  await env.core.createYear({ file, fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
  await env.core.load({ file, doc: { ...seed002Doc(), ...inputs } });
  return env.core.dump({ file });
}

async function exported(file: string, format: 'xlsx' | 'xls', draft: boolean) {
  const workbook = await env.core.exportWorkbook({ file, format, draft });
  return { name: workbook.name, bytes: Buffer.from(workbook.dataBase64, 'base64') };
}

const importInto = (file: string, name: string, bytes: Buffer, baseline = false) => env.core.importWorkbook({ file, name, dataBase64: bytes.toString('base64'), baseline });

describe('决算公开资料: the inputs beside the tables', () => {
  for (const [format, seeds, maxText] of [['xlsx', [1, 2, 3, 4, 5, 6], 3000], ['xls', [11, 12, 13, 14], 1200]] as const) {
    it(`${format}: random inputs come back identical through the workbook`, async () => {
      for (const seed of seeds) {
        const inputs = randomInputs(seed, maxText);
        const before = await yearWith(`a${seed}.sqlite`, inputs);
        expect(before.supplementary, `seed ${seed}`).toEqual(inputs.supplementary);
        expect(before.reportTexts, `seed ${seed}`).toEqual(inputs.reportTexts);
        // Random 补充信息 disagree with the tables (R-X19–R-X24 errors): a draft can go out regardless.
        const { name, bytes } = await exported(`a${seed}.sqlite`, format, true);
        await newYear(env.core, `b${seed}.sqlite`);
        const result = await importInto(`b${seed}.sqlite`, name, bytes);
        expect(result.errors, `seed ${seed}`).toEqual([]);
        expect(result.reportInputs, `seed ${seed}`).toEqual({ sheet: expect.stringMatching(/^决算公开资料/), fields: Object.keys(inputs.supplementary).length, texts: Object.keys(inputs.reportTexts).length });
        const after = await env.core.dump({ file: `b${seed}.sqlite` });
        expect(after.supplementary ?? {}, `seed ${seed}`).toEqual(inputs.supplementary);
        expect(after.reportTexts ?? {}, `seed ${seed}`).toEqual(inputs.reportTexts);
        expect(after.tables, `seed ${seed}`).toEqual(before.tables);
      }
    });
  }

  it('dump/load (juesuan/1) carries them, drafts included', async () => {
    const inputs = randomInputs(21, 2000);
    const doc = await yearWith('a.sqlite', inputs);
    await env.core.createYear({ file: 'copy.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await env.core.load({ file: 'copy.sqlite', doc });
    const copy = await env.core.dump({ file: 'copy.sqlite' });
    expect(copy.supplementary).toEqual(inputs.supplementary);
    expect(copy.reportTexts).toEqual(inputs.reportTexts);
  });

  it('prints one line per input: amounts as numbers, texts as written, the draft mark, keys in a hidden column', async () => {
    await yearWith('a.sqlite', {
      supplementary: { 'sangong_initial_budget.reception': '9', 'sangong_stats.reception_batches': '12', 'gpb_initial_budget_by_code.201': '3686.57', 'unit_info.nature': '行政单位' },
      reportTexts: { 'profile.duties': { text: '负责政务服务。\n负责审批。', draft: false }, 'reason.total': { text: '业务量增加。', draft: true } },
    });
    const { bytes } = await exported('a.sqlite', 'xlsx', false);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet(INPUTS_SHEET)!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
    expect(sheet.getColumn(6).hidden).toBe(true);
    expect(sheet.getCell('F2').value).toBe(KEY_MARKER);
    const rowOf = (key: string) => sheet.getColumn(6).values.indexOf(key);
    const reception = rowOf('sangong_initial_budget.reception');
    expect([sheet.getCell(reception, 1).value, sheet.getCell(reception, 2).value, sheet.getCell(reception, 3).value]).toEqual(['“三公”经费年初预算', '公务接待费', 9]);
    expect(sheet.getCell(reception, 3).numFmt).toBe('#,##0.00');
    expect(sheet.getCell(rowOf('sangong_stats.reception_batches'), 3).value).toBe(12);
    expect(sheet.getCell(rowOf('gpb_initial_budget_by_code.201'), 2).value).toBe('201 一般公共服务支出');
    expect(sheet.getCell(rowOf('gpb_initial_budget_by_code.201'), 3).value).toBe(3686.57);
    expect(sheet.getCell(rowOf('profile.duties'), 3).value).toBe('负责政务服务。\n负责审批。');
    expect(sheet.getCell(rowOf('reason.total'), 4).value).toBe(DRAFT_MARK);
  });

  it('a bad cell refuses the whole import, naming file, sheet, row and cell; the year file is unchanged', async () => {
    await yearWith('a.sqlite', randomInputs(31, 200));
    const { bytes } = await exported('a.sqlite', 'xlsx', true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet(`${INPUTS_SHEET}(草稿)`)!;
    const keys = sheet.getColumn(6).values;
    const count = keys.indexOf('sangong_stats.outbound_groups');
    const amount = keys.indexOf('sangong_initial_budget.outbound');
    sheet.getCell(count, 3).value = '三个';
    sheet.getCell(amount, 3).value = '12万';
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());

    await newYear(env.core, 'b.sqlite');
    await env.core.setSupplementary({ file: 'b.sqlite', values: { admin_running_cost: '100.2' } });
    const before = fingerprint(path.join(env.dir, 'b.sqlite'));
    const preview = await env.core.previewImport({ file: 'b.sqlite', name: '资料.xlsx', dataBase64: broken.toString('base64'), baseline: false });
    expect(preview.errors).toEqual([
      `文件 资料.xlsx 工作表“${INPUTS_SHEET}(草稿)” 第${count}行 C列:“三公”经费统计·因公出国(境)团组数(个):“三个”不是整数`,
      `文件 资料.xlsx 工作表“${INPUTS_SHEET}(草稿)” 第${amount}行 C列:“三公”经费年初预算·因公出国(境)费:“12万”不是有效金额(只填数字,不带货币符号或“元”“万”等单位)`,
    ]);
    await expect(importInto('b.sqlite', '资料.xlsx', broken)).rejects.toThrow(/未导入任何数据,年度文件保持不变/);
    expect(fingerprint(path.join(env.dir, 'b.sqlite'))).toBe(before);
    expect((await env.core.dump({ file: 'b.sqlite' })).supplementary).toEqual({ admin_running_cost: '100.2' });
  });

  it('as last year: the workbook\'s 概况 and reasons become this year\'s drafts', async () => {
    await env.core.createYear({ file: 'ly.sqlite', fiscalYear: 2022, unitName: '荆门市行政审批局(本级)' });
    await env.core.load({ file: 'ly.sqlite', doc: { ...seed002Doc(), fiscalYear: 2022, reportTexts: { 'profile.staff': { text: '实有人数 30 人。' }, 'reason.total': { text: '业务量增加。' } } } });
    const { name, bytes } = await exported('ly.sqlite', 'xlsx', false);
    await newYear(env.core, 'b.sqlite');
    await env.core.load({ file: 'b.sqlite', doc: { ...seed002Doc(), reportTexts: { 'reason.total': { text: '本年自己的原因。' } } } });
    const result = await importInto('b.sqlite', name, bytes, true);
    expect(result.errors).toEqual([]);
    expect((await env.core.dump({ file: 'b.sqlite' })).reportTexts).toEqual({
      'profile.staff': { text: '实有人数 30 人。', draft: true },
      'reason.total': { text: '本年自己的原因。', draft: false },
    });
  });
});

/**
 * An export reuses the year's latest 审核 only while nothing has changed since (latest-findings.ts):
 * every edit, 出错说明 or fix after a `validate` or an earlier export shows in the next export.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempCoreEachTest, newYear, seed002Edits } from '../fixtures/xlsx/helpers';
import { seed002Doc } from '../fixtures/seed-002';
import { YL_D_SEED004, YL_P_SEED004 } from '../fixtures/forms/yl-seed004';
import { SEED_002_REPORT_INPUTS, seed002LastYearDoc } from '../fixtures/seed-002-last-year';

const env = tempCoreEachTest('juesuan-xlsx-findings-');

/** The 审核说明 sheet's lines below its header: 序号, 表, 行, 栏, 类别, 说明, 出错说明. */
async function auditLines(dataBase64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('审核说明')!;
  const lines: string[][] = [];
  for (let row = 3; row <= sheet.rowCount; row++) lines.push([1, 2, 3, 4, 5, 6, 7].map((col) => String(sheet.getCell(row, col).value ?? '')));
  return lines;
}

describe('export after 审核', () => {
  it('follows every change made after validate or an earlier export', async () => {
    const file = 'seed.sqlite';
    await newYear(env.core, file);
    await env.core.edit({ file, cells: seed002Edits() });
    const validated = await env.core.validate({ file });
    const warning = validated.findings.find((finding) => finding.severity === 'warning')!;
    expect(validated.findings.some((finding) => finding.severity === 'error')).toBe(false);
    const draft = await auditLines((await env.core.exportWorkbook({ file, draft: true })).dataBase64);
    expect(draft.map((line) => line[5])).toEqual(validated.findings.map((finding) => finding.message));

    // An error typed after validate blocks the 报送版 at once.
    await env.core.edit({ file, cells: [{ table: '公开01表', row: '60', col: '2', value: '99' }] });
    await expect(env.core.exportWorkbook({ file })).rejects.toThrow(/审核还有 \d+ 个错误,不能导出正式报表/);
    const withError = await auditLines((await env.core.exportWorkbook({ file, draft: true })).dataBase64);
    expect(withError.some((line) => line[4] === '错误')).toBe(true);

    // Undone: the 报送版 goes out again; a 出错说明 written after the last export is on the sheet.
    const original = seed002Edits().find((cell) => cell.table === '公开01表' && cell.row === '60' && cell.col === '2');
    await env.core.edit({ file, cells: [{ table: '公开01表', row: '60', col: '2', value: original?.value ?? null }] });
    await env.core.explain({ file, key: warning.key, text: '年中划转,已核实' });
    const final = await auditLines((await env.core.exportWorkbook({ file })).dataBase64);
    expect(final.every((line) => line[4] !== '错误')).toBe(true);
    expect(final.find((line) => line[5] === warning.message)?.[6]).toBe('年中划转,已核实');
  });

  it('names the 行 of a 补充信息 finding as printed and leaves it empty for a 情况说明 sentence, never an internal key', async () => {
    await env.core.createYear({ file: '2022.sqlite', fiscalYear: 2022, unitName: '荆门市行政审批局(本级)' });
    await env.core.load({ file: '2022.sqlite', doc: seed002LastYearDoc() });
    await newYear(env.core, 'seed.sqlite');
    await env.core.load({ file: 'seed.sqlite', doc: seed002Doc() });
    // Seed 002's 政府采购 total 131.15 against goods + works + services 131.14; sentences of large changes want reasons.
    await env.core.setSupplementary({ file: 'seed.sqlite', values: SEED_002_REPORT_INPUTS });
    env.core.close();
    const bytes = fs.readFileSync(path.join(env.dir, '2022.sqlite'));
    await env.core.importWorkbook({ file: 'seed.sqlite', name: '2022.sqlite', dataBase64: bytes.toString('base64'), baseline: true });
    const lines = await auditLines((await env.core.exportWorkbook({ file: 'seed.sqlite', draft: true })).dataBase64);
    const supp = lines.filter((line) => line[1] === '补充信息');
    const text = lines.filter((line) => line[1] === '情况说明');
    expect(supp.map((line) => line[2])).toContain('政府采购支出总额');
    expect(text.length).toBeGreaterThan(0);
    expect(text.every((line) => line[2] === '')).toBe(true);
    expect(lines.filter((line) => /[a-z_]{3,}/.test(line[2])).map((line) => line[2])).toEqual([]);
  });

  it('names the 栏 of a 自评表 finding by the column of the form, not its field path', async () => {
    await newYear(env.core, 'forms.sqlite', { year: 2025 });
    await env.core.load({ file: 'forms.sqlite', doc: { ...seed002Doc(), fiscalYear: 2025 } });
    await env.core.saveForm({ file: 'forms.sqlite', form: YL_P_SEED004 });
    await env.core.saveForm({ file: 'forms.sqlite', form: YL_D_SEED004 });
    const forms = (await auditLines((await env.core.exportWorkbook({ file: 'forms.sqlite', draft: true })).dataBase64)).filter((line) => line[1] === '绩效自评');
    // 玉林's forms against seed 002's tables: the 部门整体 执行数 differs from 公开05表, an indicator lacks its 偏差原因.
    expect(forms.map((line) => line[3])).toEqual(expect.arrayContaining(['合计 执行数', '第6项指标 偏差原因']));
    expect(forms.filter((line) => /[[\]._a-z]/.test(line[3])).map((line) => line[3])).toEqual([]);
  });

  it('names the 表 of a finding as the year prints it: a 四川 year\'s 表七, not 川07表', async () => {
    await env.core.createYear({ file: 'sc.sqlite', fiscalYear: 2025, unitName: '青神县某局', template: '13' });
    // 表六 (公开05表) with a 基本支出 and 表七 (川07表) left empty: R-S01 warns on 表七.
    await env.core.edit({ file: 'sc.sqlite', cells: [{ table: '公开05表', row: '2010301', col: '2', value: '12' }] });
    const lines = await auditLines((await env.core.exportWorkbook({ file: 'sc.sqlite', draft: true })).dataBase64);
    expect(lines.map((line) => line[1])).toContain('表七');
    expect(lines.map((line) => line[1]).filter((table) => /^(公开|川)\d\d表$/.test(table))).toEqual([]);
  });
});

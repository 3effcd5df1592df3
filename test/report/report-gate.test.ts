/**
 * The 报送版 document and missing reasons (P-05): where the region requires reasons (四川), a sentence
 * that needs one and has none refuses the 报送版 document with words naming it, while the draft goes
 * out marked as such and the workbook's 报送版 is not held up; where it does not (湖北·荆门, 全国通用)
 * the missing reason stays a warning in 审核 and the 报送版 document goes out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { OUTLINES, REASON_PREFIX } from '../../shared/report';
import type { TemplateSet } from '../../shared/tables';
import { seed002Doc } from '../fixtures/seed-002';
import { SEED_002_PROFILE_TEXTS, SEED_002_REPORT_INPUTS, seed002LastYearDoc } from '../fixtures/seed-002-last-year';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
let core: ReturnType<typeof createCore>;
beforeEach(() => {
  temp = tempDir();
  core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
});
afterEach(() => {
  core.close();
  temp.cleanup();
});

/** Seed 002 with last year rebuilt from its sentences as baseline: many changes beyond 10%, no reasons written. */
async function year(template: TemplateSet, region: '荆门' | '通用') {
  await core.createYear({ file: '2022.sqlite', fiscalYear: 2022, unitName: '荆门市行政审批局(本级)', template });
  await core.load({ file: '2022.sqlite', doc: seed002LastYearDoc() });
  await core.createYear({ file: '2023.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', template });
  await core.load({ file: '2023.sqlite', doc: seed002Doc() });
  await core.setFormRegion({ file: '2023.sqlite', region });
  await core.setSupplementary({ file: '2023.sqlite', values: SEED_002_REPORT_INPUTS });
  for (const [key, text] of Object.entries(SEED_002_PROFILE_TEXTS)) await core.setReportText({ file: '2023.sqlite', key, text });
  core.close();
  const bytes = fs.readFileSync(path.join(temp.dir, '2022.sqlite'));
  await core.importWorkbook({ file: '2023.sqlite', name: '2022.sqlite', dataBase64: bytes.toString('base64'), baseline: true });
}

/** The reason keys the document asks for and lacks (from its own --json listing). */
async function missing(): Promise<string[]> {
  const json = JSON.parse(Buffer.from((await core.exportReport({ file: '2023.sqlite', format: 'json' })).dataBase64, 'base64').toString('utf8'));
  return (json.sentences as { reason?: { key: string; needed: boolean; written: boolean } }[]).flatMap((s) => (s.reason?.needed && !s.reason.written ? [s.reason.key] : []));
}

const errorsOf = async () => (await core.validate({ file: '2023.sqlite' })).findings.filter((finding) => finding.severity === 'error');
const p05 = async () => (await core.validate({ file: '2023.sqlite' })).findings.filter((finding) => finding.rule === 'P-05');

describe('报送版 决算公开 and missing reasons', () => {
  it('the requirement is region data: 四川 (13 and 14 表) requires reasons, 湖北, 全国通用, 云南, 内蒙古 and 陕西 do not', () => {
    expect(Object.fromEntries(Object.values(OUTLINES).map((outline) => [outline.id, outline.requireReasons]))).toEqual({
      通用: false,
      湖北: false,
      四川: true,
      四川14: true,
      云南: false,
      内蒙古: false,
      陕西: false,
    });
  });

  it('荆门 (not required): the missing reasons are P-05 warnings and the 报送版 Word goes out', async () => {
    await year('9', '荆门');
    const asked = await missing();
    expect(asked.length).toBeGreaterThan(3);
    const warnings = await p05();
    expect(warnings.map((finding) => finding.severity)).toEqual(warnings.map(() => 'warning'));
    expect(warnings.map((finding) => finding.row)).toEqual(expect.arrayContaining(asked));
    expect(warnings[0].message).not.toContain('不能导出报送版');
    expect(await errorsOf()).toEqual([]);
    const docx = await core.exportReport({ file: '2023.sqlite', format: 'docx' });
    expect(docx.name).toBe('荆门市行政审批局(本级)2023年度部门决算公开.docx');
  });

  it('四川 13 表 (required): a missing reason refuses the 报送版 document, naming the sentences; the draft and the workbook go out', async () => {
    await year('13', '通用');
    expect(await errorsOf()).toEqual([]);
    const asked = await missing();
    expect(asked.length).toBeGreaterThan(3);
    // Still a warning in 审核 (it does not hold up the workbook), saying what it blocks.
    const warnings = await p05();
    expect(warnings.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(warnings.find((finding) => finding.row === asked[0])!.message).toContain('四川(13 张表)要求写明:未写明时不能导出报送版决算公开文档');

    for (const format of ['docx', 'pdf', 'md'] as const) {
      await expect(core.exportReport({ file: '2023.sqlite', format })).rejects.toThrow(
        new RegExp(`^不能导出报送版决算公开文档:情况说明中 ${asked.length} 处变动较大的项目未写明主要原因\\(四川\\(13 张表\\)要求写明\\),如“2023年度收、支总计`),
      );
    }
    const draft = await core.exportReport({ file: '2023.sqlite', format: 'md', draft: true });
    expect(draft.name).toBe('荆门市行政审批局(本级)2023年度部门决算公开(草稿).md');
    expect(Buffer.from(draft.dataBase64, 'base64').toString('utf8')).toContain('(草稿:未经审核通过,不作为公开文本)');
    // The tables go up for 财政审核 before the document is written: the workbook's 报送版 is not held up.
    await expect(core.exportWorkbook({ file: '2023.sqlite', format: 'xlsx', draft: false })).resolves.toMatchObject({ name: expect.stringMatching(/\.xlsx$/) });

    // A reason carried from last year explains last year's change: it does not go out as this year's until confirmed.
    const [first, ...rest] = asked;
    const dumped = await core.dump({ file: '2023.sqlite' });
    await core.load({ file: '2023.sqlite', doc: { ...dumped, reportTexts: { ...dumped.reportTexts, [REASON_PREFIX + first]: { text: '上年原因。', draft: true } } } });
    for (const key of rest) await core.setReportText({ file: '2023.sqlite', key: REASON_PREFIX + key, text: '业务量增加。' });
    expect(await missing()).toEqual([]);
    await expect(core.exportReport({ file: '2023.sqlite', format: 'docx' })).rejects.toThrow(
      /^不能导出报送版决算公开文档:1 处主要原因沿用了上年的文字、尚未核实确认,如“2023年度收、支总计.*请在决算公开页核实并确认上年的原因后再导出,或导出草稿$/,
    );
    await core.setReportText({ file: '2023.sqlite', key: REASON_PREFIX + first, text: '上年原因。' });
    const docx = await core.exportReport({ file: '2023.sqlite', format: 'docx' });
    expect(docx.name).toBe('荆门市行政审批局(本级)2023年度部门决算公开.docx');
  });
});

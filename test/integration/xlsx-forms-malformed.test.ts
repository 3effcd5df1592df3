/**
 * Bad input in 绩效自评 form sheets: each gets its own Chinese message naming file, sheet, row
 * and cell; nothing is written and the year file — database and WAL — stays byte-identical.
 * An edit made in Excel to a printed cell, on the other hand, is imported.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planForm } from '../../electron/core/xlsx/form-plan';
import { writeXlsx } from '../../electron/core/xlsx/write-xlsx';
import { ApiError } from '../../shared/contract';
import { parseForm } from '../../shared/forms/model';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004 } from '../fixtures/forms/yl-seed004';
import { base64, coreIn, fingerprint, newYear, seed002Edits, type Core } from '../fixtures/xlsx/helpers';
import { edited, rowOf } from '../fixtures/xlsx/malformed';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
let core: Core;
let good: Buffer;
const FILE = 'y.sqlite';
const FORM = MS_P_SEED000[0];
const SHEET = `自评-${FORM.subject_code}(草稿)`;

beforeAll(async () => {
  temp = tempDir('juesuan-forms-');
  core = coreIn(temp.dir);
  await newYear(core, 'source.sqlite');
  await core.saveForm({ file: 'source.sqlite', form: FORM });
  await core.saveForm({ file: 'source.sqlite', form: YL_D_SEED004 });
  good = Buffer.from((await core.exportWorkbook({ file: 'source.sqlite', draft: true })).dataBase64, 'base64');
  // The year the bad files are imported into already has data: tables and a form.
  await newYear(core, FILE);
  await core.edit({ file: FILE, cells: seed002Edits() });
  await core.saveForm({ file: FILE, form: MS_P_SEED000[1] });
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

/** Our MS-P sheet's layout: draft line, title, 3 header rows, 3 text rows, a 2-row header, then 总额. */
const TOTAL_ROW = 11;
const withForm = (change: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void) =>
  edited(good, (workbook) => change(workbook.getWorksheet(SHEET)!, workbook));

const CASES: { name: string; file: string; bytes: () => Promise<Buffer>; message: string }[] = [
  {
    name: 'text in an amount cell',
    file: 'bad.xlsx',
    bytes: () => withForm((sheet) => (sheet.getCell(`D${TOTAL_ROW}`).value = 'abc')),
    message: `文件 bad.xlsx 工作表“${SHEET}” 第${TOTAL_ROW}行 D列:“abc”不是有效金额`,
  },
  {
    name: 'an absurd amount',
    file: 'big.xlsx',
    bytes: () => withForm((sheet) => (sheet.getCell(`E${TOTAL_ROW}`).value = 3_000_000_000)),
    message: `文件 big.xlsx 工作表“${SHEET}” 第${TOTAL_ROW}行 E列:“3000000000”数额异常(超过 1 亿万元),请检查金额单位是否为万元`,
  },
  {
    name: 'a weight that is not a number',
    file: 'weight.xlsx',
    bytes: () => withForm((sheet) => (sheet.getCell('I17').value = '二十')),
    message: `文件 weight.xlsx 工作表“${SHEET}” 第17行 I列:“二十”不是有效分值`,
  },
  {
    name: 'an unknown 指标性质',
    file: 'nature.xlsx',
    bytes: () => withForm((sheet) => (sheet.getCell('E17').value = '大约')),
    message: `文件 nature.xlsx 工作表“${SHEET}” 第17行 E列:指标性质“大约”应为 ≥、≤、=、>、<、定性 之一`,
  },
  {
    name: 'an indicator without its 三级指标',
    file: 'name.xlsx',
    bytes: () => withForm((sheet) => (sheet.getCell('D17').value = null)),
    message: `文件 name.xlsx 工作表“${SHEET}” 第17行 D列:三级指标不能为空`,
  },
  {
    name: 'a project without a code (and no hidden copy of the form)',
    file: 'nocode.xlsx',
    bytes: () =>
      withForm((sheet) => {
        sheet.getCell('D3').value = FORM.subject_name;
        sheet.spliceColumns(sheet.columns.findIndex((column) => column.hidden) + 1, 1);
      }),
    message: `文件 nocode.xlsx 工作表“${SHEET}” 第3行 D列:项目“${FORM.subject_name}”没有项目编码,无法确定是哪个项目(自评表按项目编码保存)`,
  },
  {
    name: 'the same project twice',
    file: 'twice.xlsx',
    bytes: async () => {
      // Two sheets of the same form, as the exporter writes them.
      const form = parseForm({ ...FORM, fiscal_year: 2023 });
      const plan = (sheetName: string) => planForm(form, { fiscalYear: 2023, sheetName, seq: 1, draft: true, batchNotes: false });
      return writeXlsx([plan(SHEET), plan('副本')], { draft: true, creator: '决算通' });
    },
    message: `文件 twice.xlsx 工作表“副本”:项目编码 ${FORM.subject_code} 的自评表出现了两次(另一处在工作表“${SHEET}”)`,
  },
];

describe('malformed form sheets', () => {
  for (const { name, file, bytes, message } of CASES) {
    it(`${name}: refused with its own message, year file byte-identical`, async () => {
      const data = base64(await bytes());
      const before = fingerprint(path.join(temp.dir, FILE));
      const preview = await core.previewImport({ file: FILE, name: file, dataBase64: data });
      expect(preview.errors, preview.errors.join("\n")).toContain(message);
      const error = await core.importWorkbook({ file: FILE, name: file, dataBase64: data }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toBe(`未导入任何数据,年度文件保持不变:\n${preview.errors.join('\n')}`);
      expect(fingerprint(path.join(temp.dir, FILE))).toBe(before);
    });
  }

  it('a copy of the sheet that lost its merged cells still reads (the form is then a duplicate)', async () => {
    const bytes = await edited(good, (workbook) => {
      const copy = workbook.addWorksheet('副本');
      // exceljs' model copy keeps values but not merges: like a layout from a tool that never merges.
      copy.model = { ...workbook.getWorksheet(SHEET)!.model, id: copy.id, name: '副本' };
    });
    const preview = await core.previewImport({ file: FILE, name: 'copy.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([`文件 copy.xlsx 工作表“副本”:项目编码 ${FORM.subject_code} 的自评表出现了两次(另一处在工作表“${SHEET}”)`]);
  });

  it('an edit made in Excel counts; what the sheet does not print comes from the hidden copy', async () => {
    const bytes = await withForm((sheet) => {
      sheet.getCell(`E${TOTAL_ROW}`).value = 400.1234;
      sheet.getCell('E17').value = '≥';
      sheet.getCell(`D${rowOf(sheet, '评价结论')}`).value = '改写后的评价结论';
    });
    await newYear(core, 'edit.sqlite');
    await core.importWorkbook({ file: 'edit.sqlite', name: 'edit.xlsx', dataBase64: base64(bytes) });
    const form = (await core.openYear({ file: 'edit.sqlite' })).forms.find((candidate) => candidate.subject_code === FORM.subject_code)!;
    expect(form.funding.find((line) => line.key === 'TOTAL')).toMatchObject({ actual: '400.1234', exec_rate: '100.00%', weight: '10', score: '10' });
    expect(form.indicators[0]).toMatchObject({ name: FORM.indicators[0].name, nature: '≥' });
    expect(form.conclusion).toBe('改写后的评价结论');
    expect(form.lifecycle).toBe(FORM.lifecycle);
  });
});

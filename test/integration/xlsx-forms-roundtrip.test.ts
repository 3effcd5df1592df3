/**
 * 绩效自评 forms through real workbooks (exceljs .xlsx, SheetJS .xls) and real year files: every
 * form exported on its own sheet comes back identical (same serializeForm output) when imported
 * into a fresh year file — random forms of every region, and the twelve 眉山 seed forms. Without
 * the hidden copy of each form, what the sheet prints still comes back.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseForm, serializeForm, type IndicatorJson, type PerfFormJson } from '../../shared/forms/model';
import { scoreForm } from '../../shared/forms/scoring';
import { profileFor, type Block } from '../../shared/forms/profiles';
import { formKey } from '../../shared/forms/year-check';
import { formatPoints } from '../../shared/forms/decimal';
import { formSheetNames } from '../../electron/core/xlsx/form-geometry';
import { JM_P_SEED002 } from '../fixtures/forms/jm-p-seed002';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { tempCoreEachTest, newYear, seed002Edits } from '../fixtures/xlsx/helpers';
import { TEMPLATES, randomForm, seeded, type Options } from '../fixtures/xlsx/random-forms';

const env = tempCoreEachTest('juesuan-forms-');

const keyOf = (form: PerfFormJson) => formKey({ subject_type: form.subject_type, subject_code: form.subject_code ?? null });
const byKey = (forms: PerfFormJson[]) => [...forms].sort((a, b) => `${a.subject_type}|${keyOf(a).subject_code}`.localeCompare(`${b.subject_type}|${keyOf(b).subject_code}`));

/** A year with `forms` saved (as the app stores them), exported as a draft workbook. */
async function exported(file: string, forms: PerfFormJson[], format: 'xlsx' | 'xls', tables = false) {
  await newYear(env.core, file);
  await env.core.setFormRegion({ file, region: '眉山' });
  if (tables) await env.core.edit({ file, cells: seed002Edits() });
  for (const form of forms) await env.core.saveForm({ file, form });
  const stored = (await env.core.openYear({ file })).forms;
  const workbook = await env.core.exportWorkbook({ file, format, draft: true });
  return { stored, bytes: Buffer.from(workbook.dataBase64, 'base64'), name: workbook.name };
}

async function importedInto(file: string, name: string, bytes: Buffer) {
  await newYear(env.core, file);
  const result = await env.core.importWorkbook({ file, name, dataBase64: bytes.toString('base64') });
  return { result, forms: (await env.core.openYear({ file })).forms };
}

/** A year's worth of random forms: projects of every project variant and one department form. */
/** Project layouts that print the 项目编码. */
const CODED = ['MS-P', 'YL-P'];

function randomYear(seed: number, options: Options, variants?: readonly string[]): PerfFormJson[] {
  const random = seeded(seed);
  const projects = TEMPLATES.filter((form) => form.subject_type === 'project' && (!variants || variants.includes(form.variant)));
  const departments = TEMPLATES.filter((form) => form.subject_type === 'department');
  const forms = Array.from({ length: 2 + Math.floor(random() * 5) }, () => randomForm(random, projects[Math.floor(random() * projects.length)], options));
  forms.push(randomForm(random, departments[Math.floor(random() * departments.length)], options));
  // Each form as the app would keep it (parse → serialize normalises amounts and scores).
  return forms.map((form) => serializeForm(parseForm(form)));
}

/** FORMS_SWEEP=N runs N seeds per format instead of the fixed ones (a longer hunt for counter-examples). */
const SWEEP = process.env.FORMS_SWEEP ? Array.from({ length: Number(process.env.FORMS_SWEEP) }, (_, i) => 1000 + i) : undefined;

describe('绩效自评 forms: export → import', () => {
  for (const [format, seeds, maxText] of [['xlsx', SWEEP ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 6000], ['xls', SWEEP ?? [21, 22, 23, 24, 25], 1500]] as const) {
    it(`${format}: random forms of every region come back identical`, async () => {
      for (const seed of seeds) {
        const forms = randomYear(seed, { maxText });
        const { stored, bytes, name } = await exported(`a${seed}.sqlite`, forms, format);
        expect(stored, `seed ${seed}`).toHaveLength(forms.length);
        const { result, forms: back } = await importedInto(`b${seed}.sqlite`, name, bytes);
        expect(result.errors, `seed ${seed}`).toEqual([]);
        expect(result.forms, `seed ${seed}`).toHaveLength(forms.length);
        expect(result.effect.forms).toBe(forms.length);
        expect(byKey(back), `seed ${seed}`).toEqual(byKey(stored));
      }
    });
  }

  it('the twelve 眉山 seed forms come back identical, one sheet each, with computed scores printed', async () => {
    // With the annex tables filled in too: form sheets and table sheets share the workbook.
    const { stored, bytes, name } = await exported('ms.sqlite', MS_P_SEED000, 'xlsx', true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheets = workbook.worksheets.filter((sheet) => sheet.name.startsWith('自评-'));
    expect(sheets.map((sheet) => sheet.name)).toEqual(MS_P_SEED000.map((form) => `自评-${form.subject_code}(草稿)`));
    const first = sheets[0];
    expect(first.getCell('A2').value).toBe('部门预算项目支出绩效自评表(2023年度)(草稿)');
    expect(first.getCell('D3').value).toBe(`${MS_P_SEED000[0].subject_code}-${MS_P_SEED000[0].subject_name}`);
    expect(first.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    // 预算执行情况: amounts numeric at full precision, 执行率 and 得分 computed; 合计 = 100 | total.
    const total = rowWith(first, '总额');
    expect(first.getRow(total).values).toEqual(expect.arrayContaining([0, 446.5, '100.00%', 10]));
    expect(first.getCell(total, 4).numFmt).toBe('#,##0.00');
    const sum = rowWith(first, '合计');
    expect(first.getRow(sum).values).toEqual(expect.arrayContaining(['合计', 100, '评价等级:优']));

    const { result, forms } = await importedInto('back.sqlite', name, bytes);
    expect(result.errors).toEqual([]);
    expect(result.unrecognised).toEqual([]);
    expect(result.forms.map((form) => form.subject_code)).toEqual(MS_P_SEED000.map((form) => form.subject_code));
    expect(byKey(forms)).toEqual(byKey(stored));
    expect((await env.core.openYear({ file: 'back.sqlite' })).tables).toEqual((await env.core.openYear({ file: 'ms.sqlite' })).tables);
    // The fresh year takes the 表样 its 眉山 forms came in (before: 通用, hiding 附件1.1/附件2 and scoring the department form nationally).
    expect((await env.core.openYear({ file: 'back.sqlite' })).info.formRegion).toBe('眉山');
  });

  it('prints the 总额 权重 of a 眉山 form that states none as the page shows it (10), and reads it back as before', async () => {
    const form = structuredClone(MS_P_SEED000[0]);
    for (const line of form.funding ?? []) if (line.key === 'TOTAL') delete line.weight;
    const { stored, bytes, name } = await exported('w.sqlite', [form], 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets.find((candidate) => candidate.name.startsWith('自评-'))!;
    // Before: blank under 权重 on paper while the page shows 10.
    const weightCol = (sheet.getRow(rowWith(sheet, '权重')).values as unknown[]).indexOf('权重');
    expect(sheet.getRow(rowWith(sheet, '总额')).getCell(weightCol).value).toBe(10);
    const { forms } = await importedInto('w-back.sqlite', name, bytes);
    expect(byKey(forms)).toEqual(byKey(stored));
  });

  it('a 一体化 form prints each 封顶 and 扣分 under its 总分, and comes back identical', async () => {
    // 执行率 75%: 预算执行 7.5 + 指标 30 + 60 = 97.5, − 2 (培训人次 130 ≥ 1.3 × 100) = 95.5, capped at 89 (− 6.5).
    const form: PerfFormJson = {
      variant: 'YTH-P',
      subject_type: 'project',
      subject_name: '农机购置补贴',
      subject_code: '511400250000000000006',
      funding: [{ key: 'TOTAL', budget_adjusted: '200.00', actual: '150.00', weight: '10' }],
      indicators: [
        { horizon: 'ANNUAL', level1: '产出指标', level2: '数量指标', name: '培训人次', target_raw: '≥100', unit: '人次', actual_raw: '130', weight: '30' },
        { horizon: 'ANNUAL', level1: '效益指标', level2: '社会效益指标', name: '农机化水平', target_raw: '提高', actual_raw: '提高', weight: '60', score: '60' },
      ],
    };
    await newYear(env.core, 'yth.sqlite');
    await env.core.setFormRegion({ file: 'yth.sqlite', region: '一体化' });
    await env.core.saveForm({ file: 'yth.sqlite', form });
    const stored = (await env.core.openYear({ file: 'yth.sqlite' })).forms;
    const exportedBook = await env.core.exportWorkbook({ file: 'yth.sqlite', draft: true });
    const bytes = Buffer.from(exportedBook.dataBase64, 'base64');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets.find((candidate) => candidate.name.startsWith('自评-'))!;
    // Before: 总分 89 on paper with nothing saying why it is not 95.5.
    const total = rowWith(sheet, '总分');
    expect(sheet.getRow(total + 1).getCell(1).value).toBe('计分调整');
    expect(sheet.getRow(total + 1).getCell(2).value).toBe('指标“培训人次”完成值 130 超出指标值 ≥100 的 30% 及以上(偏离),扣 2 分(-2 分)');
    expect(sheet.getRow(total + 2).getCell(2).value).toBe('预算执行率 75.00% 低于 80.00%,总分不超过 89 分(-6.5 分)');
    // A 得分 left blank counts as the one suggested (培训人次 met: its 30): printed, so the rows add up.
    const scoreCol = (sheet.getRow(rowWith(sheet, '三级指标')).values as unknown[]).indexOf('得分');
    expect(sheet.getRow(rowWith(sheet, '培训人次')).getCell(scoreCol).value).toBe(30);
    const { result, forms } = await importedInto('yth-back.sqlite', exportedBook.name, bytes);
    expect(result.errors).toEqual([]);
    expect(byKey(forms)).toEqual(byKey(stored));
    // The suggestion overwritten in Excel is a score typed.
    sheet.getRow(rowWith(sheet, '培训人次')).getCell(scoreCol).value = 25;
    const edited = await importedInto('yth-edited.sqlite', exportedBook.name, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(edited.forms[0].indicators[0].score).toBe('25');
  });

  it('a sheet without its hidden copy still gives back everything it prints', async () => {
    for (const seed of SWEEP ?? [11, 12, 13, 14]) {
      // JM-P and GENERIC print no 项目编码: their sheets name the project as "编码-名称" (as clerks write it).
      const unmerged = seed % 2 === 1;
      const forms = randomYear(seed, { maxText: 200 }).map((form) => {
        const coded = form.subject_type === 'project' && !CODED.includes(form.variant) ? { ...form, subject_name: `${form.subject_code}-${form.subject_name.replace(/\s+/g, '')}` } : form;
        // Without merges an empty list item cannot be told from the end of the list.
        return unmerged ? { ...coded, dept_functions: coded.dept_functions?.filter(Boolean), dept_goals: coded.dept_goals?.filter(Boolean) } : coded;
      });
      const { stored, bytes } = await exported(`a${seed}.sqlite`, forms, 'xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      for (const sheet of workbook.worksheets) {
        const hidden = sheet.columns.findIndex((column) => column.hidden);
        if (hidden < 0) continue;
        sheet.spliceColumns(hidden + 1, 1);
        // Every other seed: no merged cells either, like a tool that leaves blanks under 一级 and beside labels.
        if (unmerged) for (const range of Object.keys(sheet.model.merges ?? {})) sheet.unMergeCells(range);
      }
      const stripped = Buffer.from(await workbook.xlsx.writeBuffer());
      const { result, forms: back } = await importedInto(`b${seed}.sqlite`, 'other.xlsx', stripped);
      expect(result.errors, `seed ${seed}`).toEqual([]);
      const codes = (list: PerfFormJson[]) => list.map((form) => keyOf(form).subject_code);
      expect(codes(byKey(back)), `seed ${seed}`).toEqual(codes(byKey(stored)));
      for (const form of byKey(stored)) {
        const read = back.find((other) => keyOf(other).subject_code === keyOf(form).subject_code && other.subject_type === form.subject_type)!;
        const name = form.subject_type === 'project' && !CODED.includes(form.variant) ? form.subject_name.replace(/^[0-9A-Z]+-/, '') : form.subject_name;
        expect(printed(read), `seed ${seed} ${form.subject_name}`).toEqual(printed({ ...form, subject_name: name }));
      }
    }
  });

  it('a 荆门 project named “…项目” prints its heading once with 项目 and comes back by that heading alone', async () => {
    // JM-P prints no 项目编码: the sheet names the project “编码-名称”, as clerks write it.
    const form = { ...JM_P_SEED002[0], subject_name: '42080024P001-政务服务平台运维项目', subject_code: '42080024P001' };
    const { bytes } = await exported('jm.sqlite', [form], 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const texts = (candidate: ExcelJS.Worksheet) => candidate.getSheetValues().flat().filter((value): value is string => typeof value === 'string');
    const sheet = workbook.worksheets.find((candidate) => texts(candidate).includes('一、2023年度42080024P001-政务服务平台运维项目绩效评价报告(草稿)'))!;
    expect(texts(sheet).filter((text) => text.includes('项目项目'))).toEqual([]);
    const hidden = sheet.columns.findIndex((column) => column.hidden);
    sheet.spliceColumns(hidden + 1, 1);
    const { result, forms: back } = await importedInto('jm-back.sqlite', 'other.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.errors).toEqual([]);
    expect(back.map((read) => [read.subject_code, read.subject_name])).toEqual([['42080024P001', '政务服务平台运维项目']]);
  });

  it('sheet names are unique, Excel-safe and at most 31 characters', () => {
    const names = formSheetNames(
      [
        { subject_type: 'project', subject_code: '51140022T000000254621', subject_name: 'x' },
        { subject_type: 'project', subject_code: null, subject_name: '一个很长很长的项目名称:含有/不能用在工作表名中的[字符]以及更多更多的文字' },
        { subject_type: 'project', subject_code: null, subject_name: '一个很长很长的项目名称:含有/不能用在工作表名中的[字符]以及更多更多的文字' },
        { subject_type: 'department', subject_code: '164', subject_name: '政务部门' },
      ],
      ['公开01表(草稿)', '审核说明'],
      true,
    );
    expect(names).toEqual([
      '自评-51140022T000000254621(草稿)',
      '自评-一个很长很长的项目名称_含有_不能用在工作表名中(草稿)',
      '自评-一个很长很长的项目名称_含有_不能用在工作(2)(草稿)',
      '部门整体自评(草稿)',
    ]);
    for (const name of names) expect([...name].length).toBeLessThanOrEqual(31);
  });

  it('.xls refuses a text longer than its cells can hold, naming sheet and row', async () => {
    await newYear(env.core, 'long.sqlite');
    await env.core.saveForm({ file: 'long.sqlite', form: { ...MS_P_SEED000[0], conclusion: '结论'.repeat(2100) } });
    await expect(env.core.exportWorkbook({ file: 'long.sqlite', format: 'xls', draft: true })).rejects.toThrow(
      `工作表“自评-${MS_P_SEED000[0].subject_code}(草稿)”第23行有 4200 字的文字,超过 .xls 格式单个单元格可保存的 4000 字;请导出为 .xlsx`,
    );
    expect((await env.core.exportWorkbook({ file: 'long.sqlite', format: 'xlsx', draft: true })).name).toMatch(/\.xlsx$/);
  });

  it('replace: found forms replace this year’s under the same key, other forms stay', async () => {
    const [a, b] = [MS_P_SEED000[0], MS_P_SEED000[1]];
    const { bytes, name } = await exported('a.sqlite', [a], 'xlsx');
    await newYear(env.core, 'b.sqlite');
    await env.core.saveForm({ file: 'b.sqlite', form: { ...a, subject_name: '旧名称', funding: [] } });
    await env.core.saveForm({ file: 'b.sqlite', form: b });
    const preview = await env.core.previewImport({ file: 'b.sqlite', name, dataBase64: bytes.toString('base64') });
    expect(preview.forms).toEqual([{ sheet: `自评-${a.subject_code}(草稿)`, subject_type: 'project', subject_code: a.subject_code, subject_name: a.subject_name }]);
    await env.core.importWorkbook({ file: 'b.sqlite', name, dataBase64: bytes.toString('base64') });
    const forms = (await env.core.openYear({ file: 'b.sqlite' })).forms;
    expect(forms.map((form) => [form.subject_code, form.subject_name])).toEqual([
      [a.subject_code, a.subject_name],
      [b.subject_code, b.subject_name],
    ]);
  });
});

function rowWith(sheet: ExcelJS.Worksheet, text: string): number {
  let found = 0;
  sheet.eachRow((row, r) => {
    if (!found && row.values && (row.values as unknown[]).includes(text)) found = r;
  });
  return found;
}

/**
 * What a form's sheet prints, as data: the fields of its profile's blocks (text sections,
 * header fields, funding inputs of the printed rows, the printed horizons' indicator columns,
 * base data, internal control). Empty texts print like none.
 */
function printed(form: PerfFormJson): unknown {
  const profile = profileFor(form.variant);
  const t = (value: string | null | undefined) => (value ?? '').replace(/\r\n/g, '\n') || null;
  const out: Record<string, unknown> = {};
  for (const block of profile.layout as Block[]) {
    if (block.kind === 'text') out[block.field] = t(form[block.field]);
    if (block.kind === 'list') {
      // One empty item prints like none: a single empty row.
      const items = (form[block.field] ?? []).map((item) => item.replace(/\r\n/g, '\n'));
      out[block.field] = items.length === 1 && items[0] === '' ? [] : items;
    }
    if (block.kind === 'signatures') for (const field of block.fields) out[field.field] = t(form[field.field]);
    if (block.kind === 'fields') for (const field of block.rows.flat()) out[field.value] = field.value === 'subject_code_name' ? [form.subject_code, t(form.subject_name)] : t(form[field.value]);
    if (block.kind === 'checkboxes') out[block.field] = form[block.field] ?? null;
    if (block.kind === 'funding') {
      for (const row of block.rows) {
        const line = (form.funding ?? []).find((candidate) => candidate.key === row.key);
        const inputs = block.columns.filter((column) => !['exec_rate', 'score'].includes(column.value) && !(column.otherRows && row.key !== 'TOTAL'));
        // 总额 权重 prints the profile's (眉山 10) where the form states none, as the page shows it.
        const weight = line?.weight ?? (row.key === 'TOTAL' ? formatPoints(profile.scoring.budgetWeight) : null);
        out[`funding.${row.key}`] = inputs.map((column) => (column.value === 'reason' || column.value === 'unit' ? t(line?.[column.value]) : column.value === 'weight' ? weight : (line?.[column.value] ?? null)));
      }
    }
    if (block.kind === 'indicators') {
      const fields = block.columns.map((column) => column.value).filter((value) => value !== 'goal');
      out[`indicators.${block.horizon}`] = (form.indicators ?? [])
        .filter((ind) => ind.horizon === block.horizon)
        .map((ind) => fields.map((field) => (field === 'weight' ? (ind.weight ?? null) : field === 'score' ? printedScore(form, ind) : t(ind[field as 'name']))));
    }
    if (block.kind === 'base-data') out.base_data = block.groups.map((group) => form.base_data?.find((entry) => entry.group === group.group)).map((entry) => [t(entry?.value1), t(entry?.value2)]);
    if (block.kind === 'internal-control') out.internal = block.items.map((item) => form.internal_control?.[item as keyof NonNullable<PerfFormJson['internal_control']>] ?? null);
  }
  return out;
}

/** The 得分 a sheet prints: the one typed, else the one suggested (the one the total counts). */
function printedScore(form: PerfFormJson, ind: IndicatorJson): string | null {
  if (ind.score != null || ind.horizon !== 'ANNUAL') return ind.score ?? null;
  const parsed = parseForm(form);
  return formatPoints(scoreForm(parsed, profileFor(parsed.variant)).indicators[(form.indicators ?? []).indexOf(ind)]?.suggested ?? null);
}

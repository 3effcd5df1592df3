/**
 * 自评表 printed through LibreOffice from the .xlsx and the .xls: no page shows indicator rows
 * without their header. A sheet repeats one band of print titles on every later page, which would
 * mislabel 荆门's second indicator table (other columns) and 大通湖's 附件4 基础数据表 below its
 * indicator table; so the exporter breaks the pages itself (form-pages.ts): a table that fits on a
 * page starts on a new one, a longer one prints its header again on each page it runs onto.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DTH_D_SEED001 } from '../fixtures/forms/dth-d-seed001';
import { JM_P_SEED002 } from '../fixtures/forms/jm-p-seed002';
import { YL_D_SEED004 } from '../fixtures/forms/yl-seed004';
import { convert, hasLibreOffice, pdfPages } from '../helpers/libreoffice';
import { newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-form-print-');

async function exportTo(file: string, format: 'xlsx' | 'xls', out: string): Promise<string> {
  const workbook = await env.core.exportWorkbook({ file, format, draft: true });
  const target = path.join(env.dir, out);
  fs.writeFileSync(target, Buffer.from(workbook.dataBase64, 'base64'));
  return target;
}

/** Each page's lines without spaces, the 草稿 page header left out. */
const printedLines = (pdf: string) => pdfPages(pdf).map((page) => page.split('\n').map((line) => line.replace(/\s+/g, '')).filter((line) => line && line !== '草稿'));

/** Both formats printed: the pages of each. */
async function printBoth(file: string): Promise<string[][][]> {
  const files = [await exportTo(file, 'xlsx', 'forms-xlsx.xlsx'), await exportTo(file, 'xls', 'forms-xls.xls')];
  return convert(files, 'pdf', path.join(env.dir, 'pdf')).map(printedLines);
}

const DTH_HEADER = '一级指标二级指标三级指标年度指标值实际完成值偏差原因分析及改进措施';

describe('自评表 printed over pages', () => {
  it('no sheet-wide print titles; 大通湖 prints its indicator header again where the table runs onto a page', async () => {
    await newYear(env.core, 'forms.sqlite', { year: 2020 });
    await env.core.saveForm({ file: 'forms.sqlite', form: DTH_D_SEED001 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportTo('forms.sqlite', 'xlsx', 'forms.xlsx'));
    const sheet = workbook.worksheets.find((candidate) => candidate.name.startsWith('部门整体自评'))!;
    expect(sheet.pageSetup.printTitlesRow).toBeUndefined();
    const headerRows = sheet.getSheetValues().flatMap((values, row) => (Array.isArray(values) && values.join('').replace(/\s+/g, '').includes(DTH_HEADER) ? [row] : []));
    expect(headerRows.length).toBeGreaterThan(1);
  });

  it.runIf(hasLibreOffice())('大通湖: every page the indicator table runs onto, through 附件4, starts with its header', async () => {
    await newYear(env.core, 'forms.sqlite', { year: 2020 });
    await env.core.saveForm({ file: 'forms.sqlite', form: DTH_D_SEED001 });
    for (const pages of await printBoth('forms.sqlite')) {
      const start = pages.findIndex((lines) => lines.includes(DTH_HEADER));
      const annex = pages.findIndex((lines) => lines.some((line) => line.startsWith('附件4')));
      expect(start).toBeGreaterThanOrEqual(0);
      // The seed's 18 indicators with their long texts take more than a page.
      expect(annex).toBeGreaterThan(start);
      for (let page = start + 1; page <= annex; page++) expect(pages[page][0], `page ${page + 1}`).toBe(DTH_HEADER);
    }
  }, 180_000);

  it.runIf(hasLibreOffice())('荆门: each form prints its 年度 indicator table whole on one page, under its own header', async () => {
    await newYear(env.core, 'forms.sqlite', { year: 2023 });
    for (const [i, form] of JM_P_SEED002.entries()) await env.core.saveForm({ file: 'forms.sqlite', form: { ...form, subject_code: `4208002300000000000${i}` } });
    for (const pages of await printBoth('forms.sqlite')) {
      const annual = pages.filter((lines) => lines.includes('年度绩效目标及完成情况自评'));
      expect(annual).toHaveLength(JM_P_SEED002.length);
      for (const lines of annual) {
        const at = lines.indexOf('年度绩效目标及完成情况自评');
        // The two header rows: 自评结果 over 完成值(B) / 分值 / 得分 (printed as three lines).
        expect(lines.slice(at + 1, at + 4).join('')).toMatch(/^自评结果目标名称一级指标二级指标三级指标单位目标值\(A\)完成值\(B\)分值得分/);
        // The table ends on this page: the section after it is here too.
        expect(lines).toContain('年度预算执行情况自评');
      }
    }
  }, 180_000);

  it.runIf(hasLibreOffice())('玉林 部门整体: the page its 23 indicators run onto starts with their headers', async () => {
    await newYear(env.core, 'forms.sqlite', { year: 2025 });
    await env.core.saveForm({ file: 'forms.sqlite', form: YL_D_SEED004 });
    for (const pages of await printBoth('forms.sqlite')) {
      const start = pages.findIndex((lines) => lines.some((line) => line.includes('部门整体绩效自评表')));
      expect(start).toBeGreaterThanOrEqual(0);
      const next = pages[start + 1].join('\n');
      expect(next).toContain('办事企业和群众满意度');
      expect(next).toMatch(/一级指标二级指标.*指标得分/);
      expect(next.indexOf('一级指标')).toBeLessThan(next.indexOf('办事企业和群众满意度'));
    }
  }, 180_000);
});

describe('自评表 row heights', () => {
  it('a 资金来源 label that wraps gets a row tall enough for its lines (部门整体 其中:一般公共预算财政拨款)', async () => {
    await newYear(env.core, 'dept.sqlite', { year: 2025 });
    await env.core.saveForm({
      file: 'dept.sqlite',
      form: { variant: 'GENERIC-D', subject_type: 'department', subject_name: '测试县农业农村局', funding: [{ key: 'TOTAL', budget_adjusted: '2296.80', actual: '2035.26' }], indicators: [] },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await env.core.exportWorkbook({ file: 'dept.sqlite', draft: true })).dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets.find((candidate) => candidate.name.includes('部门整体自评'))!;
    let height = 0;
    sheet.eachRow((row) => {
      if ((row.values as unknown[]).includes('其中:一般公共预算财政拨款')) height = row.height ?? 15;
    });
    // Before: one line's height (the default 15 points); its second line printed over the row below.
    expect(height).toBeGreaterThanOrEqual(35);
  });
});

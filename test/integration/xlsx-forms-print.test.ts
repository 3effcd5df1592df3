/**
 * A 自评表 whose indicator table runs onto a second printed page, printed through LibreOffice from
 * the .xlsx and the .xls: the second page repeats the indicator headers (一级指标 … 指标得分), so a
 * reviewer still knows which column is 分值 and which 得分. Layouts where other rows follow the
 * indicator table (眉山 存在问题, 玉林 项目 自评分析), or with two indicator tables of different
 * columns (荆门 长期 and 年度), repeat nothing: a page of those rows must not print under indicator headers.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../shared/forms/model';
import { profileFor } from '../../shared/forms/profiles';
import { YL_D_SEED004 } from '../fixtures/forms/yl-seed004';
import { JM_P_SEED002 } from '../fixtures/forms/jm-p-seed002';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { convert, hasLibreOffice, pdfPages } from '../helpers/libreoffice';
import { newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-form-print-');

async function exportTo(file: string, format: 'xlsx' | 'xls', out: string): Promise<string> {
  const workbook = await env.core.exportWorkbook({ file, format, draft: true });
  const target = path.join(env.dir, out);
  fs.writeFileSync(target, Buffer.from(workbook.dataBase64, 'base64'));
  return target;
}

describe('自评表 printed over two pages', () => {
  it('the .xlsx repeats the indicator header rows where the indicator table ends the form, nothing elsewhere', async () => {
    await newYear(env.core, 'forms.sqlite', { year: 2025 });
    await env.core.saveForm({ file: 'forms.sqlite', form: YL_D_SEED004 });
    await env.core.saveForm({ file: 'forms.sqlite', form: { ...JM_P_SEED002[0], subject_code: '42080023000000000001' } });
    await env.core.saveForm({ file: 'forms.sqlite', form: { ...MS_P_SEED000[0], subject_code: '51140022T000000000001' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportTo('forms.sqlite', 'xlsx', 'forms.xlsx'));
    const titles = (name: string) => workbook.worksheets.find((sheet) => sheet.name.startsWith(name))!.pageSetup.printTitlesRow;
    const department = workbook.worksheets.find((sheet) => sheet.name.startsWith('部门整体自评'))!;
    const [first, last] = titles('部门整体自评')!.split(':').map(Number);
    expect(last).toBe(first);
    expect(department.getRow(first).values).toEqual(expect.arrayContaining(['一级指标', '二级指标', '分值', '指标得分']));
    expect(titles('自评-42080023000000000001')).toBeUndefined();
    expect(titles('自评-51140022T000000000001')).toBeUndefined();
    // The layouts whose one indicator table ends the form (notes print below the grid).
    const ending = VARIANTS.filter((variant) => {
      const blocks = profileFor(variant).layout.filter((block) => block.kind !== 'notes');
      return blocks.filter((block) => block.kind === 'indicators').length === 1 && blocks[blocks.length - 1].kind === 'indicators';
    });
    expect(ending).toEqual(['YL-D', 'GENERIC', 'GENERIC-D', 'YTH-P']);
  });

  it.runIf(hasLibreOffice())('.xlsx and .xls: the page the indicator table runs onto starts with its headers', async () => {
    await newYear(env.core, 'forms.sqlite', { year: 2025 });
    await env.core.saveForm({ file: 'forms.sqlite', form: YL_D_SEED004 });
    const files = [await exportTo('forms.sqlite', 'xlsx', 'forms-xlsx.xlsx'), await exportTo('forms.sqlite', 'xls', 'forms-xls.xls')];
    for (const pages of convert(files, 'pdf', path.join(env.dir, 'pdf')).map(pdfPages)) {
      const start = pages.findIndex((text) => text.includes('部门整体绩效自评表'));
      expect(start).toBeGreaterThanOrEqual(0);
      // The seed's 23 indicators run onto the next page: its last indicator is printed there.
      const next = pages[start + 1];
      expect(next).toContain('办事企业和群众满意度');
      expect(next).toMatch(/一级指标\s+二级指标/);
      expect(next).toContain('指标得分');
    }
  }, 180_000);
});

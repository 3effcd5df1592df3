/**
 * Last year's workbook carried as drafts: a framework sheet whose hidden data names a 专用指标 block
 * the framework does not have is not written into this year (the import refuses, all or nothing);
 * the year stays as it was, opens and exports.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_DEFS } from '../../shared/forms/framework-entry';
import { newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-fw-carry-');

describe('carrying a damaged framework sheet from last year', () => {
  it('writes nothing and leaves the year readable', async () => {
    await newYear(env.core, '2023.sqlite', { year: 2023 });
    await env.core.saveFramework({ file: '2023.sqlite', subject_code: 'P1', framework: FRAMEWORK_DEFS.PROJECT_SPECIAL_MS.seed });
    const exported = await env.core.exportWorkbook({ file: '2023.sqlite', draft: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets.find((each) => each.name.startsWith('附件2'))!;
    let damaged = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('"chosen"')) {
          cell.value = cell.value.replace('民生保障', '不存在的方向');
          damaged++;
        }
      }),
    );
    expect(damaged).toBe(1);
    const dataBase64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');

    await newYear(env.core, '2024.sqlite', { year: 2024 });
    const before = await env.core.dump({ file: '2024.sqlite' });
    await expect(env.core.importWorkbook({ file: '2024.sqlite', name: '上年.xlsx', dataBase64, baseline: true })).rejects.toThrow('“专用指标”没有“不存在的方向”这一评价方向');
    expect(await env.core.dump({ file: '2024.sqlite' })).toEqual(before);
    expect((await env.core.openYear({ file: '2024.sqlite' })).frameworks).toEqual([]);
    await env.core.exportWorkbook({ file: '2024.sqlite', draft: true });
  });
});

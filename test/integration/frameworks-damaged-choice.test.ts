/**
 * A workbook whose hidden framework data names a 专用指标 block the framework does not have: refused
 * by file, sheet, row and cell in both import modes (as last year's drafts too: nothing is written),
 * the year unchanged, readable and still exportable.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_DEFS } from '../../shared/forms/framework-entry';
import { newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-fw-choice-');

async function damagedWorkbook(): Promise<string> {
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
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('framework sheet with a block the framework lacks', () => {
  it('is refused as last year’s data, naming file, sheet and cell; the year stays exportable', async () => {
    const dataBase64 = await damagedWorkbook();
    await newYear(env.core, '2024.sqlite', { year: 2024 });
    const before = await env.core.dump({ file: '2024.sqlite' });
    await expect(env.core.importWorkbook({ file: '2024.sqlite', name: '上年.xlsx', dataBase64, baseline: true })).rejects.toThrow(/文件 上年\.xlsx 工作表“附件2-P1\(草稿\)” 第1行 [A-Z]+列:.*“专用指标”没有“不存在的方向”这一评价方向/);
    expect(await env.core.dump({ file: '2024.sqlite' })).toEqual(before);
    expect((await env.core.openYear({ file: '2024.sqlite' })).frameworks).toEqual([]);
    await env.core.exportWorkbook({ file: '2024.sqlite', draft: true });
  });

  it('is refused as this year’s data, naming file, sheet and cell', async () => {
    const dataBase64 = await damagedWorkbook();
    await newYear(env.core, 'back.sqlite', { year: 2023 });
    await expect(env.core.importWorkbook({ file: 'back.sqlite', name: '本年.xlsx', dataBase64 })).rejects.toThrow(/文件 本年\.xlsx 工作表“附件2-P1\(草稿\)” 第1行 [A-Z]+列:.*不存在的方向/);
  });
});

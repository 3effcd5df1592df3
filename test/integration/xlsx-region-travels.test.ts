/**
 * The 绩效自评 表样 (地区表样) travels in a workbook that has no 自评表 sheet: it decides the layout of
 * the forms begun later and, for 荆门 with the national 9 tables, the 决算公开 outline (湖北). Before,
 * a 荆门 year exported before its forms were filled came back 全国通用 with the national outline.
 */
import { describe, expect, it } from 'vitest';
import { outlineFor } from '../../shared/report/outline';
import { tempCoreEachTest, newYear } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-region-');

async function jingmenWithoutForms() {
  await newYear(env.core, '2023.sqlite', { year: 2023 });
  await env.core.setFormRegion({ file: '2023.sqlite', region: '荆门' });
  await env.core.edit({ file: '2023.sqlite', cells: [{ table: '公开01表', row: '60', col: '2', value: '12.34' }] });
}

describe('a workbook without 自评表 carries its 表样', () => {
  for (const format of ['xlsx', 'xls'] as const) {
    it(`.${format}: imported into a new year file, the 表样 and the 决算公开 outline are the unit's`, async () => {
      await jingmenWithoutForms();
      const workbook = await env.core.exportWorkbook({ file: '2023.sqlite', format, draft: true });
      await newYear(env.core, 'copy.sqlite', { year: 2023 });
      const result = await env.core.importWorkbook({ file: 'copy.sqlite', name: workbook.name, dataBase64: workbook.dataBase64 });
      expect(result.warnings).toContain('绩效自评:工作簿记有“湖北·荆门”表样,本年度的地区表样随之由“全国通用”改为“湖北·荆门”');
      const { info } = await env.core.openYear({ file: 'copy.sqlite' });
      expect(info.formRegion).toBe('荆门');
      expect(outlineFor(info.template, info.formRegion)).toBe(outlineFor('9', '荆门'));
    });
  }

  it('as last year: the new year takes it; a year that chose its own keeps that', async () => {
    await jingmenWithoutForms();
    const workbook = await env.core.exportWorkbook({ file: '2023.sqlite', draft: true });
    await newYear(env.core, '2024.sqlite', { year: 2024 });
    await env.core.importWorkbook({ file: '2024.sqlite', name: workbook.name, dataBase64: workbook.dataBase64, baseline: true });
    expect((await env.core.openYear({ file: '2024.sqlite' })).info.formRegion).toBe('荆门');

    await newYear(env.core, 'own.sqlite', { year: 2023 });
    await env.core.setFormRegion({ file: 'own.sqlite', region: '玉林' });
    await env.core.importWorkbook({ file: 'own.sqlite', name: workbook.name, dataBase64: workbook.dataBase64 });
    expect((await env.core.openYear({ file: 'own.sqlite' })).info.formRegion).toBe('玉林');
  });
});

/**
 * R-I03: a 款 or 类 that a new 项 opens without a name in any catalog we hold (21704 above 2170404 of
 * 财预〔2025〕41号, 230 above 2300412 of the 2024 增补) is a warning at that row in every table set,
 * until the official 科目表 names it; the exported table then prints the name. Real year files on disk.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

const unnamedRows = (findings: { rule: string; table: string; row: string; message: string }[]) =>
  findings.filter((finding) => finding.rule === 'R-I03').map((finding) => `${finding.table} ${finding.row}`);

async function officialCatalog(rows: [string, string][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('支出功能分类科目');
  sheet.addRow(['科目代码', '科目名称']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('R-I03 科目行没有名称', () => {
  for (const template of ['9', '云南11', '四川14'] as const) {
    it(`names each nameless 类/款 row of a 2025 year (${template} 表) until the official 科目表 names it`, async () => {
      const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
      await core.createYear({ file: 'y.sqlite', fiscalYear: 2025, unitName: '测试局', template });
      await core.edit({
        file: 'y.sqlite',
        addCodes: [
          { table: '公开05表', code: '2170404' },
          { table: '公开05表', code: '2010101' },
          { table: '公开03表', code: '2300412' },
        ],
      });
      const { findings } = await core.validate({ file: 'y.sqlite' });
      expect(unnamedRows(findings)).toEqual(['公开03表 230', '公开05表 21704']);
      expect(findings.find((finding) => finding.rule === 'R-I03' && finding.row === '21704')).toMatchObject({
        severity: 'warning',
        message: expect.stringContaining('科目 21704 没有名称:内置科目表中还没有这个款的名称,导出的表中这一行的科目名称会是空的。请按本年度官方科目表填写其名称'),
      });

      await core.importCatalog({ file: 'y.sqlite', name: '科目表.xlsx', dataBase64: await officialCatalog([['21704', '金融调控支出'], ['230', '转移性支出']]) });
      expect(unnamedRows((await core.validate({ file: 'y.sqlite' })).findings)).toEqual([]);
      const view = await core.getTable({ file: 'y.sqlite', table: '公开05表' });
      expect(view.rows.find((row) => row.row === '21704')?.label).toBe('金融调控支出');
      core.close();
    });
  }

  it('starts next year with last year’s 自定义 项 and the 款 name it was given: no R-I03, no R-Y04', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: '测试局' });
    await core.edit({
      file: '2024.sqlite',
      addCodes: [{ table: '公开07表', code: '2120801', name: '征地和拆迁补偿支出' }],
      cells: [{ table: '公开07表', row: '2120801', col: '2', value: '4' }],
      printedNames: [{ table: '公开07表', code: '21208', name: '国有土地使用权出让收入安排的支出' }],
    });
    await core.closeYear({ file: '2024.sqlite' });
    await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '测试局', baselineFrom: '2024.sqlite' });
    const view = await core.getTable({ file: '2025.sqlite', table: '公开07表' });
    expect(view.rows.map((row) => `${row.row} ${row.label}`)).toEqual(['合计 合 计', '212 城乡社区支出', '21208 国有土地使用权出让收入安排的支出', '2120801 征地和拆迁补偿支出']);
    const findings = (await core.validate({ file: '2025.sqlite' })).findings;
    // Last year's 自定义 code, carried on and used again, is no break in 科目 continuity.
    expect(findings.filter((finding) => finding.rule === 'R-I03' || finding.rule === 'R-Y04')).toEqual([]);
    core.close();
  });

  it('reports a printed name that contradicts its code in a regional set too (R-I02)', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'y.sqlite', fiscalYear: 2024, unitName: '测试局', template: '云南11' });
    await core.edit({ file: 'y.sqlite', cells: [{ table: '公开02表', row: '2010301', col: '2', value: '5' }] });
    const doc = await core.dump({ file: 'y.sqlite' });
    await core.load({ file: 'y.sqlite', doc: { ...doc, printedNames: { 公开02表: { '2010301': '一般行政管理事务' } } } });
    const names = (await core.validate({ file: 'y.sqlite' })).findings.filter((finding) => finding.rule === 'R-I02');
    expect(names.map((finding) => `${finding.table} ${finding.row}`)).toEqual(['公开02表 2010301']);
    core.close();
  });
});

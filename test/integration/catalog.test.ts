import fs from 'node:fs';
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

/** An official-style 科目 workbook: a title, a blank row, then the header somewhere inside the sheet. */
async function catalogWorkbook(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('支出功能分类科目');
  sheet.addRow(['2024年政府收支分类科目']);
  sheet.addRow([]);
  sheet.addRow(['', '科目代码', '科目名称', '说明']);
  for (const row of rows) sheet.addRow(['', ...row]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return buffer.toString('base64');
}

describe('official 科目 table import', () => {
  it('adds the codes to the year file, names rows from it, and refuses a bad row naming sheet, row and column', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'y.sqlite', fiscalYear: 2024, unitName: '单位' });
    // A test code the built-in catalog does not have: refused until the official table names it.
    await expect(core.edit({ file: 'y.sqlite', addCodes: [{ table: '公开02表', code: '2019901' }] })).rejects.toThrow(/不在本年度功能分类科目表中/);

    const data = await catalogWorkbook([
      [201, '一般公共服务支出'],
      ['20199', '测试款'],
      ['2019901', '测试项'],
      [30101, '基本工资'],
      [101, '税收收入'],
    ]);
    const result = await core.importCatalog({ file: 'y.sqlite', name: '科目表.xlsx', dataBase64: data });
    expect(result).toMatchObject({ function: 3, economic: 1, skipped: 1 });
    await core.edit({ file: 'y.sqlite', addCodes: [{ table: '公开02表', code: '2019901' }] });
    const view = await core.getTable({ file: 'y.sqlite', table: '公开02表' });
    expect(view.rows.map((row) => [row.row, row.label])).toEqual([
      ['合计', '合 计'],
      ['201', '一般公共服务支出'],
      ['20199', '测试款'],
      ['2019901', '测试项'],
    ]);
    core.close();

    const file = path.join(temp.dir, 'y.sqlite');
    const before = fs.readFileSync(file);
    const again = createCore({ resolveFile: (name) => path.join(temp.dir, name) });
    const bad = await catalogWorkbook([[201, '一般公共服务支出'], ['2O10301', '行政运行']]);
    await expect(again.importCatalog({ file: 'y.sqlite', name: '坏科目表.xlsx', dataBase64: bad })).rejects.toThrow('文件 坏科目表.xlsx 工作表“支出功能分类科目” 第5行 B列:科目代码“2O10301”不是数字代码');
    expect((await again.openYear({ file: 'y.sqlite' })).catalog).toHaveLength(4);
    again.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('lets a code the catalog lacks in as a user-defined code with its name', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'y.sqlite', fiscalYear: 2024, unitName: '单位' });
    await core.edit({ file: 'y.sqlite', addCodes: [{ table: '公开03表', code: '2019902', name: '自定义项目' }] });
    const snapshot = await core.openYear({ file: 'y.sqlite' });
    expect(snapshot.tables['公开03表'].names).toEqual({ '2019902': '自定义项目' });
    core.close();
  });
});

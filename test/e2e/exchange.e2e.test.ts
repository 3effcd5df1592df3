import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPathOf } from '../../electron/core/file-lock';
import { tempDir } from '../helpers/temp';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('导出 and 导入 in the browser mode', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  const downloads = tempDir('juesuan-downloads-');
  beforeAll(async () => {
    app = await startApp();
    await app.seed002('jm.sqlite');
    await app.call('createYear', { file: 'empty.sqlite', fiscalYear: 2023, unitName: '空白单位' });
  });
  afterAll(async () => {
    await app?.stop();
    downloads.cleanup();
  });

  it('downloads the submission workbook and imports it into another year file after a preview', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');

    await app.page.getByRole('button', { name: '导出 Excel ▾' }).hover();
    // The clerk asks for locked totals (off by default).
    const lock = app.page.getByLabel('锁定合计等计算单元格,只允许修改录入数');
    expect(await lock.isChecked()).toBe(false);
    await lock.check();
    await screenshot(app.page, '导出菜单');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('menuitem', { name: '报送版(.xlsx)' }).click()]);
    const saved = path.join(downloads.dir, download.suggestedFilename());
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 9)).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    const t01 = workbook.getWorksheet('公开01表')!;
    expect((t01 as unknown as { sheetProtection?: { sheet: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(t01.getCell('C34').protection?.locked).toBe(false); // r28 使用非财政拨款结余, an input
    expect(t01.getCell('C33').formula).toBe('SUM(C7:C14)'); // r27 本年收入合计

    await app.page.getByRole('status').getByText(/^已导出/).waitFor();
    await app.page.getByRole('button', { name: '切换年度文件' }).click();
    // The year left is closed and its edit lock given back (the CLI or a colleague may edit it now).
    await expect.poll(() => fs.existsSync(lockPathOf(path.join(app.dataDir, 'jm.sqlite')))).toBe(false);
    await ui.openYear('空白单位');
    // What was said about the other unit's file stays with it: no "已导出" over this year.
    expect(await app.page.getByText(/^已导出/).count()).toBe(0);
    await app.page.getByRole('button', { name: '导入 ▾' }).hover();
    // The names README and the wrong-year hint use (“导入 › 上年数据”); a year file is taken for this year too.
    expect(await app.page.getByRole('menu', { name: '导入' }).getByRole('menuitem').allInnerTexts()).toEqual([
      '本年数据(Excel 或年度文件)',
      '上年数据(上年年度文件或 Excel)',
      '本年度科目表(Excel:科目代码、科目名称)',
    ]);
    await app.page.getByLabel('选择导入文件').setInputFiles(saved);
    const dialog = app.page.getByRole('dialog', { name: '导入预览' });
    await dialog.waitFor();
    expect(await dialog.locator('.preview-table tbody tr').count()).toBe(9);
    await screenshot(app.page, '导入预览');
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await app.page.getByRole('status').getByText(/已从 .* 导入/).waitFor();
    await ui.selectTable('公开03表');
    await ui.expectCellText(0, 's0-c3', '1,968.59');
    expect(fs.statSync(saved).size).toBeGreaterThan(5000);
  });

  it('shows a Chinese error and changes nothing when the file is not a workbook', async () => {
    const ui = new AppPage(app.page);
    const junk = path.join(downloads.dir, '坏文件.xlsx');
    fs.writeFileSync(junk, '这不是工作簿');
    await app.page.getByRole('button', { name: '导入 ▾' }).hover();
    await app.page.getByLabel('选择导入文件').setInputFiles(junk);
    const dialog = app.page.getByRole('dialog', { name: '导入预览' });
    await dialog.waitFor();
    expect(await dialog.locator('.preview-errors').innerText()).toContain('文件 坏文件.xlsx:文件已损坏或不完整');
    expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: '取消' }).click();
    await ui.expectCellText(0, 's0-c3', '1,968.59');
  });
});

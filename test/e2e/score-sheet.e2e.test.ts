/**
 * 自评得分一览 in the real renderer: every project of the year with its score and the 一体化 cap
 * and deduction, sorted by a header click, walked with ↑/↓, opened with Enter, and downloaded as
 * the .xlsx the core writes.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

describe('自评得分一览', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  const downloads = tempDir('juesuan-scores-downloads-');
  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await app?.stop();
    downloads.cleanup();
  });

  it('lists each project with its caps and deductions, sorts, opens by keyboard and exports', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2025, '一体化测试局');
    await forms.openProjects();
    await forms.chooseRegion('预算管理一体化平台');
    for (const [code, name, actual, done] of [
      ['P2025001', '政务服务培训项目', '75', '150'],
      ['P2025002', '窗口运行经费', '100', '100'],
    ]) {
      await forms.addProject(code, name);
      await forms.type('年度资金总额 全年预算数', '100');
      await forms.type('年度资金总额 全年执行数', actual);
      await forms.addIndicator();
      await forms.typeHere('培训人次', '≥100', done, '90');
      await forms.waitSaved();
      await forms.backToList();
    }

    await app.page.locator('.side-item', { hasText: '自评得分一览' }).click();
    const table = app.page.locator('.form-scores-table');
    const column = (key: string) => table.locator(`tbody td[data-col="${key}"]`).allInnerTexts();
    await expect.poll(() => column('name')).toEqual(['政务服务培训项目', '窗口运行经费']);
    expect(await column('rate')).toEqual(['75.00%', '100.00%']);
    expect(await column('total')).toEqual(['89', '100']);
    expect(await column('grade')).toEqual(['良', '优']);
    expect((await column('adjustments'))[0]).toContain('总分不超过 89 分(-6.5 分)');
    expect((await column('adjustments'))[0]).toContain('扣 2 分(-2 分)');
    // The rules once above the table, not in every row: the whole table fits the 1366-wide window.
    expect(await app.page.getByRole('list', { name: '计分规则' }).locator('li').allInnerTexts()).toEqual([
      '项目支出绩效自评表(一体化平台):预算执行 10 分 + 绩效指标 90 分;执行率低于 80% 总分封顶;完成值超出指标值 30% 及以上扣 2 分',
    ]);
    expect(await table.evaluate((element) => element.parentElement!.scrollWidth <= element.parentElement!.clientWidth)).toBe(true);
    await screenshot(app.page, '绩效自评-得分一览');

    // 自评得分 sorts highest first on the first click, lowest first on the second.
    await table.getByRole('button', { name: '自评得分' }).click();
    await expect.poll(() => column('total')).toEqual(['100', '89']);
    await table.getByRole('button', { name: /自评得分/ }).click();
    await expect.poll(() => column('total')).toEqual(['89', '100']);

    // Keyboard: focus the first row, ↓ to the second, Enter opens that form.
    await table.locator('tbody tr').first().focus();
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Enter');
    await app.page.locator('.form-sheet').waitFor();
    await expect.poll(() => forms.cell('项目名称').inputValue()).toBe('窗口运行经费');

    await app.page.locator('.side-item', { hasText: '自评得分一览' }).click();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: '导出得分一览(Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('2025年度绩效自评得分一览.xlsx');
    const saved = path.join(downloads.dir, download.suggestedFilename());
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.getWorksheet('自评得分一览')!;
    expect([sheet.getCell(3, 3).value, sheet.getCell(4, 3).value]).toEqual(['政务服务培训项目', '窗口运行经费']);
  });
});

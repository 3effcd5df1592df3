/**
 * Importing a workbook into the open year replaces its 绩效自评 forms: the forms page then shows the
 * workbook's, not what the page held before the import (the forms store read them only when another
 * year file was opened, so the page kept, and an edit there saved back, the replaced form).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

describe('绩效自评 after importing the year’s own workbook', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  const downloads = tempDir('juesuan-forms-import-');
  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await app?.stop();
    downloads.cleanup();
  });

  it('shows the imported form, and a later edit keeps the rest of it', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '玉林市导入测试局');
    await forms.openProjects();
    await forms.chooseRegion('广西·玉林');
    await forms.addProject('450900240000000000007', '档案数字化项目');
    await forms.type('合计 年初预算数', '100');
    await forms.type('合计 实际支出数', '90');
    await forms.addIndicator();
    await forms.typeHere('档案数字化册数', '≥1000册', '40', '1200');
    await forms.waitSaved();

    await app.page.getByRole('button', { name: '导出 Excel ▾' }).hover();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('menuitem', { name: '草稿(.xlsx)' }).click()]);
    const saved = path.join(downloads.dir, download.suggestedFilename());
    await download.saveAs(saved);

    await forms.type('合计 实际支出数', '40');
    await forms.waitSaved();
    await app.page.getByRole('button', { name: '导入 ▾' }).hover();
    await app.page.getByLabel('选择导入文件').setInputFiles(saved);
    const dialog = app.page.getByRole('dialog', { name: '导入预览' });
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await app.page.getByRole('status').getByText(/已从 .* 导入/).waitFor();

    await forms.openProjects();
    await forms.openProject('档案数字化项目');
    await expect.poll(() => forms.cell('合计 实际支出数').inputValue()).toBe('90.00');
    await screenshot(app.page, '绩效自评-导入后');
    // An edit after the import changes that cell only: the core keeps the workbook's other values.
    await forms.type('年度绩效目标', '完成档案数字化。');
    await forms.waitSaved();
    const answer = await app.call('openYear', { file: '2024-玉林市导入测试局.sqlite' });
    const [form] = (answer.result as { forms: { funding: { key: string; actual: string | null }[] }[] }).forms;
    expect(form.funding.find((line) => line.key === 'TOTAL')!.actual).toBe('90.00');
  });
});

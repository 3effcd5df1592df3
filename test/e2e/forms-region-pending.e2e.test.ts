import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

describe('地区表样 switched while forms exist', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('makes no project of the old region while the select already shows the new one and waits for 改用', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '荆门市测试局');
    await forms.openProjects();
    await forms.addProject('420800240000000001', '政务服务运维');
    await forms.backToList();

    // 湖北·荆门 chosen: one form would be re-laid out, so 改用 / 取消 is asked; the clerk goes on to 新增项目.
    await app.page.getByLabel('地区表样').selectOption({ label: '湖北·荆门' });
    await app.page.getByRole('button', { name: '改用' }).waitFor();
    await app.page.getByRole('button', { name: '＋ 新增项目' }).click();
    const add = app.page.getByRole('form', { name: '新增项目' });
    await add.getByLabel('项目编码').fill('420800240000000002');
    await add.getByLabel('项目名称').fill('证照邮寄');
    await add.getByRole('button', { name: '创建并填写' }).click();
    await add.getByText('地区表样正要改为“湖北·荆门”:请先在上方点“改用”或“取消”,再新增项目').waitFor();
    await screenshot(app.page, '绩效自评-地区表样待确认');
    expect(await forms.listRow('420800240000000002').count()).toBe(0);

    await app.page.getByRole('button', { name: '改用' }).click();
    await add.getByRole('button', { name: '创建并填写' }).click();
    await app.page.locator('.form-sheet').waitFor();
    expect(await app.page.locator('.form-page').innerText()).toContain('项目绩效评价报告(荆门)');
  });
});

import { afterAll, beforeAll, describe, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

describe('explore4', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => { app = await startApp(); app.page.setDefaultTimeout(8000); });
  afterAll(async () => { await app?.stop().catch((e) => console.log('STOP', e.message)); });
  it('dept', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '眉山市测试局');
    await forms.openProjects();
    await forms.chooseRegion('四川·眉山');
    await forms.addProject('511400240000000000001', '农村公路养护项目');
    await forms.openDepartment();
    await screenshot(app.page, 'x4-dept');
    await app.page.locator('.side-item', { hasText: '附件1.1' }).click();
    await app.page.waitForTimeout(600);
    await screenshot(app.page, 'x4-a11');
    await app.page.locator('.side-item', { hasText: '附件2' }).click();
    await app.page.waitForTimeout(600);
    await screenshot(app.page, 'x4-a2');
    await app.page.locator('.side-item', { hasText: '自评得分一览' }).click();
    await app.page.waitForTimeout(600);
    await screenshot(app.page, 'x4-scores');
  });
});

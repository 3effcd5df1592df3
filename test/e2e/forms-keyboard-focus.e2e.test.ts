import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { startApp } from './browser';

/**
 * Between the project list and a form by keyboard alone: the button pressed (创建并填写, a project's
 * name, ← 项目列表) goes with the view it was in. Before, the focus went with it, to the page's body,
 * and the next keys were lost; now they land in the form's first field, or on the project just left.
 */
describe('项目支出绩效自评 by keyboard: the focus follows the view', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  const focused = () =>
    app.page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const first = document.querySelector('.form-sheet :is(input, textarea, select)[data-field]');
      return element === first ? 'first field' : element.matches('.form-link') ? `project ${element.textContent}` : element.tagName;
    });

  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2025, '测试县农业农村局');
    const forms = new FormsPage(app.page);
    await forms.openProjects();
    await forms.chooseRegion('四川·眉山');
    await forms.addProject('511400250000000000001', '农村公路养护');
    await forms.backToList();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('创建并填写 by Enter, then ← 项目列表 and a project opened by Enter', async () => {
    const keys = app.page.keyboard;
    await app.page.getByRole('button', { name: '＋ 新增项目' }).focus();
    await keys.press('Enter');
    await keys.type('511400250000000000002');
    await keys.press('Tab');
    await keys.type('动物防疫');
    await keys.press('Enter');
    await app.page.getByRole('article', { name: '动物防疫 绩效自评表' }).waitFor();
    await expect.poll(focused).toBe('first field');

    await app.page.getByRole('button', { name: '← 项目列表' }).focus();
    await keys.press('Enter');
    await expect.poll(focused).toBe('project 动物防疫');
    await app.page.locator('.form-registry-table').getByRole('button', { name: '农村公路养护', exact: true }).focus();
    await keys.press('Enter');
    await app.page.getByRole('article', { name: '农村公路养护 绩效自评表' }).waitFor();
    await expect.poll(focused).toBe('first field');
  });
});

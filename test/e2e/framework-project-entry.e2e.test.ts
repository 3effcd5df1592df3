/**
 * 附件2 专项预算项目绩效评价指标体系 is filled per project. Its side entry counts the projects its page
 * offers and how many have theirs filled (it said “0 个项目” beside a page showing one), and its
 * table fits a 1366×768 screen without a sideways scrollbar (its last column, 自评得分, was cut off).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

describe('附件2 by project', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const entry = () => app.page.locator('.side-item', { hasText: '附件2' }).locator('.side-title');
  const sheet = () => app.page.locator('.fw-sheet');

  it('counts the projects its page shows and those filled, and fits 1366 px', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '眉山市测试局');
    await forms.openProjects();
    await forms.chooseRegion('四川·眉山');
    await forms.addProject('511400240000000000001', '农村公路养护项目');
    await forms.waitSaved();
    await expect.poll(() => entry().innerText()).toBe('1 个项目,已填 0 个');

    await app.page.locator('.side-item', { hasText: '附件2' }).click();
    await expect.poll(() => sheet().getByLabel('评价项目').inputValue()).toBe('511400240000000000001');
    const page = app.page.locator('.form-page');
    const sideways = () => page.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    const { scroll, client } = await sideways();
    expect(scroll).toBeLessThanOrEqual(client);
    // The last column is on screen whole.
    const score = sheet().getByLabel('决策程序 自评得分(0 至 6)', { exact: true });
    const box = (await score.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    await screenshot(app.page, '附件2-1366');

    await score.fill('6');
    await score.press('Enter');
    await forms.waitSaved();
    await expect.poll(() => entry().innerText()).toBe('1 个项目,已填 1 个');

    // The 专用指标 block (the longest 二级 names, 基础设施(在建项目)) wraps within the width too.
    await sheet().getByRole('radio', { name: '基础设施(在建项目)' }).scrollIntoViewIfNeeded();
    expect((await sideways()).scroll).toBeLessThanOrEqual(client);
    await screenshot(app.page, '附件2-1366-专用指标');

    await forms.openProjects();
    await forms.addProject('511400240000000000002', '乡村学校维修项目');
    await forms.waitSaved();
    await expect.poll(() => entry().innerText()).toBe('2 个项目,已填 1 个');
  });

  it('undoing the first entry of a project’s 附件2 leaves it unfilled, as before it (Ctrl+Y fills it again)', async () => {
    const forms = new FormsPage(app.page);
    await app.page.locator('.side-item', { hasText: '附件2' }).click();
    await sheet().getByLabel('评价项目').selectOption('511400240000000000002');
    const score = sheet().getByLabel('决策程序 自评得分(0 至 6)', { exact: true });
    await score.fill('5');
    await score.press('Enter');
    await forms.waitSaved();
    await expect.poll(() => entry().innerText()).toBe('2 个项目,已填 2 个');
    const stored = async () => ((await app.call('openYear', { file: '2024-眉山市测试局.sqlite' })).result as { frameworks: unknown[] }).frameworks.length;
    // Before: the emptied framework stayed stored, counted 已填 and listed in 自评得分一览 and the Excel.
    await app.page.keyboard.press('Control+Z');
    await expect.poll(() => entry().innerText()).toBe('2 个项目,已填 1 个');
    // One step per score: Enter and the blur that followed each recorded it.
    expect(await app.page.locator('.undo-bar button').first().getAttribute('aria-label')).not.toContain('乡村学校维修项目');
    await forms.waitSaved();
    await expect.poll(stored).toBe(1);
    expect(await score.inputValue()).toBe('');
    await app.page.keyboard.press('Control+Y');
    await expect.poll(() => score.inputValue()).toBe('5');
    await expect.poll(() => entry().innerText()).toBe('2 个项目,已填 2 个');
    await forms.waitSaved();
    await expect.poll(stored).toBe(2);
  });
});

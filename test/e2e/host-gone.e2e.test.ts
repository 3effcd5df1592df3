/**
 * The browser mode's program stopped (its terminal closed, Ctrl+C) while the page stays open: the
 * clerk's next action fails. The page says so in words a clerk can act on (what happened, that the
 * action did not happen, what to do), not the browser's "Failed to fetch"; an amount typed then does
 * not stay on screen as if it were saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('the browser mode after its program stopped', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.browser?.close();
  });

  it('an export says the program is closed, nothing was done, and how to go on', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2023, '后台关闭测试单位');
    await app.host.close();

    await app.page.getByRole('button', { name: /导出 Excel/ }).click();
    await app.page.getByText('草稿(.xlsx)').click();
    const failure = app.page.getByRole('alertdialog', { name: '操作失败' });
    await failure.waitFor();
    await screenshot(app.page, 'host-gone-export');
    const text = await failure.locator('.failure-text').innerText();
    expect(text).toContain('决算通浏览器模式的程序已关闭');
    expect(text).toContain('npm start');
    expect(text).not.toMatch(/[A-Za-z]{4,} [a-z]{2,}/); // no browser wording such as "Failed to fetch"
  });

  it('an amount typed after the program stopped goes back off the screen: nothing unsaved looks saved', async () => {
    const ui = new AppPage(app.page);
    await app.page.getByRole('alertdialog', { name: '操作失败' }).getByRole('button').first().click();
    await ui.selectTable('公开01表');
    // 第28行 使用非财政拨款结余 and the 第31行 total it adds to.
    await ui.typeInto(27, 's0-c1', '33');
    await app.page.locator('.error-bar', { hasText: '决算通浏览器模式的程序已关闭' }).waitFor();
    await ui.expectCellText(27, 's0-c1', '');
    await ui.expectCellText(30, 's0-c1', '0.00');
    await screenshot(app.page, 'host-gone-typing');
  });
});

/**
 * Keys typed right after choosing a page in the side list, while it is still loading (决算公开
 * loads its chart code the first time, a 绩效自评 page its form), land in its first field, as keys
 * typed on the way to a table land in its cell (one buffer, type-to-edit.ts). The page's CPU is
 * slowed (CDP throttling) as on a slow county office PC, so the page is still on its way as the keys
 * arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { onSlowPc, screenshot, startApp, type App } from './browser';

describe('keys typed while a page chosen in the side list loads', () => {
  let app: App;
  let ui: AppPage;
  const sideItem = (label: string) => app.page.locator('.side-item').filter({ has: app.page.locator('.side-label', { hasText: new RegExp(`^${label}$`) }) });
  /** The focused field's tag and value, once the focus is in a text field. */
  const focusedField = () =>
    app.page.evaluate(() => {
      const field = document.activeElement;
      return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? { tag: field.tagName, value: field.value } : null;
    });

  beforeAll(async () => {
    app = await startApp();
    ui = new AppPage(app.page);
    await app.seed002('page-keys.sqlite');
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    await ui.selectTable('公开01表');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('puts the text typed right after the click into the first field of 决算公开 and of a 绩效自评 page', async () => {
    await onSlowPc(app.page, async () => {
      await sideItem('决算公开').click();
      await app.page.keyboard.type('Typed2023');
      await expect.poll(focusedField, { timeout: 20_000 }).toMatchObject({ tag: 'TEXTAREA', value: expect.stringContaining('Typed2023') });
      await screenshot(app.page, 'page-keys-决算公开');

      await sideItem('部门整体支出绩效自评').click();
      await app.page.keyboard.type('Dept42');
      const name = app.page.locator('.form-sheet :is(input, textarea, select)[data-field]').first();
      await expect.poll(() => name.evaluate((field) => field === document.activeElement), { timeout: 20_000 }).toBe(true);
      // At the caret, as keys typed once the field has the focus: before the name the form had.
      await expect.poll(() => name.inputValue()).toBe('Dept42荆门市行政审批局(本级)');
      // Typed into the field as the clerk's own keys: the form keeps them once left.
      await app.page.keyboard.press('Tab');
      await sideItem('决算公开').click();
      await sideItem('部门整体支出绩效自评').click();
      await expect.poll(() => name.inputValue()).toBe('Dept42荆门市行政审批局(本级)');
      // 决算公开 saved its text as it was left.
      await sideItem('决算公开').click();
      await expect.poll(() => app.page.getByLabel('主要职能', { exact: true }).inputValue()).toContain('Typed2023');
    });
  });
});

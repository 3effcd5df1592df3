import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('find (Ctrl+F) across tables and the 添加科目 search', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let ui: AppPage;
  const focusedCell = () => app.page.evaluate(() => `${document.activeElement?.closest('[row-id]')?.getAttribute('row-id')} ${document.activeElement?.getAttribute('col-id')}`);
  beforeAll(async () => {
    app = await startApp();
    await app.seed002('jm.sqlite', '158001');
    ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('finds a 科目 by part of its name and jumps to its table and row', async () => {
    await app.page.keyboard.press('Control+F');
    await app.page.keyboard.type('一般行政管理');
    const results = app.page.getByRole('listbox', { name: '查找结果' }).getByRole('option');
    await expect.poll(() => results.allInnerTexts()).toEqual(['公开02表 2010302 一般行政管理事务', '公开03表 2010302 一般行政管理事务', '公开05表 2010302 一般行政管理事务']);
    await screenshot(app.page, 'find-by-name');
    await results.nth(1).dispatchEvent('mousedown');
    await app.page.locator('.table-page:not([inert]) .table-label', { hasText: '公开03表' }).waitFor();
    await expect.poll(focusedCell).toBe('L4 s0-code');
  });

  it('finds an amount and a code, and says 无匹配', async () => {
    await app.page.keyboard.press('Control+F');
    await app.page.keyboard.type('1,315.01');
    const results = app.page.getByRole('listbox', { name: '查找结果' }).getByRole('option');
    await expect.poll(() => results.first().innerText()).toMatch(/^公开06表 .* 第1栏 1,315.01$/);
    await app.page.keyboard.press('Enter');
    await app.page.locator('.table-page:not([inert]) .table-label', { hasText: '公开06表' }).waitFor();
    await expect.poll(focusedCell).toMatch(/^L28 s\d-c1$/);

    await app.page.keyboard.press('Control+F');
    await app.page.keyboard.type('信息化');
    await expect.poll(() => app.page.getByRole('listbox', { name: '查找结果' }).innerText()).toBe('无匹配');
    await app.page.keyboard.press('Escape');
  });

  it('Esc in the find box goes back to the table’s cell, as Excel’s Esc closes its find box, and typing goes there', async () => {
    await ui.selectTable('公开02表');
    await ui.cell(4, 's0-c3').click();
    await app.page.keyboard.press('Control+F');
    await app.page.keyboard.type('行政');
    await app.page.keyboard.press('Escape');
    await expect.poll(focusedCell).toBe('L4 s0-c3');
    expect(await app.page.getByLabel('查找', { exact: true }).inputValue()).toBe('');
    await app.page.keyboard.type('8');
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(4, 's0-c3', '8.00');
  });

  it('添加科目 finds by any part of the name and says 无匹配 when nothing matches', async () => {
    await ui.selectTable('公开02表');
    await app.page.locator('.grid-host[data-active]').getByLabel('添加科目', { exact: true }).fill('办公厅');
    await expect.poll(() => app.page.getByRole('listbox', { name: '科目候选' }).getByRole('option').allInnerTexts()).toContain('2010399 其他政府办公厅(室)及相关机构事务支出');
    await app.page.locator('.grid-host[data-active]').getByLabel('添加科目', { exact: true }).fill('信息化');
    await app.page.getByRole('status').filter({ hasText: '无匹配' }).waitFor();
    await screenshot(app.page, 'add-code-no-match');
  });
});

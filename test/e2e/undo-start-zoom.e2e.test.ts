import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, CodeRows } from './pages/app-page';
import { screenshot, startApp } from './browser';

const UNIT = '荆门市行政审批局(本级)';

describe('keyboard from the first second, undo you can see, reopen where you left off, zoom', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let ui: AppPage;
  const undoLabel = () => app.page.locator('.undo-bar button').first().getAttribute('aria-label');
  beforeAll(async () => {
    app = await startApp();
    ui = new AppPage(app.page);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('lands in the first input cell of the first table on open', async () => {
    await ui.openStart(app.host.url);
    await ui.createYear(2023, UNIT);
    await app.page.locator('.grid-host[data-active] .ag-cell-focus').waitFor();
    await app.page.keyboard.type('12');
    await app.page.keyboard.press('Enter');
    // Lines 1–8 of 公开01表 are taken from other tables: the first input cell is 第28行 (年初结转和结余).
    await ui.expectCellText(27, 's0-c1', '12.00');
    await ui.waitSaved();
    await expect.poll(undoLabel).toBe('撤销:公开01表 第28行 第1栏 改为 12.00');
  });

  it('undoes with Ctrl+Z from anywhere on the page and shows the table and cell of a step elsewhere first', async () => {
    const codes = new CodeRows(app.page);
    await ui.selectTable('公开02表');
    await codes.add('行政运行', '2010301 行政运行');
    await ui.expectCellText(3, 's0-code', '2010301');
    await ui.cell(3, 's0-code').click();
    await app.page.getByRole('button', { name: '删除科目行 2010301' }).click();
    await expect.poll(() => app.page.locator('.grid-host[data-active] [row-id="L3"]').count()).toBe(0);
    await ui.waitSaved();
    // The button is gone with the row: the focus is on the page body.
    expect(await app.page.evaluate(() => document.activeElement === document.body || !document.activeElement?.closest('.grid-host'))).toBe(true);
    await expect.poll(undoLabel).toBe('撤销:公开02表 删除科目行 2010301');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(3, 's0-code', '2010301');
    await expect.poll(undoLabel).toBe('撤销:公开02表 添加科目 2010301');
    await expect.poll(() => app.page.locator('.undo-bar button').nth(1).getAttribute('aria-label')).toBe('恢复:公开02表 删除科目行 2010301');

    // On another table, undoing the 公开02表 step brings 公开02表 back first.
    await ui.selectTable('公开03表');
    await app.page.locator('.undo-bar button').first().click();
    await app.page.locator('.table-page:not([inert]) .table-label', { hasText: '公开02表' }).waitFor();
    await expect.poll(() => app.page.locator('.grid-host[data-active] [row-id="L3"]').count()).toBe(0);
    // The next step is in 公开01表: it is shown with the cell focused, value undone.
    await app.page.keyboard.press('Control+Z');
    await app.page.locator('.table-page:not([inert]) .table-label', { hasText: '公开01表' }).waitFor();
    await ui.expectCellText(27, 's0-c1', '');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.closest('[row-id]')?.getAttribute('row-id') + ' ' + document.activeElement?.getAttribute('col-id'))).toBe('L27 s0-c1');
    await app.page.keyboard.press('Control+Y');
    await ui.expectCellText(27, 's0-c1', '12.00');
    await ui.waitSaved();
    await screenshot(app.page, 'undo-bar');
  });

  it('zooms with Ctrl+plus and Ctrl+minus and keeps the zoom', async () => {
    const zoom = () => app.page.evaluate(() => document.documentElement.style.zoom);
    await app.page.locator('.table-page:not([inert]) .table-title').click();
    await app.page.keyboard.press('Control+=');
    await app.page.keyboard.press('Control+=');
    await expect.poll(zoom).toBe('1.25');
    // Zoomed, the header keeps one line and every button in the window: the unit name, find box and undo step give way.
    const header = await app.page.locator('.app-header').evaluate((element) => ({ scroll: element.scrollWidth, width: element.clientWidth }));
    expect(header.scroll).toBeLessThanOrEqual(header.width);
    const closeYear = await app.page.getByRole('button', { name: '切换年度文件' }).boundingBox();
    expect(closeYear!.x + closeYear!.width).toBeLessThanOrEqual(1366);
    await screenshot(app.page, 'zoom-125');
    await app.page.reload();
    await expect.poll(zoom).toBe('1.25');
    await app.page.keyboard.press('Control+-');
    await expect.poll(zoom).toBe('1.1');
    await app.page.keyboard.press('Control+0');
    await expect.poll(zoom).toBe('1');
  });

  it('reopens the last year file and table at start, with the start page one click away listing year, unit, time and size', async () => {
    await ui.openStart(app.host.url);
    await ui.openYear(UNIT);
    await ui.selectTable('公开05表');
    // A new window of the app (same storage, a fresh start).
    const next = await app.page.context().newPage();
    await next.goto(app.host.url);
    await next.locator('.app-header').getByText(UNIT).waitFor();
    await next.locator('.table-page:not([inert]) .table-label', { hasText: '公开05表' }).waitFor();
    await next.getByRole('button', { name: '切换年度文件' }).click();
    const entry = next.locator('.year-list button', { hasText: UNIT });
    await expect.poll(() => entry.innerText()).toMatch(/^2023年度 荆门市行政审批局\(本级\)\s+\d{4}-\d\d-\d\d \d\d:\d\d 修改 · \d+ KB · 2023-/);
    await screenshot(next, 'start-page-file-list');
    await next.close();
  });
});

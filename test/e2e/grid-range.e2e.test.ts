import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

/**
 * Seed 002, 公开02表: line 0 合计, 1 201, 2 20103, 3 2010301 行政运行, 4 2010302, 5 2010303;
 * s0-c1 本年收入合计 is computed, s0-c2 财政拨款收入 and s0-c3 上级补助收入 are input.
 */
describe('spreadsheet range: select, copy out, paste into a range, Delete, Ctrl+D', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let ui: AppPage;
  const clipboard = () => app.page.evaluate(() => navigator.clipboard.readText());
  const inRange = () => app.page.locator('.grid-host[data-active] .cell-in-range').count();

  beforeAll(async () => {
    app = await startApp();
    await app.seed002('jm.sqlite', '158001');
    ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    await ui.selectTable('公开02表');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('copies a Shift+click rectangle with codes, names and raw amounts as TSV', async () => {
    await ui.cell(3, 's0-code').click();
    await ui.cell(4, 's0-c2').click({ modifiers: ['Shift'] });
    expect(await inRange()).toBe(8);
    await app.page.keyboard.press('Control+C');
    await expect.poll(clipboard).toBe('2010301\t行政运行\t19.10\t19.10\r\n2010302\t一般行政管理事务\t2880.75\t2880.75\r\n');
    await screenshot(app.page, 'grid-range-shift-click');
  });

  it('selects with Shift+arrows, fills the range from one pasted value as one undo step, Delete clears it as one step', async () => {
    await ui.cell(3, 's0-c2').click();
    expect(await inRange()).toBe(0);
    for (const key of ['Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowRight']) await app.page.keyboard.press(key);
    expect(await inRange()).toBe(6);

    await app.page.evaluate(() => navigator.clipboard.writeText('5'));
    await app.page.keyboard.press('Control+V');
    for (const line of [3, 4, 5]) for (const column of ['s0-c2', 's0-c3']) await ui.expectCellText(line, column, '5.00');
    await ui.expectCellText(0, 's0-c1', '321.19');
    await ui.waitSaved();
    await expect.poll(() => app.page.getByRole('button', { name: /^撤销:/ }).getAttribute('aria-label')).toBe('撤销:公开02表 6 个单元格');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(4, 's0-c2', '2,880.75');
    await ui.expectCellText(5, 's0-c3', '0.00');
    await ui.expectCellText(0, 's0-c1', '3,383.80');

    await ui.cell(3, 's0-c2').click();
    for (const key of ['Shift+ArrowDown', 'Shift+ArrowDown']) await app.page.keyboard.press(key);
    await app.page.keyboard.press('Delete');
    for (const line of [3, 4, 5]) await ui.expectCellText(line, 's0-c2', '');
    await ui.expectCellText(0, 's0-c2', '291.19');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(3, 's0-c2', '19.10');
    await ui.expectCellText(5, 's0-c2', '192.76');
    await ui.waitSaved();
  });

  it('fills down with Ctrl+D into input cells only', async () => {
    await ui.cell(3, 's0-c1').click();
    for (const key of ['Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowRight']) await app.page.keyboard.press(key);
    await app.page.keyboard.press('Control+D');
    await ui.expectCellText(4, 's0-c2', '19.10');
    await ui.expectCellText(5, 's0-c2', '19.10');
    // 本年收入合计 is computed: it follows, it is not overwritten.
    await ui.expectCellText(4, 's0-c1', '19.10');
    await app.page.getByRole('status').getByText('已向下填充 2 个单元格').waitFor();
    await screenshot(app.page, 'grid-range-fill-down');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(4, 's0-c2', '2,880.75');
    await ui.waitSaved();
  });

  it('selects by dragging, and the whole table with Ctrl+A', async () => {
    const from = await ui.cell(3, 's0-c3').boundingBox();
    const to = await ui.cell(5, 's0-c4').boundingBox();
    await app.page.mouse.move(from!.x + 10, from!.y + 10);
    await app.page.mouse.down();
    await app.page.mouse.move(to!.x + 10, to!.y + 10, { steps: 5 });
    await app.page.mouse.up();
    expect(await inRange()).toBe(6);

    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.press('Control+C');
    const lines = (await clipboard()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('合 计\t\t3383.80\t3383.80\t0.00\t0.00\t0.00\t0.00\t0.00');
    expect(lines.length).toBe(await app.page.locator('.grid-host[data-active] .ag-row[row-id^="L"]').count());
  });
});

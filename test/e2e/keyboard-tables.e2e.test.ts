/**
 * A clerk on the keyboard alone: Ctrl+PageDown / Ctrl+PageUp go through the side list's tables as
 * Excel goes through its sheets, 添加科目 hands the focus to the new row's amounts, and every amount
 * a hover shows is grouped like the cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

const UNIT = '荆门市行政审批局(本级)';

describe('keyboard-only table switching, 添加科目 focus (catalog and custom codes) and grouped hover amounts', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let ui: AppPage;
  const activeTable = () => app.page.locator('.grid-host[data-active]').getAttribute('data-table');
  /** The focused grid cell as "table|row-id|col-id", or what else has the focus. */
  const focused = () =>
    app.page.evaluate(() => {
      const cell = document.activeElement?.closest('[col-id]');
      const host = document.activeElement?.closest('.grid-host');
      if (!cell || !host) return `${document.activeElement?.tagName}:${document.activeElement?.getAttribute('aria-label') ?? ''}`;
      return `${host.getAttribute('data-table')}|${cell.closest('[row-id]')?.getAttribute('row-id')}|${cell.getAttribute('col-id')}`;
    });

  beforeAll(async () => {
    app = await startApp();
    ui = new AppPage(app.page);
    await app.seed002('keys.sqlite');
    await ui.openStart(app.host.url);
    await ui.openYear(UNIT);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('Ctrl+PageDown / Ctrl+PageUp go to the next / previous table, commit a typed amount first and land in the grid', async () => {
    // Opening the year puts the focus on 公开01表's first input cell.
    await expect.poll(focused).toMatch(/^公开01表\|/);
    const headerHeight = () => app.page.locator('.app-header').evaluate((header) => header.getBoundingClientRect().height);
    const openedHeight = await headerHeight();
    expect(await app.page.locator('.side-item', { hasText: '公开02表' }).getAttribute('title')).toContain('Ctrl+PageDown 下一张表');
    // At the first table Ctrl+PageUp stays.
    await app.page.keyboard.press('Control+PageUp');
    expect(await activeTable()).toBe('公开01表');

    // An amount being typed in 公开01表 第28行 is committed, then the next table is shown.
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.type('1234.5');
    await app.page.keyboard.press('Control+PageDown');
    await expect.poll(activeTable).toBe('公开02表');
    await expect.poll(focused).toMatch(/^公开02表\|L\d+\|s0-c\d+$/);
    await screenshot(app.page, '键盘-Ctrl+PageDown-公开02表');
    // The undo button now names the step; the unit name and code give way on one line rather than the header growing.
    await ui.waitSaved();
    expect(await headerHeight()).toBe(openedHeight);
    // Typing goes straight into the focused cell of the new table.
    const landed = (await focused()).split('|');
    expect(await ui.cell(Number(landed[1].slice(1)), landed[2]).getAttribute('class')).toContain('cell-input');

    // Back to 公开01表 (kept built): the figure was saved and the focus is where it was left.
    await app.page.keyboard.press('Control+PageUp');
    await expect.poll(activeTable).toBe('公开01表');
    await ui.expectCellText(27, 's0-c1', '1,234.50');
    await expect.poll(focused).toMatch(/^公开01表\|L2[78]\|s0-c1$/);

    // Text that is not an amount keeps the editor and its reason, and the table.
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.type('abc');
    await app.page.keyboard.press('Control+PageDown');
    await app.page.locator('.amount-editor-problem').waitFor();
    expect(await activeTable()).toBe('公开01表');
    await app.page.keyboard.press('Escape');
    await ui.expectCellText(27, 's0-c1', '1,234.50');
  });

  it('after 添加科目 with Enter the focus is on the new row’s first amount cell; Esc in the field returns to the grid', async () => {
    await ui.selectTable('公开02表');
    const field = app.page.locator('.grid-host[data-active]').getByLabel('添加科目', { exact: true });
    await field.fill('2130101');
    await app.page.getByRole('option', { name: /2130101/ }).waitFor();
    await app.page.keyboard.press('Enter');
    const row = app.page.locator('.grid-host[data-active] .ag-row', { has: app.page.locator('[col-id="s0-code"]', { hasText: /^2130101$/ }) }).first();
    const line = Number((await row.getAttribute('row-id'))!.slice(1));
    await expect.poll(focused).toBe(`公开02表|L${line}|s0-c2`);
    await app.page.keyboard.type('88');
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(line, 's0-c2', '88.00');
    await ui.waitSaved();

    await field.fill('行政');
    await app.page.keyboard.press('Escape');
    expect(await field.inputValue()).toBe('');
    await expect.poll(focused).toMatch(/^公开02表\|L\d+\|s0-/);
  });

  it('a code the catalog lacks is added by keyboard alone: Enter goes to its name box, Enter there adds it, Esc gives up', async () => {
    await ui.selectTable('公开02表');
    const field = app.page.locator('.grid-host[data-active]').getByLabel('添加科目', { exact: true });
    await field.fill('2179901');
    await app.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('INPUT:自定义科目名称');
    // Esc there gives up: back to the grid, and a later code starts with an empty name.
    await app.page.keyboard.type('写错的名称');
    await app.page.keyboard.press('Escape');
    await expect.poll(focused).toMatch(/^公开02表\|L\d+\|s0-/);
    expect(await field.inputValue()).toBe('');
    await field.fill('2179901');
    await app.page.keyboard.press('Enter');
    expect(await app.page.getByLabel('自定义科目名称').inputValue()).toBe('');
    await app.page.keyboard.type('其他金融支出');
    await screenshot(app.page, '键盘-添加自定义科目');
    await app.page.keyboard.press('Enter');
    const row = app.page.locator('.grid-host[data-active] .ag-row', { has: app.page.locator('[col-id="s0-code"]', { hasText: /^2179901$/ }) }).first();
    await expect.poll(() => row.locator('[col-id="s0-name"]').innerText()).toContain('其他金融支出');
    const line = Number((await row.getAttribute('row-id'))!.slice(1));
    await expect.poll(focused).toBe(`公开02表|L${line}|s0-c2`);
  });

  it('shows hover amounts with thousands separators, like the cells', async () => {
    await ui.selectTable('公开01表');
    // A computed cell of four digits and more (seed 002's totals).
    const total = app.page.locator('.grid-host[data-active] .cell-computed', { hasText: /^\d{1,3}(,\d{3})+\.\d{2}$/ }).first();
    const shownText = await total.innerText();
    expect(shownText).toMatch(/^\d{1,3}(,\d{3})+\.\d{2}$/);
    await total.hover();
    const tooltip = app.page.locator('.ag-tooltip');
    await tooltip.waitFor();
    const text = await tooltip.innerText();
    expect(text.split('\n')[0]).toBe(shownText);
    expect(text).toMatch(/^=|\n=/m);
    await screenshot(app.page, '键盘-悬停金额千分位');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';
import { seed002Doc } from '../fixtures/seed-002';
import { seed002LastYearDoc } from '../fixtures/seed-002-last-year';

const UNIT = '荆门市行政审批局(本级)';

/** The printed line (row-id) whose label or code cell reads `text`. */
async function lineOf(page: Page, column: string, text: string): Promise<number> {
  const rowId = await page.evaluate(
    ([id, wanted]) => [...document.querySelectorAll(`.grid-host[data-active] .ag-row [col-id="${id}"]`)].find((cell) => cell.textContent?.trim() === wanted)?.closest('.ag-row')?.getAttribute('row-id'),
    [column, text] as const,
  );
  if (!rowId) throw new Error(`没有“${text}”这一行`);
  return Number(rowId.slice(1));
}

/** Cells whose text does not fit, and whether the last column runs under the scrollbar or off the grid. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.grid-host[data-active] .ag-cell, .grid-host[data-active] .ag-header-cell-text')]
    .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
    .map((cell) => (cell.closest('.ag-row')?.getAttribute('row-id') ?? 'header') + ' ' + (cell.getAttribute('col-id') ?? '') + ' ' + cell.textContent)`);
}

/**
 * Seed 002 (荆门 2023) on the 2022 file rebuilt from its own sentences: 总计 3,383.79 against 2,173.27
 * ("比上年度增加1,210.52万元,增长55.70%" in the seed); 公开02表 其他收入 of 2010301 0.03 last year, none now
 * ("减少0.03万元,下降100.00%"); 2010302 is new this year.
 */
describe('上年数 beside this year', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let ui: AppPage;
  const tooltip = () => app.page.locator('.ag-tooltip');
  const toggle = () => app.page.getByRole('button', { name: /对比上年数/ });

  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
    for (const [method, args] of [
      ['createYear', { file: '2022.sqlite', fiscalYear: 2022, unitName: UNIT }],
      ['load', { file: '2022.sqlite', doc: seed002LastYearDoc() }],
      ['createYear', { file: '2023.sqlite', fiscalYear: 2023, unitName: UNIT, baselineFrom: '2022.sqlite' }],
      ['load', { file: '2023.sqlite', doc: seed002Doc() }],
      ['createYear', { file: 'none.sqlite', fiscalYear: 2023, unitName: '没有上年数的单位' }],
    ] as const) {
      const answer = await app.call(method, args);
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
    }
    ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button', { hasText: '2023' }).filter({ hasText: UNIT }).click();
    await app.page.locator('.app-header').getByText('2023年度').waitFor();
    await ui.selectTable('公开01表');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('shows 上年数 and the change on hovering an amount, with the columns off', async () => {
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    const total = await lineOf(app.page, 's0-label', '总 计');
    await ui.cell(total, 's0-c1').hover();
    await expect.poll(() => tooltip().innerText()).toContain('上年数:2,173.27');
    expect(await tooltip().innerText()).toContain('比上年增加 1,210.52 万元,增长 55.70%');
    await screenshot(app.page, 'last-year-tooltip');
  });

  it('toggles 上年数, 增减额 and 增减率 beside every amount column with Ctrl+Shift+L', async () => {
    await ui.cell(0, 's0-c1').click();
    await app.page.keyboard.press('Control+Shift+L');
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe('true');
    const total = await lineOf(app.page, 's0-label', '总 计');
    await ui.expectCellText(total, 's0-c1', '3,383.79');
    await ui.expectCellText(total, 's0-c1-ly-last', '2,173.27');
    await ui.expectCellText(total, 's0-c1-ly-change', '+1,210.52');
    await ui.expectCellText(total, 's0-c1-ly-percent', '+55.70%');
    // Headers: the printed column on top, 本年 | 上年数 | 增减额 | 增减率 under it.
    const headers = await app.page.locator('.grid-host[data-active] .ag-header-row-column .ag-header-cell-text').allInnerTexts();
    expect(headers.join('|')).toContain('本年|上年数|增减额|增减率');
    // Read-only: typing into a 上年数 cell changes nothing (line 0: 一般公共预算财政拨款收入, 2,167.63 last year).
    await ui.cell(0, 's0-c1-ly-last').click();
    await app.page.keyboard.type('5');
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(0, 's0-c1-ly-last', '2,167.63');
    expect(await app.page.locator('.undo-bar button').first().isDisabled()).toBe(true);
    await screenshot(app.page, 'last-year-01-1366x768');
  });

  it('matches 科目 rows by code: a decrease is negative, a row new this year says 上年无, never a % on a zero base', async () => {
    await ui.selectTable('公开02表');
    const added = await lineOf(app.page, 's0-code', '2010302');
    await ui.expectCellText(added, 's0-c2-ly-last', '上年无');
    await ui.expectCellText(added, 's0-c2-ly-change', '+2,880.75');
    await ui.expectCellText(added, 's0-c2-ly-percent', '上年无');
    // Last year's 2022 file had 2010301 only: no other 项 row is invented.
    const codes = await app.page.locator('.grid-host[data-active] .ag-row [col-id="s0-code"]').allInnerTexts();
    expect(codes.filter((code) => /^\d{7}$/.test(code))).toEqual(seed002Codes());

    // 其他收入 (第7栏) is the last column: End brings it into view.
    const row = await lineOf(app.page, 's0-code', '2010301');
    await ui.cell(row, 's0-c2').click();
    await app.page.keyboard.press('End');
    await ui.expectCellText(row, 's0-c7', '0.00');
    await ui.expectCellText(row, 's0-c7-ly-last', '0.03');
    await ui.expectCellText(row, 's0-c7-ly-change', '-0.03');
    await ui.expectCellText(row, 's0-c7-ly-percent', '-100.00%');
    expect(await ui.cell(row, 's0-c7-ly-percent').getAttribute('class')).toContain('ly-down');
    await ui.cell(row, 's0-c7').hover();
    await expect.poll(() => tooltip().innerText()).toContain('比上年减少 0.03 万元,下降 100.00%');

    // An edit updates the comparison at once: 0.05 against 0.03 is +0.02, +66.67%.
    await ui.typeInto(row, 's0-c7', '0.05');
    await ui.expectCellText(row, 's0-c7-ly-change', '+0.02');
    await ui.expectCellText(row, 's0-c7-ly-percent', '+66.67%');
    await ui.waitSaved();
  });

  it('copies a range including the 上年数 columns as raw numbers', async () => {
    const row = await lineOf(app.page, 's0-code', '2010301');
    // From the frozen code cell to 第2栏 本年, then Shift+→ over its 上年数, 增减额 and 增减率.
    await ui.cell(row, 's0-code').click();
    for (let step = 0; step < 6; step++) await app.page.keyboard.press('ArrowRight');
    for (let step = 0; step < 3; step++) await app.page.keyboard.press('Shift+ArrowRight');
    expect(await app.page.locator('.grid-host[data-active] .cell-in-range').count()).toBe(4);
    await app.page.keyboard.press('Control+C');
    await expect.poll(() => app.page.evaluate(() => navigator.clipboard.readText())).toBe('19.10\t2167.63\t-2148.53\t-99.12%\r\n');
  });

  it('anchors Shift+arrows at the cell a key just moved to while the grid scrolls it into view', async () => {
    await ui.cell(await lineOf(app.page, 's0-code', '2010301'), 's0-c1').click();
    // Ctrl+End moves to the last line's last column (第7栏 增减率), scrolling far right; the grid tells its
    // listeners about the new focus a task later. A clerk's quick Shift+← can come first: sent within
    // Ctrl+End's own task here, so it always does.
    const scrolledBy = await app.page.evaluate<number>(`(() => {
      const viewport = document.querySelector('.grid-host[data-active] .ag-grid-viewport');
      const before = viewport.scrollLeft;
      const press = (key, shiftKey, ctrlKey = false) => document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, shiftKey, ctrlKey, bubbles: true, cancelable: true }));
      press('End', false, true);
      for (let step = 0; step < 3; step++) press('ArrowLeft', true);
      return viewport.scrollLeft - before;
    })()`);
    expect(scrolledBy).toBeGreaterThan(0);
    const lastLine = `L${(await app.page.locator('.grid-host[data-active] .ag-grid-scrolling-container .ag-row').count()) - 1}`;
    const selected = () =>
      app.page.evaluate(`[...document.querySelectorAll('.grid-host[data-active] .cell-in-range')].map((cell) => cell.closest('.ag-row').getAttribute('row-id') + ' ' + cell.getAttribute('col-id')).join(', ')`);
    await expect.poll(selected).toBe(['s0-c7', 's0-c7-ly-last', 's0-c7-ly-change', 's0-c7-ly-percent'].map((column) => `${lastLine} ${column}`).join(', '));
    // The anchor keeps the focus: Ctrl+C copies the range (raw figures; 上年无 and an empty 增减率 copy as nothing).
    await app.page.keyboard.press('Control+C');
    await expect.poll(() => app.page.evaluate(() => navigator.clipboard.readText())).toBe('0.00\t\t0.00\t\r\n');
  });

  it('keeps the labels frozen and cuts nothing at 1366×768 and 1920×1080', async () => {
    for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
      await app.page.setViewportSize(size);
      for (const table of ['公开01表', '公开02表', '公开04表', '公开06表', '公开09表']) {
        await ui.selectTable(table);
        await expect.poll(() => app.page.locator('.grid-host[data-active] [col-id$="-ly-percent"]').count()).toBeGreaterThan(0);
        // Wider than the window: the label columns stay put (公开09表 has none).
        const pinned = () => app.page.locator('.grid-host[data-active] .ag-header-row-column .ag-grid-pinned-left-cells .ag-header-cell').count();
        const scrolls = await app.page.evaluate(`(() => { const bar = document.querySelector('.grid-host[data-active] .ag-body-horizontal-scroll-viewport'); return bar.scrollWidth > bar.clientWidth; })()`);
        if (scrolls && table !== '公开09表') await expect.poll(pinned, { message: `${table} ${size.width}×${size.height}` }).toBeGreaterThan(0);
        await expect.poll(() => clipped(app.page), { message: `${table} ${size.width}×${size.height}` }).toEqual([]);
        await screenshot(app.page, `last-year-${table}-${size.width}x${size.height}`);
        // The far right: every column reached is whole too.
        await app.page.locator('.grid-host[data-active] [row-id="L0"] .cell-amount').first().click();
        await app.page.keyboard.press('End');
        await expect.poll(() => clipped(app.page), { message: `${table} ${size.width}×${size.height} End` }).toEqual([]);
        await screenshot(app.page, `last-year-${table}-${size.width}x${size.height}-end`);
      }
    }
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });

  it('keeps the same widths when the columns are switched off and on again', async () => {
    await ui.selectTable('公开04表');
    // 公开04表 is shown as the last test left it, with the focus back on the cell at its right end
    // (scrolled there once its cell has the focus): the widths are compared from its left end.
    await expect.poll(() => app.page.evaluate(() => !!document.activeElement?.closest('.grid-host[data-active] .ag-cell'))).toBe(true);
    await app.page.evaluate(`document.querySelector('.grid-host[data-active] .ag-grid-viewport').scrollLeft = 0`);
    await expect.poll(() => app.page.locator('.grid-host[data-active] .ag-header-row-column [col-id="s0-c1"]').count()).toBe(1);
    const widths = () => app.page.evaluate(`Object.fromEntries([...document.querySelectorAll('.grid-host[data-active] .ag-header-row-column .ag-header-cell')].map((cell) => [cell.getAttribute('col-id'), cell.getBoundingClientRect().width]))`);
    const shown = await widths();
    await toggle().click();
    await expect.poll(() => app.page.locator('.grid-host[data-active] [col-id$="-ly-last"]').count()).toBe(0);
    await toggle().click();
    await expect.poll(() => app.page.locator('.grid-host[data-active] [col-id$="-ly-last"]').count()).toBeGreaterThan(0);
    await expect.poll(widths).toEqual(shown);
  });

  it('takes Ctrl+Shift+L once while another table is kept open behind the one shown', async () => {
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button', { hasText: '2023' }).filter({ hasText: UNIT }).click();
    await app.page.locator('.app-header').getByText('2023年度').waitFor();
    const landed = (await app.page.locator('.table-page:not([inert]) .table-label').innerText()).trim();
    await ui.selectTable(landed === '公开02表' ? '公开03表' : '公开02表');
    // Two tables mounted: each kept table's switch used to take the key too, and two toggles undo each other.
    expect(await app.page.locator('.table-page').count()).toBe(2);
    const before = await toggle().getAttribute('aria-pressed');
    await ui.cell(0, 's0-c1').click();
    await app.page.keyboard.press('Control+Shift+L');
    await expect.poll(() => toggle().getAttribute('aria-pressed')).toBe(before === 'true' ? 'false' : 'true');
  });

  it('disables the switch with a reason where no 上年数 was imported', async () => {
    await ui.openStart(app.host.url);
    await ui.openYear('没有上年数的单位');
    await ui.selectTable('公开01表');
    expect(await toggle().isDisabled()).toBe(true);
    await app.page.getByText('本年度文件没有上年数').waitFor();
    expect(await app.page.locator('.grid-host[data-active] [col-id$="-ly-last"]').count()).toBe(0);
    await ui.cell(0, 's0-c1').click();
    await app.page.keyboard.press('Control+Shift+L');
    await app.page.getByRole('status').getByText('不能对比上年数').waitFor();
    await screenshot(app.page, 'last-year-none');
  });
});

/** The 项 codes of seed 002's 公开02表, in printed order. */
function seed002Codes(): string[] {
  return Object.keys(seed002Doc().tables['公开02表'])
    .filter((key) => /^\d{7}$/.test(key))
    .sort();
}

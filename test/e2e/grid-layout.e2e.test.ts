import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEMPLATE_SETS, printedLabel } from '../../shared/tables';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

/** What the clerk would see cut: cells whose text overflows them, and the last column's overlap with the scrollbar. */
async function hiddenParts(page: Page): Promise<{ clipped: string[]; lastColumnCovered: boolean }> {
  // As the clerk reaches the last column: a cell of the first line, then End.
  await page.locator('.grid-host[data-active] [row-id="L0"] .cell-amount').first().click();
  await page.keyboard.press('End');
  return page.evaluate(`(() => {
    const host = document.querySelector('.grid-host[data-active]');
    const clipped = [...host.querySelectorAll('.ag-cell')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => cell.closest('.ag-row').getAttribute('row-id') + ' ' + cell.getAttribute('col-id') + ' ' + cell.textContent);
    const rightmost = Math.max(...[...host.querySelectorAll('.ag-cell, .ag-header-cell')].map((cell) => cell.getBoundingClientRect().right));
    // A scrollbar takes room beside the cells, or overlays them (headless): then it must be see-through.
    const scrollbar = host.querySelector('.ag-body-vertical-scroll');
    const overlay = scrollbar && scrollbar.classList.contains('ag-scrollbar-invisible');
    const seeThrough = overlay && getComputedStyle(scrollbar.querySelector('.ag-body-vertical-scroll-viewport')).backgroundColor === 'rgba(0, 0, 0, 0)';
    const barLeft = scrollbar && scrollbar.offsetWidth && !seeThrough ? scrollbar.getBoundingClientRect().left : Infinity;
    const gridRight = Math.min(host.querySelector('.ag-root-wrapper').getBoundingClientRect().right, barLeft);
    return { clipped, lastColumnCovered: rightmost > gridRight + 1 };
  })()`);
}

/** Header texts not wholly inside their header cell (the header row heights are set from the texts before the grid is drawn). */
async function clippedHeaders(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.grid-host[data-active] .ag-header-cell, .grid-host[data-active] .ag-header-group-cell')]
    .map((cell) => [cell.getBoundingClientRect(), cell.querySelector('.ag-header-cell-text, .ag-header-group-text')])
    .filter(([box, text]) => text && text.textContent.trim())
    .filter(([box, text]) => {
      const inner = text.getBoundingClientRect();
      return inner.top < box.top - 0.5 || inner.bottom > box.bottom + 0.5 || inner.right > box.right + 0.5 || text.scrollWidth > text.clientWidth + 1;
    })
    .map(([box, text]) => text.textContent)`);
}

async function columnWidths(page: Page): Promise<Record<string, number>> {
  return page.evaluate(`Object.fromEntries([...document.querySelectorAll('.grid-host[data-active] .ag-header-row-column .ag-header-cell')].map((cell) => [cell.getAttribute('col-id'), cell.getBoundingClientRect().width]))`);
}

describe('grid layout: nothing hidden, stable widths, frozen labels', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    await app.seed002('jm.sqlite', '158001');
    const answer = await app.call('createYear', { file: 'ms.sqlite', fiscalYear: 2023, unitName: '眉山市政务服务管理局', template: '13', numbering: '表' });
    expect(answer.ok).toBe(true);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('shows every column of every table whole at 1366×768 and 1920×1080', async () => {
    const ui = new AppPage(app.page);
    for (const [unit, set] of [['荆门市行政审批局(本级)', '9'], ['眉山市政务服务管理局', '13']] as const) {
      for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
        await app.page.setViewportSize(size);
        await ui.openStart(app.host.url);
        await ui.openYear(unit);
        for (const id of TEMPLATE_SETS[set]) {
          const label = printedLabel(id, set, set === '13' ? '表' : '公开');
          await ui.selectTable(label);
          await screenshot(app.page, `grid-${label}-${size.width}x${size.height}`);
          expect(await clippedHeaders(app.page), `${label} ${size.width}×${size.height} 表头`).toEqual([]);
          await expect.poll(() => hiddenParts(app.page), { message: `${label} ${size.width}×${size.height}`, timeout: 5000 }).toEqual({ clipped: [], lastColumnCovered: false });
          await screenshot(app.page, `grid-${label}-${size.width}x${size.height}-end`);
        }
      }
    }
  });

  it('keeps the same column widths on every visit of a table', async () => {
    const ui = new AppPage(app.page);
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    await ui.selectTable('公开04表');
    const first = await columnWidths(app.page);
    await ui.selectTable('公开06表');
    await ui.selectTable('公开04表');
    expect(await columnWidths(app.page)).toEqual(first);
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    expect(await columnWidths(app.page)).toEqual(first);
  });

  it('keeps the 项目/科目 columns and the header in place while the amounts scroll', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    for (const [table, keyColumns, width] of [['公开04表', ['s0-label', 's0-rowno'], 1100], ['公开06表', ['s0-code', 's0-name'], 1366]] as const) {
      await app.page.setViewportSize({ width, height: 768 });
      await ui.selectTable(table);
      for (const id of keyColumns) expect(await app.page.locator(`.grid-host[data-active] .ag-header-row-column .ag-grid-pinned-left-cells [col-id="${id}"]`).count(), `${table} ${id}`).toBe(1);
      const label = app.page.locator(`.grid-host[data-active] [row-id="L0"] .ag-grid-pinned-left-cells [col-id="${keyColumns[0]}"]`);
      const before = await label.boundingBox();
      const header = await app.page.locator('.grid-host[data-active] .ag-header').boundingBox();
      // The window was just resized: the grid has taken its new width once its amounts overflow it sideways.
      const viewport = `document.querySelector('.grid-host[data-active] .ag-body-horizontal-scroll-viewport')`;
      await expect.poll(() => app.page.evaluate(`${viewport}.scrollWidth > ${viewport}.clientWidth`)).toBe(true);
      // End, then Ctrl+Down: the last column, then the last line, as in the spreadsheet.
      await app.page.locator('.grid-host[data-active] [row-id="L0"] .cell-amount').first().click();
      await app.page.keyboard.press('End');
      await app.page.keyboard.press('Control+ArrowDown');
      await expect.poll(() => app.page.evaluate(`document.querySelector('.grid-host[data-active] .ag-body-horizontal-scroll-viewport').scrollLeft`)).toBeGreaterThan(0);
      expect((await app.page.locator('.grid-host[data-active] .ag-header').boundingBox())?.y).toBe(header?.y);
      if ((await label.count()) > 0) expect((await label.boundingBox())?.x).toBe(before?.x);
      await screenshot(app.page, `grid-frozen-${table}`);
    }
  });
});

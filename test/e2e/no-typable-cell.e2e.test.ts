/**
 * A table with no cell to type into (seed 002's 公开07表: no 政府性基金 科目 row, only the 合计 they
 * add up to) says so when keys are typed there, instead of dropping them without a word: on the way
 * in by Ctrl+PageDown, and in any of its cells (合计, 栏次, 科目名称). The line says why and where
 * the figures come from, and takes the clerk to “添加科目”; nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

const UNIT = '荆门市行政审批局(本级)';
const NOTICE =
  '本表没有需要录入的单元格:合计由各科目行汇总,本表还没有科目行。请先在上方“添加科目”输入科目代码或名称,添加科目行后录入金额;没有本表资金的不用填写,本表印出“本单位今年没有政府性基金预算财政拨款”';

describe('keys typed in a table with no typable cell', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let ui: AppPage;
  const status = () => app.page.locator('.grid-host[data-active] .grid-status');
  const activeTable = () => app.page.locator('.grid-host[data-active]').getAttribute('data-table');

  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
    ui = new AppPage(app.page);
    await app.seed002('empty-table.sqlite');
    await ui.openStart(app.host.url);
    await ui.openYear(UNIT);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('says why, on the way in and in every cell, and leads to 添加科目', async () => {
    await ui.selectTable('公开06表');
    await ui.cell(0, 's0-c1').click();
    await app.page.keyboard.press('Control+PageDown');
    await app.page.keyboard.type('12');
    await expect.poll(activeTable).toBe('公开07表');
    await expect.poll(() => status().innerText()).toContain(NOTICE);
    await screenshot(app.page, '无录入单元格-公开07表');

    for (const columnId of ['s0-c1', 's0-name']) {
      await status().getByRole('button', { name: '关闭提示' }).click();
      await ui.cell(0, columnId).click();
      await app.page.keyboard.type('5');
      await expect.poll(() => status().innerText()).toContain(NOTICE);
    }
    // The 栏次 line (pinned above the rows).
    await status().getByRole('button', { name: '关闭提示' }).click();
    await app.page.locator('.grid-host[data-active] .cell-colno[col-id="s0-c2"]').first().click();
    await app.page.keyboard.type('7');
    await expect.poll(() => status().innerText()).toContain(NOTICE);

    await status().getByRole('button', { name: '添加科目' }).click();
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('添加科目');
    const table = (await app.call('getTable', { file: 'empty-table.sqlite', table: '公开07表' })).result as { rows: { row: string; cells: Record<string, string | null> }[] };
    expect(table.rows.map((row) => [row.row, Object.values(row.cells).filter((value) => value !== null && Number(value) !== 0)])).toEqual([['合计', []]]);

    // A table that has cells to type into keeps its usual per-cell line.
    await ui.selectTable('公开05表');
    await ui.cell(0, 's0-c1').click();
    await app.page.keyboard.type('5');
    await expect.poll(() => status().innerText()).toContain('本格为计算单元格');
  });
});

/**
 * Tables shown before stay built behind the one shown (features/shell/kept-tables.ts), so switching
 * back to one only shows it. A hidden table must still never take a key, and never show a figure
 * from before an edit made in another table or an import.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

const UNIT = '荆门市行政审批局(本级)';
const FILE = 'kept.sqlite';

describe('switching between tables kept built', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let ui: AppPage;
  const downloads = tempDir('juesuan-kept-');
  const grid = (table: string) => app.page.locator(`.grid-host[data-table="${table}"]`);
  /** The stored value of a cell, as the core has it. */
  const stored = async (table: string, row: string, col: string) => {
    const answer = await app.call('openYear', { file: FILE });
    return (answer.result as { tables: Record<string, { cells: Record<string, Record<string, string>> }> }).tables[table]?.cells[row]?.[col] ?? null;
  };
  beforeAll(async () => {
    app = await startApp();
    ui = new AppPage(app.page);
    await app.seed002(FILE);
  });
  afterAll(async () => {
    await app?.stop();
    downloads.cleanup();
  });

  it('keeps a table built but hidden and inert, takes no key into it, and shows an edit made elsewhere when it is shown again', async () => {
    await ui.openStart(app.host.url);
    await ui.openYear(UNIT);
    const before = await stored('公开01表', '28', '1');
    // The focus in 公开01表 第28行, then another table.
    await ui.cell(27, 's0-c1').click();
    await ui.selectTable('公开04表');
    expect(await grid('公开01表').count()).toBe(1);
    expect(await grid('公开01表').isVisible()).toBe(false);
    expect(await app.page.locator('.table-page', { has: grid('公开01表') }).getAttribute('inert')).not.toBeNull();
    expect(await app.page.evaluate(() => !!document.activeElement?.closest('.grid-host[data-table="公开01表"]'))).toBe(false);
    // Keys typed now reach no hidden grid.
    await app.page.keyboard.type('77');
    await app.page.keyboard.press('Enter');

    // 公开01表 第1行 is 公开04表 第1行 第1栏 (linked): edited while 公开01表 is hidden.
    expect(await ui.cell(0, 's0-c1').getAttribute('class')).toContain('cell-input');
    await ui.typeInto(0, 's0-c1', '1234.5');
    await ui.waitSaved();
    await ui.selectTable('公开01表');
    expect(await grid('公开04表').isVisible()).toBe(false);
    await ui.expectCellText(0, 's0-c1', '1,234.50');
    expect(await stored('公开01表', '28', '1')).toBe(before);
    await screenshot(app.page, '切换回已打开的表-公开01表');
    await ui.selectTable('公开04表');
    await ui.expectCellText(0, 's0-c1', '1,234.50');
    await screenshot(app.page, '切换回已打开的表-公开04表');
  });

  it('shows the imported values in a table that was hidden when the workbook was imported', async () => {
    // The workbook as the year is now (公开01表 第28行 as seed 002 has it).
    await app.page.getByRole('button', { name: '导出 Excel ▾' }).hover();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('menuitem', { name: '草稿(.xlsx)' }).click()]);
    const saved = path.join(downloads.dir, download.suggestedFilename());
    await download.saveAs(saved);
    await ui.selectTable('公开01表');
    const imported = await ui.cell(27, 's0-c1').innerText();
    await ui.typeInto(27, 's0-c1', '55');
    await ui.expectCellText(27, 's0-c1', '55.00');
    await ui.waitSaved();

    await ui.selectTable('公开04表');
    await app.page.getByRole('button', { name: '导入 ▾' }).hover();
    await app.page.getByLabel('选择导入文件').setInputFiles(saved);
    await app.page.getByRole('dialog', { name: '导入预览' }).getByRole('button', { name: '确认导入' }).click();
    await app.page.getByRole('status').getByText(/已从 .* 导入/).waitFor();
    await ui.selectTable('公开04表');
    await ui.selectTable('公开01表');
    await ui.expectCellText(27, 's0-c1', imported);
    expect(imported).not.toBe('55.00');
  });
});

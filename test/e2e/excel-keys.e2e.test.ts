/**
 * A clerk's Excel habits on the annex grids, beyond typing: Home/End and Ctrl+Home/Ctrl+End move
 * as in Excel, Ctrl+X moves figures (copied, then emptied as one undo step), and a selected block
 * shows its exact sum and count above the grid, as Excel's status bar does.
 * Seed 002, 公开02表: line 0 合计, 1 201, 2 20103, 3 2010301 行政运行 19.10, 4 2010302 2,880.75,
 * 5 2010303 192.76; s0-c1 本年收入合计 is computed, s0-c2 财政拨款收入 … s0-c7 are input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('Excel keys on the annex grids: Home/End, Ctrl+X, the selected block’s sum', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let ui: AppPage;
  const focused = () =>
    app.page.evaluate(() => {
      const cell = document.activeElement?.closest('[col-id]');
      return cell ? `${cell.closest('[row-id]')?.getAttribute('row-id')}|${cell.getAttribute('col-id')}` : String(document.activeElement?.tagName);
    });
  const clipboard = () => app.page.evaluate(() => navigator.clipboard.readText());
  const rangeSum = () => app.page.locator('.grid-host[data-active]').getByRole('status', { name: '选中区域合计' });

  beforeAll(async () => {
    app = await startApp();
    await app.seed002('keys.sqlite', '158001');
    ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    await ui.selectTable('公开02表');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('Home and End go to the ends of the line, Ctrl+Home and Ctrl+End to the table’s corners', async () => {
    await ui.cell(4, 's0-c3').click();
    await app.page.keyboard.press('Home');
    await expect.poll(focused).toBe('L4|s0-code');
    await app.page.keyboard.press('End');
    await expect.poll(focused).toBe('L4|s0-c7');
    await app.page.keyboard.press('Control+Home');
    await expect.poll(focused).toBe('L0|s0-code');
    await app.page.keyboard.press('Control+End');
    // Seed 002's 公开02表 prints 17 lines.
    await expect.poll(focused).toBe('L16|s0-c7');
    // Shift+Home selects back to the line's start, as in Excel.
    await ui.cell(4, 's0-c3').click();
    await app.page.keyboard.press('Shift+Home');
    expect(await app.page.locator('.grid-host[data-active] .cell-in-range').count()).toBe(5);
    await expect.poll(focused).toBe('L4|s0-c3');
  });

  it('shows the exact sum and count of a selected block, following edits, and nothing for one cell', async () => {
    await ui.cell(3, 's0-c1').click();
    await ui.cell(5, 's0-c2').click({ modifiers: ['Shift'] });
    // 19.10 + 2,880.75 + 192.76, twice (栏1 is their total): computed cells count, as in Excel.
    await expect.poll(() => rangeSum().innerText()).toBe('求和:6,185.22 万元  计数:6');
    await screenshot(app.page, 'Excel键-选中区域求和');
    // Emptied cells are not counted; the totals beside them are now 0.00.
    await app.page.keyboard.press('Delete');
    await expect.poll(() => rangeSum().innerText()).toBe('求和:0.00 万元  计数:3');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(3, 's0-c2', '19.10');
    await ui.cell(3, 's0-c2').click();
    await expect.poll(() => rangeSum().count()).toBe(0);
  });

  it('Ctrl+X copies the cell and empties it as one undo step; Ctrl+V elsewhere puts the figure there', async () => {
    await ui.cell(3, 's0-c2').click();
    await app.page.keyboard.press('Control+X');
    await expect.poll(clipboard).toBe('19.10\r\n');
    await ui.expectCellText(3, 's0-c2', '');
    await expect.poll(() => app.page.locator('.notice-bar').innerText()).toContain('已剪切 1 个单元格');
    await ui.cell(3, 's0-c3').click();
    await app.page.keyboard.press('Control+V');
    await ui.expectCellText(3, 's0-c3', '19.10');
    await ui.expectCellText(3, 's0-c1', '19.10');
    await ui.waitSaved();
    const dump = (await app.call('dump', { file: 'keys.sqlite' })).result as { tables: Record<string, Record<string, Record<string, string>>> };
    expect(dump.tables['公开02表']['2010301']).toMatchObject({ '3': '19.10' });
    expect(dump.tables['公开02表']['2010301']['2']).toBeUndefined();
    // Two steps back: the paste, then the cut.
    await app.page.keyboard.press('Control+Z');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(3, 's0-c2', '19.10');
    await ui.expectCellText(3, 's0-c3', '0.00');
  });

  it('Tab after typing saves and moves on without editing: the next figure typed replaces the next cell’s, never appends to it', async () => {
    // 2010302 栏3 shows 0.00: the grid's Tab opened its editor on "0.00" and "5" became 0.005.
    await ui.cell(4, 's0-c2').click();
    await app.page.keyboard.type('3');
    await app.page.keyboard.press('Tab');
    await expect.poll(focused).toBe('L4|s0-c3');
    await app.page.keyboard.type('5');
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(4, 's0-c3', '5.00');
    // Enter after the Tab goes on under the cell the Tab began at, as in Excel (tab-series.ts).
    await expect.poll(focused).toBe('L5|s0-c2');
    await app.page.keyboard.type('7');
    await app.page.keyboard.press('Shift+Tab');
    await expect.poll(focused).toBe('L5|s0-c1');
    await ui.waitSaved();
    const dump = (await app.call('dump', { file: 'keys.sqlite' })).result as { tables: Record<string, Record<string, Record<string, string>>> };
    expect(dump.tables['公开02表']['2010302']).toMatchObject({ '2': '3.00', '3': '5.00' });
    expect(dump.tables['公开02表']['2010303']).toMatchObject({ '2': '7.00' });
  });

  it('Enter after typing on a table’s last line keeps the focus there, so the next figure is not lost; Shift+Enter on the first stays off the 栏次 line', async () => {
    await ui.selectTable('公开09表');
    await ui.cell(0, 's0-c2').click();
    await app.page.keyboard.type('3');
    await app.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('L0|s0-c2');
    await app.page.keyboard.type('4');
    await app.page.keyboard.press('Shift+Enter');
    await expect.poll(focused).toBe('L0|s0-c2');
    await ui.expectCellText(0, 's0-c2', '4.00');
    await screenshot(app.page, 'Excel键-最后一行Enter');
  });

  it('Ctrl+Delete pressed before the page has redrawn after a click removes the row clicked, not the one focused before', async () => {
    await ui.selectTable('公开02表');
    await ui.cell(5, 's0-c2').click();
    const line5 = await ui.cell(5, 's0-c2').innerText();
    // Focus moved and key pressed in one task, as on a busy PC where the key arrives before React renders the new focus.
    await app.page.evaluate(() => {
      const cell = document.querySelector<HTMLElement>('.grid-host[data-active] [row-id="L6"] [col-id="s0-c2"]')!;
      cell.focus(); // what a click's mousedown does first
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', code: 'Delete', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => app.page.getByRole('button', { name: /^撤销:/ }).getAttribute('aria-label')).toBe('撤销:公开02表 删除科目行 2010306');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(6, 's0-c2', '156.98');
    await ui.expectCellText(5, 's0-c2', line5);
  });

  it('Insert goes from the grid to 添加科目 and Ctrl+Delete removes the focused 科目 row, the focus staying in the grid', async () => {
    await ui.selectTable('公开02表');
    await ui.cell(6, 's0-c2').click();
    expect(await ui.cell(6, 's0-code').innerText()).toBe('2010306');
    await app.page.keyboard.press('Control+Delete');
    await expect.poll(() => ui.cell(6, 's0-code').innerText()).toBe('20113');
    await expect.poll(focused).toBe('L6|s0-c2');
    // Only the row went: its amounts were not emptied first (the grid's Delete), and one undo brings it back.
    await expect.poll(() => app.page.getByRole('button', { name: /^撤销:/ }).getAttribute('aria-label')).toBe('撤销:公开02表 删除科目行 2010306');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(6, 's0-c2', '156.98');

    await ui.cell(3, 's0-c2').click();
    await app.page.keyboard.press('Insert');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('添加科目');
    await app.page.keyboard.type('2130101');
    await app.page.getByRole('option', { name: /2130101/ }).waitFor();
    await app.page.keyboard.press('Enter');
    await expect.poll(focused).toMatch(/^L\d+\|s0-c2$/);
    await app.page.keyboard.type('1.5');
    await app.page.keyboard.press('Enter');
    await ui.waitSaved();
    const dump = (await app.call('dump', { file: 'keys.sqlite' })).result as { tables: Record<string, Record<string, Record<string, string>>> };
    expect(dump.tables['公开02表']['2130101']).toMatchObject({ '2': '1.50' });
  });

  it('arrow keys after typing save and move as Enter does (Excel’s 输入 mode); after F2 they move the caret (编辑 mode), and F2 switches', async () => {
    await ui.selectTable('公开02表');
    // Each figure went on into the same editor: "5 ↓ 6 → 7" was saved as 567 in one cell.
    await ui.cell(3, 's0-c4').click();
    await app.page.keyboard.type('5');
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('L4|s0-c4');
    await app.page.keyboard.type('6');
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(focused).toBe('L4|s0-c5');
    await app.page.keyboard.type('7');
    await app.page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('L3|s0-c5');
    await app.page.keyboard.type('8');
    await app.page.keyboard.press('ArrowLeft');
    await expect.poll(focused).toBe('L3|s0-c4');
    for (const [line, column, text] of [[3, 's0-c4', '5.00'], [4, 's0-c4', '6.00'], [4, 's0-c5', '7.00'], [3, 's0-c5', '8.00']] as const) await ui.expectCellText(line, column, text);
    // PageDown after typing saves too, and pages on from the cell.
    await app.page.keyboard.type('9');
    await app.page.keyboard.press('PageDown');
    await expect.poll(focused).not.toBe('INPUT');
    expect(await focused()).not.toBe('L3|s0-c4');
    await ui.expectCellText(3, 's0-c4', '9.00');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(3, 's0-c4', '5.00');

    // F2 on 19.10: the caret moves within the text.
    await ui.cell(3, 's0-c2').click();
    await app.page.keyboard.press('F2');
    for (let i = 0; i < 3; i++) await app.page.keyboard.press('ArrowLeft');
    await app.page.keyboard.type('5');
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(3, 's0-c2', '195.10');
    // Typing, then F2: the arrows edit the text; F2 again: they leave.
    await ui.cell(5, 's0-c4').click();
    await app.page.keyboard.type('3');
    await app.page.keyboard.press('F2');
    await app.page.keyboard.press('ArrowLeft');
    await app.page.keyboard.type('4');
    await app.page.keyboard.press('F2');
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('L6|s0-c4');
    await ui.expectCellText(5, 's0-c4', '43.00');
    await ui.waitSaved();
    const dump = (await app.call('dump', { file: 'keys.sqlite' })).result as { tables: Record<string, Record<string, Record<string, string>>> };
    expect(dump.tables['公开02表']['2010301']).toMatchObject({ '2': '195.10', '4': '5.00', '5': '8.00' });
    expect(dump.tables['公开02表']['2010302']).toMatchObject({ '4': '6.00', '5': '7.00' });
    expect(dump.tables['公开02表']['2010303']).toMatchObject({ '4': '43.00' });
  });

  it('a figure typed on a name, code or the 栏次 line says why it goes nowhere, as a computed cell does', async () => {
    await ui.selectTable('公开02表');
    const hint = app.page.locator('.grid-host[data-active] .readonly-hint');
    await ui.cell(4, 's0-name').click();
    await app.page.keyboard.type('5');
    await expect.poll(() => hint.innerText()).toContain('本格是科目名称,不能录入金额');
    await screenshot(app.page, 'Excel键-在科目名称上键入');
    await ui.cell(0, 's0-c2').click();
    await expect.poll(() => hint.count()).toBe(0);
    await app.page.keyboard.press('ArrowUp');
    await app.page.keyboard.type('5');
    await expect.poll(() => hint.innerText()).toContain('本格是栏次,不能录入金额');
    // Nothing was stored anywhere.
    expect(await ui.cell(0, 's0-c2').innerText()).not.toContain('5.00');
  });

  it('Enter after figures typed along a line with Tab goes on under the cell the Tabs began at, as in Excel', async () => {
    await ui.selectTable('公开02表');
    await ui.cell(3, 's0-c3').click();
    for (const figure of ['1', '2']) {
      await app.page.keyboard.type(figure);
      await app.page.keyboard.press('Tab');
    }
    await app.page.keyboard.type('3');
    await app.page.keyboard.press('Enter');
    // Under 栏3 of the next line, not under 栏5 where the last figure went.
    await expect.poll(focused).toBe('L4|s0-c3');
    await app.page.keyboard.type('4');
    await app.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('L5|s0-c3');
    for (const [line, column, text] of [[3, 's0-c3', '1.00'], [3, 's0-c4', '2.00'], [3, 's0-c5', '3.00'], [4, 's0-c3', '4.00']] as const) await ui.expectCellText(line, column, text);
  });
});

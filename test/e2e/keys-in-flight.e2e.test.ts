/**
 * No keystroke vanishes while the grid is busy: keys typed just after Ctrl+PageDown (the table
 * left is hidden at once, the next one takes the focus a moment later), or while the grid puts
 * the focus back on a cell it has just drawn, land in the editor. The page's CPU is slowed (CDP
 * throttling) as on a slow county office PC, so the switch is still on its way as keys arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { onSlowPc, startApp, type App } from './browser';

describe('keys typed while the grid is busy', () => {
  let app: App;
  let ui: AppPage;
  const editor = () => app.page.locator('.amount-editor-input');

  beforeAll(async () => {
    app = await startApp();
    ui = new AppPage(app.page);
    await app.seed002('keys.sqlite');
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    await ui.selectTable('公开01表');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('types into the next table what is typed right after Ctrl+PageDown', async () => {
    await onSlowPc(app.page, async () => {
      await ui.cell(27, 's0-c1').click();
      const focusedCell = () =>
        app.page.evaluate(() => {
          const cell = document.querySelector('.grid-host[data-active] .ag-cell-focus');
          return { line: Number(cell?.closest('[row-id]')?.getAttribute('row-id')?.slice(1)), column: cell?.getAttribute('col-id') ?? '' };
        });
      // Each table is shown for the first time: its grid is built while the keys arrive.
      for (const [table, typed] of [['公开02表', '123'], ['公开03表', '223'], ['公开04表', '323'], ['公开05表', '423']]) {
        await app.page.keyboard.press('Control+PageDown');
        await app.page.keyboard.type(typed);
        await app.page.keyboard.press('Enter');
        await expect.poll(() => app.page.locator('.grid-host[data-active]').getAttribute('data-table')).toBe(table);
        await expect.poll(() => editor().count()).toBe(0);
        // Enter stored the amount in the cell the table focused and went one line down.
        const below = await focusedCell();
        await ui.expectCellText(below.line - 1, below.column, `${typed}.00`);
      }
      // 公开06表, then 公开07表, which has no cell to type into: keys typed there are told so (no-typable-cell.e2e), and the next switch goes on.
      await app.page.keyboard.press('Control+PageDown');
      await expect.poll(() => app.page.locator('.grid-host[data-active]').getAttribute('data-table')).toBe('公开06表');
      await app.page.keyboard.press('Control+PageDown');
      await expect.poll(() => app.page.locator('.grid-host[data-active]').getAttribute('data-table')).toBe('公开07表');
      await app.page.keyboard.type('9');
      await expect.poll(() => app.page.locator('.grid-host[data-active] .readonly-hint').innerText()).toContain('本表没有需要录入的单元格');
      await app.page.keyboard.press('Control+PageDown');
      await expect.poll(() => app.page.locator('.grid-host[data-active]').getAttribute('data-table')).not.toBe('公开07表');
    });
  });

  it('keeps typing in the editor when the grid focuses the edited cell again', async () => {
    await ui.selectTable('公开01表');
    // 公开01表 lines 27 and 28 are r28/r29, input cells.
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.type('12');
    await expect.poll(() => editor().inputValue()).toBe('12');
    // What ag-grid does a moment after it draws a focused cell (CellCtrl.restoreFocus after a
    // setTimeout): it focuses the cell element, though its editor is open by then.
    await ui.cell(27, 's0-c1').evaluate((cell: HTMLElement) => cell.focus());
    await app.page.keyboard.type('34.5');
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(27, 's0-c1', '1,234.50');
    await expect.poll(() => editor().count()).toBe(0);
    // Typing goes on as before in the next cell.
    await ui.typeInto(28, 's0-c1', '56');
    await ui.expectCellText(28, 's0-c1', '56.00');
  });

  it('keeps the reason a typed key was refused while the grid tells the same cell focused again', async () => {
    // 公开01表 line 30 is r31 总计, a computed cell.
    await ui.cell(30, 's0-c1').click();
    await app.page.keyboard.type('5');
    // The shown table's: a table kept built behind it keeps its own (公开07表's, above).
    const hint = app.page.locator('.grid-host[data-active] .readonly-hint');
    await expect.poll(() => hint.count()).toBe(1);
    // The grid announces the focused cell again when it redraws it (after a save or 审核), as on a click on it.
    await ui.cell(30, 's0-c1').click();
    expect(await hint.count()).toBe(1);
    expect(await hint.innerText()).toContain('本格为计算单元格');
    await ui.cell(29, 's0-c1').click();
    await expect.poll(() => hint.count()).toBe(0);
  });
});

/**
 * No keystroke vanishes while the grid is busy: keys typed while the amount editor is opening, or
 * while the grid puts the focus back on a cell it has just drawn again, land in the editor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { startApp, type App } from './browser';

describe('keys typed while the grid is busy', () => {
  let app: App;
  let ui: AppPage;
  const editor = () => app.page.locator('.amount-editor-input');

  beforeAll(async () => {
    app = await startApp();
    ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '录入单位');
    await ui.selectTable('公开01表');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('keeps typing in the editor when the grid focuses the edited cell again', async () => {
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
});

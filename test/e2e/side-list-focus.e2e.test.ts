/**
 * After choosing a page in the side list the keys go to it, as typing after a click on an Excel
 * sheet tab goes into the sheet: a table's grid takes them in the cell last focused there, else
 * its first input cell (also keys typed while the grid is still being built, on a slow PC); a form
 * page puts the focus on its first field. F6 brings the focus back to the side list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { onSlowPc, screenshot, startApp, type App } from './browser';

describe('choosing a page in the side list sends the keys to it', () => {
  let app: App;
  let ui: AppPage;
  const editor = () => app.page.locator('.amount-editor-input');
  const sideItem = (label: string) => app.page.locator('.side-item').filter({ has: app.page.locator('.side-label', { hasText: new RegExp(`^${label}$`) }) });
  const shownTable = () => app.page.locator('.grid-host[data-active]').getAttribute('data-table');
  const focusedCell = () =>
    app.page.evaluate(() => {
      const cell = document.querySelector('.grid-host[data-active] .ag-cell-focus');
      return { line: Number(cell?.closest('[row-id]')?.getAttribute('row-id')?.slice(1)), column: cell?.getAttribute('col-id') ?? '' };
    });
  /** Types `text` and Enter, then waits for the editor to close in table `table`. */
  const typeAndEnter = async (table: string, text: string) => {
    await app.page.keyboard.type(text);
    await app.page.keyboard.press('Enter');
    await expect.poll(shownTable).toBe(table);
    await expect.poll(() => editor().count()).toBe(0);
  };
  /** The keys typed landed in the table's first input cell: Enter went one line down from it. */
  const expectTypedIntoFirstInputCell = async (line: number, column: string, text: string) => {
    await ui.expectCellText(line, column, text);
    expect(await focusedCell()).toEqual({ line: line + 1, column });
  };

  beforeAll(async () => {
    app = await startApp();
    ui = new AppPage(app.page);
    await app.seed002('side-focus.sqlite');
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    await ui.selectTable('公开01表');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('types into the first input cell of a table clicked in the side list', async () => {
    await sideItem('公开02表').click();
    await typeAndEnter('公开02表', '12.5');
    await expectTypedIntoFirstInputCell(FIRST_INPUT['公开02表'].line, FIRST_INPUT['公开02表'].column, '12.50');
    await screenshot(app.page, 'side-list-focus-公开02表');
  });

  it('keeps the keys typed right after the click while the grid is built on a slow PC', async () => {
    await onSlowPc(app.page, async () => {
      for (const [table, typed, shown] of [['公开03表', '223', '223.00'], ['公开04表', '3.5', '3.50']] as const) {
        await sideItem(table).click();
        await typeAndEnter(table, typed);
        await expectTypedIntoFirstInputCell(FIRST_INPUT[table].line, FIRST_INPUT[table].column, shown);
      }
    });
  });

  it('goes to the table with Enter on its side item', async () => {
    await sideItem('公开05表').focus();
    await app.page.keyboard.press('Enter');
    await typeAndEnter('公开05表', '5');
    await expectTypedIntoFirstInputCell(FIRST_INPUT['公开05表'].line, FIRST_INPUT['公开05表'].column, '5.00');
  });

  it('goes back to the cell last focused in the table, kept built or built again', async () => {
    await sideItem('公开01表').click();
    // 公开01表 lines 27 and 28 are r28/r29, input cells.
    await ui.cell(27, 's0-c1').click();
    await sideItem('公开02表').click();
    await expect.poll(shownTable).toBe('公开02表');
    await sideItem('公开01表').click();
    await typeAndEnter('公开01表', '7');
    await ui.expectCellText(27, 's0-c1', '7.00');
    // Six other tables shown since: 公开01表's grid is no longer kept and is built again.
    await ui.cell(28, 's0-c1').click();
    for (const table of ['公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表']) {
      await sideItem(table).click();
      await expect.poll(shownTable).toBe(table);
    }
    await sideItem('公开01表').click();
    await typeAndEnter('公开01表', '8');
    await ui.expectCellText(28, 's0-c1', '8.00');
  });

  it('brings the focus back to the side list with F6, and from there Tab and Enter choose a table', async () => {
    expect(await app.page.locator('nav.side-list').getAttribute('title')).toContain('F6 回到报表列表');
    await app.page.keyboard.press('F6');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.querySelector('.side-label')?.textContent)).toBe('公开01表');
    await screenshot(app.page, 'side-list-focus-F6');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Enter');
    await typeAndEnter('公开02表', '2');
    // 公开02表 was left on the line below the 12.5 typed first.
    await ui.expectCellText(FIRST_INPUT['公开02表'].line + 1, FIRST_INPUT['公开02表'].column, '2.00');
  });

  it('puts the focus on the first field of 补充信息, 决算公开 and the 绩效自评 pages', async () => {
    const forms = new FormsPage(app.page);
    const focused = () => app.page.evaluate(() => ({ label: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '', tag: document.activeElement?.tagName }));

    await sideItem('补充信息').click();
    await expect.poll(focused).toEqual({ label: '单位性质', tag: 'SELECT' });
    // Tab goes on from there, into 机关运行经费.
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.type('1.5');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.getByLabel('机关运行经费', { exact: true }).inputValue()).toBe('1.5');

    // Its code (charts) loads when first opened: the focus goes to its first text once it is drawn.
    await sideItem('决算公开').click();
    await expect.poll(focused, { timeout: 15_000 }).toMatchObject({ tag: 'TEXTAREA' });

    await sideItem('部门整体支出绩效自评').click();
    const name = app.page.locator('.form-sheet :is(input, textarea, select)[data-field]').first();
    await expect.poll(() => name.evaluate((field) => field === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.type('荆门市行政审批局');
    await app.page.keyboard.press('Tab');
    await expect.poll(() => name.inputValue()).toBe('荆门市行政审批局');
    await screenshot(app.page, 'side-list-focus-部门整体');

    // The project list: with no project yet its 新增项目 button, then its first project's.
    await sideItem('项目支出绩效自评').click();
    await expect.poll(focused).toMatchObject({ label: '＋ 新增项目' });
    await forms.addProject('P001', '政务服务平台运维');
    await sideItem('项目支出绩效自评').click();
    await expect.poll(focused).toMatchObject({ label: '政务服务平台运维' });
    await app.page.keyboard.press('Enter');
    await app.page.locator('.form-sheet').waitFor();

    // 眉山's 附件1.1: its first field in the order Enter goes through them, the first 自评得分 (not a tick box), takes the typing.
    await app.page.getByLabel('地区表样').selectOption({ label: '四川·眉山' });
    await app.page.getByRole('button', { name: '改用' }).click();
    await app.page.locator('.side-item', { hasText: '附件1.1' }).click();
    const first = app.page.locator('.fw-fields [data-fw-input]').first();
    await expect.poll(() => first.evaluate((field) => field === document.activeElement)).toBe(true);
    await screenshot(app.page, 'side-list-focus-附件1.1');
    await app.page.keyboard.type('19');
    expect(await first.getAttribute('aria-label')).toContain('自评得分');
    expect(await first.inputValue()).toBe('19');
  });
});

/** The first input cell of each table in seed 002 (printed line, layout column id). */
const FIRST_INPUT: Record<string, { line: number; column: string }> = {
  公开02表: { line: 3, column: 's0-c2' },
  公开03表: { line: 3, column: 's0-c2' },
  公开04表: { line: 0, column: 's0-c1' },
  公开05表: { line: 3, column: 's0-c2' },
};

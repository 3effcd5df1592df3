import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { AppPage, CodeRows } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp, type App } from './browser';

const HOLDER = '只读打开:年度文件 held.sqlite 正由决算通打开编辑';

/** Another process (as the CLI or a colleague's 决算通 would) creates `held.sqlite`, edits it and keeps it open. */
async function holdYear(app: App, extra: string): Promise<ChildProcess> {
  const editor = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/edit-and-hang.ts', path.join(app.dataDir, 'held.sqlite'), '1', extra]);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    editor.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('ack 1\n')) resolve();
    });
    editor.on('exit', (code) => reject(new Error(`editor exited early with ${code}`)));
  });
  return editor;
}

/** A control that would change the year: disabled, its title naming the holder. */
async function expectLocked(control: Locator): Promise<void> {
  expect(await control.isDisabled()).toBe(true);
  expect(await control.getAttribute('title')).toContain(HOLDER);
}

/** A year file another program edits opens to be viewed, checked and exported, saying who holds it. */
describe('a year file another program has open for editing', () => {
  let app: App;
  let editor: ChildProcess;
  let ui: AppPage;
  beforeAll(async () => {
    app = await startApp();
    editor = await holdYear(app, 'with-form');
    ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('断电测试单位');
  });
  afterAll(async () => {
    editor?.kill('SIGKILL');
    await app?.stop();
  });

  /** A text field of the year: read-only (its text can still be selected and copied), titled with the holder. */
  const expectReadOnlyText = async (field: Locator) => {
    expect(await field.evaluate((element: HTMLInputElement | HTMLTextAreaElement) => [element.readOnly, element.disabled])).toEqual([true, false]);
    expect(await field.getAttribute('title')).toContain(HOLDER);
  };
  const hint = () => app.page.locator('.grid-host[data-active] .readonly-hint');
  const closeHint = async () => {
    // The pointer leaves the cells first: a cell's tooltip may lie over the line.
    await app.page.mouse.move(0, 0);
    if (await hint().count()) await hint().getByRole('button', { name: '关闭提示' }).click();
    expect(await hint().count()).toBe(0);
  };
  const editors = () => app.page.locator('.amount-editor-input');

  it('opens read-only with the holder named, shows its figures and 审核, and exports', async () => {
    const bar = app.page.locator('.read-only-bar');
    await expect.poll(() => bar.innerText()).toContain(HOLDER);
    expect(await bar.innerText()).toContain(`进程 ${editor.pid}`);
    expect(await app.page.locator('.app-header .read-only-mark').innerText()).toBe('只读');
    expect(await app.page.locator('.app-header').getByRole('button', { name: '导入 ▾' }).isDisabled()).toBe(true);
    await ui.selectTable('公开01表');
    // 公开01表 line 27 is r28, which the other program set to 1.01.
    await ui.expectCellText(27, 's0-c1', '1.01');
    await app.page.getByRole('region', { name: '审核结果' }).locator('.findings-toggle').waitFor();
    await screenshot(app.page, '只读打开-他人正在编辑');
    expect((await app.call('exportWorkbook', { file: 'held.sqlite', draft: true })).ok).toBe(true);
  });

  it('opens no cell editor on typing, F2, double-click or Enter, says why above the grid, and changes nothing', async () => {
    await ui.selectTable('公开01表');
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.type('5');
    await expect.poll(() => hint().innerText()).toContain('只读打开:本年度文件不能修改');
    expect(await editors().count()).toBe(0);
    await ui.expectCellText(27, 's0-c1', '1.01');
    // No refusal came from a save: nothing was sent.
    expect(await app.page.locator('.error-bar').count()).toBe(0);

    await closeHint();
    await ui.cell(27, 's0-c1').click();
    // The grid may still be taking the click's focus (which closes the line) when the key arrives: press until it is said.
    await expect.poll(async () => (await app.page.keyboard.press('F2'), hint().count())).toBe(1);
    await closeHint();
    await app.page.keyboard.press('Enter');
    await ui.cell(27, 's0-c1').dblclick();
    await app.page.keyboard.press('Delete');
    expect(await editors().count()).toBe(0);
    await ui.expectCellText(27, 's0-c1', '1.01');
    await screenshot(app.page, '只读打开-单元格不能修改');
  });

  it('refuses paste, fill-down and block clear in the grid with the same line; copy and navigation keep working', async () => {
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await ui.selectTable('公开01表');
    await closeHint();
    await ui.cell(27, 's0-c1').click();
    await new CodeRows(app.page).paste('7');
    await expect.poll(() => hint().innerText()).toContain('只读打开:本年度文件不能修改');
    await ui.expectCellText(27, 's0-c1', '1.01');

    // Copy: the cell's figure reaches the clipboard.
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.press('Control+C');
    await expect.poll(() => app.page.evaluate(() => navigator.clipboard.readText())).toMatch(/^1\.01\s*$/);

    // Fill-down over r28 and the line below, then Delete over that block: neither changes a cell.
    await closeHint();
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.press('Shift+ArrowDown');
    await app.page.keyboard.press('Control+D');
    await expect.poll(() => hint().count()).toBe(1);
    await closeHint();
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.press('Shift+ArrowDown');
    await app.page.keyboard.press('Delete');
    await expect.poll(() => hint().count()).toBe(1);
    await ui.expectCellText(27, 's0-c1', '1.01');
    // The keyboard still moves the focus.
    await app.page.keyboard.press('ArrowUp');
    expect(await app.page.locator('.grid-host[data-active] .ag-cell-focus').getAttribute('col-id')).toBe('s0-c1');
  });

  it('disables 添加科目, 删除科目行 and undo/redo, and keeps 对比上年数 and find', async () => {
    await ui.selectTable('公开02表');
    const host = app.page.locator('.grid-host[data-active]');
    await expectLocked(host.getByLabel('添加科目', { exact: true }));
    await expectLocked(host.getByRole('button', { name: /删除科目行/ }));
    await expectLocked(app.page.getByRole('group', { name: '撤销和恢复' }).getByRole('button', { name: '撤销' }));
    await expectLocked(app.page.getByRole('group', { name: '撤销和恢复' }).getByRole('button', { name: '恢复' }));
    // 对比上年数 is not among the locked controls (this year has no 上年数, which its own line says).
    expect(await app.page.locator('.table-page:not([inert]) .last-year-toggle button').getAttribute('title')).not.toContain(HOLDER);
    await screenshot(app.page, '只读打开-公开02表');
    // Find still finds and goes to the figure: 公开02表 行政运行 (2010301) 第2栏, which the other program set.
    await app.page.getByLabel('查找', { exact: true }).fill('2010301');
    await app.page.getByRole('listbox', { name: '查找结果' }).getByRole('option').first().click();
    expect(await app.page.locator('.grid-host[data-active] .ag-cell-focus').count()).toBe(1);
  });

  it('shows the 绩效自评 form with read-only fields and its adding, moving and deleting controls disabled', async () => {
    const forms = new FormsPage(app.page);
    await forms.openProjects();
    await expectLocked(app.page.getByRole('button', { name: '＋ 新增项目' }));
    await expectLocked(app.page.getByRole('button', { name: '删除 只读测试项目' }));
    await expectLocked(app.page.getByLabel('地区表样'));
    await forms.openProject('只读测试项目');
    await expectReadOnlyText(forms.cell('第 1 条指标 分值'));
    await expectReadOnlyText(app.page.locator('.form-sheet textarea').first());
    await expectLocked(app.page.locator('.form-sheet').getByRole('button', { name: '＋ 添加指标' }).first());
    await expectLocked(app.page.locator('.form-sheet').getByRole('button', { name: '删除第 1 条指标' }));
    await expectLocked(app.page.locator('.form-sheet select').first());
    // A field cannot take typing, and the keyboard's insert-a-row shortcut changes nothing.
    await forms.cell('第 1 条指标 分值').click();
    await app.page.keyboard.type('9');
    await app.page.keyboard.press('Control+Enter');
    expect(await forms.cell('第 1 条指标 分值').inputValue()).toBe('50');
    expect(await app.page.locator('.form-sheet [aria-label$="条指标 分值"]').count()).toBe(1);
    await expect.poll(() => app.page.locator('.notice-bar').innerText()).toContain('只读打开:本年度文件不能修改');
    await screenshot(app.page, '只读打开-绩效自评');
    // Back to the list still works.
    await forms.backToList();
  });

  it('shows 补充信息 and 决算公开 with read-only fields', async () => {
    await app.page.locator('.side-item', { hasText: '补充信息' }).click();
    const supp = app.page.getByRole('region', { name: '补充信息' });
    await expectReadOnlyText(supp.locator('input').first());
    await expectLocked(supp.locator('select').first());
    await screenshot(app.page, '只读打开-补充信息');

    await app.page.locator('.side-item', { hasText: '决算公开' }).click();
    const doc = app.page.getByRole('region', { name: '决算公开' });
    await doc.locator('textarea').first().waitFor();
    for (const field of await doc.locator('textarea').all()) await expectReadOnlyText(field);
    await screenshot(app.page, '只读打开-决算公开');
  });
});

describe('a held year of the 眉山 region', () => {
  let app: App;
  let editor: ChildProcess;
  beforeAll(async () => {
    app = await startApp();
    editor = await holdYear(app, 'meishan');
  });
  afterAll(async () => {
    editor?.kill('SIGKILL');
    await app?.stop();
  });

  it('shows 附件1.1 with every score, choice and tick box disabled, titled with the holder', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('断电测试单位');
    await app.page.locator('.side-item', { hasText: '附件1.1' }).click();
    const sheet = app.page.locator('.fw-sheet');
    const fields = sheet.locator('fieldset.fw-fields');
    expect(await fields.getAttribute('disabled')).not.toBeNull();
    expect(await fields.getAttribute('title')).toContain(HOLDER);
    const controls = sheet.locator('fieldset.fw-fields').locator('input, select');
    expect(await controls.count()).toBeGreaterThan(0);
    for (const control of await controls.all()) expect(await control.isDisabled()).toBe(true);
    await screenshot(app.page, '只读打开-附件1.1');
  });
});

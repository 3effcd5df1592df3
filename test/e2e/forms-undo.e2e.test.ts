import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

const UNIT = '玉林市测试局';
const PROJECT = '政务服务平台运维项目';
const TITLE = `项目支出绩效自评表《${PROJECT}》`;

describe('绩效自评 forms in the page-wide undo history', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let ui: AppPage;
  let forms: FormsPage;
  const undoLabel = () => app.page.locator('.undo-bar button').first().getAttribute('aria-label');
  const redoLabel = () => app.page.locator('.undo-bar button').nth(1).getAttribute('aria-label');
  const focusedName = () => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
    ui = new AppPage(app.page);
    forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, UNIT);
    await forms.openProjects();
    await forms.chooseRegion('广西·玉林');
    await forms.addProject('450900240000000000001', PROJECT);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('makes each committed field change one named step, undone with Ctrl+Z inside the form', async () => {
    await forms.type('合计 年初预算数', '1,000');
    await expect.poll(undoLabel).toBe(`撤销:${TITLE} 合计 年初预算数 改为 1,000`);
    await forms.addIndicator();
    await expect.poll(undoLabel).toBe(`撤销:${TITLE} 添加第 1 条指标`);
    await forms.typeHere('系统运维项目个数', '≥10项', '40', '12');
    // The whole text typed into one cell is one step, named with what the cell now shows.
    await expect.poll(undoLabel).toBe(`撤销:${TITLE} 第 1 条指标 实际完成值 改为 12`);
    await screenshot(app.page, 'forms-undo-label');

    // The focus is in the next cell: Ctrl+Z undoes the 实际完成值 and puts the focus back there.
    await app.page.keyboard.press('Control+Z');
    await expect.poll(() => forms.cell('第 1 条指标 实际完成值').inputValue()).toBe('');
    await expect.poll(focusedName).toBe('第 1 条指标 实际完成值');
    await expect.poll(undoLabel).toBe(`撤销:${TITLE} 第 1 条指标 分值 改为 40`);
    await expect.poll(redoLabel).toBe(`恢复:${TITLE} 第 1 条指标 实际完成值 改为 12`);
    await app.page.keyboard.press('Control+Y');
    await expect.poll(() => forms.cell('第 1 条指标 实际完成值').inputValue()).toBe('12');

    // Text typed and then undone while the cell still has the focus: Ctrl+Z takes back the typing.
    await forms.cell('年度绩效目标').click();
    await app.page.keyboard.type('保障平台稳定运行');
    await app.page.keyboard.press('Control+Z');
    await expect.poll(() => forms.cell('年度绩效目标').inputValue()).toBe('');
    await expect.poll(redoLabel).toBe(`恢复:${TITLE} 年度绩效目标 改为 保障平台稳定运行`);
    await forms.waitSaved();
  });

  it('puts back what a cell held when a text that is not an amount leaves it, not the amount typed on the way', async () => {
    // “1 000”: its first key alone is a valid amount (1); the whole text is refused, and the cell is as before.
    await forms.type('合计 实际支出数', '1 000');
    await expect.poll(() => app.page.locator('.error-bar').innerText()).toContain('合计 实际支出数:“1 000”不是有效金额(数字中间有空格或制表符),已恢复原值');
    expect(await forms.cell('合计 实际支出数').inputValue()).toBe('');
    await forms.type('合计 年初预算数', '2,5x');
    expect(await forms.cell('合计 年初预算数').inputValue()).toBe('1,000.00');
    // Neither refused text left a step behind.
    await expect.poll(undoLabel).toBe(`撤销:${TITLE} 第 1 条指标 实际完成值 改为 12`);
    await forms.waitSaved();
  });

  it('undoes an indicator row added and brings it back with its entries', async () => {
    // Undo 实际完成值, 分值, 指标值, 三级指标, then the row itself.
    for (let step = 0; step < 4; step++) await app.page.keyboard.press('Control+Z');
    await expect.poll(undoLabel).toBe(`撤销:${TITLE} 添加第 1 条指标`);
    await app.page.keyboard.press('Control+Z');
    await app.page.getByText('还没有指标').waitFor();
    await expect.poll(undoLabel).toBe(`撤销:${TITLE} 合计 年初预算数 改为 1,000`);
    for (let step = 0; step < 5; step++) await app.page.keyboard.press('Control+Y');
    await expect.poll(() => forms.cell('第 1 条指标 实际完成值').inputValue()).toBe('12');
    expect(await forms.cell('第 1 条指标 指标内容').inputValue()).toBe('系统运维项目个数');
    await forms.waitSaved();
  });

  it('opens the form and focuses the field when the step undone is not on screen', async () => {
    await ui.selectTable('公开01表');
    await ui.cell(0, 's0-c1').click();
    await app.page.keyboard.press('Control+Z');
    await app.page.locator('.form-sheet').waitFor();
    await expect.poll(() => forms.cell('第 1 条指标 实际完成值').inputValue()).toBe('');
    await expect.poll(focusedName).toBe('第 1 条指标 实际完成值');
    await screenshot(app.page, 'forms-undo-opened');

    // A table step and a form step in one history: the newest is undone first, each where it was made.
    await ui.selectTable('公开01表');
    await ui.typeInto(27, 's0-c1', '5');
    await ui.waitSaved();
    await expect.poll(undoLabel).toBe('撤销:公开01表 第28行 第1栏 改为 5.00');
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(27, 's0-c1', '');
    await app.page.keyboard.press('Control+Z');
    await app.page.locator('.form-sheet').waitFor();
    await expect.poll(() => forms.cell('第 1 条指标 分值').inputValue()).toBe('');
    await forms.waitSaved();
    // What the history put back is what the year file holds.
    const stored = (await app.call('openYear', { file: `2024-${UNIT}.sqlite` })) as { result: { forms: { indicators?: { weight?: string | null; actual_raw?: string | null }[] }[] } };
    const indicator = stored.result.forms[0].indicators?.[0];
    expect([indicator?.weight ?? null, indicator?.actual_raw ?? null]).toEqual([null, null]);
  });

  it('undoes the department form too', async () => {
    await forms.openDepartment();
    const name = (await app.page.evaluate(() => [...document.querySelectorAll('.form-sheet textarea')].find((cell) => (cell as HTMLTextAreaElement).value === '')?.getAttribute('aria-label')))!;
    const field = forms.cell(name);
    await field.click();
    await app.page.keyboard.type('履行政务服务职能');
    await app.page.keyboard.press('Tab');
    await expect.poll(undoLabel).toBe(`撤销:部门整体支出绩效自评表 ${name} 改为 履行政务服务职能`);
    await app.page.locator('.undo-bar button').first().click();
    await expect.poll(() => field.inputValue()).toBe('');
    await expect.poll(focusedName).toBe(name);

    // A key field takes its text on leaving it: that is one step too.
    const unit = forms.cell('部门名称');
    await unit.click();
    await app.page.keyboard.press('End');
    await app.page.keyboard.type('本级');
    await app.page.keyboard.press('Tab');
    await expect.poll(undoLabel).toBe(`撤销:部门整体支出绩效自评表 部门名称 改为 ${UNIT}本级`);
    await app.page.keyboard.press('Control+Z');
    await expect.poll(() => unit.inputValue()).toBe(UNIT);
    await forms.waitSaved();
    await screenshot(app.page, 'forms-undo-department');
  });

  it('puts a project deleted by two presses of Enter back with Ctrl+Z, with everything it held', async () => {
    await forms.openProjects();
    await forms.addProject('450900240000000000002', '误删的项目');
    await forms.type('合计 年初预算数', '50');
    await forms.addIndicator();
    await forms.typeHere('培训人次', '≥100人次', '40', '120');
    await forms.waitSaved();
    await forms.backToList();
    const row = () => forms.listRow('450900240000000000002');
    const codes = () => app.page.locator('.form-registry-table tbody tr[data-code]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code')));
    const before = await codes();

    // Tab to 删除 and Enter twice (删除, then 确认删除 that takes the focus): the project and its form are gone.
    await row().getByRole('button', { name: '删除 误删的项目' }).focus();
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => row().count()).toBe(0);
    await expect.poll(undoLabel).toBe('撤销:删除项目支出绩效自评表《误删的项目》');
    await forms.waitSaved();

    await app.page.keyboard.press('Control+Z');
    await expect.poll(codes).toEqual(before);
    await forms.waitSaved();
    await app.page.reload();
    await ui.openYear(UNIT);
    await forms.openProjects();
    await forms.openProject('误删的项目');
    expect(await forms.cell('合计 年初预算数').inputValue()).toBe('50.00');
    expect(await forms.cell('第 1 条指标 实际完成值').inputValue()).toBe('120');
    await screenshot(app.page, 'forms-undo-deleted-project');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

/** Rows of a 眉山 指标 table as Excel copies them: 一级/二级 merged over two rows, so the second row's are empty. */
const FROM_EXCEL = ['产出指标\t数量指标\t道路养护里程\t≥\t120\t公里\t126\t２０', '\t\t桥梁检查座数\t≥\t15\t座\t15\t20', '效益指标\t社会效益指标\t道路通行状况\t定性\t良好\t\t良好\t50'].join('\r\n') + '\r\n';

describe('绩效指标 pasted from Excel', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let forms: FormsPage;
  const undoLabel = () => app.page.locator('.undo-bar button').first().getAttribute('aria-label');
  const names = () => app.page.locator('.form-sheet textarea[aria-label$="条指标 三级指标"]').evaluateAll((cells) => cells.map((cell) => (cell as HTMLTextAreaElement).value));
  const paste = async (cell: string, text: string) => {
    await app.page.evaluate((clip) => navigator.clipboard.writeText(clip), text);
    await forms.cell(cell).focus();
    await app.page.keyboard.press('Control+V');
  };

  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
    forms = new FormsPage(app.page);
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '眉山市测试局');
    await forms.openProjects();
    await forms.chooseRegion('四川·眉山');
    await forms.addProject('511400240000000000001', '农村公路养护项目');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('fills the rows and columns from the focused cell, one undo step; a bad cell refuses the whole block', async () => {
    await forms.addIndicator();
    await paste('第 1 条指标 一级指标', FROM_EXCEL);
    await expect.poll(names).toEqual(['道路养护里程', '桥梁检查座数', '道路通行状况']);
    expect(await forms.cell('第 2 条指标 一级指标').inputValue()).toBe('产出指标');
    expect(await forms.cell('第 3 条指标 二级指标').inputValue()).toBe('社会效益指标');
    expect(await forms.cell('第 1 条指标 权重').inputValue()).toBe('20');
    expect(await forms.cell('第 3 条指标 完成值').inputValue()).toBe('良好');
    expect(await app.page.getByLabel('指标权重合计').innerText()).toBe('90');
    // The narrow 指标性质 column shows its choice whole (“定性” beside the select's arrow, not “定忄”).
    const natureFits = await forms.cell('第 3 条指标 指标性质').evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = style.font;
      const arrow = 16;
      return select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow >= context.measureText(select.selectedOptions[0].text).width;
    });
    expect(natureFits).toBe(true);
    await expect.poll(undoLabel).toBe('撤销:项目支出绩效自评表《农村公路养护项目》 粘贴指标(2 条新增)');
    await forms.waitSaved();
    await screenshot(app.page, '绩效自评-粘贴指标');

    // A 权重 typed as a percentage in the workbook: nothing of the block lands, the bar says where.
    await paste('第 2 条指标 三级指标', '桥梁巡查座数\t≥\t15\t座\t15\t20%\r\n');
    await app.page.getByText('粘贴的第 1 行“权重”:“20%”不是有效分值。请改正后再粘贴').waitFor();
    expect(await names()).toEqual(['道路养护里程', '桥梁检查座数', '道路通行状况']);

    await app.page.keyboard.press('Control+Z');
    await expect.poll(names).toEqual(['']);
    await forms.waitSaved();
  });

  it('pastes onto a 一级指标 cell whose list is open, and the list is chosen from by keyboard', async () => {
    // Chromium's native list was a window of its own taking every key, Ctrl+V included (the paste did
    // nothing). Playwright's keys go to the page past such a window, so what is checked is that the
    // list is the page's own and the focus stays on the cell while it is open.
    const level1 = forms.cell('第 1 条指标 一级指标');
    const list = app.page.getByRole('listbox', { name: '第 1 条指标 一级指标 可选项' });
    await level1.click();
    await list.waitFor();
    expect(await level1.evaluate((select) => select === document.activeElement)).toBe(true);
    await app.page.evaluate((clip) => navigator.clipboard.writeText(clip), FROM_EXCEL);
    await app.page.keyboard.press('Control+V');
    await expect.poll(names).toEqual(['道路养护里程', '桥梁检查座数', '道路通行状况']);
    expect(await list.count()).toBe(0);
    await screenshot(app.page, '绩效自评-一级指标列表中粘贴');

    // F4 opens it, ↓ moves, Enter chooses and stays on the cell; Esc closes without choosing.
    await level1.focus();
    await app.page.keyboard.press('F4');
    await list.waitFor();
    await app.page.keyboard.press('ArrowDown');
    await screenshot(app.page, '绩效自评-一级指标列表');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => level1.inputValue()).toBe('效益指标');
    expect(await list.count()).toBe(0);
    await app.page.keyboard.press('Space');
    await list.waitFor();
    await app.page.keyboard.press('ArrowUp');
    await app.page.keyboard.press('Escape');
    expect(await list.count()).toBe(0);
    expect(await level1.inputValue()).toBe('效益指标');
    await forms.waitSaved();
  });
});

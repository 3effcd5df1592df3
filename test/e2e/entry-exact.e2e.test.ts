import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, CodeRows } from './pages/app-page';
import { screenshot, startApp, type App } from './browser';

/** Every keystroke lands as typed: type-to-edit, input methods, refusals, read-only cells, paste. */
describe('entry in the grid', () => {
  let app: App;
  let ui: AppPage;
  const editor = () => app.page.locator('.amount-editor-input');

  beforeAll(async () => {
    app = await startApp();
    ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '录入单位');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('starts the editor with everything typed: full-width digits, ，and ．', async () => {
    await ui.selectTable('公开01表');
    // 公开01表 line 27 is r28 使用非财政拨款结余, an input cell.
    await ui.typeInto(27, 's0-c1', '１２３４.５');
    await ui.expectCellText(27, 's0-c1', '1,234.50');
    await ui.typeInto(28, 's0-c1', '１，２３４．５６');
    await ui.expectCellText(28, 's0-c1', '1,234.56');
    // Plain digits typed fast, Enter included, before the editor can have mounted.
    await ui.cell(27, 's1-c2').click();
    await app.page.keyboard.type('98765.4321');
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(27, 's1-c2', '98,765.43');
    await ui.waitSaved();
  });

  it('takes an input method’s composition into the editor', async () => {
    const cdp = await app.page.context().newCDPSession(app.page);
    await ui.cell(28, 's1-c2').click();
    // What an IME does: a composition shown while typing, then the committed text.
    await cdp.send('Input.imeSetComposition', { text: '７', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: '７８', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '７８' });
    await expect.poll(() => editor().inputValue()).toBe('７８');
    await cdp.send('Input.insertText', { text: '．５' });
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(28, 's1-c2', '78.50');
    await cdp.detach();
  });

  it('keeps the editor open with the text and the reason when the value is refused', async () => {
    for (const [text, reason] of [
      ['abc', '不是有效金额'],
      ['1e300', '不是有效金额'],
      ['1.23456', '精度过高'],
    ]) {
      await ui.cell(27, 's0-c1').click();
      await app.page.keyboard.type(text);
      await app.page.keyboard.press('Enter');
      await expect.poll(() => editor().inputValue()).toBe(text);
      expect(await app.page.getByRole('alert').innerText()).toContain(reason);
      if (text === 'abc') await screenshot(app.page, '录入-拒绝时保留编辑框');
      await app.page.keyboard.press('Escape');
      await expect.poll(() => editor().count()).toBe(0);
    }
    // Nothing was saved: the cell still holds what it held.
    await ui.expectCellText(27, 's0-c1', '1,234.50');
    // Corrected in place, it is saved.
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.type('12x');
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.press('Backspace');
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(27, 's0-c1', '12.00');
  });

  it('keeps a refused value, focused and unsaved, whichever way the clerk tries to leave it', async () => {
    const alert = app.page.locator('.amount-editor-problem');
    const held = async (text: string) => {
      await expect.poll(() => editor().inputValue()).toBe(text);
      expect(await alert.innerText()).toContain('不是有效金额');
      // Focus taken by a shortcut comes back a moment later (after the other field took it).
      await expect.poll(() => app.page.evaluate(() => document.activeElement?.classList.contains('amount-editor-input'))).toBe(true);
    };
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.type('abc');
    // Another cell, another table in the side list, the 审核 panel, a toolbar button.
    await ui.cell(28, 's0-c1').click();
    await held('abc');
    await app.page.locator('.side-item', { has: app.page.locator('.side-label', { hasText: /^公开02表$/ }) }).click();
    await held('abc');
    expect(await app.page.locator('.table-page:not([inert]) .table-label').innerText()).toContain('公开01表');
    await app.page.locator('.findings-toggle').click();
    await held('abc');
    await app.page.locator('.undo-bar button').first().click({ force: true });
    await held('abc');
    await screenshot(app.page, '录入-点击别处时保留被拒绝的值');
    // Keys that would leave it, and a shortcut that takes the focus elsewhere.
    for (const key of ['Tab', 'Shift+Tab', 'Enter', 'ArrowDown', 'ArrowUp', 'Control+F']) {
      await app.page.keyboard.press(key);
      await held('abc');
    }
    // Over the limit and too precise are held the same way.
    for (const [text, reason] of [['1e300', '不是有效金额'], ['123456789012', '超过'], ['1.23456', '精度过高']] as const) {
      await app.page.keyboard.press('Control+A');
      await app.page.keyboard.type(text);
      await ui.cell(5, 's1-c2').click();
      await expect.poll(() => editor().inputValue()).toBe(text);
      expect(await alert.innerText()).toContain(reason);
    }
    // Esc gives up; nothing was stored, and clicks work again.
    await app.page.keyboard.press('Escape');
    await expect.poll(() => editor().count()).toBe(0);
    await ui.expectCellText(27, 's0-c1', '12.00');
    await ui.selectTable('公开02表');
    await ui.selectTable('公开01表');
    // A valid value is stored when the clerk clicks away.
    await ui.cell(27, 's0-c1').click();
    await app.page.keyboard.type('34');
    await ui.cell(28, 's0-c1').click();
    await ui.expectCellText(27, 's0-c1', '34.00');
  });

  it('reads a dash typed alone as 0, as it reads a pasted one (Excel’s accounting zero)', async () => {
    for (const text of ['-', ' - ', '—', '－']) {
      await ui.typeInto(27, 's0-c1', '5');
      await ui.expectCellText(27, 's0-c1', '5.00');
      await ui.typeInto(27, 's0-c1', text);
      await ui.expectCellText(27, 's0-c1', '0.00');
      expect(await editor().count()).toBe(0);
    }
    await ui.waitSaved();
  });

  it('says why a computed or linked cell takes no typing, and jumps to the source', async () => {
    const legend = app.page.locator('.grid-host[data-active]').getByLabel('单元格颜色说明');
    expect(await legend.innerText()).toMatch(/白底:录入[\s\S]*灰底:计算[\s\S]*绿底:取自其他表/);
    // Line 30 is r31 总计 (computed), line 0 is r1 ← 公开04表 第1行 (linked).
    await ui.cell(30, 's0-c1').click();
    await app.page.keyboard.type('5');
    const hint = app.page.locator('.readonly-hint');
    await expect.poll(() => hint.innerText()).toContain('本格为计算单元格:= 第27至29行之和');
    await ui.cell(0, 's0-c1').click();
    await expect.poll(() => hint.count()).toBe(0);
    await app.page.keyboard.type('5');
    await expect.poll(() => hint.innerText()).toContain('本格取自 公开04表 第1行 第1栏,请在该表录入');
    expect(await editor().count()).toBe(0);
    await screenshot(app.page, '录入-链接单元格说明');
    await hint.getByRole('button', { name: '转到 公开04表 第1行 第1栏' }).click();
    await app.page.locator('.table-page:not([inert]) .table-label', { hasText: '公开04表' }).waitFor();
    await expect.poll(() => app.page.locator('.grid-host[data-active] .ag-cell-focus').getAttribute('col-id')).toBe('s0-c1');
    expect(await app.page.locator('.grid-host[data-active] .ag-cell-focus').locator('xpath=ancestor::*[@row-id][1]').getAttribute('row-id')).toBe('L0');
    // No developer notation in the tooltip's words either.
    expect(await app.page.locator('body').innerText()).not.toMatch(/T0\d\[|SUM\(|Σ/);
  });

  it('pastes accounting zeros as 0, refuses only the bad cell with where and why, and counts only value cells as skipped', async () => {
    await ui.typeInto(0, 's0-c1', '5');
    await ui.expectCellText(0, 's0-c1', '5.00');
    await ui.cell(0, 's0-label').click();
    // A block copied from Excel with labels, 行次 and the computed 合计 column alongside.
    const rows = [
      ['一、一般公共预算财政拨款', '1', ' - ', '一、一般公共服务支出', '33', '7'],
      ['二、政府性基金预算财政拨款', '2', '—', '二、外交支出', '34', ''],
      ['三、国有资本经营预算财政拨款', '3', 'abc', '三、国防支出', '35', '0.00 '],
    ];
    await new CodeRows(app.page).paste(rows.map((row) => row.join('\t')).join('\r\n'));
    const notice = app.page.locator('.notice-bar');
    await expect.poll(() => notice.innerText()).toContain('已粘贴 2 个单元格');
    const text = await notice.innerText();
    expect(text).toContain('跳过计算或链接单元格 2 个');
    expect(text).toContain('第3行 第1栏:“abc”不是有效金额');
    await ui.expectCellText(0, 's0-c1', '0.00');
    await screenshot(app.page, '录入-粘贴报告');
    // The paste is one undo step.
    await ui.cell(5, 's0-c1').click();
    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(0, 's0-c1', '5.00');
  });

  it('styles a row added with 添加科目 by its level', async () => {
    await ui.selectTable('公开02表');
    const codes = new CodeRows(app.page);
    await codes.add('2010301', '2010301');
    const level = (code: string) =>
      app.page.locator('.grid-host[data-active] .ag-row', { has: app.page.locator(`[col-id$="code"]`, { hasText: new RegExp(`^${code}$`) }) }).first().getAttribute('class');
    await expect.poll(() => level('2010301')).toContain('row-level-3');
    await codes.add('2080501', '2080501');
    await expect.poll(() => level('2010301')).toContain('row-level-3');
    await expect.poll(() => level('20103')).toContain('row-level-2');
    await expect.poll(() => level('208')).toContain('row-level-1');
    expect(await level('2080501')).toContain('row-level-3');
    await screenshot(app.page, '录入-添加科目层级');
  });
});

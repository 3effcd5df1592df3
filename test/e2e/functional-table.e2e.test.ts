import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, CodeRows } from './pages/app-page';
import { screenshot, startApp } from './browser';

/** 公开02表: 合计 is line 0, then 类 / 款 / 项 rows in code order; columns s0-c1 … s0-c7. */
describe('公开02表: code rows, paste from Excel, undo', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('adds a code by name with autocomplete, pastes a block with codes, undoes and redoes', async () => {
    const ui = new AppPage(app.page);
    const codes = new CodeRows(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2023, '荆门市行政审批局(本级)');
    await ui.selectTable('公开02表');

    await codes.add('行政运行', '2010301 行政运行');
    // 合计, 201, 20103, 2010301
    await ui.expectCellText(3, 's0-code', '2010301');
    await ui.expectCellText(1, 's0-name', '一般公共服务支出');
    await ui.typeInto(3, 's0-c2', '19.1');
    await ui.expectCellText(0, 's0-c1', '19.10');

    // A block copied from Excel: code, name, then c1 (computed: skipped) and c2.
    await ui.cell(3, 's0-code').click();
    await codes.paste('2010302\t一般行政管理事务\t2880.75\t2,880.75\n2050802\t干部教育\t10.0\t10.0\n');
    await app.page.getByRole('status').getByText('新增科目行 2 个').waitFor();
    await ui.expectCellText(0, 's0-c1', '2,909.85');
    // 合计, 201, 20103, 2010301, 2010302, 205, 20508, 2050802
    await ui.expectCellText(5, 's0-code', '205');
    await ui.expectCellText(7, 's0-c2', '10.00');
    await ui.waitSaved();
    await screenshot(app.page, '公开02表');

    await app.page.keyboard.press('Control+Z');
    await ui.expectCellText(0, 's0-c1', '19.10');
    await expect.poll(() => app.page.locator('.grid-host[data-active] [row-id="L5"]').count()).toBe(0);
    await app.page.keyboard.press('Control+Y');
    await ui.expectCellText(0, 's0-c1', '2,909.85');

    // Delete clears an input cell; the totals follow.
    await ui.cell(3, 's0-c2').click();
    await app.page.keyboard.press('Delete');
    await ui.expectCellText(0, 's0-c1', '2,890.75');
    await ui.waitSaved();

    await app.page.reload();
    await ui.openYear('荆门市行政审批局(本级)');
    await ui.selectTable('公开02表');
    await ui.expectCellText(0, 's0-c1', '2,890.75');
    await ui.expectCellText(4, 's0-name', '一般行政管理事务');
  });

  it('a pasted code the catalog lacks becomes a user-defined code under the name pasted beside it; a mistyped code is refused', async () => {
    const ui = new AppPage(app.page);
    const codes = new CodeRows(app.page);
    const status = app.page.locator('.notice-bar');
    await ui.cell(3, 's0-code').click();
    // 2010396 carries 2010306's name: a mistyped code, nothing is pasted.
    await codes.paste('2010396\t政务公开审批\t\t5\n');
    await expect.poll(() => status.innerText()).toContain('科目表中没有 2010396;粘贴的名称“政务公开审批”是科目 2010306 的名称,多半是代码有误');
    // Without a name it cannot be named.
    await codes.paste('2179901\t\t7\n');
    await expect.poll(() => status.innerText()).toContain('科目表中没有 2179901,粘贴的内容中也没有它的科目名称');
    await codes.paste('2179901\t其他金融支出\t\t7\n');
    await expect.poll(() => status.innerText()).toContain('新增科目行 1 个');
    const row = app.page.locator('.grid-host[data-active] .ag-row', { has: app.page.locator('[col-id="s0-code"]', { hasText: /^2179901$/ }) }).first();
    await expect.poll(() => row.locator('[col-id="s0-name"]').innerText()).toContain('其他金融支出');
    await expect.poll(() => row.locator('[col-id="s0-c2"]').innerText()).toBe('7.00');
    await screenshot(app.page, '公开02表-粘贴自定义科目');
    await ui.waitSaved();
    await app.page.reload();
    await ui.openYear('荆门市行政审批局(本级)');
    await ui.selectTable('公开02表');
    await expect.poll(() => row.locator('[col-id="s0-name"]').innerText()).toContain('其他金融支出');
  });
});

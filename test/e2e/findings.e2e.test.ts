import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('审核 findings in the app', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    await app.seed002('jm.sqlite');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refreshes as the clerk types, lands on the cell when clicked, and keeps a 出错说明', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    const panel = app.page.getByRole('region', { name: '审核结果' });
    await expect.poll(() => panel.locator('.finding.error').count()).toBe(0);

    // Break the balance: 公开01表 r59 结余分配 = 5 makes 支出总计 exceed 收入总计 (R-B03).
    await ui.selectTable('公开01表');
    await ui.typeInto(27, 's1-c2', '5');
    const error = panel.locator('.finding.error[data-rule="R-B03"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('相差 5.0');
    await expect.poll(() => app.page.locator('.side-item', { hasText: '公开01表' }).locator('.badge.error').count()).toBe(1);
    expect(await ui.cell(30, 's0-c1').getAttribute('class')).toContain('finding-error');

    // From another table, a click on the finding opens 公开01表 with the cell focused.
    await ui.selectTable('公开06表');
    await error.locator('.finding-open').click();
    await app.page.locator('.table-page:not([inert]) .table-label', { hasText: '公开01表' }).waitFor();
    await expect.poll(() => app.page.locator('.grid-host[data-active] .ag-cell-focus').getAttribute('col-id')).toBe('s0-c1');
    expect(await app.page.locator('.grid-host[data-active] .ag-cell-focus').locator('xpath=ancestor::*[@row-id][1]').getAttribute('row-id')).toBe('L30');
    await screenshot(app.page, '审核-定位');

    // A warning takes an explanation that survives a reload; the error cannot.
    const warning = panel.locator('.finding.warning').first();
    const rule = await warning.getAttribute('data-rule');
    await warning.getByRole('textbox').fill('尾数误差,系单位换算所致');
    await warning.getByRole('textbox').press('Enter');
    await ui.waitSaved();
    expect(await error.getByRole('textbox').count()).toBe(0);
    await ui.cell(27, 's1-c2').click();
    await app.page.keyboard.press('Delete');
    await expect.poll(() => panel.locator('.finding.error').count()).toBe(0);
    await app.page.reload();
    await ui.openYear('荆门市行政审批局(本级)');
    await expect.poll(() => panel.locator(`.finding.warning[data-rule="${rule}"] input`).first().inputValue()).toBe('尾数误差,系单位换算所致');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('公开01表 in the browser mode', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('edits r28 and r29, updates r31, and keeps the values across a reload', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2023, '荆门市行政审批局(本级)');
    await ui.selectTable('公开01表');

    // Printed line k holds 收入 行次 k+1 on the left (column s0-c1) and 支出 行次 k+32 on the right.
    await ui.typeInto(27, 's0-c1', '1,234.5');
    await ui.typeInto(28, 's0-c1', '(0.25)');
    await ui.expectCellText(30, 's0-c1', '1,234.25');
    await ui.typeInto(27, 's1-c2', '1234.25');
    await ui.expectCellText(30, 's1-c2', '1,234.25');
    await ui.waitSaved();
    await screenshot(app.page, '公开01表');

    // Computed cells refuse the keyboard: typing on r31 changes nothing.
    await ui.cell(30, 's0-c1').click();
    await app.page.keyboard.type('9');
    await app.page.keyboard.press('Enter');
    await ui.expectCellText(30, 's0-c1', '1,234.25');

    await app.page.reload();
    await ui.openYear('荆门市行政审批局(本级)');
    await ui.selectTable('公开01表');
    await ui.expectCellText(27, 's0-c1', '1,234.50');
    await ui.expectCellText(28, 's0-c1', '-0.25');
    await ui.expectCellText(30, 's0-c1', '1,234.25');
    expect(await ui.cell(30, 's0-c1').getAttribute('class')).toContain('cell-computed');
  });
});

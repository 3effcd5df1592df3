import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/rules';
import { AppPage } from './pages/app-page';
import { screenshot, startApp, type App } from './browser';

describe('审核 panel after an edit that changes other tables', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** The core's own 审核 of the file, as `validate` and the export gate see it. */
  const coreRules = async (file: string) => {
    const answer = (await app.call('validate', { file })) as { result: { findings: Finding[] } };
    return answer.result.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule).sort();
  };

  it('shows what the core finds: 公开04表 r1 = 100 raises R-B03/R-X01/R-X02, clearing it leaves none behind', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '新建单位');
    const file = '2024-新建单位.sqlite';
    const panel = app.page.getByRole('region', { name: '审核结果' });
    const panelRules = () => panel.locator('.finding.error').evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')).sort());
    const errorCount = () => panel.locator('.findings-toggle .count').first().innerText();
    expect(await coreRules(file)).toEqual([]);
    await expect.poll(errorCount).toBe('错误 0');

    await ui.selectTable('公开04表');
    await ui.typeInto(0, 's0-c1', '100');
    await ui.waitSaved();
    const expected = await coreRules(file);
    expect(expected).toEqual(expect.arrayContaining(['R-B03', 'R-X01', 'R-X02']));
    await expect.poll(panelRules).toEqual(expected);
    await expect.poll(errorCount).toBe(`错误 ${expected.length}`);
    // The side list counts the errors of the table they are in, though only 公开04表 was edited.
    await expect.poll(() => app.page.locator('.side-item', { hasText: '公开01表' }).locator('.badge.error').count()).toBe(1);
    await screenshot(app.page, '审核-公开04表录入后');

    // 公开01表 shows the linked 100.00 and marks the unbalanced total.
    await ui.selectTable('公开01表');
    await ui.expectCellText(0, 's0-c1', '100.00');
    const marked = await app.page.locator('.grid-host[data-active] .finding-error').count();
    expect(marked).toBeGreaterThan(0);

    await ui.selectTable('公开04表');
    await ui.cell(0, 's0-c1').click();
    await app.page.keyboard.press('Delete');
    await ui.waitSaved();
    expect(await coreRules(file)).toEqual([]);
    await expect.poll(errorCount).toBe('错误 0');
    await expect.poll(() => panel.locator('.finding').count()).toBe(0);
    await expect.poll(() => app.page.locator('.side-item .badge.error').count()).toBe(0);
    await screenshot(app.page, '审核-清空后无残留');
  });
});

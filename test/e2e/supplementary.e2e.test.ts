import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('补充信息 feeds the checks that need it', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    await app.seed002('jm.sqlite');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('runs R-X19 and R-X23 once their figures are entered, and keeps them', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    const panel = app.page.getByRole('region', { name: '审核结果' });
    expect(await panel.locator('.finding[data-rule="R-X19"]').count()).toBe(0);

    await app.page.locator('.side-item', { hasText: '补充信息' }).click();
    const page = app.page.getByRole('region', { name: '补充信息' });
    // Seed 002: 机关运行经费 100.20 = 公开06表 公用经费合计; typed as 99 it disagrees (R-X19).
    await page.getByLabel('机关运行经费', { exact: true }).fill('99');
    await page.getByLabel('机关运行经费', { exact: true }).press('Enter');
    await panel.locator('.finding[data-rule="R-X19"]').waitFor();
    // Seed 002's 政府采购: 5.59 + 0 + 125.55 = 131.14 against a total of 131.15 (SPEC R-X23 ≈).
    for (const [label, value] of [['政府采购支出总额', '131.15'], ['货物', '5.59'], ['工程', '0'], ['服务', '125.55']]) {
      await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByLabel(label, { exact: true }).press('Tab');
    }
    // Each field saves as it is left, so the finding passes through partial sums before settling.
    const procurement = panel.locator('.finding[data-rule="R-X23"]');
    await expect.poll(() => procurement.innerText()).toContain('相差 0.01(尾数误差)');
    await screenshot(app.page, '补充信息');

    await app.page.reload();
    await ui.openYear('荆门市行政审批局(本级)');
    await panel.locator('.finding[data-rule="R-X19"]').waitFor();
    await app.page.locator('.side-item', { hasText: '补充信息' }).click();
    expect(await page.getByLabel('服务', { exact: true }).inputValue()).toBe('125.55');
  });
});

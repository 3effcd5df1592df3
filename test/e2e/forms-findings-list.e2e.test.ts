import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { startApp } from './browser';

describe('绩效自评 findings in the 审核 panel while a clerk types', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await app?.stop();
  });

  let forms: FormsPage;

  it('lists each FV-05 once and drops the ones the typing settled (no stale “填的是 0” rows)', async () => {
    const ui = new AppPage(app.page);
    forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '测试局');
    await forms.openProjects();
    await forms.chooseRegion('预算管理一体化平台');
    await forms.addProject('P001', '一体化项目');
    await forms.addIndicator();
    await forms.type('第 1 条指标 三级指标', '办件数量');
    await forms.type('第 1 条指标 分值', '40');
    await forms.type('第 1 条指标 分值', '50');
    const messages = () => forms.findings('FV-05').evaluateAll((rows) => rows.map((row) => row.querySelector('.finding-message')?.textContent ?? row.textContent));
    await expect.poll(async () => (await messages()).length).toBe(3);
    const shown = (await messages()).join('\n');
    expect(shown).toContain('绩效指标:权重合计应为 90,填的是 50');
    expect(shown).toContain('一级指标“效益指标”:权重合计应为 30,填的是 0');
    expect(shown).toContain('一级指标“满意度指标”:权重合计应为 10,填的是 0');
    expect(shown).not.toContain('产出指标');
  });

  it('自评得分一览 lists the forms of the year as its Excel does: not the department form nobody has filled', async () => {
    // Looked at, not filled: the page shows a prefilled department form that is not yet part of the year.
    await forms.openDepartment();
    const side = app.page.locator('.side-item', { hasText: '自评得分一览' });
    await expect.poll(() => side.innerText()).toContain('1 张表');
    await side.click();
    const table = app.page.locator('.form-scores-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody td[data-col="name"]').allInnerTexts()).toEqual(['一体化项目']);
    await app.page.getByText('共 1 张自评表').waitFor();
  });
});

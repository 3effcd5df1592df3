import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp, type App } from './browser';

/** 部门整体支出绩效自评 carries a department form's title and fields in every region, prefilled from the year's tables. */
describe('部门整体支出绩效自评 per region', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    await app.seed002('a-national.sqlite');
    await app.seed002('b-dth.sqlite', 'DTH');
  });
  afterAll(async () => {
    await app?.stop();
  });

  const title = () => app.page.locator('.form-sheet .form-title').first().innerText();

  it('is a department form under 全国通用, 眉山 and 荆门, with 实际支出 from the annex tables', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button').first().click();
    await app.page.locator('.app-header').waitFor();
    await forms.openDepartment();
    expect(await title()).toBe('部门整体支出绩效自评表(2023年度)');
    const sheet = app.page.locator('.form-sheet');
    expect(await sheet.innerText()).toContain('部门(单位)名称');
    expect(await sheet.innerText()).not.toMatch(/项目名称|项目资金/);
    // Seed 002: 公开03表 本年支出合计 3383.80, all of it 一般公共预算 (公开05表).
    await expect.poll(() => forms.cell('合计 实际支出数').inputValue()).toBe('3,383.80');
    expect(await forms.cell('其中:一般公共预算财政拨款 实际支出数').inputValue()).toBe('3,383.80');
    await screenshot(app.page, '部门整体-全国通用');
    for (const region of ['四川·眉山', '湖北·荆门']) {
      await forms.chooseRegion(region);
      await expect.poll(title).toBe('部门整体支出绩效自评表(2023年度)');
    }
    await screenshot(app.page, '部门整体-荆门');
  });

  it('fills 大通湖’s 基础数据表 from the tables', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button').nth(1).click();
    await app.page.locator('.app-header').waitFor();
    // Switched to 大通湖 while the form is still untouched: its 基础数据表 is filled as it appears.
    await forms.openDepartment();
    await forms.chooseRegion('湖南·大通湖');
    await expect.poll(title).toContain('部门整体支出绩效自评表');
    await expect.poll(() => forms.cell('预算完成情况 2023年决算总额').inputValue()).toBe('3383.80');
    // 公开09表 of seed 002: 预算数合计 (第1栏) and 决算数合计 (第7栏) both 8.29.
    expect(await forms.cell('“三公经费”控制情况 “三公经费”预算数').inputValue()).toBe('8.29');
    expect(await forms.cell('“三公经费”控制情况 “三公经费”实际支出').inputValue()).toBe('8.29');
    expect(await forms.cell('项目支出安排情况 实际项目支出总额').inputValue()).not.toBe('');
    await app.page.locator('.form-sheet', { hasText: '基础数据' }).first().scrollIntoViewIfNeeded();
    await screenshot(app.page, '部门整体-大通湖基础数据');
  });

  it('lands on the offending indicator row when a form finding is clicked', async () => {
    const indicator = (level1: string, level2: string, weight: string) => ({ horizon: 'ANNUAL', level1, level2, name: `${level1}一项`, target_raw: '1', actual_raw: '1', weight, score: weight });
    const form = {
      variant: 'GENERIC',
      subject_type: 'project',
      subject_name: '权重测试项目',
      subject_code: 'XM0001',
      funding: [{ key: 'TOTAL', budget_adjusted: '10', actual: '10', weight: '10' }],
      indicators: [indicator('产出指标', '数量指标', '50'), indicator('效益指标', '社会效益指标', '30'), indicator('满意度指标', '服务对象满意度指标', '5')],
    };
    const saved = await app.call('saveForm', { file: 'a-national.sqlite', form });
    expect(saved.error?.message ?? '').toBe('');
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button').first().click();
    await app.page.locator('.app-header').waitFor();
    const finding = new FormsPage(app.page).findings('FV-05').filter({ hasText: '一级指标“满意度指标”:权重合计应为' });
    expect(await finding.innerText()).toMatch(/^错误\s*权重测试项目:/);
    await finding.locator('.finding-open').click();
    // The third indicator's 分值, not the first row of the list.
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('indicators[2].weight');
    await screenshot(app.page, '绩效自评-FV05定位');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YL_D_SEED004, YL_P_SEED004 } from '../fixtures/forms/yl-seed004';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

describe('绩效自评 typed by a clerk', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    // A step that cannot happen fails with its own message, well before the test's time is up.
    app.page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('scores a new project form live and keeps every entry across a reload', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '玉林市测试局');
    await forms.openProjects();
    await forms.chooseRegion('广西·玉林');
    await forms.addProject('450900240000000000001', '政务服务平台运维项目');

    // 调整后预算数 follows 年初 + 调整 (FV-01); 执行率 and 预算执行得分 follow the keyboard.
    await forms.type('合计 年初预算数', '1,000');
    await forms.type('合计 年中预算调整数', '-20');
    await expect.poll(() => forms.cell('合计 调整后预算数').inputValue()).toBe('980.00');
    await forms.type('合计 实际支出数', '356.72');
    await forms.expectResult('执行率', '36.40%');
    await forms.expectResult('预算执行得分', '3.64');
    expect(await forms.cell('合计 预算执行率(%)').innerText()).toBe('36.40%');
    await forms.type('年度绩效目标', '保障政务服务平台全年稳定运行。');

    // Three indicators: a met target scores its weight, a missed one a share of it, a typed score wins.
    await forms.addIndicator();
    await forms.typeHere('系统运维项目个数', '≥10项', '40', '12');
    expect(await forms.cell('第 1 条指标 实际完成值').inputValue()).toBe('12');
    await expect.poll(() => app.page.getByLabel('第 1 条指标完成情况').innerText()).toBe('达成');
    expect(await forms.cell('第 1 条指标 指标得分').getAttribute('placeholder')).toBe('40');
    await forms.cell('第 1 条指标 指标内容').press('Control+Enter');
    await forms.cell('第 2 条指标 二级指标').selectOption('质量指标');
    await forms.cell('第 2 条指标 指标内容').click();
    await forms.typeHere('项目验收合格率', '=100%', '40', '90');
    await expect.poll(() => app.page.getByLabel('第 2 条指标完成情况').innerText()).toBe('未达成');
    expect(await forms.cell('第 2 条指标 指标得分').getAttribute('placeholder')).toBe('36');
    // Weights short of 90 are an error in the 审核 panel while they are typed (FV-05).
    await forms.findings('FV-05').waitFor();
    await forms.expectResult('自评得分', '79.64');

    await forms.addIndicator();
    await forms.cell('第 3 条指标 一级指标').selectOption('满意度指标');
    expect(await forms.cell('第 3 条指标 二级指标').inputValue()).toBe('服务对象满意度指标');
    await forms.cell('第 3 条指标 指标内容').click();
    await forms.typeHere('群众满意度', '≥90%', '10', '95', '8');
    await forms.expectResult('指标得分', '84');
    await forms.expectResult('自评得分', '87.64');
    await forms.expectResult('等级', '二等');
    await expect.poll(() => forms.findings('FV-05').count()).toBe(0);
    expect(await app.page.getByLabel('指标权重合计').innerText()).toBe('90');
    await forms.waitSaved();
    await screenshot(app.page, '绩效自评-项目表-指标');
    await app.page.locator('.form-page').evaluate((element) => element.scrollTo(0, 0));
    await screenshot(app.page, '绩效自评-项目表');

    await forms.backToList();
    const row = forms.listRow('450900240000000000001');
    expect(await row.locator('[data-col="total"]').innerText()).toBe('87.64');
    expect(await row.locator('[data-col="grade"]').innerText()).toBe('二等');
    expect(await app.page.getByLabel('项目执行数合计').innerText()).toBe('356.72');
    await screenshot(app.page, '绩效自评-项目列表');

    // Everything acknowledged is in the year file: a reload finds it as typed.
    await app.page.reload();
    await ui.openYear('玉林市测试局');
    await forms.openProjects();
    expect(await forms.listRow('450900240000000000001').locator('[data-col="total"]').innerText()).toBe('87.64');
    await forms.openProject('政务服务平台运维项目');
    expect(await forms.cell('合计 年初预算数').inputValue()).toBe('1,000.00');
    expect(await forms.cell('合计 调整后预算数').inputValue()).toBe('980.00');
    expect(await forms.cell('第 2 条指标 指标内容').inputValue()).toBe('项目验收合格率');
    expect(await forms.cell('第 3 条指标 指标得分').inputValue()).toBe('8');
    expect(await forms.cell('年度绩效目标').inputValue()).toBe('保障政务服务平台全年稳定运行。');
    await forms.expectResult('自评得分', '87.64');

    // The department form in 玉林's department layout, stored on its first entry.
    await forms.openDepartment();
    await expect.poll(() => app.page.locator('.form-title').innerText()).toBe('2024年度部门整体绩效自评表');
    await forms.type('部门职能概述(逐条填写,每条控制在150字以内。) 第 1 条', '负责全市政务服务的管理、指导、协调和监督。');
    await forms.waitSaved();
    expect(await app.page.locator('.side-item', { hasText: '部门整体支出绩效自评' }).innerText()).toContain('已填写');
    await screenshot(app.page, '绩效自评-部门整体');
  }, 90_000);

  it('re-lays the forms out when the region changes, and deletes a project after confirmation', async () => {
    const forms = new FormsPage(app.page);
    await forms.openProjects();
    await forms.chooseRegion('四川·眉山');
    // Forms exist, so the switch is confirmed first; nothing typed is lost, the scores follow 眉山's rules.
    await app.page.getByRole('button', { name: '改用' }).click();
    await forms.waitSaved();
    const row = forms.listRow('450900240000000000001');
    await expect.poll(() => row.locator('[data-col="total"]').innerText()).toBe('87.6');
    expect(await row.locator('[data-col="grade"]').innerText()).toBe('良');
    await forms.openProject('政务服务平台运维项目');
    await expect.poll(() => app.page.locator('.form-title').innerText()).toBe('部门预算项目支出绩效自评表(2024年度)');
    await forms.expectResult('预算执行得分', '3.6');
    expect(await forms.cell('第 3 条指标 得分').inputValue()).toBe('8');
    await screenshot(app.page, '绩效自评-改用眉山表样');

    await forms.backToList();
    await row.getByRole('button', { name: '删除 政务服务平台运维项目' }).click();
    await row.getByRole('button', { name: '确认删除' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await forms.waitSaved();
    await app.page.reload();
    await new AppPage(app.page).openYear('玉林市测试局');
    await forms.openProjects();
    await app.page.getByText('还没有项目自评表').waitFor();
  }, 60_000);
});

describe('绩效自评 seed forms loaded through the API', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    const post = app.call;
    await post('createYear', { file: 'yl.sqlite', fiscalYear: 2024, unitName: '玉林市大数据发展和政务服务局', unitCode: '164001' });
    expect((await post('setFormRegion', { file: 'yl.sqlite', region: '玉林' })).ok).toBe(true);
    for (const form of [YL_P_SEED004, YL_D_SEED004]) expect((await post('saveForm', { file: 'yl.sqlite', form })).ok).toBe(true);
    app.page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('shows 3.64 / 93.64 and 5.94 / 95.94, and opens a form finding at its cell', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('玉林市大数据发展和政务服务局');
    await forms.openProjects();
    const row = forms.listRow('450900220416400005156');
    await expect.poll(() => row.locator('[data-col="total"]').innerText()).toBe('93.64');
    expect(await row.locator('[data-col="grade"]').innerText()).toBe('一等');
    await screenshot(app.page, '绩效自评-种子项目列表');

    await forms.openProject('玉林市市级政务信息化系统建设和运维项目');
    await forms.expectResult('预算执行得分', '3.64');
    await forms.expectResult('自评得分', '93.64');
    expect(await app.page.getByLabel('预算执行(10分)', { exact: true }).innerText()).toBe('3.64');
    expect(await app.page.getByLabel('自评得分(满分100分)', { exact: true }).innerText()).toBe('93.64');
    expect(await forms.cell('合计 实际支出数').inputValue()).toBe('710.81');
    await screenshot(app.page, '绩效自评-种子项目表');

    // 群众满意度 ">90" with 90 achieved scores full marks without a note (FV-08): the panel says so, a click lands on the cell.
    const warning = forms.findings('FV-08').first();
    await warning.waitFor();
    await forms.openDepartment();
    await warning.locator('.finding-open').click();
    await app.page.locator('.form-sheet', { hasText: '玉林市市级政务信息化系统建设和运维项目' }).waitFor();
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('indicators[5].deviation');

    await forms.openDepartment();
    await forms.expectResult('预算执行得分', '5.94');
    await forms.expectResult('自评得分', '95.94');
    await forms.expectResult('等级', '优');
    await screenshot(app.page, '绩效自评-种子部门整体');
  }, 60_000);
});

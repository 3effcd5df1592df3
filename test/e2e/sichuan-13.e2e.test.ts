import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('四川 13 表 template', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('numbers the tables 表一–表十三 and fills 表十三 (三公) from the keyboard', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2023, '眉山市政务服务管理局', '四川 13 张表(表一–表十三)');
    const labels = (await app.page.locator('.side-label').allInnerTexts()).filter((label) => label.startsWith('表'));
    expect(labels).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九', '表十', '表十一', '表十二', '表十三']);
    await ui.selectTable('表十三');
    await ui.typeInto(0, 's0-c2', '1.5');
    await ui.typeInto(0, 's0-c6', '0.25');
    await ui.expectCellText(0, 's0-c1', '1.75');
    // The side list's 审核 counts are named as the year prints its tables (表十三, not 公开09表): a 决算
    // 公务接待费 above its 预算 is a finding there.
    await ui.typeInto(0, 's0-c12', '0.5');
    const counts = app.page.locator('.side-item .side-counts[aria-label]');
    await expect.poll(() => counts.count()).toBeGreaterThan(0);
    for (const label of await counts.evaluateAll((spans) => spans.map((span) => span.getAttribute('aria-label')))) expect(label).toMatch(/^表[一二三四五六七八九十]+ 审核结果$/);
    await ui.selectTable('表五');
    await screenshot(app.page, '四川13表-表五');
  });

  it('offers the regional sets: 云南 11 表 with its INFERRED 表十 said above the grid', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '陆良县测试单位', '云南 11 张表(表一–表十一)');
    const labels = (await app.page.locator('.side-label').allInnerTexts()).filter((label) => label.startsWith('表'));
    expect(labels).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九', '表十', '表十一']);
    await ui.selectTable('表十');
    await expect.poll(() => app.page.locator('.table-page:not([inert]) .table-title').innerText()).toBe('财政拨款“三公”经费、行政参公单位机关运行经费情况表');
    expect(await app.page.locator('.table-page:not([inert]) .table-inferred').innerText()).toContain('表样为推断');
    await ui.typeInto(1, 's0-c2', '1.5');
    await ui.typeInto(4, 's0-c2', '6.27');
    await ui.expectCellText(0, 's0-c2', '7.77');
    await screenshot(app.page, '云南11表-表十');
    await ui.selectTable('表一');
    expect(await app.page.locator('.table-page:not([inert]) .table-inferred').count()).toBe(0);
    await ui.selectTable('表五');
    expect(await app.page.locator('.table-page:not([inert]) .table-title').innerText()).toBe('一般公共预算财政拨款收入支出决算表');
    expect(await app.page.locator('.table-page:not([inert]) .table-inferred').innerText()).toContain('收入支出决算表');
  });

  it('陕西 9 表: 表七 carries 会议费、培训费 beside the “三公” items', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2024, '柞水县测试局', '陕西 9 张表(“三公”表含会议费、培训费)');
    // 陕西 numbers its tables 公开01–09 too: 表七 is the “三公” table, 政府性基金 moves to 公开08表.
    await ui.selectTable('公开07表');
    await expect.poll(() => app.page.locator('.table-page:not([inert]) .table-title').innerText()).toBe('一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表');
    await ui.typeInto(0, 's0-c2', '1');
    await ui.typeInto(0, 's0-c6', '0.5');
    await ui.expectCellText(0, 's0-c1', '1.50');
    await ui.typeInto(0, 's0-c7', '2');
    await ui.expectCellText(0, 's0-c1', '1.50');
    await screenshot(app.page, '陕西9表-表七');
  });
});

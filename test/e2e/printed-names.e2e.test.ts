/**
 * R-I02 in the app: a 科目 printed with another 科目's name shows in the 审核 panel with its place,
 * both names and what to do; 采用目录名称 clears it, and the undo brings it back (one step).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp, type App } from './browser';
import { seed002Doc } from '../fixtures/seed-002';

describe('科目名称与目录不符', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp();
    const file = 'names.sqlite';
    expect((await app.call('createYear', { file, fiscalYear: 2023, unitName: '名称单位' })).ok).toBe(true);
    const loaded = await app.call('load', { file, doc: { ...seed002Doc(), unit: { name: '名称单位' }, printedNames: { 公开02表: { '2010301': '一般行政管理事务' } } } });
    expect(loaded.error?.message ?? '').toBe('');
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button', { hasText: '名称单位' }).click();
    await app.page.locator('.app-header').waitFor();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('is a finding with 采用目录名称, one undo step', async () => {
    const finding = app.page.locator('.finding[data-rule="R-I02"]');
    await expect.poll(() => finding.count()).toBe(1);
    expect(await finding.innerText()).toContain('公开02表 科目 2010301 的名称印为“一般行政管理事务”,而科目表中代码 2010301 的名称是“行政运行”');
    await finding.scrollIntoViewIfNeeded();
    await screenshot(app.page, '审核-科目名称与目录不符');
    await finding.getByRole('button', { name: '采用目录名称', exact: true }).click();
    await expect.poll(() => finding.count()).toBe(0);
    expect(await app.page.locator('.undo-bar button').first().getAttribute('aria-label')).toContain('采用目录名称');
    await app.page.locator('.undo-bar button').first().click();
    await expect.poll(() => finding.count()).toBe(1);
    // The file agrees: the core's 审核 finds it again.
    const validated = (await app.call('validate', { file: 'names.sqlite' })) as { result?: { findings: { rule: string }[] } };
    expect(validated.result!.findings.filter((f) => f.rule === 'R-I02')).toHaveLength(1);
  });
});

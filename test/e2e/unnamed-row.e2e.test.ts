/**
 * R-I03 in the app: a 款 no catalog names (21704 above 2170404 of 财预〔2025〕41号) shows a blank
 * 科目名称 and a finding whose box takes the name; the row is named at once in the grid, the
 * finding goes, the file keeps it (the core's 审核 and a reload agree), and undo takes it back.
 * The page is reloaded between steps (the host holds the year for the page that opened it last).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp, type App } from './browser';

describe('科目行没有名称', () => {
  let app: App;
  let ui: AppPage;
  const finding = () => app.page.locator('.finding[data-rule="R-I03"]');
  const nameOf = (code: string) => app.page.locator(`.grid-host[data-active] .ag-row:has([col-id$="code"]:text-is("${code}")) [col-id$="name"]`).first();

  beforeAll(async () => {
    app = await startApp();
    const file = 'unnamed.sqlite';
    expect((await app.call('createYear', { file, fiscalYear: 2025, unitName: '新科目单位' })).ok).toBe(true);
    expect((await app.call('edit', { file, addCodes: [{ table: '公开05表', code: '2170404' }], cells: [{ table: '公开05表', row: '2170404', col: '2', value: '12.5' }] })).ok).toBe(true);
    ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('新科目单位');
    await ui.selectTable('公开05表');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('is named from the 审核 panel: the grid shows it, the file keeps it, undo takes it back', async () => {
    await expect.poll(() => finding().count()).toBe(1);
    expect(await finding().innerText()).toContain('公开05表 科目 21704 没有名称');
    await expect.poll(() => nameOf('21704').innerText()).toBe('');
    const box = finding().getByLabel('科目 21704 的名称');
    await box.fill('金融调控支出');
    await box.press('Enter');
    await expect.poll(() => nameOf('21704').innerText()).toBe('金融调控支出');
    await expect.poll(() => finding().count()).toBe(0);
    await screenshot(app.page, '审核-科目行填写名称');
    expect(await app.page.locator('.undo-bar button').first().getAttribute('aria-label')).toContain('填写名称“金融调控支出”');
    await ui.waitSaved();
    const validated = (await app.call('validate', { file: 'unnamed.sqlite' })) as { result?: { findings: { rule: string }[] } };
    expect(validated.result!.findings.filter((f) => f.rule === 'R-I03')).toEqual([]);

    await app.page.reload();
    await ui.openYear('新科目单位');
    await ui.selectTable('公开05表');
    await expect.poll(() => nameOf('21704').innerText()).toBe('金融调控支出');
  });

  it('undo takes the name back in the grid, the panel and the file', async () => {
    const box = () => finding().getByLabel('科目 21704 的名称');
    // The name forgotten through the API, then written again in this page, whose history can undo it.
    const forgotten = await app.call('edit', { file: 'unnamed.sqlite', printedNames: [{ table: '公开05表', code: '21704', name: null }] });
    expect(forgotten.ok).toBe(true);
    await app.page.reload();
    await ui.openYear('新科目单位');
    await ui.selectTable('公开05表');
    await expect.poll(() => finding().count()).toBe(1);
    await box().fill('金融调控支出');
    await box().press('Enter');
    await expect.poll(() => finding().count()).toBe(0);
    await app.page.locator('.undo-bar button').first().click();
    await expect.poll(() => nameOf('21704').innerText()).toBe('');
    await expect.poll(() => finding().count()).toBe(1);
    await ui.waitSaved();
    const validated = (await app.call('validate', { file: 'unnamed.sqlite' })) as { result?: { findings: { rule: string }[] } };
    expect(validated.result!.findings.filter((f) => f.rule === 'R-I03')).toHaveLength(1);
  });
});

/**
 * 全部采用计算值 in the app: a workbook with twelve misprinted totals is imported; the 审核 panel
 * offers one button for all twelve, reached by keyboard; its confirmation names how many cells on
 * how many tables change; Esc leaves everything as it was; accepting clears every R-I01 finding in
 * one undo step, which Ctrl+Z takes back — and the core's own 审核 of the file agrees each time.
 * 采用计算值 on a single finding is an undo step too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp, type App } from './browser';
import { misprinted } from '../fixtures/xlsx/misprinted';

const MISPRINTED = 12;

describe('全部采用计算值', () => {
  let app: App;
  let tables: number;

  const coreFindings = async () => {
    const validated = (await app.call('validate', { file: 'hand.sqlite' })) as { result?: { findings: { rule: string }[] } };
    return validated.result!.findings.filter((finding) => finding.rule === 'R-I01').length;
  };

  beforeAll(async () => {
    app = await startApp();
    await app.seed002('source.sqlite');
    const exported = (await app.call('exportWorkbook', { file: 'source.sqlite', format: 'xlsx' })) as { result?: { dataBase64: string } };
    const bytes = await misprinted(Buffer.from(exported.result!.dataBase64, 'base64'), 4, MISPRINTED);
    expect((await app.call('createYear', { file: 'hand.sqlite', fiscalYear: 2023, unitName: '手工模板单位' })).ok).toBe(true);
    const imported = (await app.call('importWorkbook', { file: 'hand.sqlite', name: '手工模板.xlsx', dataBase64: bytes.toString('base64') })) as { result?: { mismatches: { table: string }[] } };
    expect(imported.result!.mismatches).toHaveLength(MISPRINTED);
    tables = new Set(imported.result!.mismatches.map((mismatch) => mismatch.table)).size;
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button', { hasText: '手工模板单位' }).click();
    await app.page.locator('.app-header').waitFor();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('one button, a confirmation naming the cells and tables, one write, one undo step', async () => {
    const page = app.page;
    const findings = page.locator('.finding[data-rule="R-I01"]');
    await expect.poll(() => findings.count(), { timeout: 15_000 }).toBe(MISPRINTED);
    const button = page.getByRole('button', { name: `全部采用计算值(${MISPRINTED} 处)`, exact: true });

    // Keyboard: the button follows the panel's heading in the Tab order; Enter opens the confirmation.
    await page.locator('.findings-toggle').focus();
    await page.keyboard.press('Tab');
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: '全部采用计算值' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`将以按明细计算的结果替换导入文件印出的 ${MISPRINTED} 个合计数,涉及 ${tables} 张表`);
    expect(await dialog.locator('li').count()).toBe(tables);
    await screenshot(page, '审核-全部采用计算值-确认');

    // Esc: nothing changes.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await findings.count()).toBe(MISPRINTED);
    expect(await coreFindings()).toBe(MISPRINTED);

    // Accept with the keyboard: the confirm button has the focus.
    await button.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: `全部采用(${MISPRINTED} 处)` }).evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => findings.count()).toBe(0);
    expect(await button.count()).toBe(0);
    await expect.poll(() => coreFindings()).toBe(0);
    const undo = page.locator('.undo-bar button').first();
    expect(await undo.getAttribute('aria-label')).toContain(`全部采用计算值(${MISPRINTED} 处)`);
    await screenshot(page, '审核-全部采用计算值-之后');

    // One undo step puts every printed value back, in the page and in the file.
    await page.locator('.findings-toggle').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => findings.count()).toBe(MISPRINTED);
    await expect.poll(() => coreFindings()).toBe(MISPRINTED);
    await button.scrollIntoViewIfNeeded();
    await screenshot(page, '审核-全部采用计算值-撤销后');

    // 采用计算值 on one finding is a step of the same history.
    await findings.first().getByRole('button', { name: '采用计算值', exact: true }).click();
    await expect.poll(() => findings.count()).toBe(MISPRINTED - 1);
    expect(await undo.getAttribute('aria-label')).toMatch(/^撤销:\S+表 .+ 第\d+栏 采用计算值$/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => findings.count()).toBe(MISPRINTED);
    await expect.poll(() => coreFindings()).toBe(MISPRINTED);
  });
});

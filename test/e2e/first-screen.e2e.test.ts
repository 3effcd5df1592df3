import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startApp } from './browser';

const FILE = 'first-screen.sqlite';

/** The header cells' widths (column id → px) and the grid's table, read in one go. */
function headerWidths(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify([...document.querySelectorAll('.grid-host[data-active] .ag-header-cell[col-id]')].map((cell) => [cell.getAttribute('col-id'), Math.round(cell.getBoundingClientRect().width)])),
  );
}

describe('the first screen: the year reopened with one request, the grid built once at its final widths', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    await app.seed002(FILE);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('asks the core for the year once, beside the year list, and lands in the first table with the focus in it', async () => {
    const page = await app.page.context().newPage();
    const calls: string[] = [];
    page.on('request', (request) => request.url().includes('/api/') && calls.push(`ask ${request.url().replace(/.*\/api\//, '')}`));
    page.on('requestfinished', (request) => request.url().includes('/api/') && calls.push(`answered ${request.url().replace(/.*\/api\//, '')}`));
    await page.addInitScript(`localStorage.setItem('juesuan.lastOpened', ${JSON.stringify(JSON.stringify({ file: FILE, page: '公开01表' }))})`);
    await page.goto(app.host.url);
    await page.locator('.grid-host[data-active][data-table="公开01表"] .ag-cell-focus').waitFor();
    // The year's first 审核 follows the grid taking the focus: seed 002's warnings are listed.
    await page.locator('.findings-hint', { hasText: '警告请核实并填写说明' }).waitFor();
    await page.waitForTimeout(300);
    expect(calls.filter((call) => call === 'ask openYear')).toHaveLength(1);
    // Both questions are out before either answer is needed: the year does not wait for the list.
    expect(calls.indexOf('ask openYear')).toBeLessThan(calls.indexOf('answered listYears'));
    expect(calls.indexOf('ask listYears')).toBeLessThan(calls.indexOf('answered openYear'));
    await screenshot(page, 'first-screen-1366');
    await page.close();
  });

  it('shows a switched table at the widths it keeps: the first frame with cells already has them', async () => {
    const page = await app.page.context().newPage();
    await page.addInitScript(`localStorage.setItem('juesuan.lastOpened', ${JSON.stringify(JSON.stringify({ file: FILE, page: '公开01表' }))})`);
    await page.goto(app.host.url);
    await page.locator('.grid-host[data-active][data-table="公开01表"] .ag-cell').first().waitFor();
    for (const table of ['公开02表', '公开05表', '公开08表']) {
      // Read in the first animation frame in which the new table's cells exist.
      const first = page.evaluate<string>(`new Promise((resolve) => {
        const check = () => {
          if (document.querySelector('.grid-host[data-active][data-table="${table}"] .ag-cell')) resolve(JSON.stringify([...document.querySelectorAll('.grid-host[data-active] .ag-header-cell[col-id]')].map((cell) => [cell.getAttribute('col-id'), Math.round(cell.getBoundingClientRect().width)])));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      })`);
      await page.locator('.side-item', { hasText: table }).first().click();
      const atFirstFrame = await first;
      await page.waitForTimeout(500);
      expect(JSON.parse(atFirstFrame).length).toBeGreaterThan(1);
      expect(atFirstFrame).toBe(await headerWidths(page));
    }
    await screenshot(page, 'first-screen-switched-08');
    await page.close();
  });

  it('says in Chinese what the new-year form lacks (not the browser’s own “Please fill out this field.”)', async () => {
    const page = await app.page.context().newPage();
    // The start page, not the year the first test left off in.
    await page.addInitScript(`localStorage.removeItem('juesuan.lastOpened')`);
    await page.goto(app.host.url);
    const form = page.getByRole('form', { name: '新建年度文件' });
    await form.getByLabel('单位名称').fill('   ');
    await form.getByRole('button', { name: '创建并打开' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toBe('请填写单位名称');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe('如:荆门市行政审批局(本级)');
    await form.getByLabel('决算年度').fill('202');
    await form.getByLabel('单位名称').fill('荆门市测试局');
    await form.getByRole('button', { name: '创建并打开' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toBe('决算年度应为 2000–2100 之间的年份(四位数字)');
    await screenshot(page, '新建年度-未填写');
    expect(await page.locator('.year-list button', { hasText: '荆门市测试局' }).count()).toBe(0);
    await page.close();
  });

  it('starts on the start page, without an error, when the file left off in is gone', async () => {
    const page = await app.page.context().newPage();
    await page.addInitScript(`localStorage.setItem('juesuan.lastOpened', ${JSON.stringify(JSON.stringify({ file: 'missing.sqlite', page: '公开01表' }))})`);
    await page.goto(app.host.url);
    await page.locator('.year-list button').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('.error-bar').count()).toBe(0);
    expect(await page.locator('.grid-host').count()).toBe(0);
    await page.close();
  });
});

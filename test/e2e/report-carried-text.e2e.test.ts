/**
 * A 概况 text carried from last year's file ("上年文字,请核实") is confirmed on the 决算公开 page as it
 * stands, by its badge: before, the badge was a label, so an unchanged text could never be confirmed,
 * and the 报送版 waits for it (it would print last year's words as this year's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('决算公开 page: last year’s 概况', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    for (const [method, args] of [
      ['createYear', { file: '2024.sqlite', fiscalYear: 2024, unitName: '某县档案馆' }],
      ['setReportText', { file: '2024.sqlite', key: 'profile.staff', text: '年末实有人员6人。' }],
      ['createYear', { file: '2025.sqlite', fiscalYear: 2025, unitName: '某县档案馆', baselineFrom: '2024.sqlite' }],
    ] as const) {
      const answer = await app.call(method, args);
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('confirms the carried 人员情况 by its badge, and the 报送版 stops waiting for it', async () => {
    await new AppPage(app.page).openStart(app.host.url);
    await app.page.locator('.year-list button', { hasText: '2025' }).click();
    await app.page.locator('.app-header').getByText('2025年度').waitFor();
    await app.page.locator('.side-item', { hasText: '决算公开' }).click();
    const doc = app.page.getByRole('region', { name: '决算公开' });
    const staff = doc.locator('.report-text', { has: app.page.locator('[data-text="profile.staff"]') });
    await expect.poll(() => staff.locator('textarea').inputValue()).toBe('年末实有人员6人。');
    const why = app.page.locator('.report-export .report-blocked');
    await expect.poll(() => why.innerText()).toContain('人员情况(沿用上年的文字,未确认)');
    const badge = staff.getByRole('button', { name: '上年文字,请核实(确认)' });
    await badge.scrollIntoViewIfNeeded();
    await screenshot(app.page, '决算公开-上年概况');

    await badge.click();
    await expect.poll(() => badge.count()).toBe(0);
    await expect.poll(() => why.innerText()).not.toContain('人员情况');
    expect(await staff.locator('textarea').inputValue()).toBe('年末实有人员6人。');
    await screenshot(app.page, '决算公开-上年概况-已确认');
  });
});

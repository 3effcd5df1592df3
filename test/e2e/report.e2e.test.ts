import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';
import { seed002LastYearDoc, SEED_002_PROFILE_TEXTS, SEED_002_REPORT_INPUTS } from '../fixtures/seed-002-last-year';

describe('决算公开 page', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    for (const [method, args] of [
      ['createYear', { file: '2022.sqlite', fiscalYear: 2022, unitName: '荆门市行政审批局(本级)' }],
      ['load', { file: '2022.sqlite', doc: seed002LastYearDoc() }],
    ] as const) {
      const answer = await app.call(method, args);
      if (!answer.ok) throw new Error(answer.error?.message);
    }
    const created = await app.call('createYear', { file: 'jm.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', baselineFrom: '2022.sqlite' });
    if (!created.ok) throw new Error(created.error?.message);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('shows the live document, jumps from a number to its cell and takes a reason in place', async () => {
    const { seed002Doc } = await import('../fixtures/seed-002');
    for (const [method, args] of [
      ['load', { file: 'jm.sqlite', doc: seed002Doc() }],
      ['setFormRegion', { file: 'jm.sqlite', region: '荆门' }],
      ['setSupplementary', { file: 'jm.sqlite', values: SEED_002_REPORT_INPUTS }],
    ] as const) {
      const answer = await app.call(method, args);
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
    }
    const ui = new AppPage(app.page);
    // Two files of the same unit (2022 and 2023): pick the 2023 one.
    const openYear2023 = async () => {
      await app.page.locator('.year-list button', { hasText: '2023' }).click();
      await app.page.locator('.app-header').getByText('2023年度').waitFor();
    };
    await ui.openStart(app.host.url);
    await openYear2023();
    await app.page.locator('.side-item', { hasText: '决算公开' }).click();
    const doc = app.page.getByRole('region', { name: '决算公开' });
    const total = doc.locator('[data-sentence="total"]');
    await expect.poll(() => total.innerText()).toContain('2023年度收、支总计3,383.79万元,比上年度增加1,210.52万元,增长55.70%');
    await expect.poll(() => doc.locator('[data-sentence="gpb.budget.201"]').innerText()).toContain('完成年初预算的88.15%');
    await screenshot(app.page, '决算公开');

    const panel = app.page.getByRole('region', { name: '审核结果' });
    const reasonFinding = panel.locator('.finding[data-rule="P-05"]', { hasText: '收、支总计' });
    await reasonFinding.waitFor();
    await doc.locator('[data-reason="total"]').fill('因办公地点的搬迁,办公场所面积大幅增加。');
    await doc.locator('[data-reason="total"]').press('Tab');
    await expect.poll(() => reasonFinding.count()).toBe(0);

    // Written in the 审核 panel, a reason is the same 主要原因: printed, and the P-03 note on that change (执行率) goes with it.
    const budgetReason = panel.locator('.finding[data-rule="P-05"]', { hasText: '一般公共服务支出。年初预算' });
    const budgetNote = panel.locator('.finding[data-rule="P-03"]', { hasText: '执行率 88.15%' });
    await budgetNote.waitFor();
    await budgetReason.getByRole('textbox', { name: /^主要原因:/ }).fill('部分项目推迟到下年实施。');
    await screenshot(app.page, '审核-在面板中写主要原因');
    await budgetReason.getByRole('textbox').press('Enter');
    await expect.poll(() => budgetReason.count()).toBe(0);
    await expect.poll(() => budgetNote.count()).toBe(0);
    expect(await doc.locator('[data-reason="gpb.budget.201"]').inputValue()).toBe('部分项目推迟到下年实施。');

    // A generated number jumps to the cell it comes from: 3,383.79 → 公开01表 第31行.
    await total.locator('.report-figure').first().click();
    await expect.poll(() => app.page.locator('.table-page:not([inert]) .table-title').first().innerText()).toBe('收入支出决算总表');
    await screenshot(app.page, '决算公开-跳到单元格');

    await app.page.reload();
    await openYear2023();
    await app.page.locator('.side-item', { hasText: '决算公开' }).click();
    expect(await doc.locator('[data-reason="total"]').inputValue()).toBe('因办公地点的搬迁,办公场所面积大幅增加。');
    await doc.locator('[data-sentence="sangong.total.budget"]').scrollIntoViewIfNeeded();
    await screenshot(app.page, '决算公开-三公');

    // 年初预算 entered in the page's table: 208 at 100.00 makes 124.02 a 124.02% completion.
    const budget = doc.getByLabel('208 年初预算', { exact: true });
    await budget.fill('100');
    await budget.press('Enter');
    await expect.poll(() => doc.locator('[data-sentence="gpb.budget.208"]').innerText()).toContain('年初预算为100.00万元,支出决算为124.02万元,完成年初预算的124.02%');
    await budget.scrollIntoViewIfNeeded();
    await screenshot(app.page, '决算公开-年初预算');
  });

  it('prints the same document to PDF through Chromium', async () => {
    // The 报送版 prints no blanks: the 概况 first.
    for (const [key, text] of Object.entries(SEED_002_PROFILE_TEXTS)) expect((await app.call('setReportText', { file: 'jm.sqlite', key, text })).ok).toBe(true);
    const answer = (await app.call('exportReport', { file: 'jm.sqlite', format: 'pdf' })) as { ok: boolean; result?: { dataBase64: string } };
    expect(answer.ok).toBe(true);
    const pdf = Buffer.from(answer.result!.dataBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    fs.mkdirSync(path.resolve('test-output'), { recursive: true });
    fs.writeFileSync(path.resolve('test-output', '决算公开.pdf'), pdf);
  });
});

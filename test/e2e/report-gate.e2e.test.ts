/**
 * The 报送版 document on the 决算公开 page of a 四川 13-table year, where reasons are required: while a
 * sentence lacks its 主要原因 the export buttons wait and say why; ticking 草稿 exports a marked draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';
import { seed002LastYearDoc } from '../fixtures/seed-002-last-year';

describe('决算公开 page: 报送版 and required reasons', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    const { seed002Doc } = await import('../fixtures/seed-002');
    for (const [method, args] of [
      ['createYear', { file: '2022.sqlite', fiscalYear: 2022, unitName: '眉山市测试局', template: '13' }],
      ['load', { file: '2022.sqlite', doc: seed002LastYearDoc() }],
      ['createYear', { file: 'sc.sqlite', fiscalYear: 2023, unitName: '眉山市测试局', template: '13', baselineFrom: '2022.sqlite' }],
      ['load', { file: 'sc.sqlite', doc: seed002Doc() }],
    ] as const) {
      const answer = await app.call(method, args);
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('holds the 报送版 back, naming the missing reasons, and lets a draft go', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button', { hasText: '2023' }).click();
    await app.page.locator('.app-header').getByText('2023年度').waitFor();
    await app.page.locator('.side-item', { hasText: '决算公开' }).click();
    const bar = app.page.locator('.report-export');
    const word = bar.getByRole('button', { name: '导出 Word' });
    await expect.poll(() => word.isDisabled()).toBe(true);
    const why = bar.locator('.report-blocked');
    await expect.poll(() => why.innerText()).toMatch(/^不能导出报送版决算公开文档:情况说明中 \d+ 处变动较大的项目未写明主要原因\(四川\(13 张表\)要求写明\),如“2023年度收、支总计/);
    await screenshot(app.page, '决算公开-报送版缺原因');
    await bar.getByLabel('草稿').check();
    await expect.poll(() => word.isDisabled()).toBe(false);
    expect(await why.count()).toBe(0);
    const draft = (await app.call('exportReport', { file: 'sc.sqlite', format: 'md', draft: true })) as { ok: boolean; result?: { name: string } };
    expect(draft.result?.name).toMatch(/2023年度部门决算公开\(草稿\)\.md$/);
  });

  it('says it is making the document while Word is made, and takes no second click meanwhile', async () => {
    // The core's answer is held back until the page has been looked at: no race with a fast machine.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await app.page.route('**/api/exportReport', async (route) => {
      await held;
      await route.continue();
    });
    const bar = app.page.locator('.report-export');
    const word = bar.getByRole('button', { name: '导出 Word' });
    const download = app.page.waitForEvent('download');
    await word.click();
    await expect.poll(() => bar.getByRole('status').innerText()).toBe('正在生成 Word…');
    expect(await word.isDisabled()).toBe(true);
    await screenshot(app.page, '决算公开-正在生成');
    release();
    expect((await download).suggestedFilename()).toMatch(/2023年度部门决算公开\(草稿\)\.docx$/);
    await expect.poll(() => bar.getByRole('status').count()).toBe(0);
    expect(await word.isDisabled()).toBe(false);
    await app.page.unroute('**/api/exportReport');
  });
});

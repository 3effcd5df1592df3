import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

/**
 * The batch 审核 view over a data folder holding a damaged file: a file that cannot be checked at all
 * is the first the clerk must chase. Before, ranked by 错误 (0 for it) it came last of 40 rows.
 */
describe('batch 审核 view with a damaged file', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    for (const [file, unitName, value] of [['a.sqlite', '甲单位', '5'], ['b.sqlite', '乙单位', '']] as const) {
      const created = await app.call('createYear', { file, fiscalYear: 2025, unitName });
      if (!created.ok) throw new Error(created.error?.message);
      // 甲 has income and no expenditure: an error, so it would rank above a file counted as 0 errors.
      if (value) await app.call('edit', { file, cells: [{ table: '公开01表', row: '28', col: '1', value }] });
    }
    fs.writeFileSync(path.join(app.dataDir, 'z-损坏.sqlite'), Buffer.alloc(4096, 7));
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('puts the file that could not be read first, ranked by 错误', async () => {
    const page = app.page;
    await new AppPage(page).openStart(app.host.url);
    await page.getByRole('button', { name: '批量审核…' }).click();
    const table = page.getByRole('table', { name: '各单位审核结果' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(['z-损坏.sqlite', 'a.sqlite', 'b.sqlite']);
    expect(await rows.first().locator('td').last().textContent()).toMatch(/^无法读取:/);
    // Not "0 错误": it was never checked.
    expect(await rows.first().locator('td').nth(4).textContent()).toBe('—');
    await screenshot(page, '批量审核-无法读取的文件在前');
  });
});

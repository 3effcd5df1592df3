/**
 * Browser mode, the same year open in two tabs: each tab keeps its own copy of the year, so a cell
 * typed in one used to show 0.00 in the other and the next edit there was made on a stale view. The
 * tab that opened the year last holds it; the other says so and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('one year in two browser tabs', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('the earlier tab refuses to save over the later one, says why, and a refresh takes the year back', async () => {
    const first = new AppPage(app.page);
    await first.openStart(app.host.url);
    await first.createYear(2023, '两个标签页单位');
    await first.selectTable('公开01表');
    await first.typeInto(27, 's0-c1', '100');
    await first.waitSaved();

    // A second tab of the same program reopens the last year, as a new window of the app does.
    const second = new AppPage(await app.page.context().newPage());
    await second.page.goto(app.host.url);
    await second.page.locator('.app-header').getByText('两个标签页单位').waitFor();
    await second.selectTable('公开01表');
    await second.expectCellText(27, 's0-c1', '100.00');
    await second.typeInto(27, 's0-c1', '200');
    await second.waitSaved();

    // The earlier tab's next entry is not saved: the page leaves the year and says why.
    await first.typeInto(27, 's0-c1', '300');
    const why = app.page.getByRole('alert').filter({ hasText: '已在另一个浏览器标签页中打开' });
    await why.waitFor();
    await app.page.getByRole('heading', { name: '打开年度文件' }).waitFor();
    await screenshot(app.page, 'two-tabs-earlier-tab');
    const saved = await app.call('getTable', { file: await yearFile(app), table: '公开01表' });
    expect(JSON.stringify(saved.result)).toContain('200.00');
    expect(JSON.stringify(saved.result)).not.toContain('300.00');

    // Opening it again here takes the year over, with what the other tab saved; that tab leaves it in turn.
    await first.openYear('两个标签页单位');
    await first.selectTable('公开01表');
    await first.expectCellText(27, 's0-c1', '200.00');
    await second.typeInto(27, 's0-c1', '400');
    await second.page.getByRole('alert').filter({ hasText: '已在另一个浏览器标签页中打开' }).waitFor();
    await first.typeInto(27, 's0-c1', '500');
    await first.waitSaved();
    await first.expectCellText(27, 's0-c1', '500.00');
    await second.page.close();
  });
});

/** The one year file the test made, by its name in the data folder. */
async function yearFile(app: Awaited<ReturnType<typeof startApp>>): Promise<string> {
  const years = (await app.call('listYears', {})).result as { file: string }[];
  return years[0].file;
}

import { afterAll, beforeAll, describe, it } from 'vitest';
import { TEMPLATE_SETS } from '../../shared/tables';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

/** Seed 002 loaded through the API, then every table opened in the real renderer and photographed. */
describe('every 公开表 with the seed 002 data', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    await app.seed002('jm.sqlite', '158001');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('shows the printed totals in each table', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    const expectations: Record<string, [number, string, string][]> = {
      公开01表: [[30, 's0-c1', '3,383.79'], [0, 's1-c2', '3,249.78']],
      公开02表: [[0, 's0-c2', '3,383.80'], [3, 's0-c2', '19.10']],
      公开03表: [[0, 's0-c2', '1,415.21'], [0, 's0-c3', '1,968.59']],
      公开04表: [[0, 's1-c3', '3,249.78'], [31, 's0-c1', '3,383.79']],
      公开05表: [[0, 's0-c3', '1,968.59']],
      公开06表: [[0, 's0-c1', '1,299.22'], [28, 's0-c1', '1,315.01']],
      公开07表: [[0, 's0-c1', '']],
      公开08表: [[0, 's0-c1', '']],
      公开09表: [[0, 's0-c1', '8.29'], [0, 's0-c7', '8.29']],
    };
    for (const id of TEMPLATE_SETS['9']) {
      await ui.selectTable(id);
      for (const [line, column, text] of expectations[id]) await ui.expectCellText(line, column, text);
      await screenshot(app.page, `seed002-${id}`);
    }
  });
});

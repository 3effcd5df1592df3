import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('四川 13 表 template', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('numbers the tables 表一–表十三 and fills 表十三 (三公) from the keyboard', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2023, '眉山市政务服务管理局', '四川 13 张表(表一–表十三)');
    const labels = (await app.page.locator('.side-label').allInnerTexts()).filter((label) => label.startsWith('表'));
    expect(labels).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九', '表十', '表十一', '表十二', '表十三']);
    await ui.selectTable('表十三');
    await ui.typeInto(0, 's0-c2', '1.5');
    await ui.typeInto(0, 's0-c6', '0.25');
    await ui.expectCellText(0, 's0-c1', '1.75');
    await ui.selectTable('表五');
    await screenshot(app.page, '四川13表-表五');
  });
});

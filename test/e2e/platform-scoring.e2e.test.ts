import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

describe('一体化平台 scoring rules in the score breakdown', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('deducts 2 for an overshoot and caps the total of a 75 % execution at 89, listing both', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2025, '一体化测试局');
    await forms.openProjects();
    await forms.chooseRegion('预算管理一体化平台');
    await forms.addProject('P2025001', '政务服务培训项目');

    await forms.type('年度资金总额 全年预算数', '100');
    await forms.type('年度资金总额 全年执行数', '75');
    await forms.expectResult('执行率', '75.00%');
    await forms.expectResult('预算执行得分', '7.5');
    await forms.addIndicator();
    await forms.typeHere('培训人次', '≥100', '150', '90');
    await forms.expectResult('指标得分', '90');
    // 7.5 + 90 = 97.5; −2 for 150 against ≥100; 75 % caps the total at 89.
    await forms.expectResult('自评得分', '89');
    const lines = app.page.getByLabel('计分规则').locator('li');
    await expect.poll(() => lines.allInnerTexts()).toEqual([
      '指标“培训人次”完成值 150 超出指标值 ≥100 的 30% 及以上(偏离),扣 2 分(-2 分)',
      '预算执行率 75.00% 低于 80.00%,总分不超过 89 分(-6.5 分)',
    ]);
    await forms.waitSaved();
    await app.page.locator('.form-page').evaluate((element) => element.scrollTo(0, 0));
    await screenshot(app.page, '绩效自评-一体化计分规则');
  });
});

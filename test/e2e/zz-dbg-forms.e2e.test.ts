import { it } from 'vitest';
import { startApp, screenshot } from './browser';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
it('dbg', async () => {
  const app = await startApp();
  app.page.on('pageerror', (e) => console.log('PAGEERR', e.stack));
  const ui = new AppPage(app.page);
  const forms = new FormsPage(app.page);
  app.page.setDefaultTimeout(5000);
  try {
  await ui.openStart(app.host.url);
  await ui.createYear(2024, '玉林市测试局');
  await forms.openProjects();
  console.log('A');
  await forms.chooseRegion('广西·玉林');
  console.log('B');
  await forms.addProject('450900240000000000001', '政务服务平台运维项目');
  console.log('C');
  await forms.type('合计 年初预算数', '1,000');
  await forms.type('合计 年中预算调整数', '-20');
  await forms.type('合计 实际支出数', '356.72');
  console.log('D');
  await forms.addIndicator();
  await forms.typeHere('系统运维项目个数', '≥10项', '40', '12');
  console.log('E');
  } catch (e) { console.log('ERR', String(e)); }
  await screenshot(app.page, 'dbg-1');
  await app.stop().catch((e) => console.log(String(e)));
}, 60000);

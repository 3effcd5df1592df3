/**
 * A clerk clicks ＋ 添加指标 (or ＋ 添加一条) and types the new row's name at once. The row takes
 * the focus before the next key is handled, so no first character lands on the button. As on a
 * slow, busy county office PC the page's CPU is slowed (CDP throttling) and each frame comes late
 * (a key is handled at once, a frame waits for the machine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { onSlowPc, screenshot, startApp, type App } from './browser';

describe('typing right after adding a row in a form', () => {
  let app: App;
  let forms: FormsPage;

  beforeAll(async () => {
    app = await startApp();
    forms = new FormsPage(app.page);
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2025, '添加即录入局');
  });
  afterAll(async () => {
    await app?.stop();
  });

  const slowed = (work: () => Promise<void>) => onSlowPc(app.page, work, { lateFrames: true });

  it('keeps every character of an indicator typed just after ＋ 添加指标', async () => {
    await forms.openProjects();
    await forms.addProject('P2025009', '培训项目');
    await slowed(async () => {
      for (const name of ['培训人次', '满意度']) {
        await forms.addIndicator();
        await app.page.keyboard.type(name);
        await app.page.keyboard.press('Tab');
      }
    });
    await expect.poll(() => forms.cell('第 1 条指标 三级指标').inputValue()).toBe('培训人次');
    await expect.poll(() => forms.cell('第 2 条指标 三级指标').inputValue()).toBe('满意度');
  });

  it('keeps every character of a list item typed just after ＋ 添加一条', async () => {
    await forms.openDepartment();
    const label = '部门职能概述';
    await forms.cell(`${label} 第 1 条`).fill('负责政务服务');
    await slowed(async () => {
      await app.page.getByRole('button', { name: '＋ 添加一条' }).first().click();
      await app.page.keyboard.type('统筹培训');
      await app.page.keyboard.press('Tab');
    });
    await expect.poll(() => forms.cell(`${label} 第 2 条`).inputValue()).toBe('统筹培训');
  });

  it('新增项目 with the name typed into 项目编码 and the code into 项目名称 says so and creates nothing', async () => {
    await forms.openProjects();
    await app.page.getByRole('button', { name: '＋ 新增项目' }).click();
    // The code box has the focus: the clerk types the name first, Tab, then the code, Enter.
    await app.page.keyboard.type('政务服务运行经费');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.type('51140021R000000012345');
    await app.page.keyboard.press('Enter');
    const form = app.page.getByRole('form', { name: '新增项目' });
    await expect.poll(() => form.getByRole('alert').innerText()).toBe('项目编码“政务服务运行经费”像是项目名称,项目名称“51140021R000000012345”像是编码:请对调两栏后再创建');
    await screenshot(app.page, '新增项目-编码名称填反');
    expect(await app.page.locator('.form-registry-table').innerText()).not.toContain('政务服务运行经费');
    await form.getByLabel('项目编码').fill('51140021R000000012345');
    await form.getByLabel('项目名称').fill('政务服务运行经费');
    await app.page.keyboard.press('Enter');
    await app.page.locator('.form-sheet').waitFor();
  });
});

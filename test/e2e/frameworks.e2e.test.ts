/**
 * The scored frameworks in the real renderer (issue 15): 附件1.1 and 附件2 (眉山), 大通湖 附件5. Scores
 * are typed by keyboard (Enter moves on), an out-of-range score is refused with its reason beside
 * the field and not saved, the total and grade follow live, undo puts a score back, and a reload
 * shows what was stored.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { AppPage } from './pages/app-page';
import { FormsPage } from './pages/forms-page';
import { screenshot, startApp } from './browser';

describe('绩效评价指标体系', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  const downloads = tempDir('juesuan-fw-downloads-');
  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await app?.stop();
    downloads.cleanup();
  });

  const sheet = () => app.page.locator('.fw-sheet');
  const field = (name: string) => sheet().getByLabel(name, { exact: true });
  const total = () => sheet().getByLabel('合计得分').innerText();
  const openFramework = (title: string) => app.page.locator('.side-item', { hasText: title }).click();

  it('附件1.1: keyboard entry, a refused score, live total, undo and reload; 附件2 by project with its 专用指标 choice', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2023, '眉山市政务服务管理局');
    await forms.openProjects();
    await forms.chooseRegion('四川·眉山');
    await forms.addProject('P2023001', '天府市民云(眉山)站点');
    await forms.waitSaved();

    await openFramework('附件1.1');
    await sheet().waitFor();
    // 执行结果 is computed from the year's project forms (one 常年 class without budget → full marks).
    await expect.poll(() => sheet().getByLabel('执行结果 自评得分').innerText()).toBe('4.00');
    const first = field('数量指标履职效果;质量指标履职效果;时效指标履职效果;群众满意度履职效果 自评得分(0 至 19)');
    await first.click();
    await app.page.keyboard.type('19');
    await app.page.keyboard.press('Enter');
    // Enter moved to the next judged item: 预算编制质量 (0 至 8). 25 is refused, beside the field, and the focus stays.
    const quality = field('预算编制质量 自评得分(0 至 8)');
    await expect.poll(() => quality.evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.keyboard.type('25');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => sheet().getByRole('alert').innerText()).toBe('得分须在 0 至 8 分之间');
    expect(await quality.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await total()).toBe('23.00');
    await screenshot(app.page, '绩效评价-附件1.1-拒绝');
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.type('7');
    await app.page.keyboard.press('Enter');
    await expect.poll(total).toBe('30.00');
    expect(await sheet().getByRole('alert').count()).toBe(0);
    await forms.waitSaved();
    await screenshot(app.page, '绩效评价-附件1.1');

    // Undo (the button names the step) takes back 预算编制质量 7; Ctrl+Y puts it back.
    await app.page.getByRole('button', { name: '撤销:部门预算绩效评价指标体系 第 2 项“预算编制质量” 得分 改为 7' }).click();
    await expect.poll(total).toBe('23.00');
    expect(await quality.inputValue()).toBe('');
    await app.page.keyboard.press('Control+y');
    await expect.poll(total).toBe('30.00');
    // The redone field has the focus again and shows the value as typed.
    await expect.poll(() => quality.evaluate((el) => el === document.activeElement && (el as HTMLInputElement).value)).toBe('7');
    await forms.waitSaved();

    await app.page.reload();
    await ui.openYear('眉山市政务服务管理局');
    await openFramework('附件1.1');
    await expect.poll(total).toBe('30.00');
    expect(await quality.inputValue()).toBe('7.00');
    expect(await sheet().getByLabel('等级').innerText()).toBe('差');

    // The tick boxes (评价方式 / 评价属性 / 评价标准): Space ticks, Enter runs down the column; they do not score.
    const box = (l3: string, group: string, option: string) => sheet().getByRole('checkbox', { name: `${l3} ${group} ${option}`, exact: true });
    await box('预算编制质量', '评价方式', '整体评价').focus();
    await app.page.keyboard.press('Space');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => box('支出执行进度', '评价方式', '整体评价').evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Space');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Space');
    await box('预算编制质量', '评价属性', '定量评价').check();
    await box('预算编制质量', '评价标准', '国家标准').check();
    await box('支出执行进度', '评价方式', '整体评价').press('Space');
    await expect.poll(() => box('支出执行进度', '评价方式', '整体评价').isChecked()).toBe(false);
    expect(await box('支出执行进度', '评价方式', '样本评价').isChecked()).toBe(true);
    expect(await total()).toBe('30.00');
    await forms.waitSaved();
    await screenshot(app.page, '绩效评价-附件1.1-勾选');
    await app.page.reload();
    await ui.openYear('眉山市政务服务管理局');
    await openFramework('附件1.1');
    await expect.poll(() => box('预算编制质量', '评价标准', '国家标准').isChecked()).toBe(true);
    const stored = await app.call('openYear', { file: '2023-眉山市政务服务管理局.sqlite' });
    const items = (stored.result as { frameworks: { framework: { items: { l3: string; ticks?: string[] }[] } }[] }).frameworks[0].framework.items;
    expect(items.filter((item) => item.ticks).map((item) => [item.l3, item.ticks])).toEqual([
      ['预算编制质量', ['整体评价', '定量评价', '国家标准']],
      ['支出执行进度', ['样本评价']],
    ]);

    // 附件2: per project; only the chosen 专用指标 block counts.
    await openFramework('附件2');
    await sheet().getByRole('radio', { name: '民生保障' }).check();
    await field('区域均衡性 自评得分(0 至 10)').fill('10');
    await field('区域均衡性 自评得分(0 至 10)').press('Enter');
    await expect.poll(total).toBe('10.00');
    await sheet().getByRole('radio', { name: '产业发展' }).check();
    await expect.poll(total).toBe('0.00');
    await expect.poll(() => field('区域均衡性 自评得分(0 至 10)').isDisabled()).toBe(true);
    await sheet().getByRole('radio', { name: '民生保障' }).check();
    await expect.poll(total).toBe('10.00');
    // A block not chosen takes neither scores nor ticks.
    expect(await sheet().getByRole('checkbox', { name: '工程进度 评价方式 整体评价', exact: true }).isDisabled()).toBe(true);
    expect(await sheet().getByRole('checkbox', { name: '区域均衡性 评价方式 整体评价', exact: true }).isDisabled()).toBe(false);
    // 服务对象满意度指标: 95 % → 6 by its 评分标准, computed, read-only.
    await field('服务对象满意度指标 满意度').fill('95');
    await field('服务对象满意度指标 满意度').press('Enter');
    await expect.poll(() => sheet().getByLabel('服务对象满意度指标 自评得分').innerText()).toBe('6.00');
    await expect.poll(total).toBe('16.00');
    await forms.waitSaved();
    await screenshot(app.page, '绩效评价-附件2');

    // 自评得分一览 lists both frameworks after the project form; Enter on a row opens its page.
    await app.page.locator('.side-item', { hasText: '自评得分一览' }).click();
    const table = app.page.locator('.form-scores-table');
    await expect.poll(() => table.locator('tbody td[data-col="kind"]').allInnerTexts()).toEqual(['项目', '附件1.1', '附件2']);
    expect(await table.locator('tbody td[data-col="total"]').allInnerTexts()).toEqual(['', '30', '16']);
    await table.locator('tbody tr').nth(2).focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => sheet().getByRole('heading').innerText()).toBe('附件2 专项预算项目绩效评价指标体系');
  });

  it('大通湖 附件5: computed items from their data, a choice, and the total', async () => {
    const ui = new AppPage(app.page);
    const forms = new FormsPage(app.page);
    await ui.openStart(app.host.url);
    await ui.createYear(2020, '益阳市大通湖区政务中心');
    await forms.openProjects();
    await forms.chooseRegion('湖南·大通湖');
    await openFramework('附件5');
    await sheet().waitFor();
    await field('在职人员控制率 在职人员数').click();
    await app.page.keyboard.type('8');
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.type('7');
    await app.page.keyboard.press('Enter');
    // 8 of 7 posts: 114.29 % → −0.2 per point over → 4.14
    await expect.poll(() => sheet().getByLabel('在职人员控制率 自评得分').innerText()).toBe('4.14');
    await field('在职人员控制率 在职人员数').fill('abc');
    await field('在职人员控制率 在职人员数').press('Enter');
    await expect.poll(() => sheet().getByRole('alert').innerText()).toBe('“abc”不是数字');
    await field('在职人员控制率 在职人员数').press('Escape');
    await field('在职人员控制率 在职人员数').press('Tab');
    await sheet().getByLabel('行政效能 效果', { exact: true }).selectOption('较好');
    await expect.poll(total).toBe('10.14');
    await forms.waitSaved();
    await screenshot(app.page, '绩效评价-大通湖附件5');
    await app.page.reload();
    await ui.openYear('益阳市大通湖区政务中心');
    await openFramework('附件5');
    await expect.poll(total).toBe('10.14');
    // The workbook carries it: exported, changed here, imported back (the preview lists it), the page shows the workbook's.
    await app.page.getByRole('button', { name: '导出 Excel ▾' }).hover();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('menuitem', { name: '草稿(.xlsx)' }).click()]);
    const saved = path.join(downloads.dir, download.suggestedFilename());
    await download.saveAs(saved);
    await sheet().getByLabel('行政效能 效果', { exact: true }).selectOption('一般');
    await expect.poll(total).toBe('7.14');
    await forms.waitSaved();
    await app.page.getByRole('button', { name: '导入 ▾' }).hover();
    await app.page.getByLabel('选择导入文件').setInputFiles(saved);
    const dialog = app.page.getByRole('dialog', { name: '导入预览' });
    await dialog.getByText('部门整体支出绩效自评指标计分表').waitFor();
    await screenshot(app.page, '绩效评价-导入预览');
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await app.page.getByRole('status').getByText(/已从 .* 导入/).waitFor();
    await openFramework('附件5');
    await expect.poll(total).toBe('10.14');

    // Deleting the framework leaves the blank template.
    await sheet().getByRole('button', { name: '删除本表' }).click();
    await sheet().getByRole('button', { name: '确认删除本表' }).click();
    await expect.poll(total).toBe('0.00');
    await expect.poll(() => app.call('openYear', { file: '2020-益阳市大通湖区政务中心.sqlite' }).then((answer) => (answer.result as { frameworks: unknown[] }).frameworks.length)).toBe(0);
  });
});

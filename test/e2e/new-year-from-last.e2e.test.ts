import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentEdition } from '../../shared/catalog';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('starting this year from last year\'s file', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    await app.seed002('2023-荆门.sqlite', '158001');
    await app.call('edit', { file: '2023-荆门.sqlite', cells: [{ table: '公开01表', row: '60', col: '2', value: '12.34' }] });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('takes unit, 年初 and 科目 rows from the 2023 file', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    const form = app.page.getByRole('form', { name: '新建年度文件' });
    await form.getByLabel('决算年度').fill('2024');
    await form.getByLabel('上年数据').selectOption({ label: '以 2023年度 荆门市行政审批局(本级) 为基数' });
    await screenshot(app.page, '新建年度-以上年为基数');
    await form.getByRole('button', { name: '创建并打开' }).click();
    await app.page.locator('.app-header').getByText('2024年度部门决算').waitFor();
    await ui.selectTable('公开01表');
    await ui.expectCellText(28, 's0-c1', '12.34');
    await ui.selectTable('公开03表');
    await ui.expectCellText(4, 's0-code', '2010302');
  });

  it('a file of another year picked as the base sets the year to the one after it', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    const form = app.page.getByRole('form', { name: '新建年度文件' });
    // No 2022 file for a 2023 year: every year file is offered, the 2024 one just made among them.
    await form.getByLabel('决算年度').fill('2023');
    await form.getByLabel('上年数据').selectOption({ label: '以 2024年度 荆门市行政审批局(本级) 为基数' });
    expect(await form.getByLabel('决算年度').inputValue()).toBe('2025');
    await form.getByRole('button', { name: '创建并打开' }).click();
    await app.page.locator('.app-header').getByText('2025年度部门决算').waitFor();
  });

  it('a 2026 year started in December 2026 says it borrows the 2025 科目表, on the start page and beside 添加科目', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    const form = app.page.getByRole('form', { name: '新建年度文件' });
    await form.getByLabel('决算年度').fill('2026');
    await form.getByLabel('上年数据').selectOption({ label: '以 2025年度 荆门市行政审批局(本级) 为基数' });
    const borrowed = '2026年的科目变动尚无官方资料,沿用2025年的科目;收到2026年官方科目表后请用“导入 › 本年度科目表”导入,名称以其为准。';
    await form.locator('.catalog-note').getByText(borrowed, { exact: false }).waitFor();
    await screenshot(app.page, '新建年度-2026-沿用2025年科目表');
    await form.getByRole('button', { name: '创建并打开' }).click();
    await app.page.locator('.app-header').getByText('2026年度部门决算').waitFor();
    await ui.selectTable('公开03表');
    const note = app.page.locator('.code-bar .catalog-note');
    expect(await note.textContent()).toBe('内置科目表:沿用2025年版');
    expect(await note.getAttribute('title')).toContain(borrowed);
    await screenshot(app.page, '2026年度-公开03表-科目表说明');

    // A 2025 year uses its own year's codes: no borrowing said.
    await ui.openStart(app.host.url);
    await form.getByLabel('决算年度').fill('2025');
    expect(await form.locator('.catalog-note').textContent()).not.toContain('沿用');
  });

  it('proposes the 决算 under way (December 2026: 2026, March 2027: still 2026) and says in words when that year\'s file exists', async () => {
    const startOn = async (day: string) => {
      const page = await app.page.context().newPage();
      await page.clock.setFixedTime(new Date(day));
      await page.addInitScript(`localStorage.removeItem('juesuan.lastOpened')`);
      await page.goto(app.host.url);
      return page;
    };
    // Before: December 2026 proposed 2025, whose file exists, offering 2024 as the base; creating failed with “文件已存在:<path>”.
    const december = await startOn('2026-12-01T09:00:00');
    const form = december.getByRole('form', { name: '新建年度文件' });
    expect(await form.getByLabel('决算年度').inputValue()).toBe('2026');
    expect(await form.getByLabel('上年数据').locator('option').allTextContents()).toEqual(['不导入(空白开始)', '以 2025年度 荆门市行政审批局(本级) 为基数']);
    // The 2026 file was made above: the form says so instead of sending.
    await form.getByLabel('上年数据').selectOption({ label: '以 2025年度 荆门市行政审批局(本级) 为基数' });
    await form.getByRole('button', { name: '创建并打开' }).click();
    await expect
      .poll(() => form.getByRole('alert').innerText())
      .toBe('2026年度 荆门市行政审批局(本级) 的年度文件已有(2026-荆门市行政审批局(本级).sqlite),请在左侧“打开年度文件”中打开它,或改决算年度');
    await screenshot(december, '新建年度-已有该年度文件');
    await december.close();

    const march = await startOn('2027-03-15T09:00:00');
    expect(await march.getByRole('form', { name: '新建年度文件' }).getByLabel('决算年度').inputValue()).toBe('2026');
    await march.close();
  });
  it('says what last year\'s file could not give the new year (a one-off project) once the year is open', async () => {
    for (const [method, args] of [
      ['createYear', { file: '2023-维修.sqlite', fiscalYear: 2023, unitName: '某维修单位' }],
      ['saveForm', { file: '2023-维修.sqlite', form: { fiscal_year: 2023, variant: 'GENERIC', subject_type: 'project', subject_code: 'P-1', subject_name: '办公楼维修', proj_type: '一次性项目' } }],
    ] as const) expect((await app.call(method, args)).ok).toBe(true);
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    const form = app.page.getByRole('form', { name: '新建年度文件' });
    await form.getByLabel('决算年度').fill('2024');
    await form.getByLabel('上年数据').selectOption({ label: '以 2023年度 某维修单位 为基数' });
    await form.getByRole('button', { name: '创建并打开' }).click();
    await app.page.locator('.app-header').getByText('某维修单位').waitFor();
    // Before: the year opened without a word, the project simply missing.
    await expect
      .poll(() => app.page.locator('.notice-bar span').innerText())
      .toBe('以上年年度文件为基数:绩效自评:项目 P-1“办公楼维修”是一次性项目,不带入本年度');
    await screenshot(app.page, '新建年度-上年一次性项目未带入');
  });
  it('marks a year file of a newer 决算通 in the list, and opening it says to upgrade', async () => {
    expect((await app.call('createYear', { file: '2026-新版.sqlite', fiscalYear: 2026, unitName: '新版单位' })).ok).toBe(true);
    expect((await app.call('closeYear', { file: '2026-新版.sqlite' })).ok).toBe(true);
    const db = new Database(path.join(app.dataDir, '2026-新版.sqlite'));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'definitions_edition'").run(String(currentEdition() + 1));
    db.close();
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    const entry = app.page.locator('.year-list button', { hasText: '新版单位' });
    // Before: listed like any other, then refused only when clicked.
    expect(await entry.locator('.newer-file').innerText()).toBe('由更新版本的决算通创建,请升级决算通后再打开');
    await entry.click();
    await expect.poll(() => app.page.locator('.error-bar span').innerText()).toContain(`此年度文件由更新版本的决算通创建(定义版本 ${currentEdition() + 1},本软件支持到 ${currentEdition()})`);
    await screenshot(app.page, '开始页-更新版本的年度文件');
  });
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import type { Finding } from '../../shared/rules';
import { writeUnitFiles } from '../fixtures/unit-files';
import { tempDir } from '../helpers/temp';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

/**
 * The 审核 panel of a 汇总 in Chromium: an error on its summed (read-only) amounts names the unit files
 * that fail the same check, with their figures, and offers to open each at the cell instead of focusing
 * the 汇总's cell. A re-汇总 with fewer units flags the confirmed 决算单位构成 on the 决算公开 page and
 * in the 审核 until the clerk confirms it again.
 */
describe('审核 of a 汇总 in the app', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  const units = [
    { file: '2023-A.sqlite', unitName: '荆门市行政审批局(本级)', unitCode: '158001', row: '28', col: '1', value: '12' },
    { file: '2023-B.sqlite', unitName: '荆门市政务服务中心', unitCode: '158002', row: '28', col: '1', value: '3' },
    { file: '2023-C.sqlite', unitName: '荆门市公共资源交易中心', unitCode: '158003', row: '59', col: '2', value: '5' },
  ];
  beforeAll(async () => {
    app = await startApp();
    const call = async (method: string, args: unknown) => {
      const answer = await app.call(method, args);
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
    };
    for (const unit of units) {
      await call('createYear', { file: unit.file, fiscalYear: 2023, unitName: unit.unitName, unitCode: unit.unitCode });
      await call('edit', { file: unit.file, cells: [{ table: '公开01表', row: unit.row, col: unit.col, value: unit.value }] });
    }
    await call('consolidate', { files: units.map((unit) => unit.file), unitName: '荆门市行政审批局', unitCode: '158', adjust: 'none', out: '2023-汇总.sqlite' });
    // The clerk confirmed the 决算单位构成 drafted from the three units.
    await call('setReportText', { file: '2023-汇总.sqlite', key: 'profile.organisation', text: '本部门决算由本级和两个二级单位组成。' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('names the unit files to fix and opens one at the cell', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button', { hasText: '2023-汇总.sqlite' }).click();
    await app.page.locator('.app-header').getByText('荆门市行政审批局').waitFor();
    const panel = app.page.getByRole('region', { name: '审核结果' });
    const error = panel.locator('.finding.error[data-rule="R-B03"]');
    await error.waitFor();
    expect(await error.locator('.message').innerText()).toContain('汇总数,请在单位文件中改正:荆门市行政审批局(本级) 12.00、荆门市政务服务中心 3.00、荆门市公共资源交易中心 0.00,改后按原汇总重新汇总');
    // Only the core reads the units' figures: the panel shows exactly the messages its 审核 gives.
    const core = (await app.call('validate', { file: '2023-汇总.sqlite' })) as { result: { findings: Finding[] } };
    const shown = await panel.locator('.finding .message').allInnerTexts();
    expect(shown.sort()).toEqual(core.result.findings.map((finding) => finding.message).sort());
    // Offered instead of the 汇总's own cell: no button focuses it, one per unit opens the unit's file.
    expect(await error.locator('button.finding-open').count()).toBe(0);
    const offered = error.getByRole('group', { name: /^在单位文件中改正/ });
    expect(await offered.getByRole('button').allInnerTexts()).toEqual(['打开 荆门市行政审批局(本级) 12.00', '打开 荆门市政务服务中心 3.00', '打开 荆门市公共资源交易中心 0.00']);
    await error.scrollIntoViewIfNeeded();
    await screenshot(app.page, '汇总-审核-在单位文件中改正');

    await offered.getByRole('button', { name: /荆门市政务服务中心/ }).click();
    await app.page.locator('.app-header').getByText('荆门市政务服务中心').waitFor();
    await app.page.locator('.table-page:not([inert]) .table-label', { hasText: '公开01表' }).waitFor();
    await expect.poll(() => app.page.locator('.grid-host[data-active] .ag-cell-focus').getAttribute('col-id')).toBe('s0-c1');
    expect(await app.page.locator('.grid-host[data-active] .ag-cell-focus').locator('xpath=ancestor::*[@row-id][1]').getAttribute('row-id')).toBe('L30');
    // In sight, not scrolled to before the unit's 审核 panel took the grid's lower part.
    await expect
      .poll(async () => {
        const [cell, grid] = await Promise.all([app.page.locator('.grid-host[data-active] .ag-cell-focus').boundingBox(), app.page.locator('.grid-host[data-active]').boundingBox()]);
        return cell!.y >= grid!.y && cell!.y + cell!.height <= grid!.y + grid!.height;
      })
      .toBe(true);
    // The unit's own finding points at its own cells, as before.
    const own = panel.locator('.finding.error[data-rule="R-B03"]');
    await own.waitFor();
    expect(await own.locator('.message').innerText()).toMatch(/改正录入有误的一处$/);
    expect(await own.locator('button.finding-open').count()).toBe(1);
    await screenshot(app.page, '汇总-审核-打开单位文件');
  });

  it('flags the confirmed 决算单位构成 after a re-汇总 without one unit, until confirmed again', async () => {
    const page = app.page;
    await page.getByRole('button', { name: '切换年度文件' }).click();
    await page.getByRole('button', { name: '汇总各单位年度文件…' }).click();
    const choose = page.getByRole('region', { name: '选择单位文件' });
    for (const unit of units.slice(0, 2)) await choose.getByLabel(new RegExp(unit.unitName.replace(/[()]/g, '.'))).check();
    await choose.getByLabel('汇总单位(主管部门)名称').fill('荆门市行政审批局');
    await choose.getByLabel('汇总结果文件名').fill('2023-汇总.sqlite');
    await choose.getByRole('button', { name: '检查' }).click();
    await page.getByRole('region', { name: '汇总检查结果' }).getByRole('button', { name: /确认汇总$/ }).click();
    const result = page.getByRole('region', { name: '汇总结果' });
    await result.getByText('已汇总到 2023-汇总.sqlite').waitFor();
    await result.getByRole('button', { name: '打开汇总结果' }).click();
    await page.locator('.app-header').getByText('荆门市行政审批局').waitFor();

    const panel = page.getByRole('region', { name: '审核结果' });
    const warning = panel.locator('.finding.warning[data-rule="P-07"]');
    await warning.waitFor();
    expect(await warning.locator('.message').innerText()).toContain('汇总的单位有变化(减少 荆门市公共资源交易中心)');
    await warning.locator('.finding-open').click();
    const doc = page.getByRole('region', { name: '决算公开' });
    const organisation = doc.getByLabel('机构设置及决算单位构成');
    await expect.poll(() => organisation.evaluate((field) => field === document.activeElement)).toBe(true);
    expect(await organisation.inputValue()).toBe('本部门决算由本级和两个二级单位组成。');
    const note = doc.getByRole('note', { name: '汇总单位有变化' });
    expect(await note.innerText()).toContain('确认后汇总的单位有变化:减少 荆门市公共资源交易中心。');
    await screenshot(page, '汇总-决算单位构成-单位有变化');

    await organisation.fill('本部门决算由本级和一个二级单位组成。');
    await note.getByRole('button', { name: '按现在的单位确认' }).click();
    await expect.poll(() => note.count()).toBe(0);
    await expect.poll(() => warning.count()).toBe(0);
    const json = (await app.call('exportReport', { file: '2023-汇总.sqlite', format: 'json' })).result as { dataBase64: string };
    const texts = JSON.parse(Buffer.from(json.dataBase64, 'base64').toString('utf8')).texts as { key: string; text: string }[];
    expect(texts.find((entry) => entry.key === 'profile.organisation')?.text).toBe('本部门决算由本级和一个二级单位组成。');
    await screenshot(page, '汇总-决算单位构成-再次确认');
  });

  it('says plainly where a unit file outside the data folder is (a 汇总 made by the CLI), keeping the 汇总 open', async () => {
    const outside = tempDir();
    try {
      await writeUnitFiles(outside.dir, [{ file: 'a.sqlite', unitName: '甲单位', unitCode: '1', tables: { 公开01表: { '28': { '1': '12.00' } } } }]);
      const unitFile = path.join(outside.dir, 'a.sqlite');
      // As `juesuan consolidate` records it: the unit file by its full path.
      writeConsolidation(path.join(app.dataDir, '2023-命令行汇总.sqlite'), await planConsolidation({ files: [unitFile], resolve: (file) => file, unitName: '命令行主管部门', adjust: 'none' }));
      const ui = new AppPage(app.page);
      await ui.openStart(app.host.url);
      await app.page.locator('.year-list button', { hasText: '2023-命令行汇总.sqlite' }).click();
      await app.page.locator('.app-header').getByText('命令行主管部门').waitFor();
      const error = app.page.getByRole('region', { name: '审核结果' }).locator('.finding.error[data-rule="R-B03"]');
      await error.waitFor();
      await error.getByRole('button', { name: /^打开 甲单位/ }).click();
      const said = error.getByRole('alert');
      await said.waitFor();
      expect(await said.innerText()).toBe(`甲单位的单位文件不在数据文件夹中,它在:${unitFile}。浏览器版只能打开数据文件夹中的年度文件:请把它复制到数据文件夹后从开始页打开,或用桌面版打开`);
      // The 汇总 stays open, its 审核 as it was.
      expect(await app.page.locator('.app-header').getByText('命令行主管部门').count()).toBe(1);
      await error.scrollIntoViewIfNeeded();
      await screenshot(app.page, '汇总-审核-单位文件在数据文件夹外');
    } finally {
      outside.cleanup();
    }
  });

  it('says which units of a 汇总 made by the CLI are outside the data folder, and where, on 按原汇总重新汇总', async () => {
    const outside = tempDir();
    try {
      await writeUnitFiles(outside.dir, [
        { file: 'a.sqlite', unitName: '甲单位', unitCode: '1', tables: {} },
        { file: 'b.sqlite', unitName: '乙单位', unitCode: '2', tables: {} },
      ]);
      const [a, b] = ['a.sqlite', 'b.sqlite'].map((name) => path.join(outside.dir, name));
      writeConsolidation(path.join(app.dataDir, '2023-命令行再汇总.sqlite'), await planConsolidation({ files: [a, b], resolve: (file) => file, unitName: '命令行主管部门', adjust: 'none' }));
      const page = app.page;
      await new AppPage(page).openStart(app.host.url);
      await page.getByRole('button', { name: '汇总各单位年度文件…' }).click();
      const choose = page.getByRole('region', { name: '选择单位文件' });
      await choose.getByLabel('汇总结果文件名').fill('2023-命令行再汇总.sqlite');
      await choose.getByRole('button', { name: '按原汇总重新汇总' }).click();
      const said = page.getByRole('alert');
      await said.waitFor();
      expect(await said.innerText()).toBe(
        `无法按原汇总重新汇总:2 个单位文件不在数据文件夹中(甲单位:${a};乙单位:${b})。浏览器版只能读取数据文件夹中的年度文件:请把它们复制到数据文件夹后在上方选择单位文件重新汇总,或用桌面版按原汇总重新汇总`,
      );
      // Not said to have changed: nothing was compared.
      expect(await choose.getByText('汇总后修改过的单位文件').count()).toBe(0);
      await screenshot(page, '汇总-按原汇总重新汇总-单位文件在数据文件夹外');
    } finally {
      outside.cleanup();
    }
  });
});

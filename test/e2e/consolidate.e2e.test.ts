import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORK_DEFS } from '../../shared/forms/framework-entry';
import { plantTransfers, splitSeed002 } from '../fixtures/consolidation';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

/** The 汇总 page and the batch 审核 view in Chromium, over three units made from seed 002. */
describe('汇总 and batch 审核 in the app', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  const units = [
    { name: '荆门市行政审批局(本级)', code: '158001' },
    { name: '荆门市政务服务中心', code: '158002' },
    { name: '荆门市公共资源交易中心', code: '158003' },
  ];
  beforeAll(async () => {
    app = await startApp();
    const docs = splitSeed002(units, [5, 3, 2]);
    plantTransfers(docs);
    for (const [index, doc] of docs.entries()) {
      const file = `2023-${'ABC'[index]}.sqlite`;
      for (const [method, args] of [
        // Numbered 表一…表九 as many counties print them: the 汇总 page names tables that way too.
        ['createYear', { file, fiscalYear: 2023, unitName: doc.unit.name, unitCode: doc.unit.code, numbering: '表' }],
        ['load', { file, doc }],
      ] as const) {
        const answer = await app.call(method, args);
        if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
      }
    }
    await app.call('edit', { file: '2023-C.sqlite', cells: [{ table: '公开01表', row: '59', col: '2', value: '5' }] });
    // Two units' 评价指标体系: kept by unit in the 汇总, not added up.
    for (const [file, kind] of [['2023-A.sqlite', 'DEPT_OVERALL_MS'], ['2023-C.sqlite', 'DEPT_OVERALL_DTH']] as const) {
      // 甲 ticked how its first item was judged: the 汇总 shows the ticks as entered.
      const seed = FRAMEWORK_DEFS[kind].seed;
      const framework = { ...seed, items: seed.items.map((item, i) => (i === 0 && FRAMEWORK_DEFS[kind].ticks.length ? { ...item, ticks: ['整体评价', '定量评价'] } : item)) };
      const answer = await app.call('saveFramework', { file, subject_code: '', framework });
      if (!answer.ok) throw new Error(`saveFramework: ${answer.error?.message}`);
    }
    // A reason kept for a 类 the tables do not have: its 情况说明 no longer agrees with the tables (P-06).
    await app.call('setReportText', { file: '2023-B.sqlite', key: 'reason.gpb.budget.299', text: '其他支出为一次性项目。' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('checks, shows the offsets, takes an edit, confirms and drills a cell down', async () => {
    const page = app.page;
    await new AppPage(page).openStart(app.host.url);
    await page.getByRole('region', { name: '汇总与批量审核' }).scrollIntoViewIfNeeded();
    await screenshot(page, '开始页-汇总与批量审核');
    await page.getByRole('button', { name: '汇总各单位年度文件…' }).click();
    const choose = page.getByRole('region', { name: '选择单位文件' });
    for (const unit of units) await choose.getByLabel(new RegExp(unit.name.replace(/[()]/g, '.'))).check();
    await choose.getByLabel('汇总单位(主管部门)名称').fill('荆门市行政审批局');
    await choose.getByLabel('汇总结果文件名').fill('2023-汇总.sqlite');
    await choose.getByRole('button', { name: '检查' }).click();
    const checked = page.getByRole('region', { name: '汇总检查结果' });
    await checked.getByRole('table', { name: '调整表' }).waitFor();
    expect(await checked.getByRole('table', { name: '调整表' }).locator('tbody tr').count()).toBe(5);
    await expect.poll(() => checked.getByRole('list', { name: '问题' }).textContent()).toContain('审核有');
    // Named with its file: another year's file of a unit bears the same unit name as the one summed.
    expect(await checked.getByRole('list', { name: '问题' }).textContent()).toContain(`${units[2].name}(2023-C.sqlite):审核有`);
    await expect.poll(() => checked.getByRole('heading', { level: 3 }).nth(1).textContent()).toContain('3,683.79 → 3,383.79');
    await screenshot(page, '汇总-检查结果');
    const frameworks = checked.getByRole('table', { name: '各单位评价指标体系' });
    expect(await frameworks.locator('caption').textContent()).toBe('各单位的评价指标体系按单位原样保存在汇总结果中,得分不相加;汇总单位自身的部门整体评价请在汇总结果中另行填写。');
    expect((await frameworks.locator('tbody tr').allInnerTexts()).map((row) => row.trimEnd())).toEqual([
      `${units[0].name}\t附件1.1 部门预算绩效评价指标体系\t97.03`,
      `${units[2].name}\t附件5 部门整体支出绩效自评指标计分表\t90.00`,
    ]);
    expect(await frameworks.getByRole('button', { name: /^查看/ }).count()).toBe(0);
    await frameworks.scrollIntoViewIfNeeded();
    await screenshot(page, '汇总-各单位评价指标体系');

    // The clerk halves one offset: the plan is checked again with it, the rest stays offset.
    await checked.getByLabel('第 1 笔抵销金额').fill('50.00');
    await checked.getByRole('button', { name: '按修改后的调整重新检查' }).click();
    await expect.poll(() => checked.getByRole('heading', { level: 3 }).nth(1).textContent()).toContain('3,683.79 → 3,433.79');
    await checked.getByRole('button', { name: '已了解以上问题,确认汇总' }).click();
    const result = page.getByRole('region', { name: '汇总结果' });
    await result.getByText('已汇总到 2023-汇总.sqlite').waitFor();

    // A unit's framework opened from the list with the keyboard: the unit's page layout, read-only, then Esc back.
    const title = '附件1.1 部门预算绩效评价指标体系';
    const open = frameworks.getByRole('button', { name: `查看 ${units[0].name} ${title}` });
    await open.focus();
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('region', { name: `${units[0].name} ${title}` });
    await sheet.waitFor();
    expect(await sheet.locator('.form-toolbar').textContent()).toContain(`单位:${units[0].name}(158001)(汇总中只读)`);
    expect(await sheet.getByLabel('合计得分').textContent()).toBe('97.03');
    const first = FRAMEWORK_DEFS.DEPT_OVERALL_MS.seed.items[0].l3;
    const ticked = sheet.getByRole('checkbox', { name: `${first} 评价方式 整体评价` });
    expect([await ticked.isChecked(), await ticked.isDisabled()]).toEqual([true, true]);
    expect(await sheet.getByRole('checkbox', { name: `${first} 评价方式 样本评价` }).isChecked()).toBe(false);
    // Nothing on the page takes an edit: every score, datum, choice and tick box is disabled.
    expect(await sheet.locator('input:enabled, select:enabled').count()).toBe(0);
    expect(await sheet.locator('input').count()).toBeGreaterThan(100);
    expect(await sheet.getByText(/按本年度项目自评表计算/).count()).toBe(1);
    await screenshot(page, '汇总-单位评价指标体系-只读');
    await page.keyboard.press('Escape');
    await frameworks.waitFor();
    expect(await sheet.count()).toBe(0);
    await expect.poll(() => open.evaluate((button) => button === document.activeElement)).toBe(true);
    await screenshot(page, '汇总-各单位评价指标体系-查看');
    // The other unit's, opened by mouse, closed by its button.
    await frameworks.getByRole('button', { name: `查看 ${units[2].name} 附件5 部门整体支出绩效自评指标计分表` }).click();
    const other = page.getByRole('region', { name: `${units[2].name} 附件5 部门整体支出绩效自评指标计分表` });
    expect(await other.getByLabel('合计得分').textContent()).toBe('90.00');
    await screenshot(page, '汇总-单位附件5-只读');
    await other.getByRole('button', { name: '← 返回汇总(Esc)' }).click();
    await frameworks.waitFor();
    const total = checked.getByRole('table', { name: '调整前后' }).getByRole('row').filter({ hasText: '总 计' }).first();
    expect(await total.locator('td').first().textContent()).toBe('表一');
    await total.click();
    const contributions = result.getByRole('table', { name: '各单位贡献' });
    await contributions.waitFor();
    expect(await contributions.locator('tbody tr').count()).toBe(3);
    expect(await contributions.locator('caption').textContent()).toContain('表一 第31行 总 计 第1栏:汇总数 3,433.79,各单位合计 3,683.79');
    await contributions.scrollIntoViewIfNeeded();
    await screenshot(page, '汇总-结果与各单位贡献');
    await contributions.getByRole('button', { name: '打开此单位' }).first().click();
    await page.locator('.app-header').getByText(units[0].name).waitFor();
  });

  it('drafts the 汇总’s 决算单位构成 from its units on the 决算公开 page; the clerk confirms it', async () => {
    const page = app.page;
    await page.getByRole('button', { name: '切换年度文件' }).click();
    await page.locator('.year-list button', { hasText: '荆门市行政审批局', hasNotText: '本级' }).click();
    await page.locator('.side-item', { hasText: '决算公开' }).click();
    const doc = page.getByRole('region', { name: '决算公开' });
    const organisation = doc.getByLabel('机构设置及决算单位构成');
    const drafted = `从决算单位构成看,纳入荆门市行政审批局2023年度部门决算编制范围的单位共3个,包括:1.${units[0].name};2.${units[1].name};3.${units[2].name}。`;
    await expect.poll(() => organisation.inputValue()).toBe(drafted);
    const confirm = doc.getByRole('button', { name: '按汇总单位生成的草稿,请核实(确认)' });
    await organisation.scrollIntoViewIfNeeded();
    await screenshot(page, '汇总-决算单位构成草稿');
    await confirm.click();
    await expect.poll(() => confirm.count()).toBe(0);
    // Confirmed, it is the clerk's text: stored, and an edit of it is kept as written.
    const stored = async () => {
      const json = (await app.call('exportReport', { file: '2023-汇总.sqlite', format: 'json' })).result as { dataBase64: string };
      const texts = JSON.parse(Buffer.from(json.dataBase64, 'base64').toString('utf8')).texts as { key: string; text: string; draft: boolean; generated?: true }[];
      return texts.find((entry) => entry.key === 'profile.organisation')!;
    };
    await expect.poll(stored).toEqual({ key: 'profile.organisation', label: '机构设置及决算单位构成', text: drafted, draft: false });
    await organisation.fill(`${drafted}其中行政单位1个,事业单位2个。`);
    await organisation.press('Tab');
    await expect.poll(async () => (await stored()).text).toBe(`${drafted}其中行政单位1个,事业单位2个。`);
    await screenshot(page, '汇总-决算单位构成已确认');
  });

  it('汇总 again after a unit changed: the recorded units and offsets, the 汇总’s own texts kept', async () => {
    const page = app.page;
    const edited = await app.call('edit', { file: '2023-B.sqlite', cells: [{ table: '公开01表', row: '59', col: '2', value: '3' }] });
    expect(edited.ok, edited.error?.message).toBe(true);
    await page.getByRole('button', { name: '切换年度文件' }).click();
    await page.getByRole('button', { name: '汇总各单位年度文件…' }).click();
    const choose = page.getByRole('region', { name: '选择单位文件' });
    await choose.getByLabel('汇总结果文件名').fill('2023-汇总.sqlite');
    await choose.getByRole('button', { name: '按原汇总重新汇总' }).click();
    await choose.getByText('汇总后修改过的单位文件:2023-B.sqlite').waitFor();
    expect(await choose.getByLabel('汇总单位(主管部门)名称').inputValue()).toBe('荆门市行政审批局');
    for (const unit of units) expect(await choose.getByLabel(new RegExp(unit.name.replace(/[()]/g, '.'))).isChecked()).toBe(true);
    const checked = page.getByRole('region', { name: '汇总检查结果' });
    // The offset the clerk halved is taken as recorded, not proposed again.
    expect(await checked.getByLabel('第 1 笔抵销金额').inputValue()).toBe('50.00');
    await screenshot(page, '汇总-按原汇总重新汇总');
    await checked.getByRole('button', { name: '已了解以上问题,确认汇总' }).click();
    await page.getByRole('region', { name: '汇总结果' }).getByText('已汇总到 2023-汇总.sqlite').waitFor();
    const json = (await app.call('exportReport', { file: '2023-汇总.sqlite', format: 'json' })).result as { dataBase64: string };
    const texts = JSON.parse(Buffer.from(json.dataBase64, 'base64').toString('utf8')).texts as { key: string; text: string; draft: boolean }[];
    expect(texts.find((entry) => entry.key === 'profile.organisation')).toMatchObject({ text: expect.stringContaining('其中行政单位1个,事业单位2个。'), draft: false });
    // Back to a year, where the next test starts.
    await page.getByRole('button', { name: '返回', exact: true }).click();
    await page.locator('.year-list button', { hasText: units[1].name }).click();
    await page.locator('.app-header').getByText(units[1].name).waitFor();
  });

  it('lists every file of the data folder in a sortable batch 审核 view', async () => {
    const page = app.page;
    await page.getByRole('button', { name: '切换年度文件' }).click();
    await page.getByRole('button', { name: '批量审核…' }).click();
    const table = page.getByRole('table', { name: '各单位审核结果' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(4);
    await table.getByRole('button', { name: /^错误/ }).click();
    await table.getByRole('button', { name: /^错误/ }).click();
    await expect.poll(() => table.locator('tbody tr').first().locator('td').nth(4).textContent()).not.toBe('0');
    await table.getByRole('button', { name: /^单位名称/ }).click();
    await table.locator('tbody tr').filter({ hasText: '公共资源交易中心' }).click();
    await page.getByRole('region', { name: '审核明细' }).getByText('[错误]').first().waitFor();
    // 情况说明数字一致 / 原因齐全: sorted by the count behind the words, the unit with the stray reason first.
    await table.getByRole('button', { name: /^情况说明数字一致/ }).click();
    const first = table.locator('tbody tr').first();
    await expect.poll(() => first.locator('td').nth(7).textContent()).toBe('否(1 处)');
    expect(await first.locator('td').nth(1).textContent()).toBe('荆门市政务服务中心');
    expect(await table.locator('tbody tr').nth(1).locator('td').nth(7).textContent()).toBe('是');
    await first.click();
    await page.getByRole('region', { name: '审核明细' }).getByText(/所说明的句子已不在情况说明中/).waitFor();
    await screenshot(page, '批量审核');
  });
});

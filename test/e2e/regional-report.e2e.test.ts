/**
 * The 决算公开 page of a 陕西 9 表 year: the page follows the 陕西 outline (表七 instead of 公开09表, with
 * 培训费 and 会议费), and a number of a 会议费 sentence jumps to its cell in 表七.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterchangeDoc } from '../../shared/contract';
import { inSet, REGIONAL_CASES } from '../fixtures/regional-years';
import { seed002Doc } from '../fixtures/seed-002';
import { SEED_002_REPORT_INPUTS, seed002LastYearDoc } from '../fixtures/seed-002-last-year';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

const SHAANXI = REGIONAL_CASES.find((c) => c.set === '陕西9')!;

describe('决算公开 page of a 陕西 year', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    const last = seed002LastYearDoc() as InterchangeDoc;
    const doc = seed002Doc() as InterchangeDoc;
    const unitName = '荆门市行政审批局(本级)';
    for (const [method, args] of [
      ['createYear', { file: '2022.sqlite', fiscalYear: 2022, unitName, template: '陕西9', numbering: '表' }],
      ['load', { file: '2022.sqlite', doc: inSet(last, '陕西9') }],
      ['edit', { file: '2022.sqlite', cells: SHAANXI.lastYear(last) }],
      ['createYear', { file: 'sx.sqlite', fiscalYear: 2023, unitName, template: '陕西9', numbering: '表', baselineFrom: '2022.sqlite' }],
      ['load', { file: 'sx.sqlite', doc: inSet(doc, '陕西9') }],
      ['edit', { file: 'sx.sqlite', cells: SHAANXI.thisYear(doc) }],
      ['setSupplementary', { file: 'sx.sqlite', values: SEED_002_REPORT_INPUTS }],
    ] as const) {
      const answer = await app.call(method, args);
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('shows 培训费 and 会议费 from 表七 and jumps from their numbers to 表七', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await app.page.locator('.year-list button', { hasText: '2023' }).click();
    await app.page.locator('.app-header').getByText('2023年度').waitFor();
    await app.page.locator('.side-item', { hasText: '决算公开' }).click();
    const doc = app.page.getByRole('region', { name: '决算公开' });
    const meeting = doc.locator('[data-sentence="sangong.meeting.budget"]');
    await expect.poll(() => meeting.innerText()).toContain('2023年度一般公共预算财政拨款会议费支出2.40万元,完成全年预算的80.00%');
    await expect.poll(() => doc.locator('[data-sentence="sangong.meeting.yoy"]').innerText()).toContain('比上年会议费增加0.40万元,增长20.00%');
    await expect.poll(() => doc.getByText('七、一般公共预算财政拨款“三公”经费及会议费、培训费支出决算情况说明').count()).toBe(1);
    // Its wording is the program's guess (README 地区表套): the page says so under the section title.
    await expect.poll(() => doc.getByRole('note').filter({ hasText: '(三)培训费、(四)会议费:措辞为推断' }).count()).toBe(1);
    await meeting.scrollIntoViewIfNeeded();
    await screenshot(app.page, '决算公开-陕西-会议费');

    await meeting.locator('.report-figure').first().click();
    await expect.poll(() => app.page.locator('.table-page:not([inert]) .table-title').first().innerText()).toBe('一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表');
    await screenshot(app.page, '决算公开-陕西-跳到表七');
  });
});

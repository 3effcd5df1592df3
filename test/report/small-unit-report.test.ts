/**
 * A small unit's 2025 决算公开 (national 9 tables), started from its 2024 file: only 一般公共预算 money,
 * no 政府性基金 or 国有资本经营, and a “三公” that fell to nothing (公务接待费 1.20 → 0). What the clerk
 * reads on the page, in 审核 and in the exported document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { tempDir } from '../helpers/temp';

const UNIT = '某县档案馆';

/** The same unit in both years: 2012650 事业运行 plus the usual 社保, 医疗 and 公积金 rows. */
function yearDoc(fiscalYear: number, amounts: { run: [string, string]; pension: string; reception: string; office: string }) {
  const [basic, project] = amounts.run;
  const spending = {
    '2012650': { '2': basic, '3': project },
    '2080505': { '2': amounts.pension },
    '2101101': { '2': '10.00' },
    '2210201': { '2': '12.00' },
  };
  const income = (Number(basic) + Number(project)).toFixed(2);
  const total = (Number(income) + Number(amounts.pension) + 22).toFixed(2);
  return {
    format: 'juesuan/1' as const,
    fiscalYear,
    unit: { name: UNIT, code: '101001' },
    template: '9' as const,
    tables: {
      公开01表: { '28': { '1': '0' }, '29': { '1': '0' }, '59': { '2': '0' }, '60': { '2': '0' } },
      公开02表: { '2012650': { '2': income }, '2080505': { '2': amounts.pension }, '2101101': { '2': '10.00' }, '2210201': { '2': '12.00' } },
      公开03表: spending,
      公开04表: { '1': { '1': total }, '2': { '1': '0' }, '3': { '1': '0' }, '29': { '1': '0' }, '30': { '1': '0' }, '31': { '1': '0' } },
      公开05表: spending,
      公开06表: {
        '30101': { '1': (Number(basic) - 30 - Number(amounts.office)).toFixed(2) },
        '30108': { '1': amounts.pension },
        '30110': { '1': '10.00' },
        '30113': { '1': '12.00' },
        '30201': { '1': amounts.office },
        '30217': { '1': amounts.reception },
        '30228': { '1': (30 - Number(amounts.reception)).toFixed(2) },
      },
      公开09表: { '1': { '2': '0', '4': '0', '5': '0', '6': '1.50', '8': '0', '10': '0', '11': '0', '12': amounts.reception } },
    },
    forms: [],
  };
}

let temp: ReturnType<typeof tempDir>;
let core: ReturnType<typeof createCore>;
beforeEach(async () => {
  temp = tempDir();
  core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
  await core.createYear({ file: '2024.sqlite', fiscalYear: 2024, unitName: UNIT, template: '9' });
  await core.load({ file: '2024.sqlite', doc: yearDoc(2024, { run: ['150.00', '50.00'], pension: '20.00', reception: '1.20', office: '20.00' }) });
  // Last year's clerk explained the 公务接待费 left unspent against its 预算.
  await core.setReportText({ file: '2024.sqlite', key: 'reason.sangong.reception.budget', text: '2024年严格控制公务接待。' });
  await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: UNIT, template: '9' });
  await core.load({ file: '2025.sqlite', doc: yearDoc(2025, { run: ['160.50', '50.00'], pension: '22.00', reception: '0', office: '26.50' }) });
  core.close();
  const bytes = fs.readFileSync(path.join(temp.dir, '2024.sqlite'));
  await core.importWorkbook({ file: '2025.sqlite', name: '2024.sqlite', dataBase64: bytes.toString('base64'), baseline: true });
});
afterEach(() => {
  core.close();
  temp.cleanup();
});

/** What the 报送版 needs besides the tables: the 概况, 年初预算 by 类 (as spent), 政府采购 and 资产 (补充信息 is saved whole: `more` joins it). */
async function complete(more: Record<string, string> = {}) {
  const texts = { 'profile.duties': '负责全县档案的收集、整理、保管和利用。', 'profile.organisation': '本单位为县档案馆,无下属单位。', 'profile.staff': '年末实有人员6人。' };
  for (const [key, text] of Object.entries(texts)) await core.setReportText({ file: '2025.sqlite', key, text });
  const budget = { '201': '210.50', '208': '22.00', '210': '10.00', '221': '12.00' };
  const procurement = { total: '5.00', goods: '5.00', works: '0', services: '0' };
  await core.setSupplementary({
    file: '2025.sqlite',
    values: {
      ...Object.fromEntries(Object.entries(budget).map(([code, value]) => [`gpb_initial_budget_by_code.${code}`, value])),
      ...Object.fromEntries(Object.entries(procurement).map(([key, value]) => [`gov_procurement.${key}`, value])),
      'assets.vehicles_total': '0',
      'assets.general_equipment_over_500k': '0',
      'assets.equipment_over_1m': '0',
      ...more,
    },
  });
}

const exported = async (format: 'md' | 'html', draft = false) => Buffer.from((await core.exportReport({ file: '2025.sqlite', format, draft })).dataBase64, 'base64').toString('utf8');

describe('a small unit’s 2025 决算公开', () => {
  it('asks in 审核 for the 主要原因 in words a clerk reads, whatever the sentence’s own lead', async () => {
    const findings = (await core.validate({ file: '2025.sqlite' })).findings.filter((finding) => finding.rule === 'P-05');
    const reception = findings.find((finding) => finding.row === 'sangong.reception.yoy')!;
    expect(reception.message).toMatch(/请在决算公开页写明主要原因$/);
    expect(findings.map((finding) => finding.message).join('\n')).not.toContain('写明主要是因为');
  });

  it('prints under the empty 公开07表 and 公开08表 that the unit had none, in the PDF’s page and the Markdown as in Word', async () => {
    await complete();
    const html = await exported('html');
    expect(html).toContain('<p>注:本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。</p><p>(本单位今年没有政府性基金预算财政拨款)</p>');
    expect(html).toContain('<p>(本单位今年没有国有资本经营预算财政拨款)</p>');
    // Tables with figures print their 注 only.
    expect(html.split('<p>(本单位今年没有')).toHaveLength(3);
    const md = await exported('md');
    expect(md).toContain('(本单位今年没有政府性基金预算财政拨款)');
    expect(md).toContain('(本单位今年没有国有资本经营预算财政拨款)');
  });

  it('publishes (报送版) only this year’s reasons: none unwritten as 【请填写主要原因】, and last year’s carried words only once confirmed', async () => {
    await complete();
    const key = 'reason.sangong.reception.budget';
    expect((await core.openYear({ file: '2025.sqlite' })).reportTexts[key]).toEqual({ text: '2024年严格控制公务接待。', draft: true });
    // The draft shows what is still to do: the reasons to write and last year's words to check.
    const draft = await exported('md', true);
    expect(draft).toContain('比上年公务接待费减少1.20万元,下降100.00%,主要是因为:【请填写主要原因】。');
    expect(draft).toContain('3.公务接待费0.00万元,完成全年预算的0.00%,主要是因为:【上年原因,请核实】2024年严格控制公务接待。');

    const published = await exported('md');
    expect(published).not.toContain('【请填写主要原因】');
    expect(published).not.toContain('2024年严格控制公务接待');
    expect(published).toContain('比上年公务接待费减少1.20万元,下降100.00%。');
    expect(published).toContain('3.公务接待费0.00万元,完成全年预算的0.00%。');

    await core.setReportText({ file: '2025.sqlite', key, text: '2025年未发生公务接待。' });
    await core.setReportText({ file: '2025.sqlite', key: 'reason.sangong.reception.yoy', text: '2025年未发生公务接待。' });
    const written = await exported('md');
    expect(written).toContain('3.公务接待费0.00万元,完成全年预算的0.00%,主要是因为:2025年未发生公务接待。');
    expect(written).toContain('比上年公务接待费减少1.20万元,下降100.00%,主要是因为:2025年未发生公务接待。');
    // The year it was written in keeps its own words.
    expect((await core.openYear({ file: '2024.sqlite' })).reportTexts[key]).toEqual({ text: '2024年严格控制公务接待。', draft: false });
  });

  it('counts nothing where no “三公” money was spent, and asks for the counts only where some was', async () => {
    await complete();
    const md = await exported('md');
    expect(md).toContain('因公出国(境)团组数0个,因公出国(境)人次数0人。');
    expect(md).toContain('本年度新购置公务用车0辆。');
    expect(md).toContain('截至2025年12月31日,财政拨款开支的公务用车保有量为0辆。');
    expect(md).toContain('国内公务接待批次0个,共接待0人(不包括陪同人员);国(境)外接待团组0个,0人。');
    expect(md).not.toContain('【未填写】');
    // 2024 spent 1.20 on 公务接待: its batches are the clerk's to count.
    const lastYear = Buffer.from((await core.exportReport({ file: '2024.sqlite', format: 'md', draft: true })).dataBase64, 'base64').toString('utf8');
    expect(lastYear).toContain('国内公务接待批次【未填写】个,共接待【未填写】人(不包括陪同人员);国(境)外接待团组【未填写】个,【未填写】人。');
    expect(lastYear).toContain('因公出国(境)团组数0个,因公出国(境)人次数0人。');
    // What the clerk enters wins.
    await complete({ 'sangong_stats.vehicles_held': '1' });
    expect(await exported('md')).toContain('财政拨款开支的公务用车保有量为1辆。');
  });

  it('refuses the 报送版 while it would print a blank to fill in, naming them; the draft shows them', async () => {
    const draft = await exported('md', true);
    expect(draft).toContain('【请填写主要职能】');
    expect(draft).toContain('2025年度一般公共预算财政拨款支出254.50万元,年初预算【请在决算公开页底部填写】。');
    expect(draft).toContain('(二)政府采购支出情况。【请在补充信息中填写2025年度政府采购支出】。');
    await expect(exported('md')).rejects.toThrow(
      /^不能导出报送版决算公开文档:6 处还未填写,如主要职能、机构设置及决算单位构成、人员情况。请在决算公开页填写概况和年初预算、在补充信息页填写“三公”统计数、政府采购和资产后再导出,或导出草稿$/,
    );
    await complete();
    const published = await exported('md');
    expect(published).not.toContain('【');
    expect(published).toContain('负责全县档案的收集、整理、保管和利用。');
    expect(published).toContain('2025年度一般公共预算财政拨款支出年初预算为254.50万元,支出决算为254.50万元,完成年初预算的100.00%。');
  });

  it('says a unit that bought nothing through 政府采购 had none, with no share of a zero total', async () => {
    await complete({ 'gov_procurement.total': '0', 'gov_procurement.goods': '0', 'gov_procurement.sme_amount': '0', 'gov_procurement.small_micro_amount': '0' });
    const md = await exported('md');
    expect(md).toContain('(二)政府采购支出情况。本单位2025年度无政府采购支出。');
    expect(md).not.toContain('占政府采购支出总额的');
  });
});

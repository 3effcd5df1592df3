/**
 * 云南 11 张表 (shared/tables/sets.ts).
 *
 * Table list and titles transcribed from 陆良县中医医院 2023年度部门决算 (目录 第二部分, published at
 * https://www.luliang.gov.cn/pub/description/53106.html); the same list is printed by 云南日报报业集团
 * 2024 and 迪庆州应急管理局 2024. The stored copy of that page ends before its tables, so its amounts
 * could not be transcribed. The amounts here are a real published disclosure's instead: 荆门市行政审批局
 * (本级) 2023 (seed 002), whose nine tables are the shared definitions 云南 prints as 表一–六、八、十一; the
 * 云南-only tables hold what that disclosure states: “三公” (its 公开09表, all 一般公共预算) and 机关运行经费
 * 100.20 (情况说明 line 299). One assumption: it gives no 经济分类 breakdown of 项目支出, so 表七 (川09表)
 * carries the 1,968.59 in one line (30299 其他商品和服务支出).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, inDataDir } from '../../electron/core/core';
import { templateTables } from '../../shared/tables';
import { seed002Doc } from '../fixtures/seed-002';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

/**
 * 陆良县中医医院 2023年度部门决算, 目录 第二部分 2023年度部门决算表 (verbatim). 双江拉祜族佤族布朗族傣族自治县
 * 财政局 2023年度部门决算 (a county department, https://www.shuangjiang.gov.cn/info/1207/124238.htm) prints the
 * same eleven titles in the same order as its 一–十一, then 十二、国有资产使用情况表 and 十三–十五 绩效自评
 * materials, which are not amount tables of the set.
 */
const LULIANG_2023_TABLES = [
  '收入支出决算表',
  '收入决算表',
  '支出决算表',
  '财政拨款收入支出决算总表',
  '一般公共预算财政拨款收入支出决算表',
  '一般公共预算财政拨款基本支出决算表',
  '一般公共预算财政拨款项目支出决算表',
  '政府性基金预算财政拨款收入支出决算表',
  '国有资本经营预算财政拨款收入支出决算表',
  '财政拨款“三公”经费、行政参公单位机关运行经费情况表',
  '一般公共预算财政拨款“三公”经费情况表',
];

/** 双江县财政局 2023年度部门决算, 目录 第二部分 2023年度部门决算表 (verbatim). */
const SHUANGJIANG_2023_TABLES = [
  '收入支出决算表',
  '收入决算表',
  '支出决算表',
  '财政拨款收入支出决算总表',
  '一般公共预算财政拨款收入支出决算表',
  '一般公共预算财政拨款基本支出决算表',
  '一般公共预算财政拨款项目支出决算表',
  '政府性基金预算财政拨款收入支出决算表',
  '国有资本经营预算财政拨款收入支出决算表',
  '财政拨款“三公”经费、行政参公单位机关运行经费情况表',
  '一般公共预算财政拨款“三公”经费情况表',
  '国有资产使用情况表',
  '2023年度部门整体支出绩效自评情况',
  '2023年度部门整体支出绩效自评表',
  '2023年度项目支出绩效自评表',
];

const cell = (table: string, row: string, col: string, value: string) => ({ table, row, col, value });

/** The 云南-only tables as seed 002 states them (see the file comment). */
const YUNNAN_ONLY = [
  cell('川09表', '30299', '1', '1968.59'),
  ...[
    ['2', '0.00', '0.00'],
    ['4', '0.00', '0.00'],
    ['5', '6.27', '6.27'],
    ['7', '2.02', '2.02'],
    ['8', '0.00', '0.00'],
  ].flatMap(([row, budget, actual]) => [cell('滇10表', row, '1', budget), cell('滇10表', row, '2', actual)]),
  cell('滇10表', '9', '2', '100.20'),
];

const describeFindings = (findings: { rule: string; table: string; row: string; col: string }[]) =>
  findings.map((f) => `${f.rule}|${f.table}|${f.row}|${f.col}`).sort();

describe('云南 11 张表', () => {
  it('prints the tables of a published 云南 disclosure, in its order', () => {
    expect(SHUANGJIANG_2023_TABLES.slice(0, 11)).toEqual(LULIANG_2023_TABLES);
    expect(templateTables('云南11').map((def) => def.title)).toEqual(
      // 陆良 2023 prints 表四 as “…决算总表”; 云南日报 2024 and 迪庆 2024 print “财政拨款收入支出决算表”, which we use.
      LULIANG_2023_TABLES.map((title) => (title === '财政拨款收入支出决算总表' ? '财政拨款收入支出决算表' : title)),
    );
  });

  it('a year of real figures in the 云南 layout has no finding the national set does not have', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: 'national.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', template: '9' });
    await core.load({ file: 'national.sqlite', doc: seed002Doc() });
    await core.createYear({ file: 'yn.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', template: '云南11', numbering: '表' });
    // 云南 prints 国有资本经营 as 表九 (川11表) instead of 公开08表; 荆门 has none.
    const { 公开08表: _none, ...tables } = seed002Doc().tables;
    await core.load({ file: 'yn.sqlite', doc: { ...seed002Doc(), template: '云南11', tables } });
    await core.edit({ file: 'yn.sqlite', cells: YUNNAN_ONLY });
    await core.setSupplementary({ file: 'yn.sqlite', values: { admin_running_cost: '100.20' } });

    const national = (await core.validate({ file: 'national.sqlite' })).findings;
    const yunnan = (await core.validate({ file: 'yn.sqlite' })).findings;
    expect(describeFindings(yunnan)).toEqual(describeFindings(national));
    // The seed's own findings (SPEC §2.7 P-02) are there; nothing about the 云南 tables.
    expect(yunnan.some((f) => ['川09表', '滇10表', '川11表'].includes(f.table) || /^R-[SD]/.test(f.rule))).toBe(false);

    // The relations are live: 财政拨款 “三公” below 一般公共预算's, 项目支出 by 经济分类 off by 1, 机关运行经费 off.
    await core.edit({ file: 'yn.sqlite', cells: [cell('滇10表', '5', '2', '6.00'), cell('川09表', '30299', '1', '1967.59')] });
    await core.setSupplementary({ file: 'yn.sqlite', values: { admin_running_cost: '99.00' } });
    const broken = (await core.validate({ file: 'yn.sqlite' })).findings.filter((f) => /^R-[SD]/.test(f.rule));
    expect(describeFindings(broken)).toEqual(['R-D01|滇10表|1|2', 'R-D01|滇10表|3|2', 'R-D01|滇10表|5|2', 'R-D02|补充信息|admin_running_cost|', 'R-S07|川09表|项目支出合计|1']);
    expect(broken.every((f) => f.severity === 'warning')).toBe(true);
    core.close();
  });

  it('is offered when creating a year and keeps its set and definitions edition', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    const info = await core.createYear({ file: 'a.sqlite', fiscalYear: 2025, unitName: '昆明市测试局', template: '云南11', numbering: '表' });
    expect(info.template).toBe('云南11');
    expect(info.definitionsEdition).toBeGreaterThanOrEqual(3);
    const table = await core.getTable({ file: 'a.sqlite', table: '表十' });
    expect(table.title).toBe('财政拨款“三公”经费、行政参公单位机关运行经费情况表');
    core.close();
  });
});

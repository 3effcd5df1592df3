/**
 * Tables that only regional 公开 sets print (beside 四川's 川05/07/09/11表 in sichuan.ts). Their titles
 * are copied from published disclosures (sources in sets.ts); no official template was seen for any
 * of them, so every layout here is INFERRED and says so above the grid.
 */
import { computed, input } from './formula';
import { functionalTable } from './functional';
import { INFERRED_NOTE } from './sichuan';
import { sangongTable } from './t09';
import type { FixedRowDef, FixedTableDef, FunctionalTableDef } from './types';

const YN10_ID = '滇10表';
const at = (row: string, col: string) => ({ table: YN10_ID, row, col });
const BUDGET = '1';
const ACTUAL = '2';

/** One row of 滇10表: input in both columns, or the sum of `parts` in both. */
function line(key: string, label: string, parts?: string[]): FixedRowDef {
  const rule = (col: string) => (parts ? computed(parts.map((part) => `r${part}`).join('+'), at(key, col)) : input());
  return { key, label, cells: { [BUDGET]: rule(BUDGET), [ACTUAL]: rule(ACTUAL) } };
}

/** Row keys of 滇10表 the rules read. */
export const YN10_ROWS = { total: '1', outbound: '2', car: '3', carPurchase: '4', carRunning: '5', reception: '6', receptionDomestic: '7', receptionForeign: '8', running: '9' } as const;

/**
 * 云南 表十 财政拨款“三公”经费、行政参公单位机关运行经费情况表. INFERRED: the “三公” items of all
 * 财政拨款 (as 公开09表, with 公务接待费 split 国内/国(境)外 as the 三公 statistics forms print it) and
 * 行政参公单位机关运行经费, each with 预算数 and 决算数. The 相关统计数 lines (团组、人次、车辆、批次) are
 * counts, not amounts: they stay in 补充信息 (“三公”统计) until the table model has count cells.
 */
export const YN10: FixedTableDef = {
  id: YN10_ID,
  title: '财政拨款“三公”经费、行政参公单位机关运行经费情况表',
  kind: 'fixed',
  columns: [
    { col: BUDGET, header: ['预算数'] },
    { col: ACTUAL, header: ['决算数'] },
  ],
  rows: [
    line('1', '一、“三公”经费支出', ['2', '3', '6']),
    line('2', '(一)因公出国(境)费'),
    line('3', '(二)公务用车购置及运行维护费', ['4', '5']),
    line('4', '1.公务用车购置费'),
    line('5', '2.公务用车运行维护费'),
    line('6', '(三)公务接待费', ['7', '8']),
    line('7', '1.国内公务接待费'),
    line('8', '2.国(境)外公务接待费'),
    line('9', '二、行政参公单位机关运行经费'),
  ],
  sides: [{ keyColumns: 'label-rowno', cols: [BUDGET, ACTUAL], rows: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] }],
  notes: [
    '注:本表反映部门本年度财政拨款“三公”经费和行政单位、参照公务员法管理的事业单位机关运行经费的预决算情况。预算数为全年预算数,决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。',
  ],
  emptyAsZero: true,
  colNoRow: '栏次',
  inferred: INFERRED_NOTE,
};

/** 四川 14 表 表十四 政府性基金预算财政拨款“三公”经费支出决算表 (宣汉 2021). INFERRED: 公开09表's layout. */
export const CN14: FixedTableDef = {
  ...sangongTable({
    id: '川14表',
    title: '政府性基金预算财政拨款“三公”经费支出决算表',
    notes: ['注:本表反映部门本年度政府性基金预算财政拨款“三公”经费支出预决算情况。'],
  }),
  inferred: INFERRED_NOTE,
};

/** Extra items of 陕西's “三公” table, after 公务接待费 in each half. */
export const SHAANXI_EXTRA = ['会议费', '培训费'] as const;

/**
 * 陕西 表七 一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表 (柞水 2020). INFERRED: 公开09表's
 * 预算数 | 决算数 halves, each with 会议费 and 培训费 after 公务接待费 (栏次 1–8 and 9–16); the
 * “三公”经费合计 does not include them.
 */
export const SX07: FixedTableDef = {
  ...sangongTable({
    id: '陕07表',
    title: '一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表',
    notes: ['注:本表反映部门本年度一般公共预算财政拨款“三公”经费及会议费、培训费支出预决算情况。决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。'],
    extra: SHAANXI_EXTRA,
  }),
  inferred: INFERRED_NOTE,
};

/**
 * 内蒙古 表五 项目收入支出决算表 (内蒙古公共资源交易中心 2022). INFERRED: 公开07表's 收入支出 layout by
 * 功能分类 over project funds of all sources — 年初结转和结余, 本年收入, 本年支出 (项目支出), 年末结转和结余.
 */
export const NM05: FunctionalTableDef = {
  ...functionalTable({
    id: '蒙05表',
    title: '项目收入支出决算表',
    codeScope: 'all',
    columns: [
      { col: '1', header: ['年初结转和结余'], prefill: 'LY.蒙05表[@].c4' },
      { col: '2', header: ['本年收入'] },
      { col: '3', header: ['本年支出'] },
      { col: '4', header: ['年末结转和结余'], formula: 'c1+c2-c3' },
    ],
    notes: ['注:本表反映部门本年度项目支出资金的收入、支出及结转和结余情况。'],
  }),
  inferred: INFERRED_NOTE,
};

const NM12_ID = '蒙12表';
const nm = (row: string) => ({ table: NM12_ID, row, col: '1' });

/** Row keys of 蒙12表 the rules read. */
export const NM12_ROWS = { running: '1', procurement: '2', goods: '3', works: '4', services: '5', sme: '6', smallMicro: '7' } as const;

/**
 * 内蒙古 表十二 机构运行经费支出、国有资产占用情况及政府采购支出信息表. INFERRED: its amounts only — 机构运行经费,
 * 政府采购 by 货物/工程/服务 and the 中小企业/小微企业 contract amounts, as the 情况说明 sections state them. The
 * 国有资产 counts (车辆, 大额设备) are not amounts: they stay in 补充信息 (国有资产占用) until the table model has count cells.
 */
export const NM12: FixedTableDef = {
  id: NM12_ID,
  title: '机构运行经费支出、国有资产占用情况及政府采购支出信息表',
  kind: 'fixed',
  columns: [{ col: '1', header: ['金额'] }],
  rows: [
    { key: '1', label: '一、机构运行经费支出', cells: { '1': input() } },
    { key: '2', label: '二、政府采购支出合计', cells: { '1': computed('r3+r4+r5', nm('2')) } },
    { key: '3', label: '1.政府采购货物支出', cells: { '1': input() } },
    { key: '4', label: '2.政府采购工程支出', cells: { '1': input() } },
    { key: '5', label: '3.政府采购服务支出', cells: { '1': input() } },
    { key: '6', label: '授予中小企业合同金额', cells: { '1': input() } },
    { key: '7', label: '其中:授予小微企业合同金额', cells: { '1': input() } },
  ],
  sides: [{ keyColumns: 'label-rowno', cols: ['1'], rows: ['1', '2', '3', '4', '5', '6', '7'] }],
  notes: ['注:本表反映部门本年度机构运行经费支出和政府采购支出情况;国有资产占用情况(车辆、大额设备)见情况说明。'],
  emptyAsZero: true,
  colNoRow: '栏次',
  inferred: INFERRED_NOTE,
};

/**
 * 情况说明 七–十: “三公”经费 (公开09表 with 年初预算 and statistics from 补充信息), 政府性基金,
 * 国有资本经营, and 其他重要事项 (机关运行经费, 政府采购, 国有资产占用, 预算绩效) — SPEC §5.3 JM-13…JM-22.
 */
import { SUPP_TABLE, type Supplementary } from '../rules/types';
import { VEHICLE_TYPES } from '../rules/supplementary';
import { TABLES, TOTAL } from '../tables';
import { amountText, percentText } from './format';
import { comma } from './sections-overview';
import type { Block, Figure, Part, Sentence } from './types';
import type { Quantity, Writer } from './writer';

const T05 = '公开05表';
const T06 = '公开06表';
const T07 = '公开07表';
const T08 = '公开08表';
/** The “三公” table a set without its own (outline.sangong) reads. */
export const T09 = '公开09表';

type Stats = NonNullable<Supplementary['sangong_stats']>;
type SangongBudget = NonNullable<Supplementary['sangong_initial_budget']>;

function count(_w: Writer, key: string, value: number | undefined): Figure | string {
  return value === undefined ? '【未填写】' : { kind: 'count', text: String(value), cells: [{ table: SUPP_TABLE, row: key, col: '' }] };
}

/** ",低于年初预算1.73万元,执行率为78.40%" against the 年初预算 entered on the page; nothing without one. */
function againstBudget(w: Writer, x: Quantity, budget: Quantity | null): Part[] {
  if (!budget || budget.value === 0) return [];
  const gap = budget.value - x.value;
  const cells = [...x.cells, ...budget.cells];
  const words = gap > 0 ? '低于' : gap < 0 ? '高于' : '等于';
  return [
    `,${words}年初预算`,
    ...(gap ? [{ kind: 'amount' as const, text: amountText(Math.abs(gap), w.outline.amountStyle), cells }, '万元'] : []),
    ',执行率为',
    { kind: 'percent', text: `${percentText(x.value, budget.value)}%`, cells },
  ];
}

export interface SangongItem {
  /** Sentence id part: a 年初预算 key, 'total', or a regional item (会议费 'meeting', 培训费 'training'). */
  key: string;
  name: string;
  /** The item's column under 预算数 and under 决算数 (the last header line; tables of 公开09表's layout). */
  column: string;
  budgetKeys: (keyof SangongBudget)[];
}

const ITEMS: SangongItem[] = [
  { key: 'outbound', name: '因公出国(境)费', column: '因公出国(境)费', budgetKeys: ['outbound'] },
  { key: 'vehicle_purchase', name: '公务用车购置费', column: '公务用车购置费', budgetKeys: ['vehicle_purchase'] },
  { key: 'vehicle_running', name: '公务用车运行维护费', column: '公务用车运行维护费', budgetKeys: ['vehicle_running'] },
  { key: 'reception', name: '公务接待费', column: '公务接待费', budgetKeys: ['reception'] },
];
const VEHICLES: SangongItem = { key: 'vehicles', name: '公务用车购置及运行维护费', column: '小计', budgetKeys: ['vehicle_purchase', 'vehicle_running'] };
const TOTAL_ITEM: SangongItem = { key: 'total', name: '财政拨款“三公”经费支出', column: '合计', budgetKeys: ['outbound', 'vehicle_purchase', 'vehicle_running', 'reception'] };

/** The 栏次 of `column` under `half` (预算数 / 决算数) in a table of 公开09表's layout (陕07表, 川14表 too). */
export function sangongColumn(table: string, half: '预算数' | '决算数', column: string): string {
  const found = TABLES.get(table)?.columns.find((c) => c.header[0] === half && c.header[c.header.length - 1] === column);
  if (!found) throw new Error(`${table} 没有“${half} ${column}”栏`);
  return found.col;
}

function initial(w: Writer, item: SangongItem): Quantity | null {
  const entered = w.source.supp.sangong_initial_budget ?? {};
  const keys = item.budgetKeys.filter((key) => entered[key] !== undefined);
  if (!keys.length) return null;
  return w.sum(...keys.map((key) => w.supp(`sangong_initial_budget.${key}`, entered[key])));
}

/** Two sentences per item: against 全年预算 (预算数) and 年初预算, then against last year, each with its reason. */
export function sangongItem(w: Writer, table: string, item: SangongItem, label: string, prefix = 'sangong', withBudget = true): Sentence[] {
  const actual = sangongColumn(table, '决算数', item.column);
  const x = w.cell(table, '1', actual);
  const planned = w.cell(table, '1', sangongColumn(table, '预算数', item.column));
  const budget = withBudget ? initial(w, item) : null;
  const last = w.lastYear(table, '1', actual);
  const id = `${prefix}.${item.key}`;
  const budgetBase = budget ?? planned;
  return [
    w.sentence(
      `${id}.budget`,
      [label, w.amount(x), '万元', ...comma(w.completion(x, planned, '完成全年预算的')), ...againstBudget(w, x, budget)],
      '。',
      w.reason(`${id}.budget`, '主要是因为:', x, budgetBase.value ? budgetBase : null),
    ),
    ...(last
      ? [w.sentence(`${id}.yoy`, yoyParts(w.change(x, last, item.name), item.name), '。', w.reason(`${id}.yoy`, '主要是因为:', x, last))]
      : []),
  ];
}

/** A change clause standing alone names its item when it has no figures ("公务接待费与上年持平"). */
function yoyParts(parts: Part[], name: string): Part[] {
  return parts.length === 1 ? [name, ...parts] : parts;
}

/** The “三公” items in print order: 合计, 因公出国(境), 公务用车 (小计, 购置, 运行维护), 公务接待. */
export const SANGONG_ITEMS = { total: TOTAL_ITEM, outbound: ITEMS[0], vehicles: VEHICLES, purchase: ITEMS[1], running: ITEMS[2], reception: ITEMS[3] };

/** This year's 决算数 the 相关统计数 count: 因公出国(境)费, 公务用车购置费, 公务用车购置及运行维护费, 公务接待费. */
export type SangongSpent = Record<'outbound' | 'purchase' | 'vehicles' | 'reception', Quantity>;

/** The 决算数 of the items of `table` (公开09表's layout) that the 相关统计数 count. */
export function sangongSpent(w: Writer, table: string): SangongSpent {
  const spent = (item: SangongItem) => w.cell(table, '1', sangongColumn(table, '决算数', item.column));
  return { outbound: spent(ITEMS[0]), purchase: spent(ITEMS[1]), vehicles: spent(VEHICLES), reception: spent(ITEMS[3]) };
}

/**
 * The 相关统计数 sentences (团组, 人次, 车辆, 接待批次) from 补充信息, placed after their items. A count
 * not entered whose money is 0 this year is 0 (no 因公出国(境)费, no 团组; no 公务用车 money, no
 * vehicle 财政拨款 pays for), printed as the seed's "团组数0个" rather than asked for as 【未填写】.
 */
export function sangongStats(w: Writer, spent: SangongSpent): Record<'outbound' | 'purchase' | 'held' | 'reception', Sentence> {
  const stats: Stats = w.source.supp.sangong_stats ?? {};
  const spentOn: Record<keyof Stats, Quantity> = {
    outbound_groups: spent.outbound,
    outbound_people: spent.outbound,
    vehicles_bought: spent.purchase,
    vehicles_held: spent.vehicles,
    reception_batches: spent.reception,
    reception_people: spent.reception,
    foreign_reception_batches: spent.reception,
    foreign_reception_people: spent.reception,
  };
  const s = (key: keyof Stats): Figure | string => {
    const money = spentOn[key];
    if (stats[key] === undefined && money.value === 0) return { kind: 'count', text: '0', cells: money.cells };
    return count(w, `sangong_stats.${key}`, stats[key]);
  };
  return {
    outbound: w.sentence('sangong.outbound.stats', ['因公出国(境)团组数', s('outbound_groups'), '个,因公出国(境)人次数', s('outbound_people'), '人']),
    purchase: w.sentence('sangong.vehicle_purchase.stats', ['本年度新购置公务用车', s('vehicles_bought'), '辆']),
    held: w.sentence('sangong.vehicle_running.stats', [`截至${w.year}年12月31日,财政拨款开支的公务用车保有量为`, s('vehicles_held'), '辆']),
    reception: w.sentence('sangong.reception.stats', ['国内公务接待批次', s('reception_batches'), '个,共接待', s('reception_people'), '人(不包括陪同人员);国(境)外接待团组', s('foreign_reception_batches'), '个,', s('foreign_reception_people'), '人']),
  };
}

export function sangongSection(w: Writer): Block[] {
  const table = w.outline.sangong?.table ?? T09;
  const fund = w.outline.sangong?.fund ?? '财政拨款';
  const stats = sangongStats(w, sangongSpent(w, table));
  const [outbound, purchase, running, reception] = ITEMS;
  const sentences: Sentence[] = [
    ...sangongItem(w, table, { ...TOTAL_ITEM, name: `${fund}“三公”经费支出` }, `${w.year}年度${fund}“三公”经费支出`),
  ];
  const detail: Sentence[] = [
    ...sangongItem(w, table, outbound, '1.因公出国(境)费'),
    stats.outbound,
    ...sangongItem(w, table, VEHICLES, '2.公务用车购置及运行维护费'),
    ...sangongItem(w, table, purchase, '(1)公务用车购置费'),
    stats.purchase,
    ...sangongItem(w, table, running, '(2)公务用车运行维护费'),
    stats.held,
    ...sangongItem(w, table, reception, '3.公务接待费'),
    stats.reception,
  ];
  return [
    { kind: 'heading', level: 3, text: `(一)${fund}“三公”经费支出决算总体情况` },
    { kind: 'paragraph', sentences },
    { kind: 'heading', level: 3, text: `(二)${fund}“三公”经费支出决算具体情况` },
    { kind: 'paragraph', sentences: detail },
  ];
}

/** 政府性基金 (公开07表) or 国有资本经营 (公开08表): one sentence, or the plain statement that there is none. */
export function fundLike(w: Writer, id: string, table: string, col: string, name: string, none: string): Block[] {
  const x = w.cell(table, TOTAL, col);
  const last = w.lastYear(table, TOTAL, col);
  const empty = x.value === 0 && !w.source.model.rows(table).some((row) => row.level === 3);
  if (empty && !last?.value) return [{ kind: 'paragraph', sentences: [w.sentence(id, [none])] }];
  return [{ kind: 'paragraph', sentences: [w.sentence(id, [`${w.year}年度${name}`, w.amount(x), '万元', ...comma(w.change(x, last))], '。', w.reason(id, `${w.direction(x, last)}的主要原因:`, x, last))] }];
}

export const fundSection = (w: Writer) => fundLike(w, 'fund', T07, '3', '政府性基金预算财政拨款支出', '本单位当年无政府性基金预算财政拨款收入支出');
export const soeSection = (w: Writer) => fundLike(w, 'soe', T08, '1', '国有资本经营预算财政拨款支出', '本单位今年没有国有资本经营预算财政拨款');

/** 机关运行经费: the 补充信息 figure where entered, else 公开06表 公用经费合计 (SPEC §1.12), with the 302 items. */
export function adminSection(w: Writer, lead = '(一)机关运行经费支出情况。'): Block[] {
  const entered = w.supp('admin_running_cost', w.source.supp.admin_running_cost);
  const common = w.cell(T06, '公用经费合计', '1');
  const x = entered ?? common;
  // The figure entered is most often 公用经费合计 itself (a 行政单位's, as in seed 002): then last year's
  // 公用经费合计 is its 上年数. Another figure has none stored with the file (上年数 are the tables').
  const last = !entered || entered.value === common.value ? w.lastYear(T06, '公用经费合计', '1') : null;
  const items = w.source.model
    .rows(T06)
    .filter((row) => row.key.length === 5 && row.key.startsWith('302') && (w.source.model.value(T06, row.key, '1') ?? 0) !== 0)
    .flatMap((row, i): Part[] => [i ? ',' : '', row.label.replace(/\s+/g, ''), w.amount(w.cell(T06, row.key, '1')), '万元']);
  const sentences = [
    w.sentence('admin', [`${lead}${w.year}年度机关运行经费支出`, w.amount(x), '万元', ...comma(w.change(x, last))], '。', w.reason('admin', '主要原因:', x, last)),
  ];
  if (items.length) sentences.push(w.sentence('admin.items', ['具体支出如下:', ...items]));
  return [{ kind: 'paragraph', sentences }];
}

export function procurementSection(w: Writer, lead = '(二)政府采购支出情况。'): Block[] {
  const p = w.source.supp.gov_procurement;
  const q = (key: string, value: number | undefined) => w.supp(`gov_procurement.${key}`, value) ?? { value: 0, cells: [] };
  if (!p) return [{ kind: 'paragraph', sentences: [w.sentence('procurement', [`${lead}【请在补充信息中填写${w.year}年度政府采购支出】`])] }];
  const total = q('total', p.total);
  // None bought: said so, with no breakdown of nothing and no share of a zero total.
  if (total.value === 0 && !p.goods && !p.works && !p.services) {
    return [{ kind: 'paragraph', sentences: [w.sentence('procurement', [`${lead}本单位${w.year}年度无政府采购支出`])] }];
  }
  const sentences = [
    w.sentence('procurement', [
      `${lead}${w.year}年度政府采购支出总额`, w.amount(total), '万元,其中:政府采购货物支出', w.amount(q('goods', p.goods)),
      '万元、政府采购工程支出', w.amount(q('works', p.works)), '万元、政府采购服务支出', w.amount(q('services', p.services)), '万元',
    ]),
  ];
  if (p.sme_amount !== undefined) {
    const sme = q('sme_amount', p.sme_amount);
    const micro = q('small_micro_amount', p.small_micro_amount);
    sentences.push(
      w.sentence('procurement.sme', ['授予中小企业合同金额', w.amount(sme), '万元,占政府采购支出总额的', w.share(sme, total), ',其中:授予小微企业合同金额', w.amount(micro), '万元,占政府采购支出总额的', w.share(micro, total)]),
    );
  }
  return [{ kind: 'paragraph', sentences }];
}

export function assetsSection(w: Writer, lead = '(三)国有资产占用情况。'): Block[] {
  const assets = w.source.supp.assets;
  const head = `${lead}截至${w.year}年12月31日,`;
  if (!assets) return [{ kind: 'paragraph', sentences: [w.sentence('assets', [`${head}【请在补充信息中填写车辆和大额设备情况】`])] }];
  const types = VEHICLE_TYPES.filter((type) => assets.vehicles_by_type[type]).flatMap((type, i): Part[] => [i ? '、' : '', type, count(w, `assets.vehicles_by_type.${type}`, assets.vehicles_by_type[type]), '辆']);
  return [
    {
      kind: 'paragraph',
      sentences: [
        w.sentence('assets', [head, '本单位共有车辆', count(w, 'assets.vehicles_total', assets.vehicles_total), '辆', ...(types.length ? [',其中:', ...types] : [])]),
        w.sentence('assets.equipment', ['单价50万元以上通用设备', count(w, 'assets.general_equipment_over_500k', assets.general_equipment_over_500k), '台(套),单价100万元以上设备', count(w, 'assets.equipment_over_1m', assets.equipment_over_1m), '台(套)']),
      ],
    },
  ];
}

/** 预算绩效: this year's project 自评 forms — count, money covered (执行数, SPEC App. D 4), share, each result. */
export function performanceSection(w: Writer, lead = '(四)预算绩效管理情况。'): Block[] {
  const forms = w.source.performance ?? [];
  if (!forms.length) return [{ kind: 'paragraph', sentences: [w.sentence('performance', [`${lead}本年度未录入项目绩效自评表`])] }];
  const spent: Quantity = { value: forms.reduce((total, form) => total + (form.spent ?? 0), 0), cells: [{ table: '预算绩效自评', row: '执行数', col: '' }] };
  const projects = w.cell(T05, TOTAL, '3');
  const sentences = [
    w.sentence('performance', [
      `${lead}根据预算绩效管理要求,本部门组织对${w.year}年度一般公共预算项目支出全面开展绩效自评,共有`,
      { kind: 'count', text: String(forms.length), cells: [{ table: '预算绩效自评', row: '项目数', col: '' }] },
      '个项目,涉及资金', w.amount(spent), '万元,占一般公共预算项目支出总额的', w.share(spent, projects),
    ]),
    ...forms.map((form, i) => {
      const cells = [{ table: '预算绩效自评', row: form.name, col: '' }];
      const money = (value: number | null): Part => (value === null ? '—' : { kind: 'amount', text: amountText(value, w.outline.amountStyle), cells });
      const rate = form.budget && form.spent !== null ? [',完成预算', { kind: 'percent' as const, text: `${percentText(form.spent, form.budget)}%`, cells }] : [];
      const score = form.score ? [`,自评得分${form.score}分`, form.grade ? `,等级为“${form.grade}”` : ''] : [];
      // A project's name most often ends in 项目 itself (“…运维项目”): not “…项目项目”.
      const project = form.name.endsWith('项目') ? form.name : `${form.name}项目`;
      return w.sentence(`performance.${i + 1}`, [`${i + 1}.${project}:全年预算数为`, money(form.budget), '万元,执行数为', money(form.spent), '万元', ...rate, ...score]);
    }),
  ];
  return [{ kind: 'paragraph', sentences }];
}

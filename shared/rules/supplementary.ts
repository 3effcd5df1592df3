/**
 * Supplementary inputs (SPEC §1.12) as the clerk enters them: a flat set of fields declared once
 * here, drawn by the 补充信息 page, stored as strings, and turned into the `Supplementary` the rules
 * read. A field left empty stays absent, so the rules that need it are skipped, not failed.
 */
import { AmountError, parseAmount } from '../money';
import type { Supplementary } from './types';

export type SuppKind = 'amount' | 'count' | 'percent' | 'choice';

export interface SuppField {
  key: string;
  label: string;
  group: string;
  kind: SuppKind;
  choices?: readonly string[];
}

export const VEHICLE_TYPES = ['副部(省)级及以上领导用车', '主要领导干部用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部用车', '其他用车'] as const;

export const SUPP_FIELDS: readonly SuppField[] = [
  { key: 'unit_info.nature', label: '单位性质', group: '单位情况', kind: 'choice', choices: ['行政单位', '参照公务员法管理事业单位', '事业单位'] },
  { key: 'admin_running_cost', label: '机关运行经费', group: '机关运行经费', kind: 'amount' },
  { key: 'training_fee', label: '培训费(全部资金)', group: '培训费和会议费', kind: 'amount' },
  { key: 'meeting_fee', label: '会议费(全部资金)', group: '培训费和会议费', kind: 'amount' },
  { key: 'gov_procurement.total', label: '政府采购支出总额', group: '政府采购', kind: 'amount' },
  { key: 'gov_procurement.goods', label: '货物', group: '政府采购', kind: 'amount' },
  { key: 'gov_procurement.works', label: '工程', group: '政府采购', kind: 'amount' },
  { key: 'gov_procurement.services', label: '服务', group: '政府采购', kind: 'amount' },
  { key: 'gov_procurement.sme_amount', label: '授予中小企业合同金额', group: '政府采购', kind: 'amount' },
  { key: 'gov_procurement.small_micro_amount', label: '其中:授予小微企业合同金额', group: '政府采购', kind: 'amount' },
  { key: 'assets.vehicles_total', label: '车辆总数(辆)', group: '国有资产占用', kind: 'count' },
  ...VEHICLE_TYPES.map((type): SuppField => ({ key: `assets.vehicles_by_type.${type}`, label: type, group: '国有资产占用', kind: 'count' })),
  { key: 'assets.general_equipment_over_500k', label: '单价50万元以上通用设备(台套)', group: '国有资产占用', kind: 'count' },
  { key: 'assets.equipment_over_1m', label: '单价100万元以上设备(台套)', group: '国有资产占用', kind: 'count' },
  { key: 'sangong_stats.vehicles_held', label: '公务用车保有量(辆)', group: '“三公”经费统计', kind: 'count' },
  { key: 'sangong_stats.outbound_groups', label: '因公出国(境)团组数(个)', group: '“三公”经费统计', kind: 'count' },
  { key: 'sangong_stats.outbound_people', label: '因公出国(境)人次数(人)', group: '“三公”经费统计', kind: 'count' },
  { key: 'sangong_stats.vehicles_bought', label: '本年新购置公务用车(辆)', group: '“三公”经费统计', kind: 'count' },
  { key: 'sangong_stats.reception_batches', label: '国内公务接待批次(个)', group: '“三公”经费统计', kind: 'count' },
  { key: 'sangong_stats.reception_people', label: '国内公务接待人次(人)', group: '“三公”经费统计', kind: 'count' },
  { key: 'sangong_stats.foreign_reception_batches', label: '国(境)外接待团组(个)', group: '“三公”经费统计', kind: 'count' },
  { key: 'sangong_stats.foreign_reception_people', label: '国(境)外接待人数(人)', group: '“三公”经费统计', kind: 'count' },
  { key: 'sangong_initial_budget.outbound', label: '因公出国(境)费', group: '“三公”经费年初预算', kind: 'amount' },
  { key: 'sangong_initial_budget.vehicle_purchase', label: '公务用车购置费', group: '“三公”经费年初预算', kind: 'amount' },
  { key: 'sangong_initial_budget.vehicle_running', label: '公务用车运行维护费', group: '“三公”经费年初预算', kind: 'amount' },
  { key: 'sangong_initial_budget.reception', label: '公务接待费', group: '“三公”经费年初预算', kind: 'amount' },
  { key: 'perf_summary.amount', label: '绩效自评涉及资金', group: '绩效自评覆盖', kind: 'amount' },
  { key: 'perf_summary.coverage_pct', label: '说明中所写覆盖比例(%)', group: '绩效自评覆盖', kind: 'percent' },
];

/**
 * 一般公共预算财政拨款 年初预算 per 公开05表 row (合计, 类, 款 or 项): one field per code, keyed
 * gpb_initial_budget_by_code.<code>, entered on the 决算公开 page and read by P-03 and the document.
 */
export const BUDGET_FIELD = /^gpb_initial_budget_by_code\.(合计|\d{3}|\d{5}|\d{7})$/;

/** The field a stored key names: a declared field, or one code's 年初预算. */
export function suppFieldOf(key: string): SuppField | undefined {
  const budget = BUDGET_FIELD.exec(key);
  if (budget) return { key, label: `${budget[1]} 年初预算`, group: '一般公共预算财政拨款年初预算', kind: 'amount' };
  return SUPP_FIELDS.find((candidate) => candidate.key === key);
}

export class SuppError extends Error {}

/** Checks the entered strings; the message names the field as the page shows it. */
export function parseSupplementary(values: Record<string, string | null>): Supplementary {
  const supp: Record<string, unknown> = {};
  const put = (path: string, value: unknown) => {
    const parts = path.split('.');
    let target = supp;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = value;
  };
  for (const [key, raw] of Object.entries(values)) {
    const field = suppFieldOf(key);
    if (!field) throw new SuppError(`补充信息中没有“${key}”这一项`);
    const text = raw?.trim() ?? '';
    if (!text) continue;
    // “机关运行经费·机关运行经费” said twice is noise: a field alone in its like-named group is named once.
    const named = field.label === field.group ? field.label : `${field.group}·${field.label}`;
    if (field.kind === 'choice') {
      if (!field.choices!.includes(text)) throw new SuppError(`${named}:应为${field.choices!.join('、')}之一`);
      put(key, text);
    } else if (field.kind === 'count') {
      if (!/^\d{1,6}$/.test(text)) throw new SuppError(`${named}:“${text}”不是整数`);
      put(key, Number(text));
    } else if (field.kind === 'percent') {
      if (!/^\d{1,3}(\.\d{1,2})?%?$/.test(text)) throw new SuppError(`${named}:“${text}”不是百分比`);
      put(key, Number(text.replace('%', '')));
    } else {
      try {
        put(key, parseAmount(text));
      } catch (error) {
        if (error instanceof AmountError) throw new SuppError(`${named}:${error.message}`);
        throw error;
      }
    }
  }
  // The procurement and vehicle rules read whole groups: a partly filled group counts missing parts as 0.
  const procurement = supp.gov_procurement as Record<string, number> | undefined;
  if (procurement) for (const part of ['total', 'goods', 'works', 'services']) procurement[part] ??= 0;
  const assets = supp.assets as { vehicles_total?: number; vehicles_by_type?: Record<string, number> } | undefined;
  if (assets) {
    assets.vehicles_total ??= 0;
    assets.vehicles_by_type ??= {};
  }
  if (supp.perf_summary) (supp.perf_summary as { amount?: number }).amount ??= 0;
  return supp as Supplementary;
}

/**
 * The 绩效自评 form rules FV-01 … FV-18 (SPEC §3.12) and the project-set rule R-X22 (SPEC §2.4) as
 * declared data: id, title and one Chinese message template per way the rule can fail, each with
 * its own severity (FV-03 is E, I or W depending on where the amounts came from). Every template
 * says where (the funding line, indicator or section), what was expected, what was found, and what
 * to do; the checks (rules-*.ts) only fill them.
 */
import { formatAmount, type Amount } from '../money';
import { formatPoints, type Points } from './decimal';
import { FUNDING_KEY_LABELS, formLabel, type FundingLine, type PerfForm } from './model';
import { fundingRows, type Profile } from './profiles';

export type Severity = 'error' | 'warning' | 'info';

export interface RuleVariant {
  severity: Severity;
  /** Template; {name}-style placeholders are filled from the finding. */
  message: string;
}

export interface FormRule {
  id: string;
  title: string;
  variants: Readonly<Record<string, RuleVariant>>;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** subject_code, or subject_name where the form has no code. */
  form: string;
  /** JSON path of the offending cell: "funding[TOTAL].score", "indicators[3].actual_raw", "objective_result". */
  field: string;
  message: string;
  expected?: string;
  actual?: string;
}

const E = 'error';
const W = 'warning';
const I = 'info';

export const FORM_RULES: readonly FormRule[] = [
  {
    id: 'FV-01',
    title: '调整后预算数 = 年初预算数 + 年中预算调整数',
    variants: {
      mismatch: { severity: E, message: '“{line}”调整后预算数 {actual} 与 年初预算数加年中预算调整数 {expected} 不相等,请核对这三个数' },
      rounding: { severity: W, message: '“{line}”调整后预算数 {actual} 与年初预算数 + 年中预算调整数 = {expected} 有尾数误差' },
    },
  },
  {
    id: 'FV-02',
    title: '资金来源合计 = 各明细之和',
    variants: {
      mismatch: { severity: E, message: '“{line}”{column} {actual} 与 其下各资金来源之和 {expected} 不相等,请核对各资金来源的金额' },
      rounding: { severity: W, message: '“{line}”{column} {actual} 与其下各资金来源之和 {expected} 有尾数误差' },
    },
  },
  {
    id: 'FV-03',
    title: '预算执行率 = 实际支出数 ÷ 调整后预算数',
    variants: {
      exact: { severity: E, message: '“{line}”预算执行率印为 {actual},按金额计算应为 {expected}' },
      near: { severity: I, message: '“{line}”预算执行率印为 {actual},按两位小数金额计算为 {expected}(差 ≤ 0.05 个百分点,多为尾数)' },
      far: { severity: W, message: '“{line}”预算执行率印为 {actual},按金额计算应为 {expected}' },
      undefined: { severity: E, message: '“{line}”调整后预算数为 0,执行率无定义,不应印为 {actual}' },
    },
  },
  {
    id: 'FV-04',
    title: '预算执行得分 = 执行率 × 权重',
    variants: {
      mismatch: { severity: E, message: '预算执行得分 {actual} 与按执行率计算的 {expected} 不符' },
      undefined: { severity: E, message: '调整后预算数为 0,执行率无定义,预算执行得分不能为 {actual}' },
    },
  },
  {
    id: 'FV-05',
    title: '绩效指标权重合计',
    variants: {
      total: { severity: E, message: '绩效指标权重合计 {actual},应为 {expected}' },
      level1: { severity: E, message: '“{level1}”权重合计 {actual},应为 {expected}' },
    },
  },
  {
    id: 'FV-06',
    title: '0 ≤ 指标得分 ≤ 权重',
    variants: {
      range: { severity: E, message: '指标“{name}”得分 {actual} 超出 0 至 {expected} 的范围' },
    },
  },
  {
    id: 'FV-07',
    title: '总分 = 预算执行得分 + 指标得分之和',
    variants: {
      mismatch: { severity: E, message: '自评得分 {actual} 与 预算执行得分加指标得分合计 {expected} 不相等,请改正自评得分' },
      narrative: { severity: E, message: '文字材料所引自评得分 {actual} 与本表 {expected} 不符' },
    },
  },
  {
    id: 'FV-08',
    title: '完成情况与得分相符,或有说明',
    variants: {
      not_met_full: { severity: W, message: '指标“{name}”完成值 {actual} 未达到指标值 {expected},却得满分,请说明原因' },
      met_partial: { severity: W, message: '指标“{name}”已达到指标值 {expected},得分 {actual} 低于权重,请说明扣分原因' },
    },
  },
  {
    id: 'FV-09',
    title: '完成值应为实际测量值',
    variants: {
      range: { severity: W, message: '指标“{name}”完成值“{actual}”是范围,不是实际完成的数值' },
    },
  },
  {
    id: 'FV-10',
    title: '单位与指标相符',
    variants: {
      percent_range: { severity: E, message: '指标“{name}”以 % 计量,{column}“{actual}”不在 0–100 之间' },
      rate_count_unit: { severity: W, message: '指标“{name}”是比率,单位却是“{actual}”' },
      count_money_unit: { severity: W, message: '指标“{name}”是数量,指标值却是金额单位“{actual}”' },
    },
  },
  {
    id: 'FV-11',
    title: '执行率偏低须说明原因',
    variants: {
      missing: { severity: W, message: '预算执行率 {actual} 低于 {expected},须填写原因' },
      too_long: { severity: W, message: '执行率偏低的原因 {actual} 字,超过 {expected} 字的限制' },
    },
  },
  {
    id: 'FV-12',
    title: '文字栏目须如实填写',
    variants: {
      empty: { severity: W, message: '“{label}”未填写' },
      placeholder: { severity: W, message: '“{label}”仍是模板提示语:“{actual}”' },
      too_long: { severity: W, message: '“{label}”{actual} 字,超过 {expected} 字的限制' },
    },
  },
  {
    id: 'FV-13',
    title: '年度指标应出自长期绩效目标',
    variants: {
      not_in_long_term: { severity: W, message: '年度指标“{name}”({level1}/{level2})不在长期绩效目标中' },
      missing_annual: { severity: W, message: '长期绩效目标“{name}”({level1}/{level2})在年度指标中缺失' },
      target_differs: { severity: I, message: '指标“{name}”年度目标值 {actual} 与长期目标值 {expected} 不同' },
    },
  },
  {
    id: 'FV-14',
    title: '一级、二级指标名称与层级',
    variants: {
      unknown_level1: { severity: E, message: '“{actual}”不是可识别的一级指标' },
      unknown_level2: { severity: E, message: '“{actual}”不是可识别的二级指标' },
      not_allowed: { severity: E, message: '一级指标“{level1}”下不能设二级指标“{level2}”' },
      typo: { severity: W, message: '指标名称“{actual}”有误写,应为“{expected}”' },
      generic: { severity: W, message: '二级指标“{actual}”应写作“{expected}”' },
    },
  },
  {
    id: 'FV-15',
    title: '资金来源与决算资金性质一致',
    variants: {
      mismatch: { severity: W, message: '项目在决算中列为{expected}支出,本表却把 {actual} 万元列在“{line}”' },
    },
  },
  {
    id: 'FV-16',
    title: '文字材料中的项目数据与本表一致',
    variants: {
      mismatch: { severity: W, message: '文字材料中的{column} {actual} 与本表 {expected} 不一致' },
    },
  },
  {
    id: 'FV-17',
    title: '部门整体支出与决算一致',
    variants: {
      total: { severity: W, message: '部门整体实际支出数 {actual} 与决算一般公共预算财政拨款支出 {expected} 不一致' },
      split: { severity: W, message: '“{line}”实际支出数 {actual} 与决算对应资金支出 {expected} 不一致' },
    },
  },
  {
    id: 'FV-18',
    title: '基础数据表计算栏',
    variants: {
      mismatch: { severity: W, message: '基础数据表“{group}”{column}印为 {actual},按公式应为 {expected}' },
    },
  },
  {
    id: 'R-X22',
    title: '项目自评执行数之和 ≤ 决算项目支出',
    variants: {
      exceeds: { severity: W, message: '{count} 个项目自评表实际支出数之和 {actual} 超过决算项目支出 {expected}' },
    },
  },
];

const RULES_BY_ID = new Map(FORM_RULES.map((rule) => [rule.id, rule]));

/** Values the caller knows from outside the form: annex totals and what the narrative says. All plain amounts. */
export interface CheckContext {
  /** Which 决算 fund list the project's spending sits in (FV-15). */
  projectFundType?: 'GPB' | 'GOV_FUND' | 'SOE';
  /** Annex-table totals (FV-17): 公开05 合计 (一般公共预算财政拨款支出), 公开07 / 公开08 totals. */
  annex?: { gpbExpenditure?: Amount | null; govFundExpenditure?: Amount | null; soeExpenditure?: Amount | null };
  /** What the narrative (情况说明 / 自评报告) quotes for this form (FV-16, FV-07). */
  narrative?: { budget?: Amount | null; actual?: Amount | null; rate?: string | null; total_score?: Points | null };
}

export interface Vars {
  [key: string]: string | number | undefined;
}

export function finding(rule: string, variant: string, form: PerfForm, field: string, vars: Vars): Finding {
  return render(rule, variant, formLabel(form), field, vars);
}

export function render(rule: string, variant: string, form: string, field: string, vars: Vars): Finding {
  const def = RULES_BY_ID.get(rule)?.variants[variant];
  if (!def) throw new Error(`unknown rule ${rule}/${variant}`);
  const message = def.message.replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? ''));
  const result: Finding = { rule, severity: def.severity, form, field, message };
  if (vars.expected !== undefined) result.expected = String(vars.expected);
  if (vars.actual !== undefined) result.actual = String(vars.actual);
  return result;
}

/** §0.5 tolerance for keyed 2-dp amounts: 0.005 万元 per addend, at least 0.01, rounded up to 0.01. */
export function sumTolerance(addends: number): Amount {
  return Math.max(100, Math.ceil((50 * addends) / 100) * 100);
}

export const amountText = (a: Amount | null): string => formatAmount(a) ?? '';
export const pointsText = (p: Points | null): string => formatPoints(p) ?? '';

export function lineLabel(line: FundingLine, profile: Profile): string {
  const printed = fundingRows(profile).find((r) => r.key === line.key)?.label.filter((l) => l && l !== '——').join(' ');
  return line.label || printed || FUNDING_KEY_LABELS[line.key];
}

export const AMOUNT_COLUMNS = ['budget_initial', 'budget_adjustment', 'budget_adjusted', 'actual'] as const;

/** Cross-document comparisons allow the 0.01 万元 of printing (seed 004: 1954.425 vs 1954.42). */
export const PRINT_TOLERANCE: Amount = 100;

const NO_NOTE = new Set(['', '无', '/', '-', '—', '——', '无偏差']);

/** An empty note, or one that says nothing ("无", "/", "——"). */
export function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || NO_NOTE.has(text.replace(/[\s。.]/g, ''));
}

/** Characters as a clerk counts them: every non-space character, one per Chinese character. */
export function charCount(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}

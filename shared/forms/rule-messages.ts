/**
 * The 绩效自评 form rules FV-01 … FV-18 (SPEC §3.12) and the project-set rule R-X22 (SPEC §2.4) as
 * declared data: id, title and one Chinese message template per way the rule can fail, each with
 * its own severity (FV-03 is E, I or W depending on where the amounts came from). Every template
 * says where (the funding line, indicator or section), what was expected, what was found, and what
 * to do; the checks (rules-*.ts) only fill them.
 */
import { displayFullAmount, type Amount } from '../money';
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
      mismatch: { severity: E, message: '资金“{line}”行:调整后预算数应为年初预算数加年中预算调整数 {expected},填的是 {actual}。请核对这三个数' },
      rounding: { severity: W, message: '资金“{line}”行:调整后预算数 {actual},年初预算数加年中预算调整数为 {expected},有尾数误差。请核实,无误可填写出错说明' },
    },
  },
  {
    id: 'FV-02',
    title: '资金来源合计 = 各明细之和',
    variants: {
      mismatch: { severity: E, message: '资金“{line}”行 {column}:应为其下各资金来源之和 {expected},填的是 {actual}。请核对各资金来源的金额' },
      rounding: { severity: W, message: '资金“{line}”行 {column}:{actual},其下各资金来源之和为 {expected},有尾数误差。请核实,无误可填写出错说明' },
    },
  },
  {
    id: 'FV-03',
    title: '预算执行率 = 实际支出数 ÷ 调整后预算数',
    variants: {
      exact: { severity: E, message: '资金“{line}”行 预算执行率:按实际支出数 ÷ 调整后预算数应为 {expected},印的是 {actual}。请改正执行率或金额' },
      near: { severity: I, message: '资金“{line}”行 预算执行率:印的是 {actual},按两位小数金额计算为 {expected}(差 ≤ 0.05 个百分点,多为尾数)。请核实' },
      far: { severity: W, message: '资金“{line}”行 预算执行率:按实际支出数 ÷ 调整后预算数应为 {expected},印的是 {actual}。请改正执行率或金额' },
      undefined: { severity: E, message: '资金“{line}”行 预算执行率:调整后预算数为 0,执行率无定义,应不填,印的是 {actual}。请删去执行率或填写调整后预算数' },
    },
  },
  {
    id: 'FV-04',
    title: '预算执行得分 = 执行率 × 权重',
    variants: {
      mismatch: { severity: E, message: '预算执行得分:按执行率乘权重应为 {expected},填的是 {actual}。请改正预算执行得分' },
      undefined: { severity: E, message: '预算执行得分:调整后预算数为 0,执行率无定义,得分应为 0,填的是 {actual}。请改正得分或填写调整后预算数' },
    },
  },
  {
    id: 'FV-05',
    title: '绩效指标权重合计',
    variants: {
      total: { severity: E, message: '绩效指标:权重合计应为 {expected},填的是 {actual}。请调整各指标的权重' },
      level1: { severity: E, message: '一级指标“{level1}”:权重合计应为 {expected},填的是 {actual}。请调整其下各指标的权重' },
    },
  },
  {
    id: 'FV-06',
    title: '0 ≤ 指标得分 ≤ 权重',
    variants: {
      range: { severity: E, message: '指标“{name}”得分:应在 0 至权重 {expected} 之间,填的是 {actual}。请改正得分' },
    },
  },
  {
    id: 'FV-07',
    title: '总分 = 预算执行得分 + 指标得分之和',
    variants: {
      mismatch: { severity: E, message: '自评得分:应为预算执行得分加指标得分合计 {expected},填的是 {actual}。请改正自评得分' },
      narrative: { severity: E, message: '自评得分:文字材料引的是 {actual},本表为 {expected}。请改正文字材料' },
    },
  },
  {
    id: 'FV-08',
    title: '完成情况与得分相符,或有说明',
    variants: {
      not_met_full: { severity: W, message: '指标“{name}”:完成值 {actual} 未达到指标值 {expected},却得满分。请在偏差原因中说明,或改正得分' },
      met_partial: { severity: W, message: '指标“{name}”:已达到指标值 {expected},得分 {actual} 却低于权重。请在偏差原因中说明扣分原因,或改正得分' },
    },
  },
  {
    id: 'FV-09',
    title: '完成值应为实际测量值',
    variants: {
      range: { severity: W, message: '指标“{name}”完成值:应为实际完成的数值,填的是范围“{actual}”。请填写实际完成的数值' },
    },
  },
  {
    id: 'FV-10',
    title: '单位与指标相符',
    variants: {
      percent_range: { severity: E, message: '指标“{name}”{column}:以 % 计量应在 0 至 100 之间,填的是“{actual}”。请改正数值或计量单位' },
      rate_count_unit: { severity: W, message: '指标“{name}”计量单位:比率应以 % 计量,填的是“{actual}”。请改正计量单位' },
      count_money_unit: { severity: W, message: '指标“{name}”计量单位:数量指标应以个、项、人次等计量,填的是金额单位“{actual}”。请改正计量单位,或把指标归入成本指标' },
    },
  },
  {
    id: 'FV-11',
    title: '执行率偏低须说明原因',
    variants: {
      missing: { severity: W, message: '预算执行率:{actual} 低于 {expected},应写明原因,现未填写。请在“{cell}”中填写' },
      too_long: { severity: W, message: '{cell}:应不超过 {expected} 字,现有 {actual} 字。请精简' },
    },
  },
  {
    id: 'FV-12',
    title: '文字栏目须如实填写',
    variants: {
      empty: { severity: W, message: '“{label}”:应填写,现为空。请填写' },
      placeholder: { severity: W, message: '“{label}”:应为本项目的实际内容,现仍是模板提示语“{actual}”。请改写' },
      too_long: { severity: W, message: '“{label}”:应不超过 {expected} 字,现有 {actual} 字。请精简' },
    },
  },
  {
    id: 'FV-13',
    title: '年度指标应出自长期绩效目标',
    variants: {
      not_in_long_term: { severity: W, message: '年度指标“{name}”({level1}/{level2}):应出自长期绩效目标,长期目标中没有此指标。请核对指标名称,或在长期目标中补上' },
      missing_annual: { severity: W, message: '长期绩效目标“{name}”({level1}/{level2}):年度指标中应有对应指标,现没有。请在年度指标中补上' },
      target_differs: { severity: I, message: '指标“{name}”:年度指标值 {actual},长期目标值为 {expected}。请核实' },
    },
  },
  {
    id: 'FV-14',
    title: '一级、二级指标名称与层级',
    variants: {
      unknown_level1: { severity: E, message: '一级指标:应为产出指标、效益指标、满意度指标或成本指标,填的是“{actual}”。请改正' },
      unknown_level2: { severity: E, message: '二级指标:填的“{actual}”不是可识别的二级指标。请按指标体系改正' },
      not_allowed: { severity: E, message: '二级指标“{level2}”:不属于一级指标“{level1}”。请改到对应的一级指标下' },
      typo: { severity: W, message: '指标名称:应为“{expected}”,填的是“{actual}”。请改正' },
      generic: { severity: W, message: '二级指标:应写作“{expected}”,填的是“{actual}”。请改正' },
    },
  },
  {
    id: 'FV-15',
    title: '资金来源与决算资金性质一致',
    variants: {
      mismatch: { severity: W, message: '资金“{line}”行:项目在决算中列为{expected}支出,本行却列了 {actual} 万元。请把资金列到“{expected}”对应的行' },
    },
  },
  {
    id: 'FV-16',
    title: '文字材料中的项目数据与本表一致',
    variants: {
      mismatch: { severity: W, message: '{column}:文字材料中为 {actual},本表为 {expected}。请改正不一致的一处' },
    },
  },
  {
    id: 'FV-17',
    title: '部门整体支出与决算一致',
    variants: {
      total: { severity: W, message: '部门整体实际支出数:应与公开05表 一般公共预算财政拨款支出合计 {expected} 一致,填的是 {actual}。请核对' },
      split: { severity: W, message: '资金“{line}”行 实际支出数:应与决算表中对应资金的支出 {expected} 一致,填的是 {actual}。请核对' },
    },
  },
  {
    id: 'FV-18',
    title: '基础数据表计算栏',
    variants: {
      mismatch: { severity: W, message: '基础数据表“{group}”{column}:按公式应为 {expected},印的是 {actual}。请改正' },
    },
  },
  {
    id: 'R-X22',
    title: '项目自评执行数之和 ≤ 决算项目支出',
    variants: {
      exceeds: { severity: W, message: '全部项目自评表:{count} 个项目的实际支出数之和 {actual},不应超过公开03表 合计行 项目支出 {expected}。请核对各项目的实际支出数' },
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
  if (vars.expected !== undefined) result.expected = plainValue(vars.expected);
  if (vars.actual !== undefined) result.actual = plainValue(vars.actual);
  return result;
}

/** §0.5 tolerance for keyed 2-dp amounts: 0.005 万元 per addend, at least 0.01, rounded up to 0.01. */
export function sumTolerance(addends: number): Amount {
  return Math.max(100, Math.ceil((50 * addends) / 100) * 100);
}

/** An amount in a message, as the cells show it at full precision ("1,653.50"). */
export const amountText = (a: Amount | null): string => (a === null ? '' : displayFullAmount(a));

/** A finding's expected / actual in the API's plain form: an amount of a message without its separators ("1653.50"). */
const GROUPED_AMOUNT = /^-?\d{1,3}(,\d{3})+\.\d+$/;
const plainValue = (value: string | number): string => (GROUPED_AMOUNT.test(String(value)) ? String(value).replace(/,/g, '') : String(value));
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
  const compact = text.replace(/\s+/g, '');
  // Code points, as [...compact].length counts them, without building the array: a surrogate pair is one.
  let count = compact.length;
  for (let i = 1; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) {
      const before = compact.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

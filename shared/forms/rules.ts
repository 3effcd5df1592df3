/**
 * Form validation rules FV-01 … FV-18 (SPEC §3.12) and the project-set rule R-X22 (SPEC §2.4).
 * The rules are declared data: id, title and one Chinese message template per way the rule can
 * fail, each with its own severity (FV-03 is E, I or W depending on where the amounts came from).
 * checkForm only fills the templates; the UI and the exporter list findings as they are.
 */
import { formatAmount, type Amount } from '../money';
import { divRoundHalfUp, decToString, formatPoints, parseDec, toHalfWidth, type Dec, type Points } from './decimal';
import {
  COUNT_UNITS, GENERIC_SATISFACTION, isAllowedUnder, isRange, normaliseLevel1, normaliseLevel2, parseIndicatorValue,
  type IndicatorValue,
} from './indicators';
import { DEFAULT_PARENT, FIELD_LABELS, FUNDING_KEY_LABELS, formLabel, fundingLine, type FundingKey, type FundingLine, type Indicator, type PerfForm } from './model';
import { baseDataGroups, fundingRows, textSections, type Profile } from './profiles';
import { budgetExecScore, formatRate, lineRateBp, metState, suggestIndicatorScore } from './scoring';

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

interface Vars {
  [key: string]: string | number | undefined;
}

function finding(rule: string, variant: string, form: PerfForm, field: string, vars: Vars): Finding {
  return render(rule, variant, formLabel(form), field, vars);
}

function render(rule: string, variant: string, form: string, field: string, vars: Vars): Finding {
  const def = RULES_BY_ID.get(rule)?.variants[variant];
  if (!def) throw new Error(`unknown rule ${rule}/${variant}`);
  const message = def.message.replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? ''));
  const result: Finding = { rule, severity: def.severity, form, field, message };
  if (vars.expected !== undefined) result.expected = String(vars.expected);
  if (vars.actual !== undefined) result.actual = String(vars.actual);
  return result;
}

/** §0.5 tolerance for keyed 2-dp amounts: 0.005 万元 per addend, at least 0.01, rounded up to 0.01. */
function sumTolerance(addends: number): Amount {
  return Math.max(100, Math.ceil((50 * addends) / 100) * 100);
}

const amountText = (a: Amount | null): string => formatAmount(a) ?? '';
const pointsText = (p: Points | null): string => formatPoints(p) ?? '';

function lineLabel(line: FundingLine, profile: Profile): string {
  const printed = fundingRows(profile).find((r) => r.key === line.key)?.label.filter((l) => l && l !== '——').join(' ');
  return line.label || printed || FUNDING_KEY_LABELS[line.key];
}

const AMOUNT_COLUMNS = ['budget_initial', 'budget_adjustment', 'budget_adjusted', 'actual'] as const;

// ---------------------------------------------------------------- funding rules

function fv01(form: PerfForm, profile: Profile): Finding[] {
  return form.funding.flatMap((line) => {
    if (line.budget_initial === null || line.budget_adjustment === null || line.budget_adjusted === null) return [];
    const expected = line.budget_initial + line.budget_adjustment;
    const diff = Math.abs(line.budget_adjusted - expected);
    if (diff === 0) return [];
    // SPEC FV-01 tolerance: 0.001 万元 (seed 004 prints 3292.554 for 3246.24 + 46.315).
    const variant = diff <= 10 ? 'rounding' : 'mismatch';
    return [finding('FV-01', variant, form, `funding[${line.key}].budget_adjusted`, { line: lineLabel(line, profile), actual: amountText(line.budget_adjusted), expected: amountText(expected) })];
  });
}

/** The parent actually present on the form: YL-P prints 上级/本级 without their 一般公共预算 row, so they roll up to 合计. */
function effectiveParent(line: FundingLine, present: Set<FundingKey>): FundingKey | null {
  let parent = line.parent_key;
  while (parent !== null && !present.has(parent)) parent = DEFAULT_PARENT[parent];
  return parent;
}

function fv02(form: PerfForm, profile: Profile): Finding[] {
  const present = new Set(form.funding.map((l) => l.key));
  const findings: Finding[] = [];
  for (const parent of form.funding) {
    const children = form.funding.filter((l) => l !== parent && effectiveParent(l, present) === parent.key);
    if (children.length === 0) continue;
    for (const column of AMOUNT_COLUMNS) {
      const values = children.map((c) => c[column]).filter((v): v is Amount => v !== null);
      if (values.length === 0) continue;
      const sum = values.reduce((a, b) => a + b, 0);
      const own = parent[column];
      if (own === null && sum === 0) continue;
      const diff = Math.abs((own ?? 0) - sum);
      if (diff === 0) continue;
      const variant = diff <= sumTolerance(values.length) ? 'rounding' : 'mismatch';
      findings.push(
        finding('FV-02', variant, form, `funding[${parent.key}].${column}`, {
          line: lineLabel(parent, profile),
          column: FIELD_LABELS[column],
          actual: amountText(own),
          expected: amountText(sum),
        }),
      );
    }
  }
  return findings;
}

/**
 * A printed rate as a percentage with its printed decimals: "91.84%", "87%", "96.%" (seed
 * typo), "36.37" (percent without its sign), "0.975" (a fraction, YL-D). A plain number with a
 * decimal point below 1.5 is read as a fraction: no seed rate without a % sign is that small.
 */
export function parsePrintedRate(text: string): Dec | null {
  const s = toHalfWidth(text).trim().replace(/\s+/g, '');
  const percent = s.endsWith('%');
  const dec = parseDec(percent ? s.slice(0, -1) : s);
  if (!dec) return null;
  const fraction = !percent && s.includes('.') && dec.coef < 15n * 10n ** BigInt(Math.max(dec.scale - 1, 0)) && dec.scale > 0;
  if (!fraction) return dec;
  return dec.scale >= 2 ? { coef: dec.coef, scale: dec.scale - 2 } : { coef: dec.coef * 10n ** BigInt(2 - dec.scale), scale: 0 };
}

/** actual ÷ budget as a percent rounded half-up to `decimals` places, as an exact decimal. */
function rateAt(actual: Amount, budget: Amount, decimals: number): Dec {
  const coef = divRoundHalfUp(BigInt(actual) * 100n * 10n ** BigInt(decimals), BigInt(budget));
  return { coef, scale: decimals };
}

const hasHiddenPrecision = (a: Amount | null): boolean => a !== null && a % 100 !== 0;

function fv03(form: PerfForm, profile: Profile): Finding[] {
  return form.funding.flatMap((line) => {
    if (line.exec_rate === null || line.exec_rate.trim() === '') return [];
    const printed = parsePrintedRate(line.exec_rate);
    if (!printed) return [];
    const field = `funding[${line.key}].exec_rate`;
    const vars = { line: lineLabel(line, profile), actual: line.exec_rate };
    if (line.actual === null || line.budget_adjusted === null || line.budget_adjusted <= 0) {
      return printed.coef === 0n ? [] : [finding('FV-03', 'undefined', form, field, vars)];
    }
    if (rateAt(line.actual, line.budget_adjusted, printed.scale).coef === printed.coef) return [];
    const computed = rateAt(line.actual, line.budget_adjusted, 2);
    const expected = `${decToString(computed)}%`;
    if (hasHiddenPrecision(line.actual) || hasHiddenPrecision(line.budget_adjusted)) return [finding('FV-03', 'exact', form, field, { ...vars, expected })];
    const printed2 = printed.coef * 10n ** BigInt(Math.max(0, 2 - printed.scale));
    const diff = printed.scale > 2 ? null : computed.coef - printed2;
    const near = diff !== null && diff <= 5n && diff >= -5n;
    return [finding('FV-03', near ? 'near' : 'far', form, field, { ...vars, expected })];
  });
}

function fv04(form: PerfForm, profile: Profile): Finding[] {
  const total = fundingLine(form, 'TOTAL');
  if (!total || total.score === null || profile.scoring.budgetWeight === null) return [];
  const computed = budgetExecScore(total, profile);
  const field = 'funding[TOTAL].score';
  if (computed === null) {
    const undefinedRate = total.budget_adjusted === 0 || (total.budget_adjusted === null && total.actual !== null);
    return undefinedRate && total.score !== 0 ? [finding('FV-04', 'undefined', form, field, { actual: pointsText(total.score) })] : [];
  }
  return computed === total.score ? [] : [finding('FV-04', 'mismatch', form, field, { actual: pointsText(total.score), expected: pointsText(computed) })];
}

function fv11(form: PerfForm, profile: Profile): Finding[] {
  const threshold = profile.scoring.reasonBelowBp;
  const total = fundingLine(form, 'TOTAL');
  const bp = lineRateBp(total);
  if (threshold === null || bp === null || bp >= threshold) return [];
  const reason = total?.reason;
  if (isBlank(reason)) return [finding('FV-11', 'missing', form, 'funding[TOTAL].reason', { actual: formatRate(bp), expected: formatRate(threshold) })];
  const limit = profile.scoring.reasonMaxChars;
  if (limit !== null && charCount(reason!) > limit) return [finding('FV-11', 'too_long', form, 'funding[TOTAL].reason', { actual: charCount(reason!), expected: limit })];
  return [];
}

// ---------------------------------------------------------------- indicator rules

const annual = (form: PerfForm) => form.indicators.map((ind, i) => [ind, i] as const).filter(([ind]) => ind.horizon === 'ANNUAL');

function fv05(form: PerfForm, profile: Profile): Finding[] {
  const { indicatorTotal, level1Weights } = profile.scoring;
  const rows = annual(form);
  const findings: Finding[] = [];
  // A click on the finding lands on the first weight of the rows it sums (the whole list when there are none).
  const firstWeight = (of: typeof rows) => (of.length ? `indicators[${of[0][1]}].weight` : 'indicators');
  if (indicatorTotal !== null) {
    const sum = rows.reduce((s, [ind]) => s + (ind.weight ?? 0), 0);
    if (sum !== indicatorTotal) findings.push(finding('FV-05', 'total', form, firstWeight(rows), { actual: pointsText(sum), expected: pointsText(indicatorTotal) }));
  }
  for (const [level1, expected] of Object.entries(level1Weights ?? {})) {
    const group = rows.filter(([ind]) => normaliseLevel1(ind.level1)?.canonical === level1);
    const sum = group.reduce((s, [ind]) => s + (ind.weight ?? 0), 0);
    if (sum !== expected) findings.push(finding('FV-05', 'level1', form, firstWeight(group), { level1, actual: pointsText(sum), expected: pointsText(expected ?? null) }));
  }
  return findings;
}

function fv06(form: PerfForm): Finding[] {
  return annual(form).flatMap(([ind, i]) => {
    if (ind.score === null) return [];
    if (ind.score >= 0 && (ind.weight === null || ind.score <= ind.weight)) return [];
    return [finding('FV-06', 'range', form, `indicators[${i}].score`, { name: ind.name, actual: pointsText(ind.score), expected: pointsText(ind.weight) })];
  });
}

function fv07(form: PerfForm, profile: Profile, context: CheckContext): Finding[] {
  if (!profile.scoring.hasTotal) return [];
  const total = fundingLine(form, 'TOTAL');
  // The recorded budget score is used, not the computed one: a wrong budget score is FV-04's finding, not this one's.
  const budget = profile.scoring.budgetWeight === null ? 0 : (total?.score ?? budgetExecScore(total, profile) ?? 0);
  const expected = annual(form).reduce((s, [ind]) => s + (ind.score ?? suggestIndicatorScore(ind, profile) ?? 0), budget);
  const findings: Finding[] = [];
  if (form.total_score !== null && form.total_score !== expected) {
    findings.push(finding('FV-07', 'mismatch', form, 'total_score', { actual: pointsText(form.total_score), expected: pointsText(expected) }));
  }
  const cited = context.narrative?.total_score;
  const own = form.total_score ?? expected;
  if (cited !== undefined && cited !== null && cited !== own) {
    findings.push(finding('FV-07', 'narrative', form, 'total_score', { actual: pointsText(cited), expected: pointsText(own) }));
  }
  return findings;
}

const NO_NOTE = new Set(['', '无', '/', '-', '—', '——', '无偏差']);

function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || NO_NOTE.has(text.replace(/[\s。.]/g, ''));
}

function fv08(form: PerfForm, profile: Profile): Finding[] {
  return annual(form).flatMap(([ind, i]) => {
    if (ind.weight === null || ind.score === null || !isBlank(ind.deviation)) return [];
    const met = metState(ind, profile);
    const vars = { name: ind.name, expected: ind.target_raw ?? '' };
    if (met === 'not_met' && ind.score >= ind.weight) return [finding('FV-08', 'not_met_full', form, `indicators[${i}].deviation`, { ...vars, actual: ind.actual_raw ?? '' })];
    if (met === 'met' && ind.score < ind.weight) return [finding('FV-08', 'met_partial', form, `indicators[${i}].deviation`, { ...vars, actual: pointsText(ind.score) })];
    return [];
  });
}

function fv09(form: PerfForm): Finding[] {
  return annual(form).flatMap(([ind, i]) =>
    isRange(parseIndicatorValue(ind.actual_raw, ind.unit)) ? [finding('FV-09', 'range', form, `indicators[${i}].actual_raw`, { name: ind.name, actual: ind.actual_raw ?? '' })] : [],
  );
}

function outsidePercent(value: IndicatorValue): boolean {
  if (value.kind !== 'number' || value.unit !== '%') return false;
  return value.num.coef < 0n || value.num.coef > 100n * 10n ** BigInt(value.num.scale);
}

const MONEY_UNIT = /^万?元(\/.+)?$/;

function fv10(form: PerfForm): Finding[] {
  return form.indicators.flatMap((ind, i) => {
    const found: Finding[] = [];
    const target = parseIndicatorValue(ind.target_raw, ind.unit);
    for (const [column, value, raw] of [['target_raw', target, ind.target_raw], ['actual_raw', parseIndicatorValue(ind.actual_raw, ind.unit), ind.actual_raw]] as const) {
      if (outsidePercent(value)) found.push(finding('FV-10', 'percent_range', form, `indicators[${i}].${column}`, { name: ind.name, column: FIELD_LABELS[column], actual: raw ?? '' }));
    }
    const unit = ind.unit?.trim() || (target.kind === 'number' ? target.unit : null);
    if (unit && /率/.test(ind.name) && COUNT_UNITS.includes(unit)) {
      found.push(finding('FV-10', 'rate_count_unit', form, `indicators[${i}].${ind.unit ? 'unit' : 'target_raw'}`, { name: ind.name, actual: unit }));
    }
    if (unit && /数量/.test(ind.name) && MONEY_UNIT.test(unit)) {
      found.push(finding('FV-10', 'count_money_unit', form, `indicators[${i}].${ind.unit ? 'unit' : 'target_raw'}`, { name: ind.name, actual: unit }));
    }
    return found;
  });
}

function indicatorKey(ind: Indicator): string {
  const l1 = normaliseLevel1(ind.level1)?.canonical ?? ind.level1;
  const l2 = normaliseLevel2(ind.level2)?.canonical ?? ind.level2;
  return `${l1}|${l2}|${ind.name.replace(/\s+/g, '')}`;
}

function fv13(form: PerfForm, profile: Profile): Finding[] {
  const hasLongTerm = profile.layout.some((b) => b.kind === 'indicators' && b.horizon === 'LONG_TERM');
  if (!hasLongTerm) return [];
  const longTerm = new Map(form.indicators.map((ind, i) => [ind, i] as const).filter(([ind]) => ind.horizon === 'LONG_TERM').map(([ind, i]) => [indicatorKey(ind), [ind, i] as const]));
  const annualRows = annual(form);
  const annualKeys = new Set(annualRows.map(([ind]) => indicatorKey(ind)));
  const levels = (ind: Indicator) => ({ name: ind.name, level1: ind.level1.replace(/\s+/g, ''), level2: ind.level2.replace(/\s+/g, '') });
  const findings: Finding[] = [];
  for (const [ind, i] of annualRows) {
    const match = longTerm.get(indicatorKey(ind));
    if (!match) {
      findings.push(finding('FV-13', 'not_in_long_term', form, `indicators[${i}]`, levels(ind)));
    } else if ((match[0].target_raw ?? '').replace(/\s+/g, '') !== (ind.target_raw ?? '').replace(/\s+/g, '')) {
      findings.push(finding('FV-13', 'target_differs', form, `indicators[${i}].target_raw`, { name: ind.name, actual: ind.target_raw ?? '', expected: match[0].target_raw ?? '' }));
    }
  }
  for (const [key, [ind, i]] of longTerm) {
    if (!annualKeys.has(key)) findings.push(finding('FV-13', 'missing_annual', form, `indicators[${i}]`, levels(ind)));
  }
  return findings;
}

function fv14(form: PerfForm, profile: Profile): Finding[] {
  return form.indicators.flatMap((ind, i) => {
    const l1 = normaliseLevel1(ind.level1);
    const l2 = normaliseLevel2(ind.level2);
    const found: Finding[] = [];
    if (!l1) found.push(finding('FV-14', 'unknown_level1', form, `indicators[${i}].level1`, { actual: ind.level1 }));
    else if (l1.kind === 'typo') found.push(finding('FV-14', 'typo', form, `indicators[${i}].level1`, { actual: ind.level1, expected: l1.canonical }));
    if (!l2) found.push(finding('FV-14', 'unknown_level2', form, `indicators[${i}].level2`, { actual: ind.level2 }));
    else if (l2.kind === 'typo') found.push(finding('FV-14', 'typo', form, `indicators[${i}].level2`, { actual: ind.level2, expected: l2.canonical }));
    if (!l1 || !l2) return found;
    if (l2.canonical === GENERIC_SATISFACTION && l1.canonical === '满意度指标' && !profile.scoring.allowGenericSatisfaction) {
      found.push(finding('FV-14', 'generic', form, `indicators[${i}].level2`, { actual: ind.level2, expected: '服务对象满意度指标' }));
    } else if (!isAllowedUnder(l1.canonical, l2.canonical)) {
      found.push(finding('FV-14', 'not_allowed', form, `indicators[${i}].level2`, { level1: l1.canonical, level2: l2.canonical }));
    }
    return found;
  });
}

// ---------------------------------------------------------------- text rules

/** Template prompts and unfilled placeholders ("一是……;二是……", "(100字以内)", "XX"). */
function looksLikePlaceholder(text: string, prompt: string | undefined): boolean {
  const s = text.replace(/\s+/g, '');
  if (prompt && s === prompt.replace(/\s+/g, '')) return true;
  return /……|\.\.\.\.\.\.|[((]\d+字以内[))]|XX|××|xxx/i.test(s);
}

/** Characters as a clerk counts them: every non-space character, one per Chinese character. */
export function charCount(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}

function fv12(form: PerfForm, profile: Profile): Finding[] {
  const findings: Finding[] = [];
  for (const section of textSections(profile)) {
    const label = section.label[section.label.length - 1] ?? FIELD_LABELS[section.field];
    if (section.kind === 'text') {
      const value = form[section.field];
      if (value === null || value.trim() === '') {
        if (section.required) findings.push(finding('FV-12', 'empty', form, section.field, { label }));
        continue;
      }
      if (looksLikePlaceholder(value, section.prompt)) findings.push(finding('FV-12', 'placeholder', form, section.field, { label, actual: value.trim() }));
      else if (section.maxChars !== undefined && charCount(value) > section.maxChars)
        findings.push(finding('FV-12', 'too_long', form, section.field, { label, actual: charCount(value), expected: section.maxChars }));
      continue;
    }
    const items = form[section.field].filter((item) => item.trim() !== '');
    if (items.length === 0 && section.required) findings.push(finding('FV-12', 'empty', form, section.field, { label }));
    form[section.field].forEach((item, i) => {
      const field = `${section.field}[${i}]`;
      if (looksLikePlaceholder(item, undefined)) findings.push(finding('FV-12', 'placeholder', form, field, { label, actual: item.trim() }));
      else if (section.maxCharsEach !== undefined && charCount(item) > section.maxCharsEach)
        findings.push(finding('FV-12', 'too_long', form, field, { label, actual: charCount(item), expected: section.maxCharsEach }));
    });
  }
  return findings;
}

// ---------------------------------------------------------------- rules needing outside values

const FUND_TYPE_OF: Partial<Record<FundingKey, 'GPB' | 'GOV_FUND' | 'SOE'>> = { GPB: 'GPB', GPB_UPPER: 'GPB', GPB_LOCAL: 'GPB', GOV_FUND: 'GOV_FUND', SOE: 'SOE' };
const FUND_TYPE_NAME = { GPB: '一般公共预算', GOV_FUND: '政府性基金', SOE: '国有资本经营预算' } as const;

function fv15(form: PerfForm, profile: Profile, context: CheckContext): Finding[] {
  const expectedType = context.projectFundType;
  if (!expectedType || form.subject_type !== 'project') return [];
  return form.funding.flatMap((line) => {
    const type = FUND_TYPE_OF[line.key];
    const amount = line.actual ?? 0;
    if (!type || type === expectedType || amount === 0) return [];
    return [finding('FV-15', 'mismatch', form, `funding[${line.key}].actual`, { line: lineLabel(line, profile), expected: FUND_TYPE_NAME[expectedType], actual: amountText(amount) })];
  });
}

function fv16(form: PerfForm, context: CheckContext): Finding[] {
  const narrative = context.narrative;
  const total = fundingLine(form, 'TOTAL');
  if (!narrative || !total) return [];
  const findings: Finding[] = [];
  const compare = (column: string, cited: Amount | null | undefined, own: Amount | null, field: string) => {
    if (cited === undefined || cited === null || own === null || cited === own) return;
    findings.push(finding('FV-16', 'mismatch', form, field, { column, actual: amountText(cited), expected: amountText(own) }));
  };
  compare('预算数', narrative.budget, total.budget_adjusted, 'funding[TOTAL].budget_adjusted');
  compare('执行数', narrative.actual, total.actual, 'funding[TOTAL].actual');
  const cited = narrative.rate ? parsePrintedRate(narrative.rate) : null;
  if (cited && narrative.rate && total.actual !== null && total.budget_adjusted) {
    if (rateAt(total.actual, total.budget_adjusted, cited.scale).coef !== cited.coef) {
      findings.push(finding('FV-16', 'mismatch', form, 'funding[TOTAL].exec_rate', { column: '执行率', actual: narrative.rate, expected: `${decToString(rateAt(total.actual, total.budget_adjusted, 2))}%` }));
    }
  }
  return findings;
}

/** Cross-document comparisons allow the 0.01 万元 of printing (seed 004: 1954.425 vs 1954.42). */
const PRINT_TOLERANCE: Amount = 100;

function fv17(form: PerfForm, profile: Profile, context: CheckContext): Finding[] {
  const annex = context.annex;
  if (!annex || form.subject_type !== 'department') return [];
  const findings: Finding[] = [];
  const differs = (a: Amount | null, b: Amount | null | undefined): b is Amount => a !== null && b !== undefined && b !== null && Math.abs(a - b) > PRINT_TOLERANCE;
  const total = fundingLine(form, 'TOTAL');
  if (total && differs(total.actual, annex.gpbExpenditure)) {
    findings.push(finding('FV-17', 'total', form, 'funding[TOTAL].actual', { actual: amountText(total.actual), expected: amountText(annex.gpbExpenditure) }));
  }
  const splits: Array<[FundingKey, Amount | null | undefined]> = [['GPB', annex.gpbExpenditure], ['GOV_FUND', annex.govFundExpenditure], ['SOE', annex.soeExpenditure]];
  for (const [key, expected] of splits) {
    const line = fundingLine(form, key);
    if (line && differs(line.actual ?? 0, expected)) {
      findings.push(finding('FV-17', 'split', form, `funding[${key}].actual`, { line: lineLabel(line, profile), actual: amountText(line.actual ?? 0), expected: amountText(expected) }));
    }
  }
  return findings;
}

function fv18(form: PerfForm, profile: Profile): Finding[] {
  const groups = baseDataGroups(profile);
  return form.base_data.flatMap((row, i) => {
    const group = groups.find((g) => g.group === row.group);
    if (!group || row.value3 === null) return [];
    const c1 = row.value1 === null ? null : parseDec(row.value1);
    const c2 = row.value2 === null ? null : parseDec(row.value2);
    const printed = parsePrintedRate(row.value3);
    if (!c1 || !c2 || !printed) return [];
    const scale = Math.max(c1.scale, c2.scale);
    const a = c1.coef * 10n ** BigInt(scale - c1.scale);
    const b = c2.coef * 10n ** BigInt(scale - c2.scale);
    let expectedAt: (decimals: number) => Dec;
    let suffix = '%';
    if (group.formula === 'diff') {
      expectedAt = () => ({ coef: a - b, scale });
      suffix = '';
    } else {
      if (a === 0n) return [];
      const num = group.formula === 'ratio' ? b : b - a;
      const den = a < 0n ? -a : a;
      const signed = a < 0n ? -num : num;
      expectedAt = (decimals) => ({ coef: divRoundHalfUp(signed * 100n * 10n ** BigInt(decimals), den), scale: decimals });
    }
    const atPrinted = expectedAt(printed.scale);
    if (compareExact(atPrinted, printed)) return [];
    const shown = group.formula === 'diff' ? atPrinted : expectedAt(2);
    return [
      finding('FV-18', 'mismatch', form, `base_data[${i}].value3`, {
        group: row.group,
        column: group.labels[2],
        actual: row.value3,
        expected: `${decToString(shown)}${suffix}`,
      }),
    ];
  });
}

function compareExact(a: Dec, b: Dec): boolean {
  const scale = Math.max(a.scale, b.scale);
  return a.coef * 10n ** BigInt(scale - a.scale) === b.coef * 10n ** BigInt(scale - b.scale);
}

// ---------------------------------------------------------------- entry points

/** Runs FV-01 … FV-18 on one form. Findings come in rule order; none means the form is clean. */
export function checkForm(form: PerfForm, profile: Profile, context: CheckContext = {}): Finding[] {
  return [
    ...fv01(form, profile),
    ...fv02(form, profile),
    ...fv03(form, profile),
    ...fv04(form, profile),
    ...fv05(form, profile),
    ...fv06(form),
    ...fv07(form, profile, context),
    ...fv08(form, profile),
    ...fv09(form),
    ...fv10(form),
    ...fv11(form, profile),
    ...fv12(form, profile),
    ...fv13(form, profile),
    ...fv14(form, profile),
    ...fv15(form, profile, context),
    ...fv16(form, context),
    ...fv17(form, profile, context),
    ...fv18(form, profile),
  ];
}

/**
 * R-X22 over all project forms of one unit: Σ 实际支出数 ≤ 公开03 项目支出 (T03[TOTAL].c3).
 * Seed 000: twelve forms spend 1653.50 against 项目支出 1589.14 (M-19).
 */
export function checkProjectSet(forms: PerfForm[], projectExpenditure: Amount | null): Finding[] {
  const projects = forms.filter((f) => f.subject_type === 'project');
  if (projectExpenditure === null || projects.length === 0) return [];
  const sum = projects.reduce((s, f) => s + (fundingLine(f, 'TOTAL')?.actual ?? 0), 0);
  if (sum <= projectExpenditure + PRINT_TOLERANCE) return [];
  return [render('R-X22', 'exceeds', '(全部项目)', 'funding[TOTAL].actual', { count: projects.length, actual: amountText(sum), expected: amountText(projectExpenditure) })];
}

/** Blocking errors decide whether export needs an override (SPEC §0.4). */
export function hasBlockingErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/**
 * Scoring (SPEC §3.11, §4). All arithmetic is on integers (money.ts minor units, decimal.ts
 * points, bigint rationals), with explicit half-up rounding, so 36.37 % → 3.64 and
 * 99.91 % → 10 come out the same everywhere.
 */
import type { Amount } from '../money';
import { divRoundHalfUp, formatPoints, parseDec, POINT_SCALE, points, type Points } from './decimal';
import { defaultComparator, evaluateTarget, normaliseLevel2, parseIndicatorValue, type MetState, type NumberValue } from './indicators';
import type { Framework, FrameworkItem, FundingLine, Indicator, Lifecycle, MeasureJson, PerfForm, ScoreRuleJson } from './model';
import { fundingLine } from './model';
import type { GradeScale, Profile } from './profiles';

/** 0.01 % units: 10000 = 100 %. */
export const FULL_RATE_BP = 10_000;

/**
 * 执行率 = actual ÷ budget in 0.01 % units, rounded half-up. Undefined (null) on a zero or
 * missing budget: x/0 is never 100 % (SPEC §0.5; seed 004 Y-04…Y-06 print 100 % and are wrong).
 */
export function execRateBp(actual: Amount | null, budget: Amount | null): number | null {
  if (actual === null || budget === null || budget === 0) return null;
  const den = BigInt(budget);
  const num = BigInt(actual) * BigInt(FULL_RATE_BP);
  return Number(den > 0n ? divRoundHalfUp(num, den) : divRoundHalfUp(-num, -den));
}

/** "36.37%" as the forms print it; "—" when undefined. */
export function formatRate(bp: number | null): string {
  if (bp === null) return '—';
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** The rate of one funding line (SPEC S-6: against the adjusted budget, never the initial one). */
export function lineRateBp(line: FundingLine | undefined): number | null {
  return line ? execRateBp(line.actual, line.budget_adjusted) : null;
}

/**
 * 预算执行得分 = round_half_up(执行率 × weight, profile decimals), capped at the weight (S-1, S-2;
 * the cap is INFERRED: no bonus above 100 %). It is computed from the rate as printed (2 dp of a
 * percent), because that is the figure a reviewer multiplies; the seeds agree either way.
 */
export function budgetExecScore(total: FundingLine | undefined, profile: Profile): Points | null {
  const weight = profile.scoring.budgetWeight;
  const bp = lineRateBp(total);
  if (weight === null || bp === null) return null;
  if (bp >= FULL_RATE_BP) return weight;
  if (bp <= 0) return 0;
  const step = 10 ** (4 - profile.scoring.scoreDecimals);
  return Number(divRoundHalfUp(BigInt(bp) * BigInt(weight), BigInt(FULL_RATE_BP) * BigInt(step))) * step;
}

// ---------------------------------------------------------------- indicator scores

export interface IndicatorAssessment {
  met: MetState;
  /** Suggested score (INFERRED rules, SPEC §3.11); null where a reviewer must judge. */
  suggested: Points | null;
  /** The score that counts: the user's when typed, else the suggestion. */
  effective: Points | null;
}

/** Canonical 二级 when recognisable, else the written one. */
export function canonicalLevel2(ind: Pick<Indicator, 'level2'>): string {
  return normaliseLevel2(ind.level2)?.canonical ?? ind.level2;
}

export function metState(ind: Indicator, profile: Profile): MetState {
  return evaluateTarget(parseIndicatorValue(ind.target_raw, ind.unit), parseIndicatorValue(ind.actual_raw, ind.unit), {
    level2: canonicalLevel2(ind),
    metWords: profile.scoring.metWords,
  });
}

/** weight × num ÷ den, rounded to the profile's decimals; num ≤ den is the caller's business. */
function fraction(weight: Points, num: bigint, den: bigint, decimals: number): Points {
  const step = BigInt(10 ** (4 - decimals));
  return Number(divRoundHalfUp(BigInt(weight) * num, den * step) * step);
}

function decimalsAligned(a: NumberValue, b: NumberValue): [bigint, bigint] {
  const scale = Math.max(a.num.scale, b.num.scale);
  return [a.num.coef * 10n ** BigInt(scale - a.num.scale), b.num.coef * 10n ** BigInt(scale - b.num.scale)];
}

/**
 * Suggested 得分 (SPEC §3.11 INFERRED; no seed shows a partial score, S-7):
 *  met → full weight;
 *  missed, positive target (≥, >) → weight × actual ÷ target;
 *  missed, reverse target (≤, <; cost by default) → weight × target ÷ actual;
 *  missed, exact target (=) → weight × smaller ÷ larger;
 *  qualitative or unclear → null: the reviewer grades it.
 */
export function suggestIndicatorScore(ind: Indicator, profile: Profile): Points | null {
  if (ind.weight === null) return null;
  const met = metState(ind, profile);
  if (met === 'met') return ind.weight;
  if (met !== 'not_met') return null;
  const target = parseIndicatorValue(ind.target_raw, ind.unit);
  const actual = parseIndicatorValue(ind.actual_raw, ind.unit);
  if (target.kind !== 'number' || actual.kind !== 'number') return null;
  const [t, a] = decimalsAligned(target, actual);
  if (t < 0n || a < 0n) return null;
  const op = target.op ?? defaultComparator(canonicalLevel2(ind), target.unit);
  const decimals = profile.scoring.scoreDecimals;
  if (op === '≤' || op === '<') return a === 0n ? ind.weight : fraction(ind.weight, t, a, decimals);
  if (op === '=') {
    const [low, high] = a < t ? [a, t] : [t, a];
    return high === 0n ? ind.weight : fraction(ind.weight, low, high, decimals);
  }
  return t === 0n ? ind.weight : fraction(ind.weight, a < t ? a : t, t, decimals);
}

export function assessIndicator(ind: Indicator, profile: Profile): IndicatorAssessment {
  const suggested = suggestIndicatorScore(ind, profile);
  return { met: metState(ind, profile), suggested, effective: ind.score ?? suggested };
}

// ---------------------------------------------------------------- form totals

/** A platform rule's change to the total, one line of the score breakdown. */
export interface ScoreAdjustment {
  rule: 'overshoot' | 'exec-rate-cap';
  /** Chinese text for the breakdown, e.g. "指标“培训人次”完成值超出指标值 30% 以上(偏离),扣 2 分". */
  label: string;
  /** ≤ 0. */
  points: Points;
  /** Index into form.indicators, for an overshoot. */
  indicator?: number;
}

export interface FormScore {
  execRateBp: number | null;
  /** Computed 预算执行得分; null where the profile has none or the budget is zero. */
  budgetScore: Points | null;
  /** One per form.indicators entry (LONG_TERM rows are never scored: null assessment). */
  indicators: Array<IndicatorAssessment | null>;
  indicatorTotal: Points;
  /** 总分 = 预算执行得分 + Σ 指标得分 (S-3), after `adjustments`; null where the profile prints no total. */
  total: Points | null;
  /** The profile's platform rules that changed the total, in the order applied (deductions, then the cap). */
  adjustments: ScoreAdjustment[];
  /** Maximum reachable (MS-P prints it as 合计.权重 = 100). */
  maxTotal: Points | null;
  /** False while an ANNUAL indicator has neither a typed nor a suggested score. */
  complete: boolean;
  grade: string | null;
}

export function gradeFor(total: Points, scale: GradeScale): string {
  for (const band of scale.bands) if (total >= band.min) return band.label;
  return scale.below;
}

export function scoreForm(form: PerfForm, profile: Profile): FormScore {
  const totalLine = fundingLine(form, 'TOTAL');
  const budgetScore = budgetExecScore(totalLine, profile);
  const indicators = form.indicators.map((ind) => (ind.horizon === 'ANNUAL' ? assessIndicator(ind, profile) : null));
  const scored = indicators.filter((a): a is IndicatorAssessment => a !== null);
  const indicatorTotal = scored.reduce((sum, a) => sum + (a.effective ?? 0), 0);
  const { budgetWeight, indicatorTotal: indicatorMax, hasTotal, grades } = profile.scoring;
  // A form whose amounts are missing keeps the budget score it records, so its total stays meaningful.
  const budgetPart = budgetWeight === null ? 0 : (budgetScore ?? totalLine?.score ?? null);
  const rawTotal = hasTotal && budgetPart !== null ? budgetPart + indicatorTotal : null;
  const execRate = lineRateBp(totalLine);
  const adjustments = rawTotal === null ? [] : platformAdjustments(form, profile, rawTotal, execRate);
  const total = rawTotal === null ? null : adjustments.reduce((sum, adjustment) => sum + adjustment.points, rawTotal);
  return {
    execRateBp: execRate,
    budgetScore,
    indicators,
    indicatorTotal,
    total,
    adjustments,
    maxTotal: hasTotal && indicatorMax !== null ? (budgetWeight ?? 0) + indicatorMax : null,
    complete: scored.every((a) => a.effective !== null),
    grade: total !== null && grades ? gradeFor(total, grades) : null,
  };
}

// ---------------------------------------------------------------- 一体化平台 rules

const OVERSHOOT_POINTS = points(2);

/** 执行率 below `belowBp` caps the total at `cap`; the lowest band that applies wins (checked low to high). */
const EXEC_RATE_CAPS: ReadonlyArray<{ belowBp: number; cap: Points }> = [
  { belowBp: 5000, cap: points(59) },
  { belowBp: 6000, cap: points(69) },
  { belowBp: 7000, cap: points(79) },
  { belowBp: 8000, cap: points(89) },
];

/**
 * Whether an indicator's 完成值 overshoots its target by 30 % or more: actual ≥ 1.3 × target for a
 * numeric target of a "more is better" or exact kind (≥, >, =). Reverse targets (≤, <) and
 * qualitative ones never overshoot.
 */
export function overshoots(ind: Indicator): boolean {
  const target = parseIndicatorValue(ind.target_raw, ind.unit);
  const actual = parseIndicatorValue(ind.actual_raw, ind.unit);
  if (target.kind !== 'number' || actual.kind !== 'number') return false;
  const op = target.op ?? defaultComparator(canonicalLevel2(ind), target.unit);
  if (op === '≤' || op === '<') return false;
  const [t, a] = decimalsAligned(target, actual);
  return t > 0n && a * 10n >= t * 13n;
}

function platformAdjustments(form: PerfForm, profile: Profile, rawTotal: Points, execRate: number | null): ScoreAdjustment[] {
  const { execRateCap, overshootDeduction } = profile.scoring.platformRules;
  const adjustments: ScoreAdjustment[] = [];
  if (overshootDeduction) {
    form.indicators.forEach((ind, index) => {
      if (ind.horizon !== 'ANNUAL' || !overshoots(ind)) return;
      adjustments.push({
        rule: 'overshoot',
        label: `指标“${ind.name}”完成值 ${ind.actual_raw} 超出指标值 ${ind.target_raw} 的 30% 及以上(偏离),扣 ${formatPoints(OVERSHOOT_POINTS)} 分`,
        points: -OVERSHOOT_POINTS,
        indicator: index,
      });
    });
  }
  const band = execRateCap && execRate !== null ? EXEC_RATE_CAPS.find((entry) => execRate < entry.belowBp) : undefined;
  const afterDeductions = adjustments.reduce((sum, adjustment) => sum + adjustment.points, rawTotal);
  if (band && afterDeductions > band.cap) {
    adjustments.push({
      rule: 'exec-rate-cap',
      label: `预算执行率 ${formatRate(execRate)} 低于 ${formatRate(band.belowBp)},总分不超过 ${formatPoints(band.cap)} 分`,
      points: band.cap - afterDeductions,
    });
  }
  return adjustments;
}

// ---------------------------------------------------------------- scored frameworks (SPEC §4)

/** Exact rational n / d with d > 0. */
interface Ratio {
  n: bigint;
  d: bigint;
}

function ratio(text: string, what: string): Ratio {
  const dec = parseDec(text);
  if (!dec) throw new RangeError(`${what}:“${text}”不是数字`);
  return { n: dec.coef, d: 10n ** BigInt(dec.scale) };
}

const add = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const sub = (a: Ratio, b: Ratio): Ratio => add(a, { n: -b.n, d: b.d });
const mul = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.n, d: a.d * b.d });
const cmp = (a: Ratio, b: Ratio): number => {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
};
const pointsRatio = (p: Points): Ratio => ({ n: BigInt(p), d: BigInt(POINT_SCALE) });
const floorDiv = (a: Ratio, b: Ratio): bigint => {
  const num = a.n * b.d;
  const den = a.d * b.n;
  const q = num / den;
  return num % den !== 0n && num < 0n !== den < 0n ? q - 1n : q;
};

/** Ratio → points, half-up to 2 decimals (every framework score in the seeds has ≤ 2). */
function toPoints(r: Ratio): Points {
  const step = 100n;
  return Number(divRoundHalfUp(r.n * BigInt(POINT_SCALE), r.d * step) * step);
}

function input(item: FrameworkItem, name: string): Ratio {
  const value = item.inputs[name];
  if (value === undefined) throw new RangeError(`${item.l3}:缺少输入“${name}”`);
  return ratio(value, `${item.l3}.${name}`);
}

function sumInputs(item: FrameworkItem, names: string[]): Ratio {
  return names.reduce<Ratio>((acc, name) => (name.startsWith('-') ? sub(acc, input(item, name.slice(1))) : add(acc, input(item, name))), { n: 0n, d: 1n });
}

/** The measured value in percent, or null when the denominator is zero (undefined rate). */
function measurePercent(item: FrameworkItem, measure: MeasureJson): Ratio | null {
  const num = sumInputs(item, measure.num);
  if (measure.den.length === 0) return num;
  const den = sumInputs(item, measure.den);
  if (den.n === 0n) return null;
  // (num / den) × 100, with signs normalised so the denominator stays positive.
  const n = num.n * den.d * 100n;
  const d = num.d * den.n;
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

function clampScore(weight: Ratio, deduction: Ratio): Ratio {
  const left = sub(weight, deduction);
  return cmp(left, { n: 0n, d: 1n }) < 0 ? { n: 0n, d: 1n } : left;
}

/**
 * Score of one framework item from its declared rule and inputs; null when it has no rule
 * or inputs (most 附件1.1 items are judged, not computed). Throws on a malformed rule.
 */
export function computeFrameworkItem(item: FrameworkItem): Points | null {
  const rule: ScoreRuleJson | null = item.rule;
  if (!rule || Object.keys(item.inputs).length === 0 || item.weight === null) return null;
  const weight = pointsRatio(item.weight);
  const pts = (text: string) => ratio(text, item.l3);
  if (rule.type === 'per_case') return toPoints(clampScore(weight, mul(input(item, rule.input), pts(rule.per))));
  if (rule.type === 'choice') {
    const choice = item.inputs[rule.input];
    const score = choice === undefined ? undefined : rule.options[choice];
    return score === undefined ? null : toPoints(pts(score));
  }
  const value = measurePercent(item, rule.measure);
  if (value === null) return null;
  switch (rule.type) {
    case 'over_threshold': {
      const over = sub(value, pts(rule.threshold));
      if (over.n <= 0n) return item.weight;
      return toPoints(clampScore(weight, mul(over, pts(rule.per_pp))));
    }
    case 'over_steps': {
      const over = sub(value, pts(rule.threshold));
      if (over.n <= 0n) return item.weight;
      const steps = floorDiv(over, pts(rule.step));
      return toPoints(clampScore(weight, mul({ n: steps, d: 1n }, pts(rule.per))));
    }
    case 'under_steps': {
      const under = sub(pts(rule.full), value);
      if (under.n <= 0n) return item.weight;
      const steps = floorDiv(under, pts(rule.step));
      return toPoints(clampScore(weight, mul({ n: steps, d: 1n }, pts(rule.per))));
    }
    case 'tiers_max':
    case 'tiers_min': {
      for (const [bound, score] of rule.tiers) {
        const c = cmp(value, pts(bound));
        if (rule.type === 'tiers_max' ? c <= 0 : c >= 0) return toPoints(pts(score));
      }
      return toPoints(pts(rule.otherwise));
    }
    case 'ratio':
      return toPoints(mul(mul(value, weight), { n: 1n, d: 100n }));
  }
}

/** Whether an item counts toward the total: alternatives of a choose-one group count only when chosen. */
export function itemCounts(fw: Framework, item: FrameworkItem): boolean {
  if (!item.alternative_group) return true;
  return fw.chosen[item.alternative_group] === item.alternative;
}

/** 合计得分 = Σ self_score of counted items; 扣分项 self_scores are ≤ 0 and reduce it (S-8). */
export function frameworkTotal(fw: Framework): Points {
  return fw.items.reduce((sum, item) => sum + (itemCounts(fw, item) ? (item.self_score ?? 0) : 0), 0);
}

/** Σ weights of counted, non-deduction items: 100 for every seed framework. */
export function frameworkMaxScore(fw: Framework): Points {
  return fw.items.reduce((sum, item) => sum + (itemCounts(fw, item) && !item.is_deduction ? (item.weight ?? 0) : 0), 0);
}

export interface ProjectExecution {
  lifecycle: Lifecycle | null;
  budget: Amount | null;
  actual: Amount | null;
}

/**
 * 附件1.1 执行结果 (SPEC §4.2, S-11): share of 常年 projects with 结余率 < 10 % × 2 + the same
 * for 阶段/一次性 projects × 2. 结余率 = (budget − actual) ÷ budget, compared exactly.
 * Projects without a budget have no rate and are left out; a class with no projects keeps
 * its full points (nothing went unspent) — INFERRED.
 */
export function execResultScore(projects: ProjectExecution[], pointsPerClass: Points = 2 * POINT_SCALE): Points {
  const classes: Array<(l: Lifecycle | null) => boolean> = [(l) => l === '常年项目', (l) => l === '阶段项目' || l === '一次性项目'];
  let total: Ratio = { n: 0n, d: 1n };
  for (const inClass of classes) {
    const members = projects.filter((p) => inClass(p.lifecycle) && p.budget !== null && p.budget > 0);
    if (members.length === 0) {
      total = add(total, pointsRatio(pointsPerClass));
      continue;
    }
    // 结余率 < 10 %  ⇔  (budget − actual) × 10 < budget
    const good = members.filter((p) => ((p.budget ?? 0) - (p.actual ?? 0)) * 10 < (p.budget ?? 0)).length;
    total = add(total, { n: BigInt(good) * BigInt(pointsPerClass), d: BigInt(members.length) * BigInt(POINT_SCALE) });
  }
  return toPoints(total);
}

/** Rounds a points value the way a profile prints scores. */
/**
 * Structural problems of a framework, in Chinese: item weights that do not add up to their
 * 二级 / 一级 weights, self-scores outside 0…weight (deductions: ≤ 0), a choose-one group with
 * no chosen alternative. Empty for every seed framework.
 */
export function frameworkIssues(fw: Framework): string[] {
  const issues: string[] = [];
  const groups = new Map<string, { items: FrameworkItem[]; weight: Points | null; label: string }>();
  const counted = fw.items.filter((item) => itemCounts(fw, item) && !item.is_deduction);
  for (const item of counted) {
    if (item.l2_weight === null) continue;
    const key = `${item.l1}|${item.l2 ?? ''}|${item.l2_weight}`;
    const group = groups.get(key) ?? { items: [], weight: item.l2_weight, label: `${item.l1}/${item.l2 ?? '(未命名)'}` };
    group.items.push(item);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const sum = group.items.reduce((s, item) => s + (item.weight ?? 0), 0);
    if (sum !== group.weight) issues.push(`“${group.label}”三级指标分值合计 ${formatPoints(sum)},应为 ${formatPoints(group.weight)}`);
  }
  const level1 = new Map<string, { sum: Points; weight: Points | null }>();
  for (const item of counted) {
    const entry = level1.get(item.l1) ?? { sum: 0, weight: item.l1_weight };
    entry.sum += item.weight ?? 0;
    level1.set(item.l1, entry);
  }
  for (const [name, entry] of level1) {
    if (entry.weight !== null && entry.sum !== entry.weight) issues.push(`“${name}”分值合计 ${formatPoints(entry.sum)},应为 ${formatPoints(entry.weight)}`);
  }
  for (const item of fw.items) {
    if (item.self_score === null) continue;
    if (item.is_deduction ? item.self_score > 0 : item.self_score < 0 || (item.weight !== null && item.self_score > item.weight)) {
      issues.push(`“${item.l3}”自评得分 ${formatPoints(item.self_score)} 超出范围`);
    }
  }
  const groupsNeedingChoice = new Set(fw.items.map((item) => item.alternative_group).filter((g): g is string => !!g));
  for (const group of groupsNeedingChoice) if (!fw.chosen[group]) issues.push(`“${group}”须选定一个评价方向`);
  return issues;
}

/**
 * Scoring (SPEC §3.11, §4). All arithmetic is on integers (money.ts minor units, decimal.ts
 * points, bigint rationals), with explicit half-up rounding, so 36.37 % → 3.64 and
 * 99.91 % → 10 come out the same everywhere.
 */
import type { Amount } from '../money';
import { divRoundHalfUp, formatPoints, points, type Points } from './decimal';
import { defaultComparator, evaluateTarget, normaliseLevel2, parseIndicatorValue, type MetState, type NumberValue } from './indicators';
import type { FundingLine, Indicator, PerfForm } from './model';
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

/** One 封顶 or 扣分 as the page, the printed form and the 得分一览 say it: “…,扣 2 分(-2 分)”. */
export function adjustmentText(adjustment: ScoreAdjustment): string {
  return `${adjustment.label}(${formatPoints(adjustment.points)} 分)`;
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

export * from './scoring-framework';

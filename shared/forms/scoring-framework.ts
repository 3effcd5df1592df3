/**
 * Scoring of the scored frameworks (SPEC §4: 附件1.1, 附件2, 大通湖 附件5 计分表) on exact bigint
 * rationals, with explicit half-up rounding, so the printed 合计得分 is reproduced to the point.
 */
import { divRoundHalfUp, formatPoints, parseDec, POINT_SCALE, type Points } from './decimal';
import type { Amount } from '../money';
import type { Lifecycle } from './form-types';
import type { Framework, FrameworkItem, MeasureJson, ScoreRuleJson } from './framework';

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
    case 'ratio': {
      // A measure beyond 100 % (考核得分 above its 总分, a typing slip) cannot earn more than the item's 分值.
      const earned = mul(mul(value, weight), { n: 1n, d: 100n });
      return cmp(earned, weight) > 0 ? item.weight : toPoints(clampScore(earned, { n: 0n, d: 1n }));
    }
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

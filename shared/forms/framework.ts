/**
 * The scored frameworks (SPEC §4): 附件1.1 部门整体绩效评价指标体系, 附件2 项目支出 and the 大通湖
 * 附件5 指标计分表, as declarative data, with their interchange JSON. scoring-framework.ts scores them.
 */
import { formatPoints, type Points } from './decimal';
import { compact, fail, list, oneOf, onlyKeys, record, requiredText, score, stringMap, text, textList, year } from './json-read';

export const FRAMEWORK_KINDS = ['DEPT_OVERALL_MS', 'PROJECT_SPECIAL_MS', 'DEPT_OVERALL_DTH'] as const;
export type FrameworkKind = (typeof FRAMEWORK_KINDS)[number];

export const SCORING_METHODS = ['比率分值法', '缺(错)项扣分法', '是否评分法', '分级评分法', '定性分级'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/**
 * A measured quantity: Σ num ÷ Σ den × 100 %, over named inputs ("-name" subtracts).
 * An empty `den` means the input already is a percentage (满意度 95 → 95 %).
 */
export interface MeasureJson {
  num: string[];
  den: string[];
}

/**
 * A computable scoring rule (DTH 计分表, SPEC §4.5). Thresholds and bounds are percentages as
 * decimal strings; scores and deductions are points.
 *  over_threshold  ≤ threshold → full; beyond it −per_pp for each percentage point (linear, INFERRED)
 *  over_steps      ≤ threshold → full; −per for each full `step` beyond it
 *  under_steps     ≥ full → full; −per for each full `step` below it
 *  tiers_max       first [bound, score] with value ≤ bound, else `otherwise`
 *  tiers_min       first [bound, score] with value ≥ bound, else `otherwise`
 *  ratio           value % × weight
 *  per_case        weight − cases × per, floor 0 (缺(错)项扣分法)
 *  choice          a graded judgement ("较好" → 6)
 */
export type ScoreRuleJson =
  | { type: 'over_threshold'; measure: MeasureJson; threshold: string; per_pp: string }
  | { type: 'over_steps'; measure: MeasureJson; threshold: string; step: string; per: string }
  | { type: 'under_steps'; measure: MeasureJson; full: string; step: string; per: string }
  | { type: 'tiers_max' | 'tiers_min'; measure: MeasureJson; tiers: Array<[string, string]>; otherwise: string }
  | { type: 'ratio'; measure: MeasureJson }
  | { type: 'per_case'; input: string; per: string }
  | { type: 'choice'; input: string; options: Record<string, string> };

export interface FrameworkItemJson {
  l1: string;
  l1_weight?: string | null;
  l2?: string | null;
  l2_weight?: string | null;
  l3: string;
  /** null for 扣分项 items, which only deduct. */
  weight?: string | null;
  method?: ScoringMethod | null;
  /** 指标解释. */
  explanation?: string | null;
  /** 评分方法 / 指标说明, condensed. */
  formula?: string | null;
  /** 评分说明 / 评价标准. */
  scoring_notes?: string | null;
  params?: Record<string, string>;
  rule?: ScoreRuleJson | null;
  /** Measured inputs of `rule`: decimal strings, or a word for `choice`. */
  inputs?: Record<string, string>;
  ticks?: string[];
  self_score?: string | null;
  is_deduction?: boolean;
  /** Choose-one blocks (附件2 专用指标): only the chosen alternative of a group counts. */
  alternative_group?: string | null;
  alternative?: string | null;
  remark?: string | null;
}

export interface FrameworkJson {
  framework: FrameworkKind;
  fiscal_year?: number | null;
  title: string;
  items: FrameworkItemJson[];
  /** Recorded 合计得分. */
  total_score?: string | null;
  /** alternative_group → chosen alternative. */
  chosen?: Record<string, string>;
}

export interface FrameworkItem {
  l1: string;
  l1_weight: Points | null;
  l2: string | null;
  l2_weight: Points | null;
  l3: string;
  weight: Points | null;
  method: ScoringMethod | null;
  explanation: string | null;
  formula: string | null;
  scoring_notes: string | null;
  params: Record<string, string>;
  rule: ScoreRuleJson | null;
  inputs: Record<string, string>;
  ticks: string[];
  self_score: Points | null;
  is_deduction: boolean;
  alternative_group: string | null;
  alternative: string | null;
  remark: string | null;
}

export interface Framework {
  framework: FrameworkKind;
  fiscal_year: number | null;
  title: string;
  items: FrameworkItem[];
  total_score: Points | null;
  chosen: Record<string, string>;
}

const FRAMEWORK_ITEM_FIELDS = [
  'l1', 'l1_weight', 'l2', 'l2_weight', 'l3', 'weight', 'method', 'explanation', 'formula', 'scoring_notes', 'params',
  'rule', 'inputs', 'ticks', 'self_score', 'is_deduction', 'alternative_group', 'alternative', 'remark',
] as const;

/** Interchange JSON → exact framework. The rule stays declarative data (checked when scored). */
export function parseFramework(value: unknown): Framework {
  const raw = record(value, '评价指标体系');
  onlyKeys(raw, ['framework', 'fiscal_year', 'title', 'items', 'total_score', 'chosen'], '');
  return {
    framework: oneOf(raw, 'framework', FRAMEWORK_KINDS, '') ?? fail('framework', '不能为空'),
    fiscal_year: year(raw, 'fiscal_year', ''),
    title: requiredText(raw, 'title', ''),
    total_score: score(raw, 'total_score', ''),
    chosen: stringMap(raw, 'chosen', ''),
    items: list(raw, 'items', '').map((item, i) => {
      const path = `items[${i}]`;
      const r = record(item, path);
      onlyKeys(r, FRAMEWORK_ITEM_FIELDS, path);
      const deduction = r.is_deduction ?? false;
      if (typeof deduction !== 'boolean') fail(`${path}.is_deduction`, '应为 true/false');
      const rule = r.rule === undefined || r.rule === null ? null : (record(r.rule, `${path}.rule`) as unknown as ScoreRuleJson);
      return {
        l1: requiredText(r, 'l1', path),
        l1_weight: score(r, 'l1_weight', path),
        l2: text(r, 'l2', path),
        l2_weight: score(r, 'l2_weight', path),
        l3: requiredText(r, 'l3', path),
        weight: score(r, 'weight', path),
        method: oneOf(r, 'method', SCORING_METHODS, path),
        explanation: text(r, 'explanation', path),
        formula: text(r, 'formula', path),
        scoring_notes: text(r, 'scoring_notes', path),
        params: stringMap(r, 'params', path),
        rule,
        inputs: stringMap(r, 'inputs', path),
        ticks: textList(r, 'ticks', path),
        self_score: score(r, 'self_score', path),
        is_deduction: deduction,
        alternative_group: text(r, 'alternative_group', path),
        alternative: text(r, 'alternative', path),
        remark: text(r, 'remark', path),
      };
    }),
  };
}

export function serializeFramework(fw: Framework): FrameworkJson {
  return compact({
    ...fw,
    total_score: formatPoints(fw.total_score),
    items: fw.items.map((item) =>
      compact({
        ...item,
        l1_weight: formatPoints(item.l1_weight),
        l2_weight: formatPoints(item.l2_weight),
        weight: formatPoints(item.weight),
        self_score: formatPoints(item.self_score),
        is_deduction: item.is_deduction || undefined,
      }),
    ),
  } as FrameworkJson);
}

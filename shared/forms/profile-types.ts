/**
 * The shape of a region profile (SPEC §3.1–3.7): how one region's form scores and how it is laid
 * out, top to bottom. The renderer, the XLSX exporter and the validator all read the same
 * declaration, so no second copy of a layout exists anywhere.
 *
 * Layout conventions (shared with shared/tables): a header or label is a path of cells, outermost
 * first; equal neighbouring parts merge. "{year}", "{seq}" and "{subject_name}" in titles are
 * filled from the form.
 */
import type { Points } from './decimal';
import type { Level1 } from './indicators';
import type { FundingKey, Horizon, IndicatorJson, ListField, SubjectType, TextField, Variant } from './form-types';

export interface GradeScale {
  /** Highest first; a total at or above `min` gets `label`. */
  bands: ReadonlyArray<{ min: Points; label: string }>;
  below: string;
}

export interface ScoringProfile {
  /** Weight of 预算执行 (10), or null where the form scores no budget execution (JM-P, DTH-D). */
  budgetWeight: Points | null;
  /** Σ of ANNUAL indicator weights the form must reach (FV-05), or null where indicators carry no weights. */
  indicatorTotal: Points | null;
  /** Per-一级 weight sums, where the region fixes them (GENERIC 50/30/10). */
  level1Weights?: Partial<Record<Level1, Points>>;
  /** Decimals of 预算执行得分 and suggested scores: 1 in 眉山 (S-1), 2 in 玉林 (S-2). */
  scoreDecimals: 1 | 2;
  /** Whether a total 自评得分 exists (JM-P prints none; DTH-D scores in its 计分表). */
  hasTotal: boolean;
  /** FV-11: a 原因 is required below this 执行率, in 0.01 % units (9000 = 90 %), or null. */
  reasonBelowBp: number | null;
  /** FV-11: the 原因 must fit in this many 字 (四川 510000_0013zp: 100), or null. */
  reasonMaxChars: number | null;
  /**
   * 预算管理一体化平台 rules (REFERENCE-2026 Q3, a 2022 local 操作手册), each on or off per profile and
   * listed in the score breakdown: the total capped by 执行率, and 2 points off per indicator whose
   * 完成值 overshoots its target by 30 % or more.
   */
  platformRules: { execRateCap: boolean; overshootDeduction: boolean };
  grades: GradeScale | null;
  /** MS-P writes the generic 二级 "满意度指标" (SPEC §3.9). */
  allowGenericSatisfaction: boolean;
  metWords: readonly string[];
}

/** A value a header cell shows. `subject_code_name` is MS-P's "{项目编码}-{项目名称}". */
export type HeaderValue = 'subject_name' | 'subject_code' | 'subject_code_name' | 'competent_dept' | 'implementing_unit';

export type FundingValue = 'budget_initial' | 'budget_adjustment' | 'budget_adjusted' | 'actual' | 'exec_rate' | 'weight' | 'score' | 'reason' | 'unit';

export interface FundingColumn {
  header: string[];
  /** exec_rate and score are computed (scoring.ts); the rest are the line's fields. */
  value: FundingValue;
  /** Printed on every row but TOTAL instead of a value (MS-P "/" under 权重 and 得分). */
  otherRows?: string;
}

export interface FundingRow {
  key: FundingKey;
  /** Label cells left of the values (YL uses two: "其中:一般公共预算拨款" | "其中: 上级"). */
  label: string[];
}

export interface IndicatorColumn {
  header: string[];
  /** `goal` is JM-P's merged 目标名称 cell ("长期目标" / "年度目标"). */
  value: keyof IndicatorJson | 'goal';
  /** Equal consecutive values merge vertically (一级 and 二级 columns). */
  merge?: boolean;
}

export type Block =
  | { kind: 'title'; text: string }
  /** A heading printed outside the table (JM-P "{seq}、{year}年度{subject_name}项目绩效评价报告"). */
  | { kind: 'heading'; text: string }
  /** A full-width section row inside the table ("项目概况", "长期绩效目标"). */
  | { kind: 'section'; text: string }
  | { kind: 'fields'; rows: ReadonlyArray<ReadonlyArray<{ label: string; value: HeaderValue }>> }
  | { kind: 'checkboxes'; label: string; field: 'proj_category' | 'proj_attribute' | 'proj_type'; options: readonly string[] }
  | { kind: 'text'; label: string[]; field: TextField; required: boolean; maxChars?: number; prompt?: string }
  | { kind: 'list'; label: string[]; field: ListField; required: boolean; maxCharsEach?: number }
  | { kind: 'funding'; label: string[]; labelHeader: string[] | null; columns: FundingColumn[]; rows: FundingRow[] }
  /** YL: 自评得分(满分100分) | total | 预算执行(10分) | budget score. */
  | { kind: 'score-summary'; totalLabel: string; budgetLabel: string }
  | {
      kind: 'indicators';
      horizon: Horizon;
      label: string[];
      goal?: string;
      columns: IndicatorColumn[];
      /** MS-P 合计 row: 权重 shows the maximum (100), 得分 the total. */
      totalRow?: string;
    }
  | { kind: 'base-data'; title: string; groups: BaseDataGroup[] }
  | { kind: 'internal-control'; label: string; items: readonly string[] }
  | { kind: 'signatures'; fields: ReadonlyArray<{ label: string; field: 'project_lead' | 'finance_lead' }> }
  /** Footer text; `oncePerBatch`: printed once after all forms (MS-P). */
  | { kind: 'notes'; lines: readonly string[]; oncePerBatch: boolean };

/** DTH 基础数据表 group: three labelled cells, the third computed from the first two (SPEC §3.6 b). */
export interface BaseDataGroup {
  group: string;
  labels: [string, string, string];
  /** diff = c1 − c2; change = (c2 − c1) ÷ c1; ratio = c2 ÷ c1. */
  formula: 'diff' | 'change' | 'ratio';
}

export interface Profile {
  variant: Variant;
  name: string;
  subjectType: SubjectType;
  scoring: ScoringProfile;
  layout: Block[];
  /** The scored framework that accompanies the form (DTH-D 附件5 计分表). */
  framework?: 'DEPT_OVERALL_DTH';
}

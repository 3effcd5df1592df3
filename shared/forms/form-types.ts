/**
 * The unified data model of the 绩效自评 forms (SPEC §3.8): the enumerations, the interchange
 * JSON shapes and the exact internal shapes. One model renders every regional variant; the
 * variant only chooses a rendering profile (profiles.ts).
 *
 * Two shapes exist for each entity:
 *  - the interchange JSON (`…Json`): what importers, exporters and fixtures exchange. Field
 *    names are SPEC's; amounts, weights and scores are decimal strings ("446.50", "7.1"), so no
 *    JSON number ever passes through a binary float;
 *  - the internal exact form: amounts as integer 0.0001 万元 (money.ts), weights and scores as
 *    integer 0.0001 points (decimal.ts). Everything that computes works on this one.
 * Raw indicator texts (target_raw / actual_raw) stay verbatim for re-export; their parsed
 * meaning is derived on demand (indicators.ts) so it can never go stale after an edit.
 */
import type { Amount } from '../money';
import type { Points } from './decimal';

export const VARIANTS = ['MS-P', 'JM-P', 'YL-P', 'YL-D', 'DTH-D', 'GENERIC', 'GENERIC-D', 'YTH-P'] as const;
export type Variant = (typeof VARIANTS)[number];

export const SUBJECT_TYPES = ['project', 'department'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** Used by the 附件1.1 framework (常年 vs 阶段/一次性 projects, SPEC §4.2 执行结果). */
export const LIFECYCLES = ['常年项目', '阶段项目', '一次性项目'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** JM-P checkbox groups (SPEC §3.3). */
export const PROJ_CATEGORIES = ['部门预算项目', '中央及省专项转移支付项目'] as const;
export const PROJ_ATTRIBUTES = ['持续性项目', '新增性项目'] as const;
export const PROJ_TYPES = ['常年性项目', '延续性项目', '一次性项目'] as const;
export type ProjCategory = (typeof PROJ_CATEGORIES)[number];
export type ProjAttribute = (typeof PROJ_ATTRIBUTES)[number];
export type ProjType = (typeof PROJ_TYPES)[number];

export const HORIZONS = ['LONG_TERM', 'ANNUAL'] as const;
export type Horizon = (typeof HORIZONS)[number];

/** 指标性质 (MS-P prints it; elsewhere it is parsed from target_raw). */
export const NATURES = ['≥', '≤', '=', '>', '<', '定性'] as const;
export type Nature = (typeof NATURES)[number];

/** Funding rows of 预算执行情况 / 部门预算安排资金 / 年度预算资金 (SPEC §3.8.1 funding_line.key). */
export const FUNDING_KEYS = [
  'TOTAL', 'FISCAL', 'SPECIAL_ACCOUNT', 'UNIT', 'GPB', 'GPB_UPPER', 'GPB_LOCAL',
  'GOV_FUND', 'SOE', 'CUR_APPROP', 'PRIOR_CARRY', 'OTHER',
] as const;
export type FundingKey = (typeof FUNDING_KEYS)[number];

/**
 * The parent of each funding row. It is the same in every variant (SPEC parent_key column),
 * so the JSON may omit parent_key and still sum correctly.
 */
export const DEFAULT_PARENT: Readonly<Record<FundingKey, FundingKey | null>> = {
  TOTAL: null, FISCAL: 'TOTAL', SPECIAL_ACCOUNT: 'TOTAL', UNIT: 'TOTAL', GPB: 'TOTAL',
  GPB_UPPER: 'GPB', GPB_LOCAL: 'GPB', GOV_FUND: 'TOTAL', SOE: 'TOTAL',
  CUR_APPROP: 'TOTAL', PRIOR_CARRY: 'TOTAL', OTHER: 'TOTAL',
};

/** Neutral names of the funding rows, for messages where a profile prints no label (JM-P's single row). */
export const FUNDING_KEY_LABELS: Readonly<Record<FundingKey, string>> = {
  TOTAL: '合计', FISCAL: '财政资金', SPECIAL_ACCOUNT: '财政专户管理资金', UNIT: '单位资金', GPB: '一般公共预算拨款',
  GPB_UPPER: '一般公共预算拨款(上级)', GPB_LOCAL: '一般公共预算拨款(本级)', GOV_FUND: '政府性基金', SOE: '国有资本经营预算',
  CUR_APPROP: '当年财政拨款', PRIOR_CARRY: '上年结转资金', OTHER: '其他资金',
};

export const INTERNAL_CONTROL_ITEMS = ['预算业务管理', '收支业务管理', '政府采购业务', '国有资产业务管理', '建设项目业务管理', '合同业务管理'] as const;
export type InternalControlItem = (typeof INTERNAL_CONTROL_ITEMS)[number];

// ---------------------------------------------------------------- interchange JSON

export interface FundingLineJson {
  key: FundingKey;
  parent_key?: FundingKey | null;
  /** Verbatim label when it differs from the profile's ("其中:财政资金"). */
  label?: string | null;
  budget_initial?: string | null;
  /** 年中预算调整数 (YL only; may be negative). */
  budget_adjustment?: string | null;
  budget_adjusted?: string | null;
  actual?: string | null;
  /** The rate as printed in an imported document ("91.84%", "0.975", "96.%"); the app never trusts it, FV-03 compares it. */
  exec_rate?: string | null;
  weight?: string | null;
  score?: string | null;
  reason?: string | null;
  unit?: string | null;
}

export interface IndicatorJson {
  horizon: Horizon;
  level1: string;
  level2: string;
  name: string;
  nature?: Nature | null;
  target_raw?: string | null;
  unit?: string | null;
  /** 目标值确定依据 (JM-P long-term only). */
  target_basis?: string | null;
  actual_raw?: string | null;
  weight?: string | null;
  score?: string | null;
  completion_desc?: string | null;
  deviation?: string | null;
}

/** One group of the DTH 基础数据表: labels come from the profile, values are kept as printed ("10%"). */
export interface BaseDataJson {
  group: string;
  value1?: string | null;
  value2?: string | null;
  value3?: string | null;
}

export interface AltScoreJson {
  source: string;
  score: string;
}

export interface PerfFormJson {
  fiscal_year?: number | null;
  variant: Variant;
  subject_type: SubjectType;
  subject_name: string;
  subject_code?: string | null;
  competent_dept?: string | null;
  implementing_unit?: string | null;
  proj_category?: ProjCategory | null;
  proj_attribute?: ProjAttribute | null;
  proj_type?: ProjType | null;
  lifecycle?: Lifecycle | null;
  objective?: string | null;
  objective_result?: string | null;
  implementation_summary?: string | null;
  dept_functions?: string[];
  dept_goals?: string[];
  deviation_analysis?: string | null;
  improvement?: string | null;
  conclusion?: string | null;
  problems?: string | null;
  other_notes?: string | null;
  project_lead?: string | null;
  finance_lead?: string | null;
  /** Recorded (printed or typed) 自评得分 / 合计得分; scoring.ts computes its own and FV-07 compares. */
  total_score?: string | null;
  grade?: string | null;
  alt_scores?: AltScoreJson[];
  funding: FundingLineJson[];
  indicators: IndicatorJson[];
  base_data?: BaseDataJson[];
  internal_control?: Partial<Record<InternalControlItem, boolean | null>>;
}

/** project_registry (SPEC §3.8.1, §5.1): what carries over from year to year. */
export interface ProjectRegistryJson {
  project_code: string;
  name: string;
  competent_dept?: string | null;
  implementing_unit?: string | null;
  category?: ProjCategory | null;
  attribute?: ProjAttribute | null;
  type?: ProjType | null;
  lifecycle?: Lifecycle | null;
  project_lead?: string | null;
  first_year?: number | null;
}

// ---------------------------------------------------------------- internal exact form

export interface FundingLine {
  key: FundingKey;
  parent_key: FundingKey | null;
  label: string | null;
  budget_initial: Amount | null;
  budget_adjustment: Amount | null;
  budget_adjusted: Amount | null;
  actual: Amount | null;
  exec_rate: string | null;
  weight: Points | null;
  score: Points | null;
  reason: string | null;
  unit: string | null;
}

export interface Indicator {
  horizon: Horizon;
  level1: string;
  level2: string;
  name: string;
  nature: Nature | null;
  target_raw: string | null;
  unit: string | null;
  target_basis: string | null;
  actual_raw: string | null;
  weight: Points | null;
  score: Points | null;
  completion_desc: string | null;
  deviation: string | null;
}

export interface BaseData {
  group: string;
  value1: string | null;
  value2: string | null;
  value3: string | null;
}

export interface AltScore {
  source: string;
  score: Points;
}

export interface PerfForm {
  fiscal_year: number | null;
  variant: Variant;
  subject_type: SubjectType;
  subject_name: string;
  subject_code: string | null;
  competent_dept: string | null;
  implementing_unit: string | null;
  proj_category: ProjCategory | null;
  proj_attribute: ProjAttribute | null;
  proj_type: ProjType | null;
  lifecycle: Lifecycle | null;
  objective: string | null;
  objective_result: string | null;
  implementation_summary: string | null;
  dept_functions: string[];
  dept_goals: string[];
  deviation_analysis: string | null;
  improvement: string | null;
  conclusion: string | null;
  problems: string | null;
  other_notes: string | null;
  project_lead: string | null;
  finance_lead: string | null;
  total_score: Points | null;
  grade: string | null;
  alt_scores: AltScore[];
  funding: FundingLine[];
  indicators: Indicator[];
  base_data: BaseData[];
  internal_control: Partial<Record<InternalControlItem, boolean | null>>;
}

export interface ProjectRegistryEntry {
  project_code: string;
  name: string;
  competent_dept: string | null;
  implementing_unit: string | null;
  category: ProjCategory | null;
  attribute: ProjAttribute | null;
  type: ProjType | null;
  lifecycle: Lifecycle | null;
  project_lead: string | null;
  first_year: number | null;
}

/** Text fields of PerfForm, in SPEC order; profiles pick and label them. */
export type TextField =
  | 'objective' | 'objective_result' | 'implementation_summary' | 'deviation_analysis' | 'improvement'
  | 'conclusion' | 'problems' | 'other_notes' | 'project_lead' | 'finance_lead';
export type ListField = 'dept_functions' | 'dept_goals';

/** Chinese names of fields, for error messages and findings. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  fiscal_year: '年度', variant: '表样', subject_type: '评价对象类型', subject_name: '项目/部门名称', subject_code: '项目/部门编码',
  competent_dept: '主管部门', implementing_unit: '实施单位', proj_category: '项目类别', proj_attribute: '项目属性',
  proj_type: '项目类型', lifecycle: '项目周期', objective: '年度目标', objective_result: '年度目标完成情况',
  implementation_summary: '项目实施内容及过程概述', dept_functions: '部门职能概述', dept_goals: '部门整体支出年度绩效目标',
  deviation_analysis: '偏差原因分析', improvement: '改进措施', conclusion: '评价结论', problems: '存在问题',
  other_notes: '其他需说明问题', project_lead: '项目负责人', finance_lead: '财务负责人', total_score: '自评得分',
  grade: '评价等级', alt_scores: '其他评价得分', funding: '预算执行情况', indicators: '绩效指标', base_data: '基础数据表',
  internal_control: '内部控制制度完成情况', key: '资金来源', parent_key: '上级资金来源', label: '名称',
  budget_initial: '年初预算数', budget_adjustment: '年中预算调整数', budget_adjusted: '调整后预算数', actual: '实际支出数',
  exec_rate: '预算执行率', weight: '权重', score: '得分', reason: '原因', unit: '单位', horizon: '目标期限',
  level1: '一级指标', level2: '二级指标', name: '三级指标', nature: '指标性质', target_raw: '指标值',
  target_basis: '目标值确定依据', actual_raw: '完成值', completion_desc: '完成情况简要描述', deviation: '偏差原因及改进措施',
  group: '项目组', value1: '第一栏', value2: '第二栏', value3: '第三栏', source: '来源', project_code: '项目编码',
  category: '项目类别', attribute: '项目属性', type: '项目类型', first_year: '设立年度',
};

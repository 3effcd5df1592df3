/**
 * The unified data model of the 绩效自评 forms (SPEC §3.8). One model renders every regional
 * variant; the variant only chooses a rendering profile (profiles.ts).
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
import { AmountError, formatAmount, parseAmount, type Amount } from '../money';
import { DecimalError, formatPoints, parsePoints, type Points } from './decimal';

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

// ---------------------------------------------------------------- parsing

/** A refused interchange document; `field` is the JSON path ("funding[TOTAL].actual"). */
export class FormParseError extends Error {
  constructor(readonly field: string, message: string) {
    // The Chinese name of the last path segment: "funding[TOTAL].actual" → 实际支出数, "funding[TOTAL]" → 预算执行情况.
    const key = /([A-Za-z0-9_]+)(?:\[[^\]]*\])?$/.exec(field)?.[1];
    const label = key ? FIELD_LABELS[key] : undefined;
    super(label ? `${field}(${label}):${message}` : `${field}:${message}`);
  }
}

type Json = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new FormParseError(path, message);
}

function record(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, '应为对象');
  return value as Json;
}

/** Unknown keys are refused: a misspelt field name would otherwise silently lose data. */
function onlyKeys(obj: Json, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) fail(`${path}.${key}`.replace(/^\./, ''), '不是可识别的字段');
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function text(obj: Json, key: string, path: string): string | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(join(path, key), '应为文本');
  return value;
}

function requiredText(obj: Json, key: string, path: string): string {
  const value = text(obj, key, path);
  if (value === null || value.trim() === '') fail(join(path, key), '不能为空');
  return value;
}

function oneOf<T extends string>(obj: Json, key: string, options: readonly T[], path: string): T | null {
  const value = text(obj, key, path);
  if (value === null) return null;
  if (!(options as readonly string[]).includes(value)) fail(join(path, key), `“${value}”不在可选值 ${options.join('、')} 中`);
  return value as T;
}

function amount(obj: Json, key: string, path: string): Amount | null {
  const value = text(obj, key, path);
  if (value === null) return null;
  try {
    return parseAmount(value);
  } catch (error) {
    if (error instanceof AmountError) fail(join(path, key), error.message);
    throw error;
  }
}

function score(obj: Json, key: string, path: string): Points | null {
  const value = text(obj, key, path);
  try {
    return parsePoints(value, join(path, key));
  } catch (error) {
    if (error instanceof DecimalError) fail(join(path, key), `“${value}”不是有效分值`);
    throw error;
  }
}

function year(obj: Json, key: string, path: string): number | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1990 || value > 2100) fail(join(path, key), '应为四位年度数字');
  return value;
}

function list(obj: Json, key: string, path: string): unknown[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(join(path, key), '应为数组');
  return value;
}

function textList(obj: Json, key: string, path: string): string[] {
  return list(obj, key, path).map((item, i) => {
    if (typeof item !== 'string') fail(`${join(path, key)}[${i}]`, '应为文本');
    return item;
  });
}

const FUNDING_FIELDS = ['key', 'parent_key', 'label', 'budget_initial', 'budget_adjustment', 'budget_adjusted', 'actual', 'exec_rate', 'weight', 'score', 'reason', 'unit'] as const;
const INDICATOR_FIELDS = ['horizon', 'level1', 'level2', 'name', 'nature', 'target_raw', 'unit', 'target_basis', 'actual_raw', 'weight', 'score', 'completion_desc', 'deviation'] as const;
const FORM_TEXT_FIELDS = [
  'subject_code', 'competent_dept', 'implementing_unit', 'objective', 'objective_result', 'implementation_summary',
  'deviation_analysis', 'improvement', 'conclusion', 'problems', 'other_notes', 'project_lead', 'finance_lead', 'grade',
] as const;
const FORM_FIELDS = [
  'fiscal_year', 'variant', 'subject_type', 'subject_name', ...FORM_TEXT_FIELDS, 'proj_category', 'proj_attribute', 'proj_type',
  'lifecycle', 'dept_functions', 'dept_goals', 'total_score', 'alt_scores', 'funding', 'indicators', 'base_data', 'internal_control',
] as const;

function parseFundingLine(value: unknown, index: number): FundingLine {
  const raw = record(value, `funding[${index}]`);
  const key = oneOf(raw, 'key', FUNDING_KEYS, `funding[${index}]`) ?? fail(`funding[${index}].key`, '不能为空');
  // Paths name the row by its key once known: "funding[TOTAL].actual" is what a clerk can find.
  const path = `funding[${key}]`;
  onlyKeys(raw, FUNDING_FIELDS, path);
  const parent = raw.parent_key === undefined ? DEFAULT_PARENT[key] : oneOf(raw, 'parent_key', FUNDING_KEYS, path);
  return {
    key,
    parent_key: parent,
    label: text(raw, 'label', path),
    budget_initial: amount(raw, 'budget_initial', path),
    budget_adjustment: amount(raw, 'budget_adjustment', path),
    budget_adjusted: amount(raw, 'budget_adjusted', path),
    actual: amount(raw, 'actual', path),
    exec_rate: text(raw, 'exec_rate', path),
    weight: score(raw, 'weight', path),
    score: score(raw, 'score', path),
    reason: text(raw, 'reason', path),
    unit: text(raw, 'unit', path),
  };
}

function parseIndicator(value: unknown, index: number): Indicator {
  const path = `indicators[${index}]`;
  const raw = record(value, path);
  onlyKeys(raw, INDICATOR_FIELDS, path);
  return {
    horizon: oneOf(raw, 'horizon', HORIZONS, path) ?? 'ANNUAL',
    level1: requiredText(raw, 'level1', path),
    level2: requiredText(raw, 'level2', path),
    name: requiredText(raw, 'name', path),
    nature: oneOf(raw, 'nature', NATURES, path),
    target_raw: text(raw, 'target_raw', path),
    unit: text(raw, 'unit', path),
    target_basis: text(raw, 'target_basis', path),
    actual_raw: text(raw, 'actual_raw', path),
    weight: score(raw, 'weight', path),
    score: score(raw, 'score', path),
    completion_desc: text(raw, 'completion_desc', path),
    deviation: text(raw, 'deviation', path),
  };
}

function parseBaseData(value: unknown, index: number): BaseData {
  const path = `base_data[${index}]`;
  const raw = record(value, path);
  onlyKeys(raw, ['group', 'value1', 'value2', 'value3'], path);
  return { group: requiredText(raw, 'group', path), value1: text(raw, 'value1', path), value2: text(raw, 'value2', path), value3: text(raw, 'value3', path) };
}

function parseInternalControl(value: unknown): PerfForm['internal_control'] {
  if (value === undefined || value === null) return {};
  const raw = record(value, 'internal_control');
  onlyKeys(raw, INTERNAL_CONTROL_ITEMS, 'internal_control');
  const result: PerfForm['internal_control'] = {};
  for (const item of INTERNAL_CONTROL_ITEMS) {
    const v = raw[item];
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'boolean') fail(`internal_control.${item}`, '应为 是/否(true/false)');
    result[item] = v;
  }
  return result;
}

/** Interchange JSON → exact internal form. Throws FormParseError naming the field in Chinese. */
export function parseForm(value: unknown): PerfForm {
  const raw = record(value, '表');
  onlyKeys(raw, FORM_FIELDS, '');
  const funding = list(raw, 'funding', '').map(parseFundingLine);
  const seen = new Set<FundingKey>();
  for (const line of funding) {
    if (seen.has(line.key)) fail(`funding[${line.key}]`, '资金来源重复');
    seen.add(line.key);
  }
  const t = (key: (typeof FORM_TEXT_FIELDS)[number]) => text(raw, key, '');
  return {
    fiscal_year: year(raw, 'fiscal_year', ''),
    variant: oneOf(raw, 'variant', VARIANTS, '') ?? fail('variant', '不能为空'),
    subject_type: oneOf(raw, 'subject_type', SUBJECT_TYPES, '') ?? fail('subject_type', '不能为空'),
    subject_name: requiredText(raw, 'subject_name', ''),
    subject_code: t('subject_code'),
    competent_dept: t('competent_dept'),
    implementing_unit: t('implementing_unit'),
    proj_category: oneOf(raw, 'proj_category', PROJ_CATEGORIES, ''),
    proj_attribute: oneOf(raw, 'proj_attribute', PROJ_ATTRIBUTES, ''),
    proj_type: oneOf(raw, 'proj_type', PROJ_TYPES, ''),
    lifecycle: oneOf(raw, 'lifecycle', LIFECYCLES, ''),
    objective: t('objective'),
    objective_result: t('objective_result'),
    implementation_summary: t('implementation_summary'),
    dept_functions: textList(raw, 'dept_functions', ''),
    dept_goals: textList(raw, 'dept_goals', ''),
    deviation_analysis: t('deviation_analysis'),
    improvement: t('improvement'),
    conclusion: t('conclusion'),
    problems: t('problems'),
    other_notes: t('other_notes'),
    project_lead: t('project_lead'),
    finance_lead: t('finance_lead'),
    total_score: score(raw, 'total_score', ''),
    grade: t('grade'),
    alt_scores: list(raw, 'alt_scores', '').map((item, i) => {
      const path = `alt_scores[${i}]`;
      const alt = record(item, path);
      onlyKeys(alt, ['source', 'score'], path);
      return { source: requiredText(alt, 'source', path), score: score(alt, 'score', path) ?? fail(`${path}.score`, '不能为空') };
    }),
    funding,
    indicators: list(raw, 'indicators', '').map(parseIndicator),
    base_data: list(raw, 'base_data', '').map(parseBaseData),
    internal_control: parseInternalControl(raw.internal_control),
  };
}

/** Drops null/empty members so the JSON stays as small as the fixtures that produced it. */
function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out as T;
}

/** Exact internal form → interchange JSON (amounts "446.50", scores "7.1"). parseForm(serializeForm(f)) equals f. */
export function serializeForm(form: PerfForm): PerfFormJson {
  return compact({
    ...form,
    total_score: formatPoints(form.total_score),
    alt_scores: form.alt_scores.map((alt) => ({ source: alt.source, score: formatPoints(alt.score) ?? '0' })),
    funding: form.funding.map((line) =>
      compact({
        ...line,
        // parent_key is written only when it departs from the default, keeping files readable.
        parent_key: line.parent_key === DEFAULT_PARENT[line.key] ? undefined : line.parent_key,
        budget_initial: formatAmount(line.budget_initial),
        budget_adjustment: formatAmount(line.budget_adjustment),
        budget_adjusted: formatAmount(line.budget_adjusted),
        actual: formatAmount(line.actual),
        weight: formatPoints(line.weight),
        score: formatPoints(line.score),
      }),
    ),
    indicators: form.indicators.map((ind) => compact({ ...ind, weight: formatPoints(ind.weight), score: formatPoints(ind.score) })),
    base_data: form.base_data.map((row) => compact({ ...row })),
  } as PerfFormJson);
}

export function parseRegistryEntry(value: unknown): ProjectRegistryEntry {
  const raw = record(value, '项目库');
  onlyKeys(raw, ['project_code', 'name', 'competent_dept', 'implementing_unit', 'category', 'attribute', 'type', 'lifecycle', 'project_lead', 'first_year'], '');
  return {
    project_code: requiredText(raw, 'project_code', ''),
    name: requiredText(raw, 'name', ''),
    competent_dept: text(raw, 'competent_dept', ''),
    implementing_unit: text(raw, 'implementing_unit', ''),
    category: oneOf(raw, 'category', PROJ_CATEGORIES, ''),
    attribute: oneOf(raw, 'attribute', PROJ_ATTRIBUTES, ''),
    type: oneOf(raw, 'type', PROJ_TYPES, ''),
    lifecycle: oneOf(raw, 'lifecycle', LIFECYCLES, ''),
    project_lead: text(raw, 'project_lead', ''),
    first_year: year(raw, 'first_year', ''),
  };
}

export function serializeRegistryEntry(entry: ProjectRegistryEntry): ProjectRegistryJson {
  return compact({ ...entry });
}

/** The registry entry a form implies (used when a project is first filed and when carrying forward, SPEC §5.1). */
export function registryEntryFromForm(form: PerfForm): ProjectRegistryEntry | null {
  if (form.subject_type !== 'project' || !form.subject_code) return null;
  return {
    project_code: form.subject_code,
    name: form.subject_name,
    competent_dept: form.competent_dept,
    implementing_unit: form.implementing_unit,
    category: form.proj_category,
    attribute: form.proj_attribute,
    type: form.proj_type,
    lifecycle: form.lifecycle,
    project_lead: form.project_lead,
    first_year: null,
  };
}

/** "51140022T000000254621-眉山市12345…" (MS-P 项目名称 cell) → code and name; a cell without a code is all name. */
export function splitCodedName(cell: string): { code: string | null; name: string } {
  const match = /^\s*([0-9A-Z]{6,})\s*[-—]\s*(.+)$/.exec(cell);
  return match ? { code: match[1], name: match[2].trim() } : { code: null, name: cell.trim() };
}

/** The form's name in findings and lists: its code where it has one (unique), else its name. */
export function formLabel(form: Pick<PerfForm, 'subject_code' | 'subject_name'>): string {
  return form.subject_code ?? form.subject_name;
}

export function fundingLine(form: Pick<PerfForm, 'funding'>, key: FundingKey): FundingLine | undefined {
  return form.funding.find((line) => line.key === key);
}

// ---------------------------------------------------------------- scored frameworks (SPEC §4)

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

function stringMap(obj: Json, key: string, path: string): Record<string, string> {
  const value = obj[key];
  if (value === undefined || value === null) return {};
  const map = record(value, join(path, key));
  for (const [k, v] of Object.entries(map)) if (typeof v !== 'string') fail(`${join(path, key)}.${k}`, '应为文本');
  return map as Record<string, string>;
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

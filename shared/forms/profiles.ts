/**
 * Region profiles (SPEC §3.1–3.7). A profile is data: it says how one region's form scores and
 * how it is laid out, top to bottom. The renderer, the XLSX exporter and the validator all read
 * the same declaration, so no second copy of a layout exists anywhere.
 *
 * Layout conventions (shared with shared/tables): a header or label is a path of cells, outermost
 * first; equal neighbouring parts merge. "{year}", "{seq}" and "{subject_name}" in titles are
 * filled from the form.
 */
import { points, type Points } from './decimal';
import { DEFAULT_MET_WORDS, type Level1 } from './indicators';
import {
  INTERNAL_CONTROL_ITEMS, PROJ_ATTRIBUTES, PROJ_CATEGORIES, PROJ_TYPES,
  type FundingKey, type Horizon, type IndicatorJson, type ListField, type SubjectType, type TextField, type Variant,
} from './model';

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

// ---------------------------------------------------------------- shared pieces

/** 财预〔2020〕10号 style grades; SPEC §3.11 INFERRED national default. */
const NATIONAL_GRADES: GradeScale = {
  bands: [
    { min: points(90), label: '优' },
    { min: points(80), label: '良' },
    { min: points(60), label: '中' },
  ],
  below: '差',
};

const COMMON_SCORING = {
  hasTotal: true,
  reasonBelowBp: null,
  reasonMaxChars: null,
  platformRules: { execRateCap: false, overshootDeduction: false },
  allowGenericSatisfaction: false,
  metWords: DEFAULT_MET_WORDS,
} as const;

const LEVELS: IndicatorColumn[] = [
  { header: ['一级指标'], value: 'level1', merge: true },
  { header: ['二级指标'], value: 'level2', merge: true },
];

const YL_INDICATOR_COLUMNS: IndicatorColumn[] = [
  ...LEVELS,
  { header: ['指标内容'], value: 'name' },
  { header: ['指标值'], value: 'target_raw' },
  { header: ['分值'], value: 'weight' },
  { header: ['实际完成值'], value: 'actual_raw' },
  { header: ['指标得分'], value: 'score' },
  { header: ['完成情况简要描述'], value: 'completion_desc' },
  { header: ['偏差原因及改进措施'], value: 'deviation' },
];

const YL_FUNDING_COLUMNS: FundingColumn[] = [
  { header: ['年初预算数'], value: 'budget_initial' },
  { header: ['年中预算调整数'], value: 'budget_adjustment' },
  { header: ['调整后预算数'], value: 'budget_adjusted' },
  { header: ['实际支出数'], value: 'actual' },
  { header: ['预算执行率(%)'], value: 'exec_rate' },
];

// ---------------------------------------------------------------- MS-P (眉山, seed 000 附件1.2)

/** The prompt the template pre-fills; two seed forms left it in place (M-20). */
export const MS_P_RESULT_PROMPT = '对照年度目标,说明相关任务目标的完成情况(100字以内)';

const MS_P: Profile = {
  variant: 'MS-P',
  name: '部门预算项目支出绩效自评表(眉山)',
  subjectType: 'project',
  scoring: {
    ...COMMON_SCORING,
    budgetWeight: points(10),
    indicatorTotal: points(90),
    scoreDecimals: 1,
    // Seed 000: a 原因 is given for 71.38/28.41/12.94/88.35/0 %, never at ≥ 90 %; the Sichuan template
    // (青神 2023, 510000_0013zp) states it: "未达到90%的需说明原因(100字以内)".
    reasonBelowBp: 9000,
    reasonMaxChars: 100,
    // "良好" in seed 000 is free text, not a computed grade; the national scale is offered (INFERRED).
    grades: NATIONAL_GRADES,
    allowGenericSatisfaction: true,
  },
  layout: [
    { kind: 'title', text: '部门预算项目支出绩效自评表({year}年度)' },
    {
      kind: 'fields',
      rows: [
        [{ label: '项目名称', value: 'subject_code_name' }],
        [{ label: '主管部门', value: 'competent_dept' }],
        [{ label: '实施单位(盖章)', value: 'implementing_unit' }],
      ],
    },
    { kind: 'text', label: ['项目基本情况', '1.项目年度目标完成情况', '项目年度目标'], field: 'objective', required: true },
    {
      kind: 'text',
      label: ['项目基本情况', '1.项目年度目标完成情况', '年度目标完成情况'],
      field: 'objective_result',
      required: true,
      maxChars: 100,
      prompt: MS_P_RESULT_PROMPT,
    },
    { kind: 'text', label: ['项目基本情况', '2.项目实施内容及过程概述'], field: 'implementation_summary', required: true },
    {
      kind: 'funding',
      label: ['预算执行情况(10分)'],
      labelHeader: [''],
      columns: [
        { header: ['年度预算数(万元)', '年初预算'], value: 'budget_initial' },
        { header: ['年度预算数(万元)', '调整后预算数'], value: 'budget_adjusted' },
        { header: ['预算执行数'], value: 'actual' },
        { header: ['预算执行率'], value: 'exec_rate' },
        { header: ['权重'], value: 'weight', otherRows: '/' },
        { header: ['得分'], value: 'score', otherRows: '/' },
        { header: ['原因'], value: 'reason' },
      ],
      rows: [
        { key: 'TOTAL', label: ['总额'] },
        { key: 'FISCAL', label: ['其中:财政资金'] },
        { key: 'SPECIAL_ACCOUNT', label: ['财政专户管理资金'] },
        { key: 'UNIT', label: ['单位资金'] },
        { key: 'OTHER', label: ['其他资金'] },
      ],
    },
    {
      kind: 'indicators',
      horizon: 'ANNUAL',
      label: ['绩效指标(90分)'],
      columns: [
        ...LEVELS,
        { header: ['三级指标'], value: 'name' },
        { header: ['指标性质'], value: 'nature' },
        { header: ['指标值'], value: 'target_raw' },
        { header: ['度量单位'], value: 'unit' },
        { header: ['完成值'], value: 'actual_raw' },
        { header: ['权重'], value: 'weight' },
        { header: ['得分'], value: 'score' },
        { header: ['未完成原因分析'], value: 'deviation' },
      ],
      totalRow: '合计',
    },
    // 200字 each on the Sichuan template (青神 2023, 510000_0013zp).
    { kind: 'text', label: ['评价结论'], field: 'conclusion', required: true, maxChars: 200 },
    { kind: 'text', label: ['存在问题'], field: 'problems', required: true, maxChars: 200 },
    { kind: 'text', label: ['改进措施'], field: 'improvement', required: true, maxChars: 200 },
    {
      kind: 'signatures',
      fields: [
        { label: '项目负责人', field: 'project_lead' },
        { label: '财务负责人', field: 'finance_lead' },
      ],
    },
    {
      kind: 'notes',
      oncePerBatch: true,
      lines: [
        '1、报表说明:该报表查询项目信息、绩效目标信息、预算及执行情况,用于预算单位查询导出开展项目自评。',
        '2、取数口径:部门项目绩效目标表信息,包括年初预算、追加预算、结转预算和调整预算的绩效目标(以项目的最终绩效目标为准)。',
        '适用地区:全省范围',
        '适用用户:部门用户、单位用户',
      ],
    },
  ],
};

// ---------------------------------------------------------------- JM-P (荆门, seed 002)

const JM_P: Profile = {
  variant: 'JM-P',
  name: '项目绩效评价报告(荆门)',
  subjectType: 'project',
  scoring: {
    ...COMMON_SCORING,
    // No budget score is printed; the missing 20 points (100 − 80) are probably 预算执行 (SPEC §3.11, INFERRED, not applied).
    budgetWeight: null,
    indicatorTotal: points(80),
    scoreDecimals: 2,
    hasTotal: false,
    grades: null,
  },
  layout: [
    { kind: 'heading', text: '{seq}、{year}年度{subject_name}项目绩效评价报告' },
    { kind: 'section', text: '项目概况' },
    { kind: 'fields', rows: [[{ label: '项目名称', value: 'subject_name' }]] },
    { kind: 'checkboxes', label: '项目类别', field: 'proj_category', options: PROJ_CATEGORIES },
    { kind: 'checkboxes', label: '项目属性', field: 'proj_attribute', options: PROJ_ATTRIBUTES },
    { kind: 'checkboxes', label: '项目类型', field: 'proj_type', options: PROJ_TYPES },
    { kind: 'text', label: ['项目目标'], field: 'objective', required: true },
    { kind: 'section', text: '长期绩效目标' },
    {
      kind: 'indicators',
      horizon: 'LONG_TERM',
      label: [],
      goal: '长期目标',
      columns: [
        { header: ['目标名称'], value: 'goal', merge: true },
        ...LEVELS,
        { header: ['三级指标'], value: 'name' },
        { header: ['单位'], value: 'unit' },
        { header: ['目标值'], value: 'target_raw' },
        { header: ['目标值确定依据'], value: 'target_basis' },
      ],
    },
    { kind: 'section', text: '年度绩效目标及完成情况自评' },
    {
      kind: 'indicators',
      horizon: 'ANNUAL',
      label: [],
      goal: '年度目标',
      columns: [
        { header: ['目标名称'], value: 'goal', merge: true },
        ...LEVELS,
        { header: ['三级指标'], value: 'name' },
        { header: ['单位'], value: 'unit' },
        { header: ['目标值(A)'], value: 'target_raw' },
        { header: ['自评结果', '完成值(B)'], value: 'actual_raw' },
        { header: ['自评结果', '分值'], value: 'weight' },
        { header: ['自评结果', '得分'], value: 'score' },
      ],
    },
    { kind: 'section', text: '年度预算执行情况自评' },
    {
      kind: 'funding',
      label: [],
      labelHeader: null,
      columns: [
        { header: ['预算数(A)'], value: 'budget_adjusted' },
        { header: ['执行数(B)'], value: 'actual' },
        { header: ['单位'], value: 'unit' },
        { header: ['执行率(B/A)'], value: 'exec_rate' },
      ],
      rows: [{ key: 'TOTAL', label: [] }],
    },
    { kind: 'text', label: ['偏差大或目标未完成原因分析'], field: 'deviation_analysis', required: true },
    { kind: 'text', label: ['改进措施及结果应用方案'], field: 'improvement', required: true },
  ],
};

// ---------------------------------------------------------------- YL-P / YL-D (玉林, seed 004)

const YL_SCORING: ScoringProfile = {
  ...COMMON_SCORING,
  budgetWeight: points(10),
  indicatorTotal: points(90),
  scoreDecimals: 2,
  // Verified: 90.51–96.89 are all 一等 (seed 004). Lower bands INFERRED.
  grades: {
    bands: [
      { min: points(90), label: '一等' },
      { min: points(80), label: '二等' },
      { min: points(60), label: '三等' },
    ],
    below: '四等',
  },
};

const YL_P: Profile = {
  variant: 'YL-P',
  name: '预算项目绩效自评表(玉林)',
  subjectType: 'project',
  scoring: YL_SCORING,
  layout: [
    { kind: 'title', text: '{year}年度预算项目绩效自评表' },
    {
      kind: 'fields',
      rows: [
        [{ label: '项目名称', value: 'subject_name' }, { label: '项目编码', value: 'subject_code' }],
        [{ label: '项目实施单位', value: 'implementing_unit' }, { label: '主管部门', value: 'competent_dept' }],
      ],
    },
    {
      kind: 'funding',
      label: ['预算执行情况'],
      labelHeader: ['资金来源'],
      columns: YL_FUNDING_COLUMNS,
      rows: [
        { key: 'TOTAL', label: ['合计'] },
        { key: 'GPB_UPPER', label: ['其中:一般公共预算拨款', '其中: 上级'] },
        { key: 'GPB_LOCAL', label: ['其中:一般公共预算拨款', '本级'] },
        { key: 'GOV_FUND', label: ['政府性基金', '——'] },
        { key: 'SOE', label: ['国有资本经营预算', '——'] },
        { key: 'OTHER', label: ['其他资金', '——'] },
      ],
    },
    { kind: 'text', label: ['年度绩效目标'], field: 'objective', required: true },
    { kind: 'score-summary', totalLabel: '自评得分(满分100分)', budgetLabel: '预算执行(10分)' },
    { kind: 'indicators', horizon: 'ANNUAL', label: ['项目绩效目标衡量指标'], columns: YL_INDICATOR_COLUMNS },
    { kind: 'text', label: ['自评分析', '全年目标完成情况'], field: 'objective_result', required: true },
    { kind: 'text', label: ['自评分析', '绩效目标偏离原因分析'], field: 'deviation_analysis', required: false },
    { kind: 'text', label: ['自评分析', '整改措施及建议'], field: 'improvement', required: false },
    { kind: 'text', label: ['自评分析', '其他需说明问题'], field: 'other_notes', required: false },
  ],
};

const YL_D: Profile = {
  variant: 'YL-D',
  name: '部门整体绩效自评表(玉林)',
  subjectType: 'department',
  scoring: {
    ...YL_SCORING,
    // The department form's 95.94 is called "优" (seed 004); bands below 90 INFERRED from the national scale.
    grades: NATIONAL_GRADES,
  },
  layout: [
    { kind: 'title', text: '{year}年度部门整体绩效自评表' },
    { kind: 'fields', rows: [[{ label: '部门名称', value: 'subject_name' }, { label: '部门编码', value: 'subject_code' }]] },
    {
      kind: 'funding',
      label: ['部门预算安排资金'],
      labelHeader: ['资金来源'],
      columns: YL_FUNDING_COLUMNS,
      rows: [
        { key: 'TOTAL', label: ['合计'] },
        { key: 'GPB', label: ['其中:一般公共预算拨款'] },
        { key: 'GOV_FUND', label: ['政府性基金'] },
        { key: 'SOE', label: ['国有资本经营预算'] },
        { key: 'OTHER', label: ['其他资金'] },
      ],
    },
    { kind: 'list', label: ['部门职能概述(逐条填写,每条控制在150字以内。)'], field: 'dept_functions', required: true, maxCharsEach: 150 },
    { kind: 'list', label: ['部门整体支出年度绩效目标(逐条填写,和部门职能对应)'], field: 'dept_goals', required: true },
    { kind: 'score-summary', totalLabel: '自评得分(满分100分)', budgetLabel: '预算执行(10分)' },
    { kind: 'indicators', horizon: 'ANNUAL', label: ['部门整体支出年度绩效目标衡量指标'], columns: YL_INDICATOR_COLUMNS },
  ],
};

// ---------------------------------------------------------------- DTH-D (大通湖, seed 001)

const DTH_D: Profile = {
  variant: 'DTH-D',
  name: '部门整体支出绩效自评表(大通湖)',
  subjectType: 'department',
  scoring: {
    ...COMMON_SCORING,
    // The 自评表 carries no weights or scores; scoring happens in 附件5 计分表 (framework DEPT_OVERALL_DTH).
    budgetWeight: null,
    indicatorTotal: null,
    scoreDecimals: 2,
    hasTotal: false,
    grades: null,
  },
  framework: 'DEPT_OVERALL_DTH',
  layout: [
    // The seed prints the short unit name ("大通湖区政务中心"); subject_name is the full one (INFERRED: clerks edit the title).
    { kind: 'title', text: '{year}年{subject_name}部门整体支出绩效自评表' },
    { kind: 'fields', rows: [[{ label: '预算单位名称', value: 'subject_name' }]] },
    {
      kind: 'funding',
      label: [],
      labelHeader: ['年度预算资金(万元)'],
      columns: [
        { header: ['年初预算数'], value: 'budget_initial' },
        { header: ['全年预算数'], value: 'budget_adjusted' },
        { header: ['全年执行数'], value: 'actual' },
        { header: ['执行率'], value: 'exec_rate' },
      ],
      rows: [
        { key: 'TOTAL', label: ['年度资金总额'] },
        { key: 'CUR_APPROP', label: ['其中:当年财政拨款'] },
        { key: 'PRIOR_CARRY', label: ['上年结转资金'] },
        { key: 'OTHER', label: ['其他资金'] },
      ],
    },
    { kind: 'text', label: ['年度总体目标', '预期目标'], field: 'objective', required: true },
    { kind: 'text', label: ['年度总体目标', '实际完成情况'], field: 'objective_result', required: true },
    { kind: 'list', label: ['部门职能', '职责'], field: 'dept_functions', required: true },
    {
      kind: 'indicators',
      horizon: 'ANNUAL',
      label: [],
      columns: [
        ...LEVELS,
        { header: ['三级指标'], value: 'name' },
        { header: ['年度指标值'], value: 'target_raw' },
        { header: ['实际完成值'], value: 'actual_raw' },
        { header: ['偏差原因分析及改进措施'], value: 'deviation' },
      ],
    },
    {
      kind: 'base-data',
      title: '附件4 {year}年部门整体支出绩效评价基础数据表',
      groups: [
        { group: '财政供养人员情况', labels: ['{year}年编制人数', '{year}年实际在职人数', '变动数'], formula: 'diff' },
        { group: '“三公经费”变动情况', labels: ['上年预算数', '本年预算数', '变动率'], formula: 'change' },
        { group: '项目支出安排情况', labels: ['项目支出预算总额', '实际项目支出总额', '执行率'], formula: 'ratio' },
        { group: '预算完成情况', labels: ['{year}年预算总额', '{year}年决算总额', '执行率'], formula: 'ratio' },
        { group: '预算调整情况', labels: ['年初预算数', '年中预算调整', '调整率'], formula: 'ratio' },
        { group: '结转结余变动情况', labels: ['上年结转结余总额', '本年结转结余总额', '变动率'], formula: 'change' },
        { group: '“三公经费”控制情况', labels: ['“三公经费”预算数', '“三公经费”实际支出', '控制率'], formula: 'ratio' },
        { group: '政府采购执行情况', labels: ['政府采购预算数', '实际政府采购金额', '执行率'], formula: 'ratio' },
        { group: '固定资产使用情况', labels: ['固定资产总额', '实际在用固定资产总额', '利用率'], formula: 'ratio' },
      ],
    },
    { kind: 'internal-control', label: '内部控制制度完成情况(是/否)', items: INTERNAL_CONTROL_ITEMS },
  ],
};

// ---------------------------------------------------------------- GENERIC (national default, INFERRED)

const GENERIC: Profile = {
  variant: 'GENERIC',
  name: '项目支出绩效自评表(通用)',
  subjectType: 'project',
  scoring: {
    ...COMMON_SCORING,
    budgetWeight: points(10),
    indicatorTotal: points(90),
    level1Weights: { 产出指标: points(50), 效益指标: points(30), 满意度指标: points(10) },
    scoreDecimals: 2,
    grades: NATIONAL_GRADES,
  },
  layout: [
    { kind: 'title', text: '项目支出绩效自评表({year}年度)' },
    {
      kind: 'fields',
      rows: [
        [{ label: '项目名称', value: 'subject_name' }],
        [{ label: '主管部门', value: 'competent_dept' }, { label: '实施单位', value: 'implementing_unit' }],
      ],
    },
    {
      kind: 'funding',
      label: [],
      labelHeader: ['项目资金(万元)'],
      columns: [
        { header: ['年初预算数'], value: 'budget_initial' },
        { header: ['全年预算数'], value: 'budget_adjusted' },
        { header: ['全年执行数'], value: 'actual' },
        { header: ['分值'], value: 'weight', otherRows: '—' },
        { header: ['执行率'], value: 'exec_rate' },
        { header: ['得分'], value: 'score', otherRows: '—' },
      ],
      rows: [
        { key: 'TOTAL', label: ['年度资金总额'] },
        { key: 'CUR_APPROP', label: ['其中:当年财政拨款'] },
        { key: 'PRIOR_CARRY', label: ['上年结转资金'] },
        { key: 'OTHER', label: ['其他资金'] },
      ],
    },
    { kind: 'text', label: ['年度总体目标', '预期目标'], field: 'objective', required: true },
    { kind: 'text', label: ['年度总体目标', '实际完成情况'], field: 'objective_result', required: true },
    {
      kind: 'indicators',
      horizon: 'ANNUAL',
      label: ['绩效指标'],
      columns: [
        ...LEVELS,
        { header: ['三级指标'], value: 'name' },
        { header: ['年度指标值'], value: 'target_raw' },
        { header: ['实际完成值'], value: 'actual_raw' },
        { header: ['分值'], value: 'weight' },
        { header: ['得分'], value: 'score' },
        { header: ['偏差原因分析及改进措施'], value: 'deviation' },
      ],
      totalRow: '总分',
    },
  ],
};

// ---------------------------------------------------------------- GENERIC-D (national department default, INFERRED)

/**
 * 部门整体支出绩效自评表 where the region has no department form of its own (全国通用, 眉山,
 * 荆门). No national seed exists: laid out like the seeds' department forms (YL-D: 部门名称 and
 * 编码, 部门预算资金 by source, 职能 and 目标 lists, indicators) under the national title and scale.
 */
const GENERIC_D: Profile = {
  variant: 'GENERIC-D',
  name: '部门整体支出绩效自评表(通用)',
  subjectType: 'department',
  scoring: { ...GENERIC.scoring, level1Weights: undefined },
  layout: [
    { kind: 'title', text: '部门整体支出绩效自评表({year}年度)' },
    { kind: 'fields', rows: [[{ label: '部门(单位)名称', value: 'subject_name' }, { label: '部门编码', value: 'subject_code' }]] },
    {
      kind: 'funding',
      label: ['部门预算资金(万元)'],
      labelHeader: ['资金来源'],
      columns: YL_FUNDING_COLUMNS,
      rows: [
        { key: 'TOTAL', label: ['合计'] },
        { key: 'GPB', label: ['其中:一般公共预算财政拨款'] },
        { key: 'GOV_FUND', label: ['政府性基金预算财政拨款'] },
        { key: 'SOE', label: ['国有资本经营预算财政拨款'] },
        { key: 'OTHER', label: ['其他资金'] },
      ],
    },
    { kind: 'list', label: ['部门职能概述'], field: 'dept_functions', required: true },
    { kind: 'list', label: ['部门整体支出年度绩效目标'], field: 'dept_goals', required: true },
    { kind: 'score-summary', totalLabel: '自评得分(满分100分)', budgetLabel: '预算执行(10分)' },
    { kind: 'indicators', horizon: 'ANNUAL', label: ['部门整体支出年度绩效指标'], columns: YL_INDICATOR_COLUMNS },
  ],
};

/**
 * The national form as filled in on the 预算管理一体化平台: the GENERIC layout with the platform's
 * cap by 执行率 and the overshoot deduction switched on.
 */
const YTH_P: Profile = {
  ...GENERIC,
  variant: 'YTH-P',
  name: '项目支出绩效自评表(一体化平台)',
  scoring: { ...GENERIC.scoring, platformRules: { execRateCap: true, overshootDeduction: true } },
};

export const PROFILES: Readonly<Record<Variant, Profile>> = {
  'MS-P': MS_P,
  'JM-P': JM_P,
  'YL-P': YL_P,
  'YL-D': YL_D,
  'DTH-D': DTH_D,
  GENERIC,
  'GENERIC-D': GENERIC_D,
  // After GENERIC: a workbook title shared by both reads as GENERIC unless the sheet carries its form data.
  'YTH-P': YTH_P,
};

export function profileFor(variant: Variant): Profile {
  return PROFILES[variant];
}

export type TextSection = Extract<Block, { kind: 'text' } | { kind: 'list' }>;

/** The narrative fields a profile shows, with their limits: derived from the layout, not declared twice. */
export function textSections(profile: Profile): TextSection[] {
  return profile.layout.filter((b): b is TextSection => b.kind === 'text' || b.kind === 'list');
}

/** The funding rows a profile prints, in order. */
export function fundingRows(profile: Profile): FundingRow[] {
  return profile.layout.flatMap((b) => (b.kind === 'funding' ? b.rows : []));
}

export function baseDataGroups(profile: Profile): BaseDataGroup[] {
  return profile.layout.flatMap((b) => (b.kind === 'base-data' ? b.groups : []));
}

/** Fills "{year}", "{seq}", "{subject_name}" in a title or label. */
export function fillTemplate(template: string, values: { year?: number | null; seq?: string; subject_name?: string }): string {
  return template
    .replace(/\{year\}/g, values.year ? String(values.year) : '')
    .replace(/\{seq\}/g, values.seq ?? '')
    .replace(/\{subject_name\}/g, values.subject_name ?? '');
}

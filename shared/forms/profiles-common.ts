/** Pieces several region profiles share: the national grade scale, scoring defaults, column sets. */
import { points } from './decimal';
import { DEFAULT_MET_WORDS } from './indicators';
import type { FundingColumn, GradeScale, IndicatorColumn } from './profile-types';

/** 财预〔2020〕10号 style grades; SPEC §3.11 INFERRED national default. */
export const NATIONAL_GRADES: GradeScale = {
  bands: [
    { min: points(90), label: '优' },
    { min: points(80), label: '良' },
    { min: points(60), label: '中' },
  ],
  below: '差',
};

export const COMMON_SCORING = {
  hasTotal: true,
  reasonBelowBp: null,
  reasonMaxChars: null,
  platformRules: { execRateCap: false, overshootDeduction: false },
  allowGenericSatisfaction: false,
  metWords: DEFAULT_MET_WORDS,
} as const;

export const LEVELS: IndicatorColumn[] = [
  { header: ['一级指标'], value: 'level1', merge: true },
  { header: ['二级指标'], value: 'level2', merge: true },
];

export const YL_INDICATOR_COLUMNS: IndicatorColumn[] = [
  ...LEVELS,
  { header: ['指标内容'], value: 'name' },
  { header: ['指标值'], value: 'target_raw' },
  { header: ['分值'], value: 'weight' },
  { header: ['实际完成值'], value: 'actual_raw' },
  { header: ['指标得分'], value: 'score' },
  { header: ['完成情况简要描述'], value: 'completion_desc' },
  { header: ['偏差原因及改进措施'], value: 'deviation' },
];

export const YL_FUNDING_COLUMNS: FundingColumn[] = [
  { header: ['年初预算数'], value: 'budget_initial' },
  { header: ['年中预算调整数'], value: 'budget_adjustment' },
  { header: ['调整后预算数'], value: 'budget_adjusted' },
  { header: ['实际支出数'], value: 'actual' },
  { header: ['预算执行率(%)'], value: 'exec_rate' },
];

// ---------------------------------------------------------------- MS-P (眉山, seed 000 附件1.2)

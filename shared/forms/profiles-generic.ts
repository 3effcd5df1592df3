/** The national default profiles (INFERRED, no national seed) and the 预算管理一体化平台 variant. */
import { points } from './decimal';
import type { Profile } from './profile-types';
import { COMMON_SCORING, LEVELS, NATIONAL_GRADES, YL_FUNDING_COLUMNS, YL_INDICATOR_COLUMNS } from './profiles-common';

// ---------------------------------------------------------------- GENERIC (national default, INFERRED)

export const GENERIC: Profile = {
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
export const GENERIC_D: Profile = {
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
export const YTH_P: Profile = {
  ...GENERIC,
  variant: 'YTH-P',
  name: '项目支出绩效自评表(一体化平台)',
  scoring: { ...GENERIC.scoring, platformRules: { execRateCap: true, overshootDeduction: true } },
};

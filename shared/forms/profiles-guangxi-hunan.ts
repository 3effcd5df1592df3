/** Region profiles of 玉林 (广西, seed 004: project and department forms) and 大通湖 (湖南, seed 001). */
import { points } from './decimal';
import { INTERNAL_CONTROL_ITEMS } from './form-types';
import type { Profile, ScoringProfile } from './profile-types';
import { COMMON_SCORING, LEVELS, NATIONAL_GRADES, YL_FUNDING_COLUMNS, YL_INDICATOR_COLUMNS } from './profiles-common';

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

export const YL_P: Profile = {
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

export const YL_D: Profile = {
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

export const DTH_D: Profile = {
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

/** Region profiles of 眉山/青神 (四川, seed 000 附件1.2) and 荆门 (湖北, seed 002). */
import { points } from './decimal';
import { PROJ_ATTRIBUTES, PROJ_CATEGORIES, PROJ_TYPES } from './form-types';
import type { Profile } from './profile-types';
import { COMMON_SCORING, LEVELS, NATIONAL_GRADES } from './profiles-common';

/** The prompt the template pre-fills; two seed forms left it in place (M-20). */
export const MS_P_RESULT_PROMPT = '对照年度目标,说明相关任务目标的完成情况(100字以内)';

export const MS_P: Profile = {
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

export const JM_P: Profile = {
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

/**
 * A 自评表 finding's field (`indicators[9].actual_raw`, `funding[TOTAL].budget_adjusted`, `objective`)
 * as a reviewer reads it on the printed 审核说明: “第10项指标 实际完成值”, “合计 调整后预算数”, the
 * form's own label. Column names are the national layout's; a region may print another word.
 */
import { FUNDING_KEY_LABELS, VARIANTS, type FundingKey } from './form-types';
import { profileFor } from './profiles';

const COLUMN_NAMES: Readonly<Record<string, string>> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  unit: '计量单位',
  target_raw: '指标值',
  actual_raw: '实际完成值',
  weight: '分值',
  score: '得分',
  deviation: '偏差原因',
  budget_initial: '年初预算数',
  budget_adjustment: '预算调整数',
  budget_adjusted: '调整后预算数',
  actual: '执行数',
  exec_rate: '执行率',
  reason: '原因',
  value3: '数值',
  total_score: '自评得分',
};

/** The label some layout prints for a field of the form itself (年度总体目标 …), if any does. */
function layoutLabel(field: string): string | undefined {
  for (const variant of VARIANTS) {
    for (const block of profileFor(variant).layout) {
      if ((block.kind === 'text' || block.kind === 'list') && block.field === field) return block.label.join(' ');
      if (block.kind === 'checkboxes' && block.field === field) return block.label;
    }
  }
  return undefined;
}

export function fieldName(field: string): string {
  const indicator = /^indicators\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (indicator) return [`第${Number(indicator[1]) + 1}项指标`, COLUMN_NAMES[indicator[2]] ?? ''].join(' ').trim();
  const funding = /^funding\[(\w+)\]\.(\w+)$/.exec(field);
  if (funding) return [FUNDING_KEY_LABELS[funding[1] as FundingKey] ?? '', COLUMN_NAMES[funding[2]] ?? ''].join(' ').trim();
  const base = /^base_data\[(\d+)\]/.exec(field);
  if (base) return `基础数据第${Number(base[1]) + 1}行`;
  return COLUMN_NAMES[field] ?? layoutLabel(field) ?? '';
}

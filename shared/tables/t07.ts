import { functionalTable, type LeafColumn } from './functional';

/**
 * 年初 / 收入 / 支出{小计, 基本, 项目} / 年末 by 功能分类: 公开07表, and the INFERRED 13-set 表十一 has the same layout.
 * 年末 is computed (年初 + 收入 − 支出): the public table has no 调整 columns (SPEC §1.7, Appendix D 2).
 */
export function carryOverColumns(table: string): LeafColumn[] {
  return [
    { col: '1', header: ['年初结转和结余'], prefill: `LY.${table}[@].c6` },
    { col: '2', header: ['本年收入'] },
    { col: '3', header: ['本年支出', '小计'], formula: 'c4+c5' },
    { col: '4', header: ['本年支出', '基本支出'] },
    { col: '5', header: ['本年支出', '项目支出'] },
    { col: '6', header: ['年末结转和结余'], formula: 'c1+c2-c3' },
  ];
}

/** 公开07表 政府性基金预算财政拨款收入支出决算表 (SPEC §1.7). */
export const T07 = functionalTable({
  id: '公开07表',
  title: '政府性基金预算财政拨款收入支出决算表',
  codeScope: 'fund',
  columns: carryOverColumns('T07'),
  notes: ['注:本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。'],
  emptyText: '(本单位今年没有政府性基金预算财政拨款)',
});

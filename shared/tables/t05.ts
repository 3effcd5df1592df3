import { functionalTable } from './functional';

/** 公开05表 一般公共预算财政拨款支出决算表 (SPEC §1.5). */
export const T05 = functionalTable({
  id: '公开05表',
  title: '一般公共预算财政拨款支出决算表',
  codeScope: 'all',
  columns: [
    { col: '1', header: ['本年支出', '小计'], formula: 'c2+c3' },
    { col: '2', header: ['本年支出', '基本支出'] },
    { col: '3', header: ['本年支出', '项目支出'] },
  ],
  notes: ['注:本表反映部门本年度一般公共预算财政拨款支出情况。'],
});

import { functionalTable } from './functional';

/** 公开03表 支出决算表 (SPEC §1.3): 本年支出合计 = the five kinds of expenditure. */
export const T03 = functionalTable({
  id: '公开03表',
  title: '支出决算表',
  codeScope: 'all',
  columns: [
    { col: '1', header: ['本年支出合计'], formula: 'c2+c3+c4+c5+c6' },
    { col: '2', header: ['基本支出'] },
    { col: '3', header: ['项目支出'] },
    { col: '4', header: ['上缴上级支出'] },
    { col: '5', header: ['经营支出'] },
    { col: '6', header: ['对附属单位补助支出'] },
  ],
  notes: ['注:本表反映部门本年度各项支出情况。'],
});

import { functionalTable } from './functional';

/** 公开08表 国有资本经营预算财政拨款支出决算表 (SPEC §1.8); c1 is headed 合计 here, 小计 in 公开05表. */
export const T08 = functionalTable({
  id: '公开08表',
  title: '国有资本经营预算财政拨款支出决算表',
  codeScope: 'soe',
  columns: [
    { col: '1', header: ['本年支出', '合计'], formula: 'c2+c3' },
    { col: '2', header: ['本年支出', '基本支出'] },
    { col: '3', header: ['本年支出', '项目支出'] },
  ],
  notes: ['注:本表反映部门本年度国有资本经营预算财政拨款支出情况。'],
  emptyText: '(本单位今年没有国有资本经营预算财政拨款)',
});

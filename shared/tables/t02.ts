import { functionalTable } from './functional';

/** 公开02表 收入决算表 (SPEC §1.2): 本年收入合计 = the six income sources. */
export const T02 = functionalTable({
  id: '公开02表',
  title: '收入决算表',
  codeScope: 'all',
  columns: [
    { col: '1', header: ['本年收入合计'], formula: 'c2+c3+c4+c5+c6+c7' },
    { col: '2', header: ['财政拨款收入'] },
    { col: '3', header: ['上级补助收入'] },
    { col: '4', header: ['事业收入'] },
    { col: '5', header: ['经营收入'] },
    { col: '6', header: ['附属单位上缴收入'] },
    { col: '7', header: ['其他收入'] },
  ],
  notes: ['注:本表反映部门本年度取得的各项收入情况。'],
});

import categories from '../catalog/categories-26.json';
import { computed, input, linked } from './formula';
import type { FixedRowDef, FixedTableDef } from './types';

const ID = '公开01表';
const at = (row: number, col: number) => ({ table: ID, row: String(row), col: String(col) });

const incomeLinks: [number, string, string][] = [
  [1, '一、一般公共预算财政拨款收入', 'T04[r1].c1'],
  [2, '二、政府性基金预算财政拨款收入', 'T04[r2].c1'],
  [3, '三、国有资本经营预算财政拨款收入', 'T04[r3].c1'],
  [4, '四、上级补助收入', 'T02[合计].c3'],
  [5, '五、事业收入', 'T02[合计].c4'],
  [6, '六、经营收入', 'T02[合计].c5'],
  [7, '七、附属单位上缴收入', 'T02[合计].c6'],
  [8, '八、其他收入', 'T02[合计].c7'],
];

const blank = (row: number): FixedRowDef => ({ key: String(row), label: '', cells: {}, blank: true });

const income: FixedRowDef[] = [
  ...incomeLinks.map(([row, label, source]) => ({ key: String(row), label, cells: { '1': linked(source, at(row, 1)) } })),
  ...Array.from({ length: 18 }, (_, i) => blank(9 + i)),
  { key: '27', label: '本年收入合计', cells: { '1': computed('SUM(r1:r8)', at(27, 1)) } },
  { key: '28', label: '使用非财政拨款结余', cells: { '1': input() } },
  { key: '29', label: '年初结转和结余', cells: { '1': input('LY.T01[r60].c2') } },
  blank(30),
  { key: '31', label: '总 计', cells: { '1': computed('r27+r28+r29', at(31, 1)) } },
];

const expenditure: FixedRowDef[] = [
  ...categories.map((category, i) => ({
    key: String(32 + i),
    label: category.label01,
    code: category.code,
    cells: { '2': linked(`T03[${category.code}].c1`, at(32 + i, 2)) },
  })),
  { key: '58', label: '本年支出合计', cells: { '2': computed('SUM(r32:r57)', at(58, 2)) } },
  { key: '59', label: '结余分配', cells: { '2': input() } },
  { key: '60', label: '年末结转和结余', cells: { '2': input() } },
  blank(61),
  { key: '62', label: '总 计', cells: { '2': computed('r58+r59+r60', at(62, 2)) } },
];

/** 公开01表 收入支出决算总表 (SPEC §1.1): 收入 rows 1–31 beside 支出 rows 32–62. */
export const T01: FixedTableDef = {
  id: ID,
  title: '收入支出决算总表',
  kind: 'fixed',
  columns: [
    { col: '1', header: ['收 入', '金额'] },
    { col: '2', header: ['支 出', '金额'] },
  ],
  rows: [...income, ...expenditure],
  sides: [
    { title: '收 入', keyColumns: 'label-rowno', cols: ['1'], rows: income.map((row) => row.key) },
    { title: '支 出', keyColumns: 'label-rowno', cols: ['2'], rows: expenditure.map((row) => row.key) },
  ],
  notes: ['注:1.本表反映部门本年度的总收支和年末结转结余情况。', '2.本套报表金额单位转换时可能存在尾数误差。'],
  emptyAsZero: true,
  colNoRow: '栏 次',
};

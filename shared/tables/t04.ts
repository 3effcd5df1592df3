import categories from '../catalog/categories-26.json';
import { computed, input, linked } from './formula';
import type { CellRule, FixedRowDef, FixedTableDef } from './types';

const ID = '公开04表';
const at = (row: number, col: string) => ({ table: ID, row: String(row), col });
const FUNDS = ['3', '4', '5'];

const blank = (row: number): FixedRowDef => ({ key: String(row), label: '', cells: {}, blank: true });

/** c2 合计 = the three funds; c3–c5 get `rule(col)`. */
function fundRow(row: number, label: string, rule: (col: string) => CellRule, code?: string): FixedRowDef {
  const cells: Record<string, CellRule> = { '2': computed('c3+c4+c5', at(row, '2')) };
  for (const col of FUNDS) cells[col] = rule(col);
  return code ? { key: String(row), label, code, cells } : { key: String(row), label, cells };
}

const income: FixedRowDef[] = [
  { key: '1', label: '一、一般公共预算财政拨款', cells: { '1': input() } },
  { key: '2', label: '二、政府性基金预算财政拨款', cells: { '1': input() } },
  { key: '3', label: '三、国有资本经营预算财政拨款', cells: { '1': input() } },
  ...Array.from({ length: 23 }, (_, i) => blank(4 + i)),
  { key: '27', label: '本年收入合计', cells: { '1': computed('r1+r2+r3', at(27, '1')) } },
  { key: '28', label: '年初财政拨款结转和结余', cells: { '1': computed('r29+r30+r31', at(28, '1')) } },
  // Opening balances of each fund are last year's closing balances (r60 of last year's file).
  { key: '29', label: '一般公共预算财政拨款', cells: { '1': input('LY.T04[r60].c3') } },
  { key: '30', label: '政府性基金预算财政拨款', cells: { '1': input('LY.T04[r60].c4') } },
  { key: '31', label: '国有资本经营预算财政拨款', cells: { '1': input('LY.T04[r60].c5') } },
  { key: '32', label: '总 计', cells: { '1': computed('r27+r28', at(32, '1')) } },
];

/** Where each fund's expenditure by 类 comes from (SPEC R-X07–X09): 05 小计, 07 本年支出小计, 08 合计. */
const fundSource: Record<string, (code: string) => string> = {
  '3': (code) => `T05[${code}].c1`,
  '4': (code) => `T07[${code}].c3`,
  '5': (code) => `T08[${code}].c1`,
};
/**
 * 年末 per fund = 年初 (r29–r31) + 本年收入 (r1–r3) − 本年支出 (r59). SPEC §1.4 recommends computing it:
 * the public table has no 调整/收回 columns, so the balance r32 = r64.c2 forces this value.
 */
const closing: Record<string, string> = {
  '3': 'r29.c1+r1.c1-r59.c3',
  '4': 'r30.c1+r2.c1-r59.c4',
  '5': 'r31.c1+r3.c1-r59.c5',
};

const expenditure: FixedRowDef[] = [
  ...categories.map((category, i) =>
    fundRow(33 + i, category.label01, (col) => linked(fundSource[col](category.code), at(33 + i, col)), category.code),
  ),
  fundRow(59, '本年支出合计', (col) => computed('SUM(r33:r58)', at(59, col))),
  fundRow(60, '年末财政拨款结转和结余', (col) => computed(closing[col], at(60, col))),
  blank(61),
  blank(62),
  blank(63),
  fundRow(64, '总 计', (col) => computed('r59+r60', at(64, col))),
];

/** 公开04表 财政拨款收入支出决算总表 (SPEC §1.4): 收入 rows 1–32 beside 支出 rows 33–64 split by fund. */
export const T04: FixedTableDef = {
  id: ID,
  title: '财政拨款收入支出决算总表',
  kind: 'fixed',
  columns: [
    { col: '1', header: ['收 入', '金额'] },
    { col: '2', header: ['支 出', '合计'] },
    { col: '3', header: ['支 出', '一般公共预算财政拨款'] },
    { col: '4', header: ['支 出', '政府性基金预算财政拨款'] },
    { col: '5', header: ['支 出', '国有资本经营预算财政拨款'] },
  ],
  rows: [...income, ...expenditure],
  sides: [
    { title: '收 入', keyColumns: 'label-rowno', cols: ['1'], rows: income.map((row) => row.key) },
    { title: '支 出', keyColumns: 'label-rowno', cols: ['2', ...FUNDS], rows: expenditure.map((row) => row.key) },
  ],
  notes: ['注:本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。'],
  emptyAsZero: true,
  colNoRow: '栏 次',
};

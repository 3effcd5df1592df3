import { computed } from './formula';
import { blockKeys, blockRows, economicBlocks } from './economic';
import type { FixedTableDef, SideDef } from './types';

const ID = '公开06表';
const COL = '1';

/** The three printed column groups of SPEC §1.6: 人员经费 | 公用经费 (302) | 公用经费 (307, 310, 399). */
const GROUPS: { title: string; classes: string[] }[] = [
  { title: '人员经费', classes: ['301', '303'] },
  { title: '公用经费', classes: ['302'] },
  { title: '公用经费', classes: ['307', '310', '399'] },
];

export const PERSONNEL_TOTAL = '人员经费合计';
export const PUBLIC_TOTAL = '公用经费合计';

const groups = GROUPS.map((group) => ({ ...group, blocks: economicBlocks(group.classes) }));
const lines = Math.max(...groups.map((group) => group.blocks.flatMap(blockKeys).length));
const sides: SideDef[] = groups.map((group) => {
  const rows: (string | null)[] = group.blocks.flatMap(blockKeys);
  return { title: group.title, keyColumns: 'code-name', cols: [COL], rows: [...rows, ...Array<null>(lines - rows.length).fill(null)] };
});
// Totals line: 人员经费合计 under group 1; 公用经费合计's label runs from group 2's code through group 3's name.
sides[0].footer = { row: PERSONNEL_TOTAL };
sides[1].footer = { row: PUBLIC_TOTAL, span: 2 };

const total = (key: string, classes: string[]) => ({
  key,
  label: key,
  cells: { [COL]: computed(classes.map((code) => `r${code}`).join('+'), { table: ID, row: key, col: COL }) },
});

/**
 * 公开06表 一般公共预算财政拨款基本支出决算明细表 (SPEC §1.6): the fixed 81 经济分类 rows (5-digit input,
 * 3-digit = Σ children) printed in three groups, and the two totals. No 栏次 row.
 */
export const T06: FixedTableDef = {
  id: ID,
  title: '一般公共预算财政拨款基本支出决算明细表',
  kind: 'fixed',
  columns: [{ col: COL, header: ['决算数'] }],
  rows: [
    ...groups.flatMap((group) => group.blocks.flatMap((block) => blockRows(ID, block, [COL]))),
    total(PERSONNEL_TOTAL, ['301', '303']),
    total(PUBLIC_TOTAL, ['302', '307', '310', '399']),
  ],
  sides,
  notes: ['注:本表反映部门本年度一般公共预算财政拨款基本支出明细情况。'],
  emptyAsZero: true,
  colNoRow: null,
};

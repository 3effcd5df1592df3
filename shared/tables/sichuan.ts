/**
 * The four tables of the 13-table set (SPEC §1.11, 四川·眉山) that have no 公开01–09 counterpart.
 * Seed 000 gives only their titles: every layout below is INFERRED from the naming logic of the
 * 9-table set ("…明细表" = by 经济分类 like 公开06, "…支出决算表" = by 功能分类 like 公开05). They are
 * built by functions so a region can declare its own variant; confirm against an official
 * Sichuan template before release. Their 注 lines are likewise INFERRED, phrased like 公开05–07表's.
 */
import { computed, input } from './formula';
import { blockRows, economicBlocks, groupSides } from './economic';
import { functionalTable } from './functional';
import { carryOverColumns } from './t07';
import { TOTAL, type ColumnDef, type FixedRowDef, type FixedTableDef, type FunctionalTableDef } from './types';

/** 经济分类 类 that 财政拨款 expenditure (basic and project) can carry; 309, 311–313 are INFERRED (SPEC §6.3). */
export const ALL_EXPENDITURE_CLASSES = ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399'];
/** 类 relevant to project expenditure (SPEC §1.11 item 3). */
export const PROJECT_CLASSES = ['302', '303', '309', '310', '311', '312', '313', '399'];

/** What the UI says above every table whose layout is inferred (INFERRED). */
export const INFERRED_NOTE = '表样为推断(未见官方模板),请与本省财政厅下发的模板核对';

export interface EconomicDetailSpec {
  id: string;
  title: string;
  /** Value columns; the first is the row total, the sum of the others. */
  columns: ColumnDef[];
  classes: readonly string[];
  notes: string[];
}

/**
 * A 经济分类 detail table: 合 计 first, then each 类 with its 款, one line each (表五, 表七).
 * 款 are input except the total column; 类 and 合计 are column sums.
 */
export function economicDetailTable(spec: EconomicDetailSpec): FixedTableDef {
  const [totalCol, ...partCols] = spec.columns.map((column) => column.col);
  const cols = [totalCol, ...partCols];
  const blocks = economicBlocks(spec.classes);
  const sumOfParts = partCols.map((col) => `c${col}`).join('+');
  const rows: FixedRowDef[] = [
    {
      key: TOTAL,
      label: '合 计',
      cells: Object.fromEntries(
        cols.map((col) => [col, computed(blocks.map((block) => `r${block.head.code}`).join('+'), { table: spec.id, row: TOTAL, col })]),
      ),
    },
    ...blocks.flatMap((block) =>
      blockRows(spec.id, block, cols, (code, col) => (col === totalCol ? computed(sumOfParts, { table: spec.id, row: code, col }) : input())),
    ),
  ];
  return {
    id: spec.id,
    title: spec.title,
    kind: 'fixed',
    columns: spec.columns,
    rows,
    sides: [{ keyColumns: 'code-name', cols, rows: rows.map((row) => row.key) }],
    notes: spec.notes,
    emptyAsZero: true,
    colNoRow: '栏次',
    inferred: INFERRED_NOTE,
  };
}

export interface EconomicGroupsSpec {
  id: string;
  title: string;
  classes: readonly string[];
  /** Key and label of the single total printed under the groups. */
  total: string;
  groups: number;
  notes: string[];
}

/** 公开06表's layout (科目代码 | 科目名称 | 决算数, several groups side by side) with one grand total (表九). */
export function economicGroupsTable(spec: EconomicGroupsSpec): FixedTableDef {
  const col = '1';
  const blocks = economicBlocks(spec.classes);
  const sides = groupSides(blocks, spec.groups, { keyColumns: 'code-name', cols: [col] });
  sides[0].footer = { row: spec.total, span: spec.groups };
  return {
    id: spec.id,
    title: spec.title,
    kind: 'fixed',
    columns: [{ col, header: ['决算数'] }],
    rows: [
      ...blocks.flatMap((block) => blockRows(spec.id, block, [col])),
      {
        key: spec.total,
        label: spec.total,
        cells: { [col]: computed(blocks.map((block) => `r${block.head.code}`).join('+'), { table: spec.id, row: spec.total, col }) },
      },
    ],
    sides,
    notes: spec.notes,
    emptyAsZero: true,
    colNoRow: null,
    inferred: INFERRED_NOTE,
  };
}

/** 表五 财政拨款支出决算明细表: all three 财政拨款 funds by 经济分类; columns as SPEC §1.11 item 1 (most likely). */
export const CN05 = economicDetailTable({
  id: '川05表',
  title: '财政拨款支出决算明细表',
  columns: [
    { col: '1', header: ['合计'] },
    { col: '2', header: ['基本支出', '人员经费'] },
    { col: '3', header: ['基本支出', '公用经费'] },
    { col: '4', header: ['项目支出'] },
  ],
  classes: ALL_EXPENDITURE_CLASSES,
  notes: ['注:本表反映部门本年度财政拨款支出明细情况。'],
});

/** 表七 一般公共预算财政拨款支出决算明细表: 一般公共预算 only; columns as SPEC §1.11 item 2. */
export const CN07 = economicDetailTable({
  id: '川07表',
  title: '一般公共预算财政拨款支出决算明细表',
  columns: [
    { col: '1', header: ['合计'] },
    { col: '2', header: ['人员经费'] },
    { col: '3', header: ['公用经费'] },
    { col: '4', header: ['项目支出'] },
  ],
  classes: ALL_EXPENDITURE_CLASSES,
  notes: ['注:本表反映部门本年度一般公共预算财政拨款支出明细情况。'],
});

/** 表九 一般公共预算财政拨款项目支出决算表: 公开06表's 3-group layout over the project 类 (SPEC §1.11 item 3). */
export const CN09 = economicGroupsTable({
  id: '川09表',
  title: '一般公共预算财政拨款项目支出决算表',
  classes: PROJECT_CLASSES,
  total: '项目支出合计',
  groups: 3,
  notes: ['注:本表反映部门本年度一般公共预算财政拨款项目支出情况。'],
});

/** 表十一 国有资本经营预算财政拨款收入支出决算表: 公开07表's layout for 国有资本经营 科目 (SPEC §1.11 item 4). */
export const CN11: FunctionalTableDef = {
  ...functionalTable({
    id: '川11表',
    title: '国有资本经营预算财政拨款收入支出决算表',
    codeScope: 'soe',
    columns: carryOverColumns('川11表'),
    notes: ['注:本表反映部门本年度国有资本经营预算财政拨款收入、支出及结转和结余情况。'],
    emptyText: '(本单位今年没有国有资本经营预算财政拨款)',
  }),
  inferred: INFERRED_NOTE,
};

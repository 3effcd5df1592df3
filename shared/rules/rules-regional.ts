import { LAYOUT_CATEGORIES } from '../catalog';
import { CN07 } from '../tables/sichuan';
import { NM12_ROWS, SHAANXI_EXTRA, YN10_ROWS } from '../tables/regional';
import { cells, eachRow, leafUnion, rel, rowRel, rule, type RuleBody } from './builders';
import type { CheckContext } from './context';
import { suppVersusCell } from './rules-9';
import type { RuleDef } from './types';

/**
 * 勾稽关系 of the regional tables (川05/07/09/11/14表, 滇10表, 陕07表) with the national ones. Every layout
 * they read is INFERRED (no official template seen), so every relation is a warning: a mismatch may
 * mean our layout differs from the province's, not that the figures are wrong. R-S01–S04 are in rules-13.ts.
 */
const W = 'warning';
const CN05 = '川05表';
const CN09 = '川09表';
const CN11 = '川11表';
const custom = (reads: string[], check: (ctx: CheckContext) => void): RuleBody => ({ reads, check });

/** 川11表 (国有资本经营预算财政拨款收入支出) against 公开04表's 国有资本经营 column and rows (SPEC §1.11 item 4, R-X09). */
export const CN11_VS_T04 = rule(
  'R-S05',
  W,
  '川11表 合计 = 公开04表 国有资本经营预算财政拨款(收入、年初结转和结余、各类支出、年末结转和结余)',
  cells(
    rel(`${CN11}[合计].c2 = T04[r3].c1`, '本年收入', '国有资本经营预算财政拨款收入'),
    rel(`${CN11}[合计].c1 = T04[r31].c1`, '年初结转和结余', '年初国有资本经营预算财政拨款结转和结余'),
    rel(`${CN11}[合计].c3 = T04[r59].c5`, '本年支出小计', '国有资本经营预算财政拨款支出合计'),
    rel(`${CN11}[合计].c6 = T04[r60].c5`, '年末结转和结余', '年末国有资本经营预算财政拨款结转和结余'),
    ...LAYOUT_CATEGORIES.map((category, i) => rel(`${CN11}[${category.code}].c3 = T04[r${33 + i}].c5`)),
  ),
);

/** 川11表's 支出 columns repeat 公开08表 (国有资本经营预算财政拨款支出) code by code, in sets that print both. */
export const CN11_VS_T08 = rule(
  'R-S06',
  W,
  '川11表 本年支出(小计、基本支出、项目支出)= 公开08表 同一科目',
  custom([`${CN11}[项].c3/c4/c5 = T08[项].c1/c2/c3`], (ctx) => {
    const relations = [
      rowRel(CN11, 'c3 = T08[@].c1', '本年支出小计', '合计'),
      rowRel(CN11, 'c4 = T08[@].c2', '基本支出', '基本支出'),
      rowRel(CN11, 'c5 = T08[@].c3', '项目支出', '项目支出'),
    ];
    for (const code of leafUnion(ctx, [CN11, '公开08表'])) for (const relation of relations) ctx.check(relation, code);
  }),
);

/** SPEC §1.11 item 3: 一般公共预算财政拨款项目支出 by 经济分类 adds up to 公开05表's 项目支出. */
export const CN09_VS_T05 = rule(
  'R-S07',
  W,
  '川09表 项目支出合计 = 公开05表 合计 项目支出',
  cells(rel(`${CN09}[项目支出合计].c1 = T05[合计].c3`, '项目支出合计', '项目支出')),
);

/** SPEC §1.11 item 1: all three 财政拨款 by 经济分类 against 公开04表 and the three fund tables. */
export const CN05_VS_FUNDS = rule(
  'R-S08',
  W,
  '川05表 合计 = 公开04表 财政拨款支出合计;基本支出、项目支出 = 三本预算财政拨款之和',
  cells(
    rel(`${CN05}[合计].c1 = T04[r59].c2`, '财政拨款支出合计', '本年支出合计'),
    rel(`${CN05}[合计].c2 + ${CN05}[合计].c3 = T05[合计].c2 + T07[合计].c4 + T08[合计].c2`, '人员经费与公用经费之和', '三本预算基本支出之和'),
    rel(`${CN05}[合计].c4 = T05[合计].c3 + T07[合计].c5 + T08[合计].c3`, '项目支出', '三本预算项目支出之和'),
  ),
);

const CN07_ITEMS = CN07.rows.filter((row) => row.key.length === 5).map((row) => row.key);

/** SPEC §1.11 item 2: 川07表's 人员经费 + 公用经费 is 公开06表's 基本支出, 经济分类 款 by 款. */
export const CN07_VS_T06 = rule(
  'R-S09',
  W,
  '川07表 各经济分类款 人员经费 + 公用经费 = 公开06表 同一科目',
  eachRow('川07表', CN07_ITEMS, rowRel('川07表', 'c2 + c3 = T06[@].c1', '人员经费与公用经费之和', '基本支出')),
);

/** 川09表 is 川07表's 项目支出 column, printed in three groups: 款 by 款 they agree. */
export const CN09_VS_CN07 = rule(
  'R-S10',
  W,
  '川09表 各经济分类款 = 川07表 同一科目 项目支出',
  custom([`${CN09}[款].c1 = 川07表[款].c4`], (ctx) => {
    const relation = rowRel(CN09, 'c1 = 川07表[@].c4', '项目支出', '项目支出');
    for (const row of ctx.rows(CN09)) if (row.key.length === 5) ctx.check(relation, row.key);
  }),
);

/** 四川 14 表: 政府性基金 “三公” is paid out of 政府性基金 expenditure. */
export const CN14_VS_T07 = rule(
  'R-S11',
  W,
  '川14表 “三公”经费决算合计不超过公开07表 本年支出合计',
  cells(rel('川14表[r1].c7 ≤ T07[合计].c3', '政府性基金“三公”经费决算', '政府性基金预算财政拨款本年支出')),
);

/** 云南 表十: “三公” of all 财政拨款 include 一般公共预算's (表十一 = 公开09表 in this set). */
const YN10 = '滇10表';
const T09_ITEMS: [keyof typeof YN10_ROWS, number][] = [
  ['total', 1],
  ['outbound', 2],
  ['car', 3],
  ['carPurchase', 4],
  ['carRunning', 5],
  ['reception', 6],
];
export const YN10_VS_T09 = rule(
  'R-D01',
  W,
  '滇10表 财政拨款“三公”经费不小于一般公共预算财政拨款“三公”经费(公开09表)',
  cells(
    ...T09_ITEMS.flatMap(([item, col]) => [
      rel(`${YN10}[r${YN10_ROWS[item]}].c1 ≥ T09[r1].c${col}`, undefined, '一般公共预算财政拨款'),
      rel(`${YN10}[r${YN10_ROWS[item]}].c2 ≥ T09[r1].c${col + 6}`, undefined, '一般公共预算财政拨款'),
    ]),
  ),
);

export const YN10_RUNNING_COST = rule(
  'R-D02',
  W,
  '滇10表 机关运行经费决算数 = 补充信息 机关运行经费',
  custom(['滇10表[r9].c2 = SUPP.admin_running_cost'], (ctx) => {
    suppVersusCell(ctx, 'admin_running_cost', '机关运行经费', ctx.supp.admin_running_cost!, '=', { table: YN10, row: YN10_ROWS.running, col: '2' });
  }),
  { needs: ['admin_running_cost'] },
);

/**
 * 陕西 表七 replaces 公开09表: R-X16 and R-X18 read it instead (栏次 1–8 预算数, 9–16 决算数), and its
 * 会议费、培训费 include 公开06表's basic-expenditure lines for them.
 */
const SX07 = '陕07表';
const half = 6 + SHAANXI_EXTRA.length;
export const SHAANXI_SANGONG: RuleDef[] = [
  rule(
    'R-X16',
    W,
    '“三公”经费及会议费、培训费决算不小于公开06表中对应的基本支出科目',
    cells(
      rel(`${SX07}[r1].c${half + 2} ≥ T06[30212].c1`, undefined, '因公出国(境)费用'),
      rel(`${SX07}[r1].c${half + 4} ≥ T06[31013].c1`, undefined, '公务用车购置'),
      rel(`${SX07}[r1].c${half + 5} ≥ T06[30231].c1`, undefined, '公务用车运行维护费'),
      rel(`${SX07}[r1].c${half + 6} ≥ T06[30217].c1`, undefined, '公务接待费'),
      rel(`${SX07}[r1].c${half + 7} ≥ T06[30215].c1`, undefined, '会议费'),
      rel(`${SX07}[r1].c${half + 8} ≥ T06[30216].c1`, undefined, '培训费'),
    ),
  ),
  rule(
    'R-X18',
    W,
    '“三公”经费及会议费、培训费决算数不超过预算数,超过须说明原因',
    cells(
      ...Array.from({ length: half }, (_, i) =>
        rel(`${SX07}[r1].c${half + i + 1} ≤ c${i + 1}`, undefined, undefined, { message: '{lhs} 超过 {rhs},超出 {diff},请说明原因' }),
      ),
    ),
  ),
];

/** 内蒙古 表五: project funds by 功能分类; their 本年支出 is 公开03表's 项目支出. */
export const NM05_VS_T03 = rule(
  'R-M01',
  W,
  '蒙05表 合计 本年支出 = 公开03表 合计 项目支出',
  cells(rel('蒙05表[合计].c3 = T03[合计].c3', '项目本年支出', '项目支出')),
);

/** 内蒙古 表十二 against its own parts and the 补充信息 the 情况说明 uses. */
const NM12 = '蒙12表';
export const NM12_RULES: RuleDef[] = [
  rule(
    'R-M02',
    W,
    '蒙12表 授予小微企业 ≤ 授予中小企业 ≤ 政府采购支出合计',
    cells(
      rel(`${NM12}[r${NM12_ROWS.smallMicro}].c1 ≤ ${NM12}[r${NM12_ROWS.sme}].c1`),
      rel(`${NM12}[r${NM12_ROWS.sme}].c1 ≤ ${NM12}[r${NM12_ROWS.procurement}].c1`),
    ),
  ),
  rule(
    'R-M03',
    W,
    '蒙12表 机构运行经费 = 补充信息 机关运行经费',
    custom(['蒙12表[r1].c1 = SUPP.admin_running_cost'], (ctx) => {
      suppVersusCell(ctx, 'admin_running_cost', '机关运行经费', ctx.supp.admin_running_cost!, '=', { table: NM12, row: NM12_ROWS.running, col: '1' });
    }),
    { needs: ['admin_running_cost'] },
  ),
  rule(
    'R-M04',
    W,
    '蒙12表 政府采购支出合计 = 补充信息 政府采购支出总额',
    custom(['蒙12表[r2].c1 = SUPP.gov_procurement.total'], (ctx) => {
      suppVersusCell(ctx, 'gov_procurement.total', '政府采购支出总额', ctx.supp.gov_procurement!.total, '=', { table: NM12, row: NM12_ROWS.procurement, col: '1' });
    }),
    { needs: ['gov_procurement'] },
  ),
];

/** SPEC §2.1–2.3 for the 9-table set: relations within a row, within a column (hierarchy) and the balances of a table. */
import { ECONOMIC_LAYOUT } from '../catalog';
import { cells, eachRow, parentsSum, rel, rowRel, rule } from './builders';
import type { RuleDef } from './types';
import { E, FUNCTIONAL, range, T02, T03, T04, T05, T07, T08 } from './rules-9-common';

// ─── 2.1 Within-row relations ────────────────────────────────────────────────────────────────────

export const withinRow: RuleDef[] = [
  rule('R-W01', E, '公开02表 每行:本年收入合计 = 各项收入之和', eachRow(T02, 'all', rowRel(T02, 'c1 = c2+c3+c4+c5+c6+c7', undefined, '第2至7栏之和'))),
  rule('R-W02', E, '公开03表 每行:本年支出合计 = 各项支出之和', eachRow(T03, 'all', rowRel(T03, 'c1 = c2+c3+c4+c5+c6', undefined, '第2至6栏之和'))),
  rule('R-W03', E, '公开05表 每行:小计 = 基本支出 + 项目支出', eachRow(T05, 'all', rowRel(T05, 'c1 = c2+c3', undefined, '基本支出与项目支出之和'))),
  rule(
    'R-W04',
    E,
    '公开04表 第33–60、64行:合计 = 三项财政拨款之和',
    eachRow(T04, [...range(33, 60), '64'], rowRel(T04, 'c2 = c3+c4+c5', undefined, '第3至5栏之和')),
  ),
  // SPEC lists c6 = c1 + c2 − c3 under both R-W05 and R-B06; it is reported once, as R-B06, so one
  // mistake gives one finding.
  rule('R-W05', E, '公开07表 每行:本年支出小计 = 基本支出 + 项目支出', eachRow(T07, 'all', rowRel(T07, 'c3 = c4+c5', undefined, '基本支出与项目支出之和'))),
  rule('R-W06', E, '公开08表 每行:合计 = 基本支出 + 项目支出', eachRow(T08, 'all', rowRel(T08, 'c1 = c2+c3', undefined, '基本支出与项目支出之和'))),
  rule(
    'R-W07',
    E,
    '公开09表:合计与小计等于其组成部分之和',
    cells(
      rel('T09[r1].c1 = c2+c3+c6', undefined, '第2、3、6栏之和'),
      rel('T09[r1].c3 = c4+c5', undefined, '第4、5栏之和'),
      rel('T09[r1].c7 = c8+c9+c12', undefined, '第8、9、12栏之和'),
      rel('T09[r1].c9 = c10+c11', undefined, '第10、11栏之和'),
    ),
  ),
];

// ─── 2.2 Within-column relations (hierarchy) ─────────────────────────────────────────────────────

const econChildren = (head: string) => ECONOMIC_LAYOUT.filter((code) => code.level === '款' && code.code.startsWith(head));

export const hierarchy: RuleDef[] = [
  rule('R-H01', E, '功能分类表 各栏:合计 = 各类之和', parentsSum(FUNCTIONAL, 0)),
  rule('R-H02', E, '功能分类表 各栏:类 = 所属款之和', parentsSum(FUNCTIONAL, 1)),
  rule('R-H03', E, '功能分类表 各栏:款 = 所属项之和', parentsSum(FUNCTIONAL, 2)),
  rule(
    'R-H04',
    E,
    '公开06表:经济分类类级科目 = 所属款级科目之和',
    cells(
      ...['301', '302', '303', '307', '310', '399'].map((head) =>
        rel(`T06[${head}].c1 = ${econChildren(head).map((child) => `r${child.code}`).join('+')}`, undefined, '所属款级科目之和'),
      ),
    ),
  ),
  rule(
    'R-H05',
    E,
    '公开06表:人员经费合计 = 301 + 303;公用经费合计 = 302 + 307 + 310 + 399',
    cells(
      rel('T06[人员经费合计].c1 = r301+r303', '人员经费合计', '工资福利支出与对个人和家庭的补助之和'),
      rel('T06[公用经费合计].c1 = r302+r307+r310+r399', '公用经费合计', '302、307、310、399类之和'),
    ),
  ),
  rule('R-H06', E, '公开01表:本年收入合计 = 第1至8行之和', cells(rel('T01[r27].c1 = SUM(r1:r8)', '本年收入合计', '第1至8行之和'))),
  rule('R-H07', E, '公开01表:本年支出合计 = 第32至57行之和', cells(rel('T01[r58].c2 = SUM(r32:r57)', '本年支出合计', '第32至57行之和'))),
  rule(
    'R-H08',
    E,
    '公开04表:本年收入合计、年初结转和结余、本年支出合计等于其组成部分之和',
    cells(
      rel('T04[r27].c1 = r1+r2+r3', '本年收入合计', '第1至3行之和'),
      rel('T04[r28].c1 = r29+r30+r31', '年初财政拨款结转和结余', '第29至31行之和'),
      ...['2', '3', '4', '5'].map((j) => rel(`T04[r59].c${j} = SUM(r33:r58)`, undefined, '第33至58行之和')),
    ),
  ),
];

// ─── 2.3 Balance relations ──────────────────────────────────────────────────────────────────────

export const balance: RuleDef[] = [
  rule('R-B01', E, '公开01表:收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余', cells(rel('T01[r31].c1 = r27+r28+r29', '收入总计', '第27至29行之和'))),
  rule('R-B02', E, '公开01表:支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余', cells(rel('T01[r62].c2 = r58+r59+r60', '支出总计', '第58至60行之和'))),
  rule('R-B03', E, '公开01表:收入总计 = 支出总计', cells(rel('T01[r31].c1 = T01[r62].c2', '收入总计', '支出总计'))),
  rule(
    'R-B04',
    E,
    '公开04表:收入总计 = 本年收入合计 + 年初结转和结余;支出总计 = 本年支出合计 + 年末结转和结余;收入总计 = 支出总计',
    cells(
      rel('T04[r32].c1 = r27+r28', '收入总计', '第27、28行之和'),
      ...['2', '3', '4', '5'].map((j) => rel(`T04[r64].c${j} = r59+r60`, undefined, '第59、60行之和')),
      rel('T04[r32].c1 = T04[r64].c2', '收入总计', '支出总计'),
    ),
  ),
  rule(
    'R-B05',
    E,
    '公开04表 各项资金:年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出',
    cells(
      rel('T04[r60].c3 = T04[r29].c1 + T04[r1].c1 - T04[r59].c3', undefined, '年初 + 本年收入 − 本年支出'),
      rel('T04[r60].c4 = T04[r30].c1 + T04[r2].c1 - T04[r59].c4', undefined, '年初 + 本年收入 − 本年支出'),
      rel('T04[r60].c5 = T04[r31].c1 + T04[r3].c1 - T04[r59].c5', undefined, '年初 + 本年收入 − 本年支出'),
    ),
  ),
  rule(
    'R-B06',
    E,
    '公开07表 每行:年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出',
    eachRow(T07, 'all', rowRel(T07, 'c6 = c1+c2-c3', undefined, '年初 + 本年收入 − 本年支出')),
  ),
];

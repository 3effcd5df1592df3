import { cells, rel, rule } from './builders';
import type { RuleDef } from './types';

/**
 * Cross-table relations of the 四川 13-table set's own tables (川05/07/09表) with 公开05/06表 and with
 * each other. Those layouts are INFERRED (SPEC §1.11, no official template), so every relation is a
 * warning: a mismatch may mean our layout differs from the province's, not that the figures are wrong.
 * 川11表 (国有资本经营) has no relation yet: its counterpart columns in 公开04表 are not confirmed.
 */
const W = 'warning';

export const RULES_13_EXTRA: RuleDef[] = [
  rule(
    'R-S01',
    W,
    '川07表 合计 = 公开05表 合计(一般公共预算财政拨款支出:合计、基本支出、项目支出)',
    cells(
      rel('川07表[合计].c1 = T05[合计].c1', '一般公共预算财政拨款支出合计', '本年支出小计'),
      rel('川07表[合计].c2 + 川07表[合计].c3 = T05[合计].c2', '人员经费与公用经费之和', '基本支出'),
      rel('川07表[合计].c4 = T05[合计].c3', '项目支出', '项目支出'),
    ),
  ),
  rule(
    'R-S02',
    W,
    '川07表 人员经费、公用经费合计 = 公开06表 人员经费合计、公用经费合计',
    cells(
      rel('川07表[合计].c2 = T06[人员经费合计].c1', '人员经费', '人员经费合计'),
      rel('川07表[合计].c3 = T06[公用经费合计].c1', '公用经费', '公用经费合计'),
    ),
  ),
  rule('R-S03', W, '川09表 项目支出合计 = 川07表 合计 项目支出', cells(rel('川09表[项目支出合计].c1 = 川07表[合计].c4', '项目支出合计', '项目支出'))),
  rule(
    'R-S04',
    W,
    '川05表(全部财政拨款)合计 ≥ 川07表(一般公共预算财政拨款)合计',
    cells(rel('川05表[合计].c1 ≥ 川07表[合计].c1', '财政拨款支出合计', '一般公共预算财政拨款支出合计')),
  ),
];

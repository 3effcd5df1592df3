/** SPEC §2.5 for the 9-table set: relations with last year's file. */
import { cells, leafUnion, rel, rule } from './builders';
import { relation } from './context';
import type { RuleDef } from './types';
import { custom, FUNCTIONAL, T07, W } from './rules-9-common';

// ─── 2.5 Cross-year relations ───────────────────────────────────────────────────────────────────

/** Every 项 of this year's or last year's 公开07表: a balance last year closed must open this year. */
const Y03 = relation('T07[@].c1 = LY.T07[@].c6', { names: [undefined, '年末结转和结余'] });

export const crossYear: RuleDef[] = [
  rule('R-Y01', W, '年初结转和结余 = 上年年末结转和结余', cells(rel('T01[r29].c1 = LY.T01[r60].c2', '年初结转和结余', '年末结转和结余')), {
    needs: ['baseline'],
  }),
  rule(
    'R-Y02',
    W,
    '公开04表 年初财政拨款结转和结余 = 上年年末财政拨款结转和结余(分资金)',
    cells(
      rel('T04[r29].c1 = LY.T04[r60].c3', undefined, '年末 一般公共预算财政拨款'),
      rel('T04[r30].c1 = LY.T04[r60].c4', undefined, '年末 政府性基金预算财政拨款'),
      rel('T04[r31].c1 = LY.T04[r60].c5', undefined, '年末 国有资本经营预算财政拨款'),
      rel('T04[r28].c1 = LY.T04[r60].c2', undefined, '年末财政拨款结转和结余'),
    ),
    { needs: ['baseline'] },
  ),
  rule(
    'R-Y03',
    W,
    '公开07表 各科目年初结转和结余 = 上年年末结转和结余',
    custom(['T07[code].c1 = LY.T07[code].c6'], (ctx) => {
      for (const code of leafUnion(ctx, [T07], [T07])) ctx.check(Y03, code);
    }),
    { needs: ['baseline'] },
  ),
  rule(
    'R-Y04',
    W,
    '上年科目在本年科目表中存在或有对应关系',
    custom(['LY.T02/T03/T05/T07/T08[项] ∈ 本年功能分类科目表 ∪ 科目对应关系'], (ctx) => {
      for (const table of FUNCTIONAL) {
        for (const code of ctx.leaves(table, true)) {
          // A code this year's table uses as well (a 自定义 code the clerk carried on) is no break in continuity.
          if (ctx.isKnownCode(code) || ctx.codeMappings[code] || ctx.model.row(table, code)) continue;
          ctx.emit({
            severity: 'warning',
            table,
            row: code,
            col: '',
            message: `上年${table} 科目 ${[code, ctx.baseline!.row(table, code)?.label].filter(Boolean).join(' ')} 不在本年功能分类科目表中,也没有对应的新科目,请核实本年使用的科目`,
            expected: null,
            actual: null,
          });
        }
      }
    }),
    { needs: ['baseline'] },
  ),
];

/** SPEC §2.4 for the 9-table set: relations across tables and with the supplementary inputs. */
import type { Amount } from '../money';
import { TOTAL } from '../tables/types';
import { cells, eachRow, leafUnion, rel, rule } from './builders';
import { relation, show, type CheckContext } from './context';
import { SUPP_TABLE, type RuleDef } from './types';
import { byCategory, custom, E, range, T01, T02, T03, T04, T05, T06, T07, T08, W } from './rules-9-common';

// ─── 2.4 Cross-table relations ──────────────────────────────────────────────────────────────────

const T01_INCOME_SOURCES: [string, string, string][] = [
  ['4', '3', '上级补助收入'],
  ['5', '4', '事业收入'],
  ['6', '5', '经营收入'],
  ['7', '6', '附属单位上缴收入'],
  ['8', '7', '其他收入'],
];

/** R-X12's premise: all income is 一般公共预算财政拨款 and nothing is carried over. */
function onlyGeneralBudget(ctx: CheckContext): boolean {
  const zero = (table: string, row: string, col: string) => ctx.amount(table, row, col) === 0;
  return (
    range(2, 8).every((row) => zero(T01, row, '1')) &&
    zero(T01, '28', '1') &&
    zero(T01, '29', '1') &&
    ['59', '60'].every((row) => zero(T04, row, '4') && zero(T04, row, '5'))
  );
}
const X12_NOTE = '收入全部为一般公共预算财政拨款且无结转结余';
const X12_SAME = ['2', '3'].map((j) =>
  relation(`T05[@].c${j} = T03[@].c${j}`, { message: `{lhs} 与 {rhs} 不一致,相差 {diff}:${X12_NOTE}时两表应相同` }),
);
const X12_ZERO = ['4', '5', '6'].map((j) => relation(`T03[@].c${j} = 0`, { message: `{lhs},应为 {rhs}:${X12_NOTE}时不应有此项支出` }));
const X14_TOTAL = relation('T02[合计].c1 - T03[合计].c1 = T01[r59].c2 + T01[r60].c2 - T01[r28].c1 - T01[r29].c1', {
  names: ['本年收支差额(公开02表 本年收入合计 − 公开03表 本年支出合计)', '结转结余变动(结余分配 + 年末结转和结余 − 使用非财政拨款结余 − 年初结转和结余)'],
});

const X14_CODE = relation('T02[@].c1 = T03[@].c1', { severity: W });

/** R-X17: the 项 codes of `sub` must appear in `sup` (or among `extra`). */
function keysSubset(ctx: CheckContext, sub: string, sup: string[], extra: ReadonlySet<string> = new Set()) {
  // Looked up in the tables' own rows: a set of every 项 code of `sup` per run cost more than the check.
  const allowed = (code: string) => sup.some((table) => ctx.model.row(table, code) !== undefined);
  for (const code of ctx.leaves(sub)) {
    if (allowed(code) || extra.has(code)) continue;
    ctx.emit({
      severity: 'warning',
      table: sub,
      row: code,
      col: '',
      message: `${sub} 科目 ${code} ${ctx.model.row(sub, code)?.label ?? ''}:${sup.join('、')}中应有此科目,现没有。请核实科目代码,或在${sup.join('、')}中添加此科目`,
      expected: null,
      actual: null,
    });
  }
}

/** A comparison of a supplementary amount with a table cell, located at the supplementary field. */
export function suppVersusCell(
  ctx: CheckContext,
  field: string,
  name: string,
  value: Amount,
  op: '=' | '≤' | '≥',
  cell: { table: string; row: string; col: string },
  message?: string,
) {
  ctx.compare({
    at: { table: SUPP_TABLE, row: field, col: '' },
    op,
    lhs: value,
    rhs: ctx.amount(cell.table, cell.row, cell.col),
    lhsText: `${SUPP_TABLE} ${name}`,
    rhsText: `${ctx.where(cell)} ${ctx.label(cell)}`,
    addends: () => (value ? 1 : 0) + ctx.addendsOf([cell]),
    ...(message ? { message } : {}),
  });
}

export const crossTable: RuleDef[] = [
  rule('R-X01', E, '公开01表 本年收入合计 = 公开02表 合计 本年收入合计', cells(rel('T01[r27].c1 = T02[合计].c1', '本年收入合计', '本年收入合计'))),
  rule(
    'R-X02',
    E,
    '公开01表 三项财政拨款收入之和 = 公开02表 合计 财政拨款收入',
    cells(rel('T01[r1].c1 + T01[r2].c1 + T01[r3].c1 = T02[合计].c2', '第1至3行 财政拨款收入之和', '财政拨款收入')),
  ),
  rule(
    'R-X03',
    E,
    '公开01表 第4至8行 = 公开02表 合计行 第3至7栏',
    cells(...T01_INCOME_SOURCES.map(([row, col, name]) => rel(`T01[r${row}].c1 = T02[合计].c${col}`, name, name))),
  ),
  rule('R-X04', E, '公开01表 第1至3行 = 公开04表 第1至3行', cells(...['1', '2', '3'].map((r) => rel(`T01[r${r}].c1 = T04[r${r}].c1`)))),
  rule('R-X05', E, '公开01表 本年支出合计 = 公开03表 合计 本年支出合计', cells(rel('T01[r58].c2 = T03[合计].c1', '本年支出合计', '本年支出合计'))),
  rule('R-X06', E, '公开01表 各类支出 = 公开03表 对应类级科目 本年支出合计', cells(...byCategory((k, code) => `T01[r${31 + k}].c2 = T03[${code}].c1`))),
  rule(
    'R-X07',
    E,
    '公开04表 一般公共预算财政拨款栏 = 公开05表',
    cells(...byCategory((k, code) => `T04[r${32 + k}].c3 = T05[${code}].c1`), rel('T04[r59].c3 = T05[合计].c1')),
  ),
  rule(
    'R-X08',
    E,
    '公开04表 政府性基金预算财政拨款 = 公开07表',
    cells(
      ...byCategory((k, code) => `T04[r${32 + k}].c4 = T07[${code}].c3`),
      rel('T04[r59].c4 = T07[合计].c3'),
      rel('T04[r2].c1 = T07[合计].c2', undefined, '本年收入'),
      rel('T04[r30].c1 = T07[合计].c1', undefined, '年初结转和结余'),
      rel('T04[r60].c4 = T07[合计].c6', undefined, '年末结转和结余'),
    ),
  ),
  rule(
    'R-X09',
    E,
    '公开04表 国有资本经营预算财政拨款栏 = 公开08表',
    cells(...byCategory((k, code) => `T04[r${32 + k}].c5 = T08[${code}].c1`), rel('T04[r59].c5 = T08[合计].c1')),
  ),
  rule(
    'R-X10',
    E,
    '公开06表 人员经费合计 + 公用经费合计 = 公开05表 合计 基本支出',
    cells(rel('T06[人员经费合计].c1 + T06[公用经费合计].c1 = T05[合计].c2', '人员经费合计与公用经费合计之和', '基本支出')),
  ),
  // Checked on 项 rows and their input columns: 类/款 rows and 小计 follow from them, so one
  // misplaced amount gives one finding instead of one per ancestor and column.
  rule(
    'R-X11',
    W,
    '公开05表(一般公共预算)不超过公开03表(全部资金),逐科目',
    eachRow(T05, 'leaf', ...['2', '3'].map((j) => relation(`T05[@].c${j} ≤ T03[@].c${j}`))),
  ),
  rule(
    'R-X12',
    W,
    '收入全部为一般公共预算财政拨款且无结转结余时,公开05表应与公开03表一致',
    custom(
      ['T01[r2..r8].c1 = 0', 'T01[r28].c1 = T01[r29].c1 = 0', 'T04[r59,r60].c4,c5 = 0', 'T05[项].c2,c3 = T03[项].c2,c3', 'T03[项].c4..c6 = 0'],
      (ctx) => {
        if (!onlyGeneralBudget(ctx)) return;
        for (const code of leafUnion(ctx, [T03, T05])) for (const r of X12_SAME) ctx.check(r, code);
        for (const code of ctx.leaves(T03)) for (const r of X12_ZERO) ctx.check(r, code);
      },
    ),
  ),
  rule(
    'R-X13',
    W,
    '财政拨款(公开04表)不超过全部资金(公开01表)',
    cells(
      rel('T04[r27].c1 ≤ T01[r27].c1', '本年收入合计', '本年收入合计'),
      rel('T04[r28].c1 ≤ T01[r29].c1', '年初财政拨款结转和结余', '年初结转和结余'),
      rel('T04[r59].c2 ≤ T01[r58].c2', '本年支出合计', '本年支出合计'),
      rel('T04[r60].c2 ≤ T01[r60].c2', '年末财政拨款结转和结余', '年末结转和结余'),
    ),
  ),
  rule(
    'R-X14',
    E,
    '收支差额 = 结转结余变动;无结转结余时逐科目收入 = 支出',
    custom(['T02[合计].c1 − T03[合计].c1 = T01[r59].c2 + T01[r60].c2 − T01[r28].c1 − T01[r29].c1', 'T02[项].c1 = T03[项].c1 (无结转结余时)'], (ctx) => {
      ctx.check(X14_TOTAL);
      const noCarryOver = ctx.amount(T01, '28', '1') === 0 && ctx.amount(T01, '29', '1') === 0 && ctx.amount(T01, '59', '2') === 0 && ctx.amount(T01, '60', '2') === 0;
      if (noCarryOver) for (const code of leafUnion(ctx, [T02, T03])) ctx.check(X14_CODE, code);
    }),
  ),
  rule(
    'R-X15',
    W,
    '公开03表 基本支出、项目支出合计不小于公开05表',
    cells(rel('T03[合计].c2 ≥ T05[合计].c2'), rel('T03[合计].c3 ≥ T05[合计].c3')),
  ),
  rule(
    'R-X16',
    W,
    '“三公”经费决算不小于公开06表中对应的基本支出科目',
    cells(
      rel('T09[r1].c8 ≥ T06[30212].c1', undefined, '因公出国(境)费用'),
      rel('T09[r1].c10 ≥ T06[31013].c1', undefined, '公务用车购置'),
      rel('T09[r1].c11 ≥ T06[30231].c1', undefined, '公务用车运行维护费'),
      rel('T09[r1].c12 ≥ T06[30217].c1', undefined, '公务接待费'),
    ),
  ),
  rule(
    'R-X17',
    W,
    '各功能分类表的科目应相互对应',
    custom(['keys(T05) ⊆ keys(T03)', 'keys(T07) ⊆ keys(T03)', 'keys(T08) ⊆ keys(T03)', 'keys(T03) ⊆ keys(T02) ∪ {T07[code].c1 ≠ 0}'], (ctx) => {
      keysSubset(ctx, T05, [T03]);
      keysSubset(ctx, T07, [T03]);
      keysSubset(ctx, T08, [T03]);
      keysSubset(ctx, T03, [T02], new Set(ctx.leaves(T07).filter((code) => ctx.amount(T07, code, '1') !== 0)));
    }),
  ),
  rule(
    'R-X18',
    W,
    '“三公”经费决算数不超过预算数,超过须说明原因',
    cells(
      ...['1', '2', '3', '4', '5', '6'].map((j) =>
        rel(`T09[r1].c${Number(j) + 6} ≤ c${j}`, undefined, undefined, { message: '{lhs} 超过 {rhs},超出 {diff},请说明原因' }),
      ),
    ),
  ),
  rule(
    'R-X19',
    W,
    '机关运行经费 = 公开06表 公用经费合计(行政单位和参公单位)',
    custom(['SUPP.admin_running_cost', 'SUPP.unit_info.nature', 'T06[公用经费合计].c1'], (ctx) => {
      const nature = ctx.supp.unit_info?.nature;
      if (nature && !/行政|参公|参照公务员/.test(nature)) return;
      suppVersusCell(ctx, 'admin_running_cost', '机关运行经费', ctx.supp.admin_running_cost!, '=', { table: T06, row: '公用经费合计', col: '1' });
    }),
    { needs: ['admin_running_cost'] },
  ),
  rule(
    'R-X20',
    W,
    '公开06表 培训费、会议费不超过其全年总额',
    custom(['T06[30216].c1 ≤ SUPP.training_fee', 'T06[30215].c1 ≤ SUPP.meeting_fee'], (ctx) => {
      const pairs: [string, string, Amount | undefined][] = [
        ['30216', '培训费总额', ctx.supp.training_fee],
        ['30215', '会议费总额', ctx.supp.meeting_fee],
      ];
      for (const [code, name, total] of pairs) {
        if (total === undefined) continue;
        const cell = { table: T06, row: code, col: '1' };
        ctx.compare({
          at: cell,
          op: '≤',
          lhs: ctx.amount(T06, code, '1'),
          rhs: total,
          lhsText: `${ctx.where(cell)} ${ctx.label(cell)}`,
          rhsText: `${SUPP_TABLE} ${name}`,
          addends: () => 1 + ctx.addendsOf([cell]),
        });
      }
    }),
    { needsOneOf: ['training_fee', 'meeting_fee'] },
  ),
  rule(
    'R-X21',
    W,
    '绩效自评覆盖金额不超过一般公共预算项目支出,覆盖率与之相符',
    custom(['SUPP.perf_summary.amount ≤ T05[合计].c3', 'SUPP.perf_summary.coverage_pct = amount ÷ T05[合计].c3'], (ctx) => {
      const perf = ctx.supp.perf_summary!;
      const projects = { table: T05, row: TOTAL, col: '3' };
      suppVersusCell(ctx, 'perf_summary.amount', '绩效自评涉及资金', perf.amount, '≤', projects);
      const base = ctx.amount(T05, TOTAL, '3');
      // x ÷ 0 has no rate (SPEC §0.5); the narrative may compute from 元, hence ±0.05 percentage points.
      if (perf.coverage_pct === undefined || base === 0) return;
      const actual = (perf.amount / base) * 100;
      if (Math.abs(perf.coverage_pct - actual) <= 0.05 + 1e-9) return;
      ctx.emit({
        severity: 'warning',
        table: SUPP_TABLE,
        row: 'perf_summary.coverage_pct',
        col: '',
        message: `${SUPP_TABLE}“绩效自评覆盖”中所写覆盖比例为 ${perf.coverage_pct}%,按涉及资金 ${show(perf.amount)} ÷ 公开05表 合计行 项目支出 ${show(base)} 计算应为 ${actual.toFixed(2)}%。请改正覆盖比例或涉及资金,使两者相符`,
        expected: actual.toFixed(2),
        actual: String(perf.coverage_pct),
      });
    }),
    { needs: ['perf_summary'] },
  ),
  rule(
    'R-X22',
    W,
    '项目绩效自评表执行数之和不超过公开03表 项目支出',
    custom(['Σ SUPP.project_forms[].spent ≤ T03[合计].c3'], (ctx) => {
      const forms = ctx.supp.project_forms!;
      suppVersusCell(ctx, 'project_forms', '各项目自评表执行数之和', forms.reduce((sum, form) => sum + form.spent, 0), '≤', {
        table: T03,
        row: TOTAL,
        col: '3',
      });
    }),
    { needs: ['project_forms'] },
  ),
  rule(
    'R-X23',
    E,
    '政府采购:总额 = 货物 + 工程 + 服务;小微企业 ≤ 中小企业 ≤ 总额',
    custom(['SUPP.gov_procurement.total = goods + works + services', 'small_micro_amount ≤ sme_amount ≤ total'], (ctx) => {
      const p = ctx.supp.gov_procurement!;
      const at = (field: string) => ({ table: SUPP_TABLE, row: `gov_procurement.${field}`, col: '' });
      const typed = (...values: (Amount | undefined)[]) => values.filter((value) => value).length;
      ctx.compare({
        at: at('total'),
        op: '=',
        lhs: p.total,
        rhs: p.goods + p.works + p.services,
        lhsText: '政府采购总额',
        rhsText: '货物、工程、服务采购之和',
        addends: () => typed(p.total, p.goods, p.works, p.services),
      });
      if (p.sme_amount !== undefined) {
        ctx.compare({ at: at('sme_amount'), op: '≤', lhs: p.sme_amount, rhs: p.total, lhsText: '授予中小企业合同金额', rhsText: '政府采购总额', addends: () => 2 });
      }
      if (p.small_micro_amount !== undefined && p.sme_amount !== undefined) {
        const small = { at: at('small_micro_amount'), lhsText: '授予小微企业合同金额', rhsText: '授予中小企业合同金额' };
        ctx.compare({ ...small, op: '≤', lhs: p.small_micro_amount, rhs: p.sme_amount, addends: () => 2 });
      }
    }),
    { needs: ['gov_procurement'] },
  ),
  rule(
    'R-X24',
    W,
    '车辆总数 = 各类车辆之和;“三公”公务用车保有量不超过车辆总数',
    custom(['SUPP.assets.vehicles_total = Σ vehicles_by_type', 'SUPP.sangong_stats.vehicles_held ≤ vehicles_total'], (ctx) => {
      const assets = ctx.supp.assets!;
      const byType = Object.values(assets.vehicles_by_type).reduce((sum, n) => sum + n, 0);
      const count = (row: string, message: string, expected: number, actual: number) =>
        ctx.emit({ severity: 'warning', table: SUPP_TABLE, row, col: '', message, expected: String(expected), actual: String(actual) });
      if (byType !== assets.vehicles_total) {
        count('assets.vehicles_total', `${SUPP_TABLE}“国有资产占用”车辆总数为 ${assets.vehicles_total} 辆,各类车辆之和为 ${byType} 辆,两者应相等。请核对车辆总数和各类车辆数`, byType, assets.vehicles_total);
      }
      const held = ctx.supp.sangong_stats?.vehicles_held;
      if (held !== undefined && held > assets.vehicles_total) {
        count('sangong_stats.vehicles_held', `${SUPP_TABLE}“三公”公务用车保有量为 ${held} 辆,不应超过车辆总数 ${assets.vehicles_total} 辆。请核对这两个数`, assets.vehicles_total, held);
      }
    }),
    { needs: ['assets'] },
  ),
];

import { ECONOMIC_LAYOUT, LAYOUT_CATEGORIES } from '../catalog';
import { formatAmount, type Amount } from '../money';
import { TOTAL } from '../tables/types';
import { cells, eachRow, leafUnion, parentsSum, rel, rowRel, rule, type RuleBody } from './builders';
import { relation, show, type CheckContext } from './context';
import { SUPP_TABLE, TEXT_TABLE, type RuleDef } from './types';

/**
 * The 勾稽关系 of SPEC §2.1–2.5 and the plausibility warnings of §2.7 for the 9-table set 公开01–09表.
 *
 * Many relations hold by construction in our engine (合计/类/款 rows, 本年收入合计 and similar cells
 * are computed, 公开01/04表 category rows are linked). They are still declared and checked: an
 * imported file or an override can break them, and checking costs a few additions per row. Every
 * equality is checked with the tolerance of SPEC §0.5 (see context.ts `tolerance`).
 */

const T01 = '公开01表';
const T02 = '公开02表';
const T03 = '公开03表';
const T04 = '公开04表';
const T05 = '公开05表';
const T06 = '公开06表';
const T07 = '公开07表';
const T08 = '公开08表';
const T09 = '公开09表';
const FUNCTIONAL = [T02, T03, T05, T07, T08];
const E = 'error';
const W = 'warning';

/** The 26 类 of 公开01/04表, k = 1…26 in print order (layout, not a year's catalog). */
const CATEGORIES = LAYOUT_CATEGORIES;

/** One relation per category k: `text(k, code)`. */
const byCategory = (text: (k: number, code: string) => string, lhs?: string, rhs?: string) =>
  CATEGORIES.map((category, i) => rel(text(i + 1, category.code), lhs, rhs));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** A custom check with the cells it reads. */
const custom = (reads: string[], check: (ctx: CheckContext) => void): RuleBody => ({ reads, check });

// ─── 2.1 Within-row relations ────────────────────────────────────────────────────────────────────

const withinRow: RuleDef[] = [
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

const hierarchy: RuleDef[] = [
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

const balance: RuleDef[] = [
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
  const allowed = new Set(sup.flatMap((table) => ctx.leaves(table)));
  for (const code of ctx.leaves(sub)) {
    if (allowed.has(code) || extra.has(code)) continue;
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

const crossTable: RuleDef[] = [
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

// ─── 2.5 Cross-year relations ───────────────────────────────────────────────────────────────────

/** Every 项 of this year's or last year's 公开07表: a balance last year closed must open this year. */
const Y03 = relation('T07[@].c1 = LY.T07[@].c6', { names: [undefined, '年末结转和结余'] });

const crossYear: RuleDef[] = [
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
          if (ctx.isKnownCode(code) || ctx.codeMappings[code]) continue;
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

// ─── 2.7 Plausibility warnings ──────────────────────────────────────────────────────────────────

/** P-02: 基本支出 by 经济分类 (公开06表) against the 功能分类 items that should carry it (公开05表 c2). */
/**
 * Re-derived from real departments (issue 17): most book 社保缴费, 公积金 and 离退休费 under 行政运行 /
 * 一般行政管理事务 and never use the 208/210/221 items, so comparing with an unused item fired on every
 * file. A pair is evidence of a misclassification only where the department uses the 功能 item: it
 * is compared only when that side is not 0. 2080501/2080502 also carry the retirees' 公用经费 and
 * other 303 items, so 离退休费 may only not exceed them (≤), never must equal them.
 */
const P02_PAIRS: [string, string, string][] = [
  ['T06[30108].c1 = T05[2080505].c2', '机关事业单位基本养老保险缴费', '机关事业单位基本养老保险缴费支出 基本支出'],
  ['T06[30109].c1 = T05[2080506].c2', '职业年金缴费', '机关事业单位职业年金缴费支出 基本支出'],
  ['T06[30110].c1 + T06[30111].c1 = T05[21011].c2', '职工基本医疗保险与公务员医疗补助缴费', '行政事业单位医疗 基本支出'],
  ['T06[30113].c1 = T05[2210201].c2', '住房公积金', '住房公积金 基本支出'],
  // Anchored at 30302 退休费, the usual one, so the finding key stays put whatever 30301 holds.
  ['T06[30302].c1 + T06[30301].c1 ≤ T05[2080501].c2 + T05[2080502].c2', '离休费与退休费', '行政、事业单位离退休 基本支出'],
];
const P02_RELATIONS = P02_PAIRS.map(([text, lhs, rhs]) => rel(text, lhs, rhs, { message: P02_MESSAGE_TEXT(text) }));
function P02_MESSAGE_TEXT(text: string): string {
  return text.includes('≤') ? '{lhs} 大于 {rhs},超出 {diff}:离退休费应列在离退休功能科目中,请核实科目' : '{lhs} 与 {rhs} 不一致,相差 {diff}:经济分类与功能分类应相互对应,请核实科目';
}

/** P-03: amounts that get a variance sentence in the narrative (SPEC §5). */
function yoyCells(ctx: CheckContext) {
  const categories = new Set([...ctx.rows(T05), ...ctx.rows(T05, true)].filter((row) => row.level === 1).map((row) => row.key));
  return [
    { table: T01, row: '27', col: '1' },
    { table: T01, row: '58', col: '2' },
    ...[...categories].sort().map((code) => ({ table: T05, row: code, col: '1' })),
    { table: T06, row: '人员经费合计', col: '1' },
    { table: T06, row: '公用经费合计', col: '1' },
    { table: T09, row: '1', col: '7' },
  ];
}

const pct = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;

const PLACEHOLDERS = /……|\.{3,}|[XＸ]{2,}|[(（][^()（）]{0,30}字以内[)）]|主要原因[::]\s*$/;

const plausibility: RuleDef[] = [
  rule(
    'P-01',
    W,
    '基本支出不应列在“一般行政管理事务”科目',
    // Re-derived (issue 17): 项目支出 under 行政运行 fired on three of four real departments — 运转类项目
    // (物业、运维) are commonly budgeted there — so that half was noise and is dropped. 一般行政管理事务
    // is by definition the 项目支出 item, so 基本支出 there stays a warning.
    custom(['T03[项 一般行政管理事务].c2 = 0'], (ctx) => {
      for (const code of ctx.leaves(T03)) {
        const name = ctx.model.row(T03, code)?.label ?? '';
        const col = name === '一般行政管理事务' ? '2' : null;
        const value = col ? ctx.amount(T03, code, col) : 0;
        if (!col || value === 0) continue;
        const [kind, home] = ['基本支出', '“行政运行”科目'];
        ctx.emit({
          severity: 'warning',
          table: T03,
          row: code,
          col,
          message: `${T03} 科目 ${code} ${name} 第2栏 ${kind}应为 0.00,实有 ${show(value)}:${kind}一般应列在${home}。请核实,列错的请改列到“行政运行”科目,确属本科目的请填写出错说明`,
          expected: '0.00',
          actual: formatAmount(value),
        });
      }
    }),
  ),
  rule(
    'P-02',
    W,
    '基本支出的经济分类与功能分类应相互对应(养老、年金、医疗、公积金、离退休)',
    {
      reads: P02_RELATIONS.map((relation) => relation.text),
      check: (ctx) => {
        for (const relation of P02_RELATIONS) {
          // Only where the department uses the 功能 item (the right-hand side) at all.
          if (relation.rhs.some((term) => ctx.amount(term.table, term.row, term.col) !== 0)) ctx.check(relation);
        }
      },
    },
  ),
  rule(
    'P-03',
    W,
    '增减变动 ≥ 30% 或预算执行率 < 90% / > 110% 须说明主要原因',
    custom(['T01[r27].c1, T01[r58].c2, T05[类].c1, T06[人员经费合计/公用经费合计], T09.c7 vs LY', 'T05[code].c1 ÷ SUPP.gpb_initial_budget_by_code[code]'], (ctx) => {
      const notes = new Map<string, { cell: { table: string; row: string; col: string }; texts: string[]; expected: Amount }>();
      const note = (cell: { table: string; row: string; col: string }, text: string, expected: Amount) => {
        const key = `${cell.table}|${cell.row}|${cell.col}`;
        if (!notes.has(key)) notes.set(key, { cell, texts: [], expected });
        notes.get(key)!.texts.push(text);
      };
      if (ctx.baseline) {
        for (const cell of yoyCells(ctx)) {
          const last = ctx.amount(cell.table, cell.row, cell.col, true);
          // No rate against a zero base (SPEC §0.5): the narrative says "上年无此项资金" instead.
          if (last === 0) continue;
          const change = (ctx.amount(cell.table, cell.row, cell.col) - last) / last;
          if (Math.abs(change) >= 0.3) note(cell, `较上年 ${show(last)} ${change > 0 ? '增长' : '下降'} ${pct(Math.abs(change))}`, last);
        }
      }
      for (const [row, budget] of Object.entries(ctx.supp.gpb_initial_budget_by_code ?? {})) {
        if (budget === 0) continue;
        const cell = { table: T05, row, col: '1' };
        const rate = ctx.amount(T05, row, '1') / budget;
        if (rate < 0.9 || rate > 1.1) note(cell, `年初预算 ${show(budget)},执行率 ${pct(rate)}`, budget);
      }
      for (const { cell, texts, expected } of notes.values()) {
        const actual = ctx.amount(cell.table, cell.row, cell.col);
        ctx.emit({
          severity: 'warning',
          ...cell,
          message: `${ctx.where(cell)} ${ctx.label(cell)} ${show(actual)},${texts.join(';')},请在出错说明中写明主要原因`,
          expected: formatAmount(expected),
          actual: formatAmount(actual),
        });
      }
    }),
    { needsOneOf: ['baseline', 'gpb_initial_budget_by_code'] },
  ),
  rule(
    'P-04',
    W,
    '说明文字中不得留有“……”、“XX”、“(100字以内)”等占位内容',
    custom(['SUPP.narrative[*]'], (ctx) => {
      for (const [section, text] of Object.entries(ctx.supp.narrative!)) {
        const found = PLACEHOLDERS.exec(text);
        if (!found) continue;
        ctx.emit({
          severity: 'warning',
          table: TEXT_TABLE,
          row: section,
          col: '',
          message: `${TEXT_TABLE}“${section}”仍有占位内容“${found[0]}”,请补写完整`,
          expected: null,
          actual: null,
        });
      }
    }),
    { needs: ['narrative'] },
  ),
];

/** All rules of the 9-table set, in SPEC order. */
export const RULES_9: RuleDef[] = [...withinRow, ...hierarchy, ...balance, ...crossTable, ...crossYear, ...plausibility];

import { describe, expect, it } from 'vitest';
import { TABLES, TOTAL, type CellRule, type FixedTableDef, type FunctionalTableDef, type TableDef } from '../../shared/tables';

/** Expectations are written out from SPEC §1.2–1.9 (and seed 002), not derived from the declarations. */
const fixed = (id: string) => TABLES.get(id) as FixedTableDef;
const functional = (id: string) => TABLES.get(id) as FunctionalTableDef;
const rule = (def: FixedTableDef, row: string, col: string): CellRule | undefined => def.rows.find((r) => r.key === row)?.cells[col];
const role = (def: FixedTableDef, row: string, col: string) => rule(def, row, col)?.role;
const formula = (r: CellRule | undefined) => (r && r.role !== 'input' ? r.formula : undefined);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

const CATEGORY_LABELS = [
  '一、一般公共服务支出', '二、外交支出', '三、国防支出', '四、公共安全支出', '五、教育支出', '六、科学技术支出',
  '七、文化旅游体育与传媒支出', '八、社会保障和就业支出', '九、卫生健康支出', '十、节能环保支出', '十一、城乡社区支出',
  '十二、农林水支出', '十三、交通运输支出', '十四、资源勘探工业信息等支出', '十五、商业服务业等支出', '十六、金融支出',
  '十七、援助其他地区支出', '十八、自然资源海洋气象等支出', '十九、住房保障支出', '二十、粮油物资储备支出',
  '二十一、国有资本经营预算支出', '二十二、灾害防治及应急管理支出', '二十三、其他支出', '二十四、债务还本支出',
  '二十五、债务付息支出', '二十六、抗疫特别国债安排的支出',
];
const CATEGORY_CODES = '201 202 203 204 205 206 207 208 210 211 212 213 214 215 216 217 219 220 221 222 223 224 229 231 232 234'.split(' ');

function expectCommon(def: TableDef, title: string, notes: string[], emptyAsZero: boolean, colNoRow: string | null) {
  expect(def.title).toBe(title);
  expect(def.notes).toEqual(notes);
  expect(def.emptyAsZero).toBe(emptyAsZero);
  expect(def.colNoRow).toBe(colNoRow);
}

describe('functional tables 02, 03, 05, 07, 08 (SPEC §1.2, 1.3, 1.5, 1.7, 1.8)', () => {
  const cases: [string, string, [string, string[], string | null][], string, string | undefined][] = [
    ['公开02表', '收入决算表', [
      ['1', ['本年收入合计'], 'c2+c3+c4+c5+c6+c7'], ['2', ['财政拨款收入'], null], ['3', ['上级补助收入'], null],
      ['4', ['事业收入'], null], ['5', ['经营收入'], null], ['6', ['附属单位上缴收入'], null], ['7', ['其他收入'], null],
    ], '注:本表反映部门本年度取得的各项收入情况。', undefined],
    ['公开03表', '支出决算表', [
      ['1', ['本年支出合计'], 'c2+c3+c4+c5+c6'], ['2', ['基本支出'], null], ['3', ['项目支出'], null],
      ['4', ['上缴上级支出'], null], ['5', ['经营支出'], null], ['6', ['对附属单位补助支出'], null],
    ], '注:本表反映部门本年度各项支出情况。', undefined],
    ['公开05表', '一般公共预算财政拨款支出决算表', [
      ['1', ['本年支出', '小计'], 'c2+c3'], ['2', ['本年支出', '基本支出'], null], ['3', ['本年支出', '项目支出'], null],
    ], '注:本表反映部门本年度一般公共预算财政拨款支出情况。', undefined],
    ['公开07表', '政府性基金预算财政拨款收入支出决算表', [
      ['1', ['年初结转和结余'], null], ['2', ['本年收入'], null], ['3', ['本年支出', '小计'], 'c4+c5'],
      ['4', ['本年支出', '基本支出'], null], ['5', ['本年支出', '项目支出'], null], ['6', ['年末结转和结余'], 'c1+c2-c3'],
    ], '注:本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。', '(本单位今年没有政府性基金预算财政拨款)'],
    ['公开08表', '国有资本经营预算财政拨款支出决算表', [
      ['1', ['本年支出', '合计'], 'c2+c3'], ['2', ['本年支出', '基本支出'], null], ['3', ['本年支出', '项目支出'], null],
    ], '注:本表反映部门本年度国有资本经营预算财政拨款支出情况。', '(本单位今年没有国有资本经营预算财政拨款)'],
  ];

  it.each(cases)('%s %s: 栏次, headers, leaf roles and formulas, 注', (id, title, columns, note, emptyText) => {
    const def = functional(id);
    expect(def.kind).toBe('functional');
    expectCommon(def, title, [note], false, '栏次');
    expect(def.emptyText).toBe(emptyText);
    expect(def.columns).toEqual(columns.map(([col, header]) => ({ col, header })));
    for (const [col, , expected] of columns) {
      const leaf = def.leaf[col];
      expect(leaf.role).toBe(expected ? 'computed' : 'input');
      expect(formula(leaf)).toBe(expected ?? undefined);
    }
  });

  it('scopes 07 to 政府性基金 and 08 to 国有资本经营 科目', () => {
    expect(['公开02表', '公开03表', '公开05表', '公开07表', '公开08表'].map((id) => functional(id).codeScope)).toEqual(['all', 'all', 'all', 'fund', 'soe']);
  });

  it('pre-fills 07 年初 from last year\'s 年末 of the same code', () => {
    expect(functional('公开07表').leaf['1']).toEqual({ role: 'input', prefill: 'LY.T07[@].c6' });
  });
});

describe('公开04表 (SPEC §1.4)', () => {
  const T04 = fixed('公开04表');

  it('has 行次 1–64, 32 per side, with the verbatim labels', () => {
    expect(T04.rows.map((row) => row.key)).toEqual(range(1, 64));
    expect(T04.sides.map((side) => side.rows)).toEqual([range(1, 32), range(33, 64)]);
    const label = (key: string) => T04.rows.find((row) => row.key === key)!.label;
    expect(['1', '2', '3', '27', '28', '29', '30', '31', '32'].map(label)).toEqual([
      '一、一般公共预算财政拨款', '二、政府性基金预算财政拨款', '三、国有资本经营预算财政拨款', '本年收入合计',
      '年初财政拨款结转和结余', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款', '总 计',
    ]);
    expect(range(33, 58).map(label)).toEqual(CATEGORY_LABELS);
    expect(range(33, 58).map((key) => T04.rows.find((row) => row.key === key)!.code)).toEqual(CATEGORY_CODES);
    expect(['59', '60', '64'].map(label)).toEqual(['本年支出合计', '年末财政拨款结转和结余', '总 计']);
  });

  it('prints 栏 次 1 | 2–5 under 收 入 / 支 出 headers, zeros as 0.00', () => {
    expectCommon(T04, '财政拨款收入支出决算总表', ['注:本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。'], true, '栏 次');
    expect(T04.columns).toEqual([
      { col: '1', header: ['收 入', '金额'] },
      { col: '2', header: ['支 出', '合计'] },
      { col: '3', header: ['支 出', '一般公共预算财政拨款'] },
      { col: '4', header: ['支 出', '政府性基金预算财政拨款'] },
      { col: '5', header: ['支 出', '国有资本经营预算财政拨款'] },
    ]);
    expect(T04.sides.map((side) => side.cols)).toEqual([['1'], ['2', '3', '4', '5']]);
  });

  it('has the SPEC roles: inputs r1–r3, r29–r31; blanks r4–r26, r61–r63', () => {
    const inputs = T04.rows.filter((row) => Object.values(row.cells).some((r) => r.role === 'input')).map((row) => row.key);
    expect(inputs).toEqual(['1', '2', '3', '29', '30', '31']);
    expect(T04.rows.filter((row) => row.blank).map((row) => row.key)).toEqual([...range(4, 26), '61', '62', '63']);
    expect(['29', '30', '31'].map((row) => (rule(T04, row, '1') as { prefill?: string }).prefill)).toEqual(['LY.T04[r60].c3', 'LY.T04[r60].c4', 'LY.T04[r60].c5']);
    expect(['27', '28', '32'].map((row) => formula(rule(T04, row, '1')))).toEqual(['r1+r2+r3', 'r29+r30+r31', 'r27+r28']);
  });

  it('links each category row to 05 / 07 / 08 and sums the funds in 合计', () => {
    CATEGORY_CODES.forEach((code, i) => {
      const row = String(33 + i);
      expect([2, 3, 4, 5].map((col) => role(T04, row, String(col)))).toEqual(['computed', 'linked', 'linked', 'linked']);
      expect([2, 3, 4, 5].map((col) => formula(rule(T04, row, String(col))))).toEqual(['c3+c4+c5', `T05[${code}].c1`, `T07[${code}].c3`, `T08[${code}].c1`]);
    });
    expect(['3', '4', '5'].map((col) => formula(rule(T04, '59', col)))).toEqual(['SUM(r33:r58)', 'SUM(r33:r58)', 'SUM(r33:r58)']);
    expect(['3', '4', '5'].map((col) => formula(rule(T04, '60', col)))).toEqual(['r29.c1+r1.c1-r59.c3', 'r30.c1+r2.c1-r59.c4', 'r31.c1+r3.c1-r59.c5']);
    expect(['2', '3', '4', '5'].map((col) => formula(rule(T04, '64', col)))).toEqual(['c3+c4+c5', 'r59+r60', 'r59+r60', 'r59+r60']);
    expect(['59', '60'].map((row) => formula(rule(T04, row, '2')))).toEqual(['c3+c4+c5', 'c3+c4+c5']);
  });
});

describe('公开06表 (SPEC §1.6)', () => {
  const T06 = fixed('公开06表');
  const NAMES =
    '301 工资福利支出|30101 基本工资|30102 津贴补贴|30103 奖金|30106 伙食补助费|30107 绩效工资|30108 机关事业单位基本养老保险缴费|30109 职业年金缴费|30110 职工基本医疗保险缴费|30111 公务员医疗补助缴费|30112 其他社会保障缴费|30113 住房公积金|30114 医疗费|30199 其他工资福利支出|303 对个人和家庭的补助|30301 离休费|30302 退休费|30303 退职(役)费|30304 抚恤金|30305 生活补助|30306 救济费|30307 医疗费补助|30308 助学金|30309 奖励金|30310 个人农业生产补贴|30311 代缴社会保险费|30399 其他对个人和家庭的补助|302 商品和服务支出|30201 办公费|30202 印刷费|30203 咨询费|30204 手续费|30205 水费|30206 电费|30207 邮电费|30208 取暖费|30209 物业管理费|30211 差旅费|30212 因公出国(境)费用|30213 维修(护)费|30214 租赁费|30215 会议费|30216 培训费|30217 公务接待费|30218 专用材料费|30224 被装购置费|30225 专用燃料费|30226 劳务费|30227 委托业务费|30228 工会经费|30229 福利费|30231 公务用车运行维护费|30239 其他交通费用|30240 税金及附加费用|30299 其他商品和服务支出|307 债务利息及费用支出|30701 国内债务付息|30702 国外债务付息|310 资本性支出|31001 房屋建筑物购建|31002 办公设备购置|31003 专用设备购置|31005 基础设施建设|31006 大型修缮|31007 信息网络及软件购置更新|31008 物资储备|31009 土地补偿|31010 安置补助|31011 地上附着物和青苗补偿|31012 拆迁补偿|31013 公务用车购置|31019 其他交通工具购置|31021 文物和陈列品购置|31022 无形资产购置|31099 其他资本性支出|399 其他支出|39907 国家赔偿费用支出|39908 对民间非营利组织和群众性自治组织补贴|39909 经常性赠与|39910 资本性赠与|39999 其他支出'
      .split('|')
      .map((entry) => entry.split(' ') as [string, string]);
  const G1 = '301 30101 30102 30103 30106 30107 30108 30109 30110 30111 30112 30113 30114 30199 303 30301 30302 30303 30304 30305 30306 30307 30308 30309 30310 30311 30399'.split(' ');
  const G2 = '302 30201 30202 30203 30204 30205 30206 30207 30208 30209 30211 30212 30213 30214 30215 30216 30217 30218 30224 30225 30226 30227 30228 30229 30231 30239 30240 30299'.split(' ');
  const G3 = '307 30701 30702 310 31001 31002 31003 31005 31006 31007 31008 31009 31010 31011 31012 31013 31019 31021 31022 31099 399 39907 39908 39909 39910 39999'.split(' ');

  it('has the 81 code rows with verbatim names, then the two totals', () => {
    expect(NAMES).toHaveLength(81);
    const codeRows = T06.rows.filter((row) => row.code);
    expect(codeRows.map((row) => [row.key, row.label])).toEqual(NAMES);
    expect(codeRows.every((row) => row.code === row.key)).toBe(true);
    expect(T06.rows.slice(81).map((row) => [row.key, row.label])).toEqual([
      ['人员经费合计', '人员经费合计'],
      ['公用经费合计', '公用经费合计'],
    ]);
    expect(T06.rows).toHaveLength(83);
  });

  it('prints three code-name groups in the seed order, 30299 last in group 2, totals on the last line', () => {
    const pad = (codes: string[]) => [...codes, ...Array(28 - codes.length).fill(null)];
    expect(T06.sides.map((side) => side.rows)).toEqual([pad(G1), pad(G2), pad(G3)]);
    expect(T06.sides.map((side) => side.title)).toEqual(['人员经费', '公用经费', '公用经费']);
    expect(T06.sides.every((side) => side.keyColumns === 'code-name' && side.cols.join() === '1')).toBe(true);
    expect(T06.sides.map((side) => side.footer)).toEqual([{ row: '人员经费合计' }, { row: '公用经费合计', span: 2 }, undefined]);
    expect(T06.columns).toEqual([{ col: '1', header: ['决算数'] }]);
    expectCommon(T06, '一般公共预算财政拨款基本支出决算明细表', ['注:本表反映部门本年度一般公共预算财政拨款基本支出明细情况。'], true, null);
  });

  it('keys 款 as input, sums them into 类 and 类 into the totals', () => {
    for (const [code] of NAMES) expect(role(T06, code, '1')).toBe(code.length === 5 ? 'input' : 'computed');
    const children = (head: string) => NAMES.filter(([code]) => code.length === 5 && code.startsWith(head)).map(([code]) => `r${code}`);
    const counts = { '301': 13, '303': 12, '302': 27, '307': 2, '310': 16, '399': 5 };
    for (const [head, count] of Object.entries(counts)) {
      expect(children(head)).toHaveLength(count);
      expect(formula(rule(T06, head, '1'))).toBe(children(head).join('+'));
    }
    expect(formula(rule(T06, '人员经费合计', '1'))).toBe('r301+r303');
    expect(formula(rule(T06, '公用经费合计', '1'))).toBe('r302+r307+r310+r399');
  });
});

describe('公开09表 (SPEC §1.9)', () => {
  const T09 = fixed('公开09表');
  const CAR = '公务用车购置及运行维护费';

  it('has one data row and 12 columns under 3-level headers', () => {
    expect(T09.rows.map((row) => row.key)).toEqual(['1']);
    const half = (title: string) => [[title, '合计'], [title, '因公出国(境)费'], [title, CAR, '小计'], [title, CAR, '公务用车购置费'], [title, CAR, '公务用车运行维护费'], [title, '公务接待费']];
    expect(T09.columns.map((column) => column.col)).toEqual(range(1, 12));
    expect(T09.columns.map((column) => column.header)).toEqual([...half('预算数'), ...half('决算数')]);
    expect(T09.sides).toEqual([{ keyColumns: 'none', cols: range(1, 12), rows: ['1'] }]);
    expectCommon(T09, '财政拨款“三公”经费支出决算表', [
      '注:本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中,预算数为“三公”经费全年预算数,反映按规定程序调整后的预算数;决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。',
    ], true, '');
  });

  it('computes 合计 and 小计, inputs the rest', () => {
    const formulas = range(1, 12).map((col) => formula(rule(T09, '1', col)) ?? role(T09, '1', col));
    expect(formulas).toEqual(['c2+c3+c6', 'input', 'c4+c5', 'input', 'input', 'input', 'c8+c9+c12', 'input', 'c10+c11', 'input', 'input', 'input']);
  });
});

describe('13-table set additions (SPEC §1.11, INFERRED)', () => {
  it('declares 表五 and 表七 by 经济分类 with 合 计 first and c1 = the parts', () => {
    for (const id of ['川05表', '川07表']) {
      const def = fixed(id);
      expect(def.rows[0].key).toBe(TOTAL);
      expect(def.rows.filter((row) => row.code && row.code.length === 3).map((row) => row.key)).toEqual(['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
      expect(formula(rule(def, '30101', '1'))).toBe('c2+c3+c4');
      expect(role(def, '30101', '2')).toBe('input');
      expect(role(def, '309', '2')).toBe('input');
      expect(formula(rule(def, TOTAL, '4'))).toBe('r301+r302+r303+r307+r309+r310+r311+r312+r313+r399');
    }
    expect(fixed('川05表').columns.map((column) => column.header)).toEqual([['合计'], ['基本支出', '人员经费'], ['基本支出', '公用经费'], ['项目支出']]);
    expect(fixed('川07表').columns.map((column) => column.header)).toEqual([['合计'], ['人员经费'], ['公用经费'], ['项目支出']]);
  });

  it('declares 表九 in 公开06表\'s three-group layout with one 项目支出合计', () => {
    const def = fixed('川09表');
    expect(def.sides).toHaveLength(3);
    const lines = def.sides[0].rows.length;
    expect(def.sides.every((side) => side.rows.length === lines)).toBe(true);
    const printed = def.sides.flatMap((side) => side.rows.filter((row): row is string => row !== null));
    expect(printed).toEqual(def.rows.filter((row) => row.code).map((row) => row.key));
    expect(printed.filter((code) => code.length === 3)).toEqual(['302', '303', '309', '310', '311', '312', '313', '399']);
    expect(def.sides[0].footer).toEqual({ row: '项目支出合计', span: 3 });
    expect(formula(rule(def, '项目支出合计', '1'))).toBe('r302+r303+r309+r310+r311+r312+r313+r399');
  });

  it('declares 表十一 like 公开07表 for 国有资本经营 科目', () => {
    const def = functional('川11表');
    expect(def.codeScope).toBe('soe');
    expect(def.columns).toEqual(functional('公开07表').columns);
    expect(formula(def.leaf['6'])).toBe('c1+c2-c3');
    expect(def.leaf['1']).toEqual({ role: 'input', prefill: 'LY.川11表[@].c6' });
  });
});

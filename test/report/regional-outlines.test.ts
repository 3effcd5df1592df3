/**
 * The 决算公开 document of each regional table set (四川 14, 云南 11, 内蒙古 12, 陕西 9) on real year files:
 * seed 002's figures (this year and the last year built from its text, imported as the baseline) in
 * the set's layout, plus figures in the set's own tables. Generated through the core as --json and
 * Markdown: the set's tables in 第二部分 in order, every printed number recomputed from the cells the
 * --json listing names, no cell of a table the set does not print, and the region-only sentences.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import type { InterchangeDoc, TemplateSet } from '../../shared/contract';
import { parseAmount } from '../../shared/money';
import { amountText, percentText, type SourceCell } from '../../shared/report';
import { printedLabel, templateTables, TEMPLATE_SETS } from '../../shared/tables';
import { seed002Doc } from '../fixtures/seed-002';
import { SEED_002_REPORT_INPUTS, seed002LastYearDoc } from '../fixtures/seed-002-last-year';
import { tempDir } from '../helpers/temp';

const cell = (table: string, row: string, col: string, value: string) => ({ table, row, col, value });
type Cell = ReturnType<typeof cell>;

/** Seed 002's 公开09表 inputs moved to a “三公” table whose 决算数 half starts `shift` 栏次 later (陕07表: 2). */
function sangongCells(doc: InterchangeDoc, table: string, shift: number): Cell[] {
  return Object.entries(doc.tables['公开09表']['1']).map(([col, value]) => cell(table, '1', String(Number(col) > 6 ? Number(col) + shift : Number(col)), value ?? ''));
}

interface SetCase {
  set: TemplateSet;
  thisYear: (doc: InterchangeDoc) => Cell[];
  lastYear: (doc: InterchangeDoc) => Cell[];
  codes?: { table: string; code: string }[];
  /** Sentences (or their beginnings) the set's own tables produce. */
  expected: string[];
  /** With the set's own tables left empty. */
  none: string[];
}

const CASES: SetCase[] = [
  {
    set: '四川14',
    // 川14表: 预算数 出国 0.50, 运行维护 2.00, 接待 1.00; 决算数 0.40, 1.80, 0.70 (last year 运行维护 1.50, 接待 0.90).
    thisYear: () => [cell('川14表', '1', '2', '0.50'), cell('川14表', '1', '5', '2.00'), cell('川14表', '1', '6', '1.00'), cell('川14表', '1', '8', '0.40'), cell('川14表', '1', '11', '1.80'), cell('川14表', '1', '12', '0.70')],
    lastYear: () => [cell('川14表', '1', '11', '1.50'), cell('川14表', '1', '12', '0.90')],
    expected: [
      '2023年度政府性基金预算财政拨款“三公”经费支出2.90万元,完成全年预算的82.86%',
      '比上年政府性基金预算财政拨款“三公”经费支出增加0.50万元,增长20.83%',
      '1.因公出国(境)费0.40万元,完成全年预算的80.00%',
      '因公出国(境)费上年无此项资金',
      '2.公务用车运行维护费1.80万元,完成全年预算的90.00%',
      '3.公务接待费0.70万元,完成全年预算的70.00%',
      '比上年公务接待费减少0.20万元,下降22.22%',
    ],
    none: ['本单位2023年度没有使用政府性基金预算财政拨款安排“三公”经费支出。'],
  },
  {
    set: '陕西9',
    // 陕07表: seed 002's “三公” plus 会议费 (预算 3.00, 决算 2.40, last year 2.00) and 培训费 (1.50, 1.20, none last year).
    thisYear: (doc) => [...sangongCells(doc, '陕07表', 2), cell('陕07表', '1', '7', '3.00'), cell('陕07表', '1', '15', '2.40'), cell('陕07表', '1', '8', '1.50'), cell('陕07表', '1', '16', '1.20')],
    lastYear: (doc) => [...sangongCells(doc, '陕07表', 2), cell('陕07表', '1', '15', '2.00')],
    expected: [
      // 0 + 6.27 + 2.02 against the 年初预算 0 + 0 + 8.00 + 9.00 of 补充信息.
      '2023年度一般公共预算财政拨款“三公”经费支出8.29万元,完成全年预算的100.00%,低于年初预算8.71万元,执行率为48.76%',
      '2023年度一般公共预算财政拨款会议费支出2.40万元,完成全年预算的80.00%',
      '比上年会议费增加0.40万元,增长20.00%',
      '2023年度一般公共预算财政拨款培训费支出1.20万元,完成全年预算的80.00%',
      '培训费上年无此项资金',
    ],
    none: ['本单位2023年度没有一般公共预算财政拨款会议费支出。', '本单位2023年度没有一般公共预算财政拨款培训费支出。'],
  },
  {
    set: '云南11',
    // 表七 项目支出 in one line (seed 002 gives no 经济分类 of it); 表十 from seed 002's “三公”, 机关运行经费 预算 110.00, 决算 100.20.
    thisYear: () => [
      cell('川09表', '30299', '1', '1968.59'),
      ...[['5', '6.27'], ['7', '2.02']].flatMap(([row, value]) => [cell('滇10表', row, '1', value), cell('滇10表', row, '2', value)]),
      cell('滇10表', '9', '1', '110.00'),
      cell('滇10表', '9', '2', '100.20'),
    ],
    lastYear: () => [cell('川09表', '30299', '1', '553.72'), cell('滇10表', '5', '2', '6.00'), cell('滇10表', '7', '2', '2.30'), cell('滇10表', '9', '2', '90.00')],
    expected: [
      '2023年度一般公共预算财政拨款项目支出1968.59万元,比上年增加1414.87万元,增长255.52%',
      '1.商品和服务支出1968.59万元,占一般公共预算财政拨款项目支出的100.00%',
      '2023年度财政拨款“三公”经费支出预算为8.29万元,支出决算为8.29万元,完成预算的100.00%',
      '(2)公务用车运行维护费预算为6.27万元,支出决算为6.27万元,完成预算的100.00%',
      '公务用车运行维护费比上年增加0.27万元,增长4.50%',
      '(1)国内公务接待费预算为2.02万元,支出决算为2.02万元,完成预算的100.00%',
      '2023年度一般公共预算财政拨款“三公”经费支出8.29万元,完成全年预算的100.00%',
      '2023年度行政参公单位机关运行经费支出预算为110.00万元,支出决算为100.20万元,完成预算的91.09%',
      '行政参公单位机关运行经费支出比上年增加10.20万元,增长11.33%',
      '本单位2023年度没有国有资本经营预算财政拨款收入支出。',
    ],
    none: ['本单位2023年度没有一般公共预算财政拨款项目支出。', '本单位2023年度没有行政参公单位机关运行经费支出。', '本单位2023年度没有国有资本经营预算财政拨款收入支出。'],
  },
  {
    set: '内蒙古12',
    codes: [{ table: '蒙05表', code: '2010302' }],
    thisYear: () => [
      cell('川09表', '30299', '1', '1968.59'),
      cell('蒙05表', '2010302', '2', '2000.00'),
      cell('蒙05表', '2010302', '3', '1968.59'),
      ...[['1', '100.20'], ['3', '5.60'], ['4', '0'], ['5', '125.55'], ['6', '11.15'], ['7', '11.15']].map(([row, value]) => cell('蒙12表', row, '1', value)),
    ],
    lastYear: () => [cell('川09表', '30299', '1', '553.72'), cell('蒙05表', '2010302', '2', '600.00'), cell('蒙05表', '2010302', '3', '553.72'), cell('蒙12表', '1', '1', '90.00')],
    expected: [
      '2023年度一般公共预算财政拨款项目支出1968.59万元,比上年增加1414.87万元,增长255.52%',
      '2023年度项目支出1968.59万元,比上年增加1414.87万元,增长255.52%',
      // 年初 = last year's 年末 600.00 − 553.72 (carried by the baseline import).
      '项目资金年初结转和结余46.28万元,本年收入2000.00万元,本年支出1968.59万元,年末结转和结余77.69万元。',
      '项目支出主要用于:一般公共服务支出1968.59万元,占项目支出的100.00%。',
      '2023年度机构运行经费支出100.20万元,比上年增加10.20万元,增长11.33%',
      '2023年度政府采购支出总额131.15万元,其中:政府采购货物支出5.60万元、政府采购工程支出0.00万元、政府采购服务支出125.55万元。',
      '授予中小企业合同金额11.15万元,占政府采购支出总额的8.50%,其中:授予小微企业合同金额11.15万元,占政府采购支出总额的8.50%。',
    ],
    none: ['本单位2023年度没有一般公共预算财政拨款项目支出。', '本单位2023年度没有项目收入支出。', '本单位2023年度没有机构运行经费支出。', '本单位2023年度没有政府采购支出。'],
  },
];

/** Seed 002's tables that the set prints (云南 has no 公开08表, 陕西 no 公开09表). */
function inSet(doc: InterchangeDoc, set: TemplateSet): InterchangeDoc {
  const ids: readonly string[] = TEMPLATE_SETS[set];
  return { ...doc, template: set, tables: Object.fromEntries(Object.entries(doc.tables).filter(([id]) => ids.includes(id))) };
}

interface Listed {
  id: string;
  text: string;
  figures: { text: string; cells: SourceCell[] }[];
}

/** The stored value of a cell (table cells through getTable, 补充信息 amounts as entered), in 0.0001 万元. */
function cellReader(core: Core, file: string, lastYearFile: string) {
  const tables = new Map<string, Awaited<ReturnType<Core['getTable']>>>();
  return async (source: SourceCell): Promise<number> => {
    if (source.table === '补充信息') return parseAmount(SEED_002_REPORT_INPUTS[source.row] ?? '0')!;
    const from = source.lastYear ? lastYearFile : file;
    const key = `${from}|${source.table}`;
    if (!tables.has(key)) tables.set(key, await core.getTable({ file: from, table: source.table }));
    const value = tables.get(key)!.rows.find((row) => row.row === source.row)?.cells[source.col];
    return value ? parseAmount(value)! : 0;
  };
}

/**
 * What a figure must read, recomputed from its cells the way each kind of sentence words it: against
 * last year (上年数 cells) a change, against a 年初预算 of 补充信息 a gap or a rate, otherwise a sum,
 * or part ÷ base for a share of two cells. Null where the cells alone do not say (a share of sums).
 */
async function recomputed(figure: Listed['figures'][number], kind: 'amount' | 'percent', read: (cell: SourceCell) => Promise<number>): Promise<string | null> {
  const sum = async (cells: SourceCell[]) => (await Promise.all(cells.map(read))).reduce((a, b) => a + b, 0);
  const budget = (c: SourceCell) => c.table === '补充信息' && /initial_budget/.test(c.row);
  const last = figure.cells.filter((c) => c.lastYear);
  const planned = figure.cells.filter(budget);
  const current = figure.cells.filter((c) => !c.lastYear && !budget(c));
  let part: number;
  let base: number | null = null;
  if (last.length) [part, base] = [Math.abs((await sum(current)) - (await sum(last))), await sum(last)];
  else if (planned.length && current.length) [part, base] = kind === 'amount' ? [Math.abs((await sum(planned)) - (await sum(current))), null] : [await sum(current), await sum(planned)];
  else if (kind === 'percent' && figure.cells.length === 2) [part, base] = [await read(figure.cells[0]), await read(figure.cells[1])];
  else if (kind === 'amount') part = await sum(figure.cells);
  else return null;
  return kind === 'amount' ? amountText(part, 'plain') : `${percentText(part, base!) ?? '0.00'}%`;
}

describe.each(CASES)('决算公开 of a $set year', (c) => {
  const temp = tempDir();
  const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
  let listed: Listed[] = [];
  let md = '';
  beforeAll(async () => {
    await core.createYear({ file: '2022.sqlite', fiscalYear: 2022, unitName: '荆门市行政审批局(本级)', template: c.set, numbering: '表' });
    const last = seed002LastYearDoc() as InterchangeDoc;
    await core.load({ file: '2022.sqlite', doc: inSet(last, c.set) });
    await core.edit({ file: '2022.sqlite', addCodes: c.codes ?? [], cells: c.lastYear(last) });
    await core.createYear({ file: '2023.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', template: c.set, numbering: '表' });
    const doc = seed002Doc() as InterchangeDoc;
    await core.load({ file: '2023.sqlite', doc: inSet(doc, c.set) });
    await core.edit({ file: '2023.sqlite', addCodes: c.codes ?? [], cells: c.thisYear(doc) });
    await core.setSupplementary({ file: '2023.sqlite', values: SEED_002_REPORT_INPUTS });
    // Closed, the year files are whole on disk (no pending write-ahead log) before one is read as bytes.
    core.close();
    const bytes = fs.readFileSync(path.join(temp.dir, '2022.sqlite'));
    await core.importWorkbook({ file: '2023.sqlite', name: '2022.sqlite', dataBase64: bytes.toString('base64'), baseline: true });
    const read = async (format: 'json' | 'md') => Buffer.from((await core.exportReport({ file: '2023.sqlite', format, draft: true })).dataBase64, 'base64').toString('utf8');
    listed = JSON.parse(await read('json')).sentences;
    md = await read('md');
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('prints exactly the set’s tables in 第二部分, in the set’s order and numbering', () => {
    const headings = [...md.matchAll(/^\*\*(表[一二三四五六七八九十]+ [^*]+)\*\*$/gm)].map((match) => match[1]);
    expect(headings).toEqual(templateTables(c.set).map((def) => `${printedLabel(def.id, c.set, '表')} ${def.title}`));
  });

  it('prints every number as its cells give it, and reads no table the set does not print', async () => {
    const allowed = new Set<string>([...TEMPLATE_SETS[c.set], '补充信息', '预算绩效自评']);
    const read = cellReader(core, '2023.sqlite', '2022.sqlite');
    let checked = 0;
    for (const sentence of listed) {
      for (const figure of sentence.figures) {
        for (const source of figure.cells) expect(allowed.has(source.table), `${sentence.id} reads ${source.table}`).toBe(true);
        if (figure.cells.some((source) => source.table === '预算绩效自评') || !/^\d+\.\d{2}%?$/.test(figure.text)) continue;
        const expected = await recomputed(figure, figure.text.endsWith('%') ? 'percent' : 'amount', read);
        if (expected === null) continue;
        checked++;
        expect(figure.text, `${sentence.id}: ${sentence.text}`).toBe(expected);
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('describes the set’s own tables with their figures', () => {
    const text = listed.map((sentence) => sentence.text).join('\n');
    for (const sentence of c.expected) expect(text).toContain(sentence);
  });

  it('says plainly when the set’s own tables are empty', async () => {
    await core.createYear({ file: 'empty.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', template: c.set, numbering: '表' });
    await core.load({ file: 'empty.sqlite', doc: inSet(seed002Doc() as InterchangeDoc, c.set) });
    const json = await core.exportReport({ file: 'empty.sqlite', format: 'json' });
    const text = (JSON.parse(Buffer.from(json.dataBase64, 'base64').toString('utf8')).sentences as Listed[]).map((sentence) => sentence.text);
    for (const sentence of c.none) expect(text).toContain(sentence);
  });
});

/**
 * The 决算公开 document of each regional table set (四川 14, 云南 11, 内蒙古 12, 陕西 9) on real year files
 * (test/fixtures/regional-years.ts: seed 002's figures in the set's layout, this year and last year as
 * the baseline, plus figures in the set's own tables). Generated through the core as --json and
 * Markdown: the set's tables in 第二部分 in order, every printed number recomputed from the cells the
 * --json listing names, no cell of a table the set does not print, and the region-only sentences.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import type { InterchangeDoc } from '../../shared/contract';
import { parseAmount } from '../../shared/money';
import { amountText, inputLines, percentText, type SourceCell } from '../../shared/report';
import { printedLabel, templateTables, TEMPLATE_SETS } from '../../shared/tables';
import { buildRegionalYears, inSet, REGIONAL_CASES } from '../fixtures/regional-years';
import { seed002Doc } from '../fixtures/seed-002';
import { SEED_002_REPORT_INPUTS } from '../fixtures/seed-002-last-year';
import { tempDir } from '../helpers/temp';

type Core = ReturnType<typeof createCore>;

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

describe.each(REGIONAL_CASES)('决算公开 of a $set year', (c) => {
  const temp = tempDir();
  const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
  let listed: Listed[] = [];
  let md = '';
  beforeAll(async () => {
    await buildRegionalYears(core, temp.dir, c);
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
    // Each sentence (and the reason stored under its id) is one of its own.
    const ids = listed.map((sentence) => sentence.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('says plainly when the set’s own tables are empty', async () => {
    await core.createYear({ file: 'empty.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', template: c.set, numbering: '表' });
    await core.load({ file: 'empty.sqlite', doc: inSet(seed002Doc() as InterchangeDoc, c.set) });
    const json = await core.exportReport({ file: 'empty.sqlite', format: 'json' });
    const text = (JSON.parse(Buffer.from(json.dataBase64, 'base64').toString('utf8')).sentences as Listed[]).map((sentence) => sentence.text);
    for (const sentence of c.none) expect(text).toContain(sentence);
  });
});

describe('the 决算公开资料 sheet of a regional year', () => {
  it('offers the outline’s own 概况 texts only', () => {
    const keys = (outline: string) => inputLines({ supplementary: {}, texts: {}, budgetRows: [], reasons: [], outline }).filter((line) => line.kind === 'text').map((line) => line.key);
    expect(keys('云南')).toEqual(['profile.duties', 'profile.organisation', 'profile.staff', 'profile.work', 'profile.other', 'profile.scope', 'glossary']);
    expect(keys('内蒙古')).toEqual(['profile.duties', 'profile.organisation', 'profile.staff', 'profile.contact', 'glossary']);
    expect(keys('湖北')).toEqual(['profile.duties', 'profile.organisation', 'profile.staff', 'glossary']);
  });
});

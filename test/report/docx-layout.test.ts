/**
 * The 决算公开 Word document read back from its XML: every annex table fits its page, every code,
 * 行次 and amount fits its column on one line (measured with the widest font a word processor
 * substitutes for 仿宋 digits), a table too wide for an upright page gets turned pages of its own,
 * and the six charts are in the document as pictures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { unpackZip } from '../../electron/core/xlsx/zip-check';
import { SEED_002_INPUTS, seed002Doc } from '../fixtures/seed-002';
import { SEED_002_REPORT_INPUTS } from '../fixtures/seed-002-last-year';
import { buildRegionalYears, REGIONAL_CASES, type SetCase } from '../fixtures/regional-years';
import { tempDir } from '../helpers/temp';

/**
 * Advance widths in ems of DejaVu Sans (LibreOffice's stand-in for a missing 仿宋 on Linux; its
 * digits are wider than 仿宋's 0.5 em): digits 1303/2048, '.' and ',' 651/2048, '-' 739/2048.
 */
const ADVANCE: Record<string, number> = { '.': 651 / 2048, ',': 651 / 2048, '-': 739 / 2048 };
const advance = (text: string) => [...text].reduce((sum, char) => sum + (ADVANCE[char] ?? (/\d/.test(char) ? 1303 / 2048 : 1)), 0);
/** Codes, 行次 and amounts: what must never wrap. */
const UNBREAKABLE = /^-?[\d,]+(\.\d+)?$/;

const attribute = (xml: string, name: string) => Number(new RegExp(`${name}="(-?\\d+)"`).exec(xml)?.[1]);

interface ReadTable {
  page: { textWidth: number; landscape: boolean };
  grid: number[];
  padding: number;
  body: { width: number; text: string }[][];
  /** Texts of the repeated header rows, each merged cell once. */
  header: string[][];
  /** The paragraph just above the table. */
  above: string;
}

function readDocx(bytes: Buffer): { tables: ReadTable[]; fontSize: number; pictures: { name: string; data: Buffer }[]; drawings: number } {
  const entries = unpackZip(bytes, { maxBytes: 1 << 30, maxEntries: 10_000 });
  const xml = entries.find((entry) => entry.name === 'word/document.xml')!.data.toString('utf8');
  const styles = entries.find((entry) => entry.name === 'word/styles.xml')!.data.toString('utf8');
  const tableStyle = /<w:style [^>]*w:styleId="TableText"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)![0];
  // Each section's properties close it: a table belongs to the first sectPr after it.
  const sections = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((match) => {
    const size = /<w:pgSz [^>]*\/>/.exec(match[0])![0];
    const margins = /<w:pgMar [^>]*\/>/.exec(match[0])![0];
    return { at: match.index!, textWidth: attribute(size, 'w:w') - attribute(margins, 'w:left') - attribute(margins, 'w:right'), landscape: size.includes('w:orient="landscape"') };
  });
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((match) => {
    const table = match[0];
    const section = sections.find((candidate) => candidate.at > match.index!)!;
    const allRows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) => row[0]);
    const rows = allRows.filter((row) => !row.includes('<w:tblHeader/>'));
    const texts = (xmlPart: string) => [...xmlPart.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    const paragraphsAbove = [...xml.slice(0, match.index!).matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)];
    return {
      page: { textWidth: section.textWidth, landscape: section.landscape },
      grid: [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((col) => Number(col[1])),
      padding: attribute(/<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(table)![0], 'w:w'),
      body: rows.map((row) =>
        [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => ({
          width: attribute(cell[0], 'w:w'),
          text: texts(cell[0]),
        })),
      ),
      header: allRows
        .filter((row) => row.includes('<w:tblHeader/>'))
        .map((row) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].filter((cell) => !cell[0].includes('w:val="continue"')).map((cell) => texts(cell[0]))),
      above: texts(paragraphsAbove[paragraphsAbove.length - 1]?.[0] ?? ''),
    };
  });
  return {
    tables,
    fontSize: attribute(/<w:sz [^>]*\/>/.exec(tableStyle)![0], 'w:val') / 2,
    pictures: entries.filter((entry) => entry.name.startsWith('word/media/')).map((entry) => ({ name: entry.name, data: entry.data })),
    drawings: (xml.match(/<w:drawing>/g) ?? []).length,
  };
}

describe('决算公开 Word tables and charts, read back from the .docx', () => {
  const temp = tempDir();
  const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
  const documents = new Map<string, ReturnType<typeof readDocx>>();

  async function wordDocument(name: string, template: '9' | '13', region: '荆门' | '眉山', tables = seed002Doc().tables) {
    const file = `${name}.sqlite`;
    await core.createYear({ file, fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', template });
    await core.load({ file, doc: { ...seed002Doc(), template, tables } });
    await core.setFormRegion({ file, region });
    await core.setSupplementary({ file, values: SEED_002_REPORT_INPUTS });
    const exported = await core.exportReport({ file, format: 'docx', draft: true });
    documents.set(name, readDocx(Buffer.from(exported.dataBase64, 'base64')));
  }

  beforeAll(async () => {
    await wordDocument('national', '9', '荆门');
    await wordDocument('sichuan', '13', '眉山');
    // 公开02表 in tens of millions of 万元 in every source: seven amount columns like "28,807,500.00" cannot fit upright.
    const huge = seed002Doc().tables;
    const times10000 = (amount: string) => {
      const [whole, fraction = ''] = amount.split('.');
      return `${whole}${fraction.padEnd(4, '0')}`.replace(/^0+(?=\d)/, '');
    };
    huge.公开02表 = Object.fromEntries(Object.entries(SEED_002_INPUTS.公开02表.cells).map(([row, cells]) => [row, Object.fromEntries(['2', '3', '4', '5', '6', '7'].map((col) => [col, times10000(cells['2'])]))]));
    await wordDocument('huge', '9', '荆门', huge);
    // Every regional set as its fixture fills it (seed 002's figures in the set's layout, its own tables filled).
    for (const c of REGIONAL_CASES) await regionalDocument(c.set, c);
    // 陕西 表七: 16 amount columns (预算数 and 决算数 of “三公”, 会议费, 培训费); a 汇总 of a large department runs every one into thousands of 万元.
    const shaanxi = REGIONAL_CASES.find((c) => c.set === '陕西9')!;
    const thousands = ['2', '4', '5', '6', '7', '8', '10', '12', '13', '14', '15', '16'].map((col, i) => ({ table: '陕07表', row: '1', col, value: (1000 + 123.45 * i).toFixed(2) }));
    await regionalDocument('陕西9-large', { ...shaanxi, thisYear: () => thousands });
  }, 240_000);

  async function regionalDocument(name: string, c: SetCase) {
    const dir = path.join(temp.dir, name);
    fs.mkdirSync(dir);
    const regional = createCore({ resolveFile: (file) => path.join(dir, file) });
    try {
      await buildRegionalYears(regional, dir, c);
      const exported = await regional.exportReport({ file: '2023.sqlite', format: 'docx', draft: true });
      documents.set(name, readDocx(Buffer.from(exported.dataBase64, 'base64')));
    } finally {
      regional.close();
    }
  }
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it.each([
    ['national', 9],
    ['sichuan', 13],
    ['huge', 9],
    ['四川14', 14],
    ['云南11', 11],
    ['内蒙古12', 12],
    ['陕西9', 9],
    // 表七 in two bands (预算数, 决算数): 10 tables.
    ['陕西9-large', 10],
  ])('%s: every table fits its page and no code, 行次 or amount wraps in its column', (name, count) => {
    const { tables, fontSize } = documents.get(name)!;
    expect(tables).toHaveLength(count);
    const twipsPerEm = fontSize * 20;
    let checked = 0;
    for (const table of tables) {
      expect(table.grid.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(table.page.textWidth);
      for (const row of table.body) {
        for (const cell of row) {
          if (!UNBREAKABLE.test(cell.text)) continue;
          checked++;
          expect({ text: cell.text, room: cell.width - 2 * table.padding >= advance(cell.text) * twipsPerEm }).toEqual({ text: cell.text, room: true });
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('turns the pages of a table only when its codes and amounts cannot fit upright, and goes upright again after it', () => {
    expect(documents.get('national')!.tables.every((table) => !table.page.landscape)).toBe(true);
    expect(documents.get('sichuan')!.tables.every((table) => !table.page.landscape)).toBe(true);
    const huge = documents.get('huge')!.tables;
    expect(huge.map((table) => table.page.landscape)).toEqual([false, true, false, false, false, false, false, false, false]);
    expect(huge[1].body.flat().map((cell) => cell.text)).toContain('28,807,500.00');
  });

  it('prints 陕西 表七 (16 amount columns) whole when it fits a turned page, in 预算数 and 决算数 bands (upright, each fits) when its amounts run into thousands', () => {
    const seventh = (name: string) => documents.get(name)!.tables.filter((table) => table.body.flat().some((cell) => UNBREAKABLE.test(cell.text)) && table.grid.length <= 16 && table.body.length === 1);
    const [whole] = seventh('陕西9');
    expect({ columns: whole.grid.length, landscape: whole.page.landscape }).toEqual({ columns: 16, landscape: true });
    const bands = seventh('陕西9-large');
    expect(bands.map((band) => ({ columns: band.grid.length, landscape: band.page.landscape }))).toEqual([
      { columns: 8, landscape: false },
      { columns: 8, landscape: false },
    ]);
    // 预算数 (栏次 1–8) then 决算数 (9–16), 合计 = 出国 + 小计 + 接待 (1,000.00 + 2,370.35 + 1,370.35); the national tables' font size.
    expect(bands.map((band) => band.body[0].map((cell) => cell.text))).toEqual([
      ['4,740.70', '1,000.00', '2,370.35', '1,123.45', '1,246.90', '1,370.35', '1,493.80', '1,617.25'],
      ['7,703.50', '1,740.70', '3,851.75', '1,864.15', '1,987.60', '2,111.05', '2,234.50', '2,357.95'],
    ]);
    expect(documents.get('陕西9-large')!.fontSize).toBe(documents.get('national')!.fontSize);
  });

  it('prints each table under 部门 and 金额单位, with the 栏次 line of the official table under its header', () => {
    const { tables } = documents.get('national')!;
    for (const table of tables) expect(table.above).toBe('部门:荆门市行政审批局(本级)金额单位:万元');
    const colNoLines = tables.map((table) => table.header[table.header.length - 1]);
    // Seed 002: 公开01/04表 “栏 次” over 项目 and 行次 on each side; 公开06表 prints none; 公开09表 bare numbers.
    expect(colNoLines[0]).toEqual(['栏 次', '1', '栏 次', '2']);
    expect(colNoLines[1]).toEqual(['栏次', '1', '2', '3', '4', '5', '6', '7']);
    expect(colNoLines[3]).toEqual(['栏 次', '1', '栏 次', '2', '3', '4', '5']);
    expect(colNoLines[5]).not.toContain('1');
    // 公开06表's three 科目代码 columns hold their header on one line (4 characters of 9 pt and the padding).
    const t06 = tables[5];
    expect([0, 3, 6].map((c) => t06.grid[c] - 2 * t06.padding >= 4 * 9 * 20)).toEqual([true, true, true]);
    expect(colNoLines[8]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    // A table in bands: each band numbers its own columns.
    const bands = documents.get('陕西9-large')!.tables.filter((table) => table.grid.length === 8 && table.body.length === 1 && table.body.flat().some((cell) => UNBREAKABLE.test(cell.text)));
    expect(bands.map((band) => band.header[band.header.length - 1])).toEqual([
      ['1', '2', '3', '4', '5', '6', '7', '8'],
      ['9', '10', '11', '12', '13', '14', '15', '16'],
    ]);
  });

  it('has the six charts as PNG pictures drawn at twice their size', () => {
    const { pictures, drawings } = documents.get('national')!;
    expect(drawings).toBe(6);
    expect(pictures.length).toBeGreaterThanOrEqual(1);
    for (const { name, data } of pictures) {
      expect({ name, signature: data.subarray(0, 8).toString('hex'), width: data.readUInt32BE(16), height: data.readUInt32BE(20) }).toEqual({
        name,
        signature: '89504e470d0a1a0a',
        width: 1280,
        height: 640,
      });
    }
  });
});

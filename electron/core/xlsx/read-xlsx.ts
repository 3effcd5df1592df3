/**
 * Reads the checked parts of an .xlsx (zip-check.ts unpacked them, sanitize.ts vetted them) into
 * plain grids: one pass over each sheet's XML, values straight into the grid, no object model. It
 * keeps exceljs' reading of a cell, which the importer was built on: shared and inline strings
 * (rich text joined), a formula counts by its saved result, a number formatted as a date is a date,
 * booleans and error values are no amounts, a merged range shows only its top-left cell.
 */
import { LIMITS } from './limits';
import type { CellValue, SheetGrid } from './read';
import { MAX_MERGES, PLAIN_NUMBER, checkSheetSize, mergeFits, unescapeXml } from './sanitize';
import { unitCodeIn } from './unit-code';
import type { ZipEntry } from './zip-check';

const CORRUPT = '文件已损坏,无法读取,请在 Excel 中打开后另存为 .xlsx 再导入';

/** Excel's built-in number formats that show a date or time (the ones exceljs reads as dates). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom format shows a date when, outside quotes and [brackets], it has a date or time letter. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

export function readXlsxParts(entries: ZipEntry[], fail: (reason: string) => never): { sheets: SheetGrid[]; unitCode?: string } {
  const parts = new Map(entries.map((entry) => [entry.name.replace(/^\//, '').toLowerCase(), entry.data]));
  const text = (name: string) => parts.get(name.toLowerCase())?.toString('utf8');
  const workbook = text('xl/workbook.xml') ?? fail(CORRUPT);
  if (!/<\/(?:\w+:)?workbook\s*>|<(?:\w+:)?workbook\b[^>]*\/>/.test(workbook)) fail(CORRUPT);
  const targets = new Map<string, string>();
  for (const [, attributes] of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(attributes, 'Id');
    const target = attribute(attributes, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const listed = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)].map(([, attributes]) => ({
    name: unescapeXml(attribute(attributes, 'name') ?? ''),
    target: targets.get(attribute(attributes, 'r:id') ?? ''),
  }));
  if (listed.length > LIMITS.sheets) fail(`工作表过多(${listed.length} 个),超过 ${LIMITS.sheets} 个的上限`);
  const strings = sharedStrings(text('xl/sharedStrings.xml'), fail);
  const dates = dateStyles(text('xl/styles.xml') ?? '');
  const sheets: SheetGrid[] = [];
  for (const { name, target } of listed) {
    // Chart sheets and the like hold no cells.
    if (!target || !/^xl\/worksheets\//i.test(target)) continue;
    const xml = text(normalisePath(target)) ?? fail(CORRUPT);
    sheets.push(readSheet(name, xml, strings, dates, fail));
  }
  const keywords = /<(?:\w+:)?keywords\b[^>]*>([^<]*)</.exec(text('docProps/core.xml') ?? '')?.[1];
  return { sheets, unitCode: unitCodeIn(keywords === undefined ? undefined : unescapeXml(keywords)) };
}

/** `xl/worksheets/../worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

const attributePatterns = new Map<string, RegExp>();
function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const match = pattern.exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Each shared string's text; a rich text's runs joined, its phonetic (rPh) runs left out. */
function sharedStrings(xml: string | undefined, fail: (reason: string) => never): string[] {
  if (xml === undefined) return [];
  if (!/<\/(?:\w+:)?sst\s*>|<(?:\w+:)?sst\b[^>]*\/>/.test(xml)) fail(CORRUPT);
  const strings: string[] = [];
  const tag = /<(\/?)(?:\w+:)?(si|t|rPh)\b[^>]*?(\/?)>/g;
  let current: string[] | null = null;
  let phonetic = false;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const [, closing, name, empty] = match;
    if (name === 'si') {
      if (closing) {
        strings.push(current ? unescapeXml(current.join('')) : '');
        current = null;
      } else if (empty) strings.push('');
      else current = [];
    } else if (name === 'rPh') phonetic = !closing && !empty;
    else if (name === 't' && !closing && !empty && current && !phonetic) {
      const end = xml.indexOf('<', tag.lastIndex);
      current.push(xml.slice(tag.lastIndex, end < 0 ? xml.length : end));
    }
  }
  return strings;
}

/** Which cell style indexes (cellXfs) show numbers as dates. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const [, attributes] of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attribute(attributes, 'numFmtId'));
    const code = attribute(attributes, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, unescapeXml(code));
  }
  const dates = new Set<number>();
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const [, attributes] of cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(attribute(attributes, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(index);
    index++;
  }
  return dates;
}

/** One worksheet: every cell with a value placed in the grid as it is read; merges after. */
function readSheet(name: string, xml: string, strings: readonly string[], dates: ReadonlySet<number>, fail: (reason: string) => never): SheetGrid {
  if (!/<\/(?:\w+:)?worksheet\s*>/.test(xml)) fail(CORRUPT);
  checkSheetSize(name, xml, LIMITS, fail);
  const grid: SheetGrid = { name, rows: [], mergedInto: new Map() };
  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  const dataEnd = xml.search(/<\/(?:\w+:)?sheetData\s*>/);
  const tag = /<(\/?)(?:\w+:)?(row|c|v|f|is|t|rPh)\b([^>]*?)(\/?)>/g;
  tag.lastIndex = Math.max(0, dataStart);
  let row = 0;
  let col = 0;
  // The cell being read: its type and style, whether it has a formula, its <v> or inline text.
  let cell: { type?: string; style: number; formula: boolean; value?: string; inline?: string[] } | null = null;
  let phonetic = false;
  const content = (from: number) => {
    const end = xml.indexOf('<', from);
    return xml.slice(from, end < 0 ? xml.length : end);
  };
  for (let match = tag.exec(xml); match && (dataEnd < 0 || match.index < dataEnd); match = tag.exec(xml)) {
    const [, closing, element, attributes, empty] = match;
    switch (element) {
      case 'row':
        if (!closing) {
          const r = Number(attribute(attributes, 'r'));
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          col = 0;
        }
        break;
      case 'c':
        if (closing) {
          if (cell) place(grid, row, col, valueOf(cell, strings, dates), fail);
          cell = null;
          break;
        }
        col = columnOf(attribute(attributes, 'r'), col + 1);
        if (row === 0) row = rowOf(attribute(attributes, 'r')) ?? 1;
        if (!empty) cell = { type: attribute(attributes, 't'), style: Number(attribute(attributes, 's') ?? 0), formula: false };
        break;
      case 'v':
        if (cell && !closing && !empty) cell.value = content(tag.lastIndex);
        break;
      case 'f':
        if (cell && !closing) cell.formula = true;
        break;
      case 'rPh':
        phonetic = !closing && !empty;
        break;
      case 't':
        if (cell && !closing && !empty && !phonetic) (cell.inline ??= []).push(content(tag.lastIndex));
        break;
    }
  }
  let merges = 0;
  for (const [, attributes] of xml.slice(Math.max(0, dataEnd)).matchAll(/<(?:\w+:)?mergeCell\b([^>]*)>/g)) {
    const range = mergeFits(attribute(attributes, 'ref') ?? '', LIMITS);
    // Only a merge's top-left cell matters; a merge larger than any table heading is ignored, never expanded.
    if (!range || ++merges > MAX_MERGES) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (r === range.top && c === range.left) continue;
        grid.mergedInto.set(`${r},${c}`, [range.top, range.left]);
        // A covered cell shows its range's value, never its own.
        if (grid.rows[r - 1]?.[c - 1]) grid.rows[r - 1][c - 1] = undefined;
      }
    }
  }
  return grid;
}

function valueOf(cell: { type?: string; style: number; formula: boolean; value?: string; inline?: string[] }, strings: readonly string[], dates: ReadonlySet<number>): CellValue | undefined {
  const formula = cell.formula ? ({ formula: true } as const) : {};
  const raw = cell.value === undefined ? undefined : unescapeXml(cell.value);
  switch (cell.type) {
    case 's': {
      const text = raw === undefined ? undefined : strings[Number(raw)];
      return text === undefined ? undefined : { kind: 'text', value: text };
    }
    case 'inlineStr':
      return cell.inline ? { kind: 'text', value: unescapeXml(cell.inline.join('')) } : undefined;
    case 'str':
      if (raw === undefined) return cell.formula ? { kind: 'formula' } : undefined;
      return { kind: 'text', value: raw, ...formula };
    case 'b':
      if (raw === undefined) return cell.formula ? { kind: 'formula' } : undefined;
      return { kind: 'invalid', value: raw.trim() === '1' ? 'TRUE' : 'FALSE' };
    case 'e':
      return raw === undefined ? (cell.formula ? { kind: 'formula' } : undefined) : { kind: 'invalid', value: raw };
    case 'd':
      // An ISO date is never an amount: read as the text it is, the amount reader refuses it by that text.
      return raw === undefined ? (cell.formula ? { kind: 'formula' } : undefined) : { kind: 'text', value: raw, ...formula };
    default: {
      if (raw === undefined || raw === '') return cell.formula ? { kind: 'formula' } : undefined;
      // A number's saved text that is no plain number (19,1 / 0x10) stays text: refused by what it shows.
      if (!PLAIN_NUMBER.test(raw)) return { kind: 'text', value: raw, ...formula };
      const value = Number(raw);
      if (dates.has(cell.style)) return { kind: 'invalid', value: excelDate(value) };
      return { kind: 'number', value, ...formula };
    }
  }
}

/** A date serial as the day it shows (1900 date system), e.g. 2023-12-31. */
function excelDate(serial: number): string {
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

function columnOf(ref: string | undefined, fallback: number): number {
  const letters = ref ? /^\$?([A-Za-z]{1,3})/.exec(ref)?.[1] : undefined;
  if (!letters) return fallback;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function rowOf(ref: string | undefined): number | undefined {
  const digits = ref ? /(\d+)$/.exec(ref)?.[1] : undefined;
  return digits ? Number(digits) : undefined;
}

function place(grid: SheetGrid, r: number, c: number, value: CellValue | undefined, fail: (reason: string) => never): void {
  if (!value) return;
  if (r > LIMITS.rows) fail(`工作表“${grid.name}”超过 ${LIMITS.rows} 行的上限,不像是决算公开表;请删除多余的行或只导入公开表所在的工作表`);
  if (c > LIMITS.cols) fail(`工作表“${grid.name}”超过 ${LIMITS.cols} 列的上限,不像是决算公开表`);
  (grid.rows[r - 1] ??= [])[c - 1] = value;
}

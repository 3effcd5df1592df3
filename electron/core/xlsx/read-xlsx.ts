/**
 * Reads the checked parts of an .xlsx (zip-check.ts unpacked them, sanitize.ts vetted them) into
 * plain grids: one pass over each sheet's XML, values straight into the grid, no object model. It
 * keeps exceljs' reading of a cell, which the importer was built on: shared and inline strings
 * (rich text joined), a formula counts by its saved result, a number formatted as a date is a date,
 * booleans and error values are no amounts, a merged range shows only its top-left cell.
 */
import { LIMITS } from './limits';
import type { CellValue, SheetGrid, WorkbookRead } from './read';
import { MAX_MERGES, PLAIN_NUMBER, checkSheetSize, mergeFits, unescapeXml } from './sanitize';
import { formRegionIn, unitCodeIn, yearInTitle } from './unit-code';
import type { ZipEntry } from './zip-check';

const CORRUPT = '文件已损坏,无法读取,请在 Excel 中打开后另存为 .xlsx 再导入';

/** Excel's built-in number formats that show a date or time (the ones exceljs reads as dates). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom format shows a date when, outside quotes and [brackets], it has a date or time letter. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

export function readXlsxParts(entries: ZipEntry[], fail: (reason: string) => never): Omit<WorkbookRead, 'kind'> {
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
  const property = (name: string) => {
    const value = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([^<]*)<`).exec(text('docProps/core.xml') ?? '')?.[1];
    return value === undefined ? undefined : unescapeXml(value);
  };
  return { sheets, unitCode: unitCodeIn(property('keywords')), fiscalYear: yearInTitle(property('title')), formRegion: formRegionIn(property('keywords')) };
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

/**
 * The value of attribute `name` in a tag's attribute text, read token by token (the first of two
 * wins; text inside another attribute's value is never taken for an attribute); undefined when absent.
 */
export function attribute(attributes: string, name: string): string | undefined {
  let value: string | undefined;
  scanAttributes(attributes, 0, attributes.length, (nameStart, nameEnd, valueStart, valueEnd) => {
    if (nameEnd - nameStart !== name.length || !attributes.startsWith(name, nameStart)) return false;
    value = attributes.slice(valueStart, valueEnd);
    return true;
  });
  return value;
}

/**
 * Visits the attributes of `text` from `from` to `to` in order, token by token, until `found`
 * returns true. A name without a value or with an unquoted one (no XML) is read on as the next
 * name; an unclosed quote ends the scan.
 */
function scanAttributes(text: string, from: number, to: number, found: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean): void {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < to && text.charCodeAt(i) !== EQUALS && !isSpace(text.charCodeAt(i))) i++;
    const end = i;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to || text.charCodeAt(i) !== EQUALS) continue;
    i++;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (i >= to || (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE)) continue;
    const close = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1);
    if (close < 0 || close >= to) return;
    if (found(start, end, i + 1, close)) return;
    i = close + 1;
  }
}

const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const SLASH = 47;
const COLON = 58;
const GREATER = 62;
const DOLLAR = 36;
const LETTER_R = 114;
const LETTER_S = 115;
const LETTER_T = 116;
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

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
  const stop = dataEnd < 0 ? xml.length : dataEnd;
  let row = 0;
  let col = 0;
  // The cell being read (while `open`): its type and style, whether it has a formula, its <v> or
  // inline text; one object reused for every cell of the sheet.
  const cell: OpenCell = { style: 0, formula: false };
  let open = false;
  let phonetic = false;
  // One scan from tag to tag with indexOf: a large sheet has hundreds of thousands of tags.
  const tag = new TagScanner(xml);
  // A cell tag's r, t and s, read in one scan of its attributes by one visitor for the whole sheet.
  let ref: string | undefined;
  let type: string | undefined;
  let style: string | undefined;
  const cellAttribute = (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): boolean => {
    if (nameEnd - nameStart === 1) {
      const name = xml.charCodeAt(nameStart);
      if (name === LETTER_R) ref ??= xml.slice(valueStart, valueEnd);
      else if (name === LETTER_T) type ??= xml.slice(valueStart, valueEnd);
      else if (name === LETTER_S) style ??= xml.slice(valueStart, valueEnd);
    }
    return ref !== undefined && type !== undefined && style !== undefined;
  };
  for (let at = xml.indexOf('<', Math.max(0, dataStart)); at >= 0 && at < stop; at = xml.indexOf('<', tag.end + 1)) {
    if (!tag.read(at)) break;
    const { closing, empty } = tag;
    switch (tag.element) {
      case 'row':
        if (!closing) {
          const r = Number(attribute(tag.attributes(), 'r'));
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          col = 0;
        }
        break;
      case 'c':
        if (closing) {
          if (open) place(grid, row, col, valueOf(cell, strings, dates), fail);
          open = false;
          break;
        }
        ref = type = style = undefined;
        tag.eachAttribute(cellAttribute);
        col = columnOf(ref, col + 1);
        if (row === 0) row = rowOf(ref) ?? 1;
        if (!empty) {
          open = true;
          cell.type = type;
          cell.style = Number(style ?? 0);
          cell.formula = false;
          cell.value = cell.inline = undefined;
        }
        break;
      case 'v':
        if (open && !closing && !empty) cell.value = tag.content();
        break;
      case 'f':
        if (open && !closing) cell.formula = true;
        break;
      case 'rPh':
        phonetic = !closing && !empty;
        break;
      case 't':
        if (open && !closing && !empty && !phonetic) (cell.inline ??= []).push(tag.content());
        break;
    }
  }
  for (const [, attributes] of xml.slice(0, Math.max(0, dataStart)).matchAll(/<(?:\w+:)?col\b([^>]*)>/g)) {
    const hidden = attribute(attributes, 'hidden');
    if (hidden !== '1' && hidden !== 'true') continue;
    const min = Number(attribute(attributes, 'min'));
    const max = Math.min(Number(attribute(attributes, 'max')), LIMITS.cols);
    for (let c = min; Number.isInteger(c) && c >= 1 && c <= max; c++) (grid.hiddenCols ??= new Set()).add(c);
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

type OpenCell = { type?: string; style: number; formula: boolean; value?: string; inline?: string[] };

/**
 * Reads one tag at a time, in place (one scanner per sheet, no object per tag): whether it closes,
 * its element name without a namespace prefix, whether it is self-closing, where it ends ('>'),
 * and its attribute text on demand.
 */
class TagScanner {
  closing = false;
  element = '';
  empty = false;
  end = 0;
  private nameEnd = 0;

  constructor(private readonly xml: string) {}

  /** Reads the tag starting at `at` (a '<'); false when no '>' follows. */
  read(at: number): boolean {
    const xml = this.xml;
    let i = at + 1;
    this.closing = xml.charCodeAt(i) === SLASH;
    if (this.closing) i++;
    let nameStart = i;
    for (let code = xml.charCodeAt(i); i < xml.length && code !== GREATER && code !== SLASH && !isSpace(code); code = xml.charCodeAt(++i)) {
      if (code === COLON) nameStart = i + 1;
    }
    this.nameEnd = i;
    this.end = xml.indexOf('>', i);
    if (this.end < 0) return false;
    this.empty = xml.charCodeAt(this.end - 1) === SLASH && this.end - 1 >= i;
    this.element = xml.slice(nameStart, i);
    return true;
  }

  attributes(): string {
    return this.xml.slice(this.nameEnd, this.empty ? this.end - 1 : this.end);
  }

  /** Visits this tag's attributes in place (scanAttributes), without slicing them out first. */
  eachAttribute(found: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean): void {
    scanAttributes(this.xml, this.nameEnd, this.empty ? this.end - 1 : this.end, found);
  }

  /** The text from the end of this tag to the next '<'. */
  content(): string {
    const end = this.xml.indexOf('<', this.end + 1);
    return this.xml.slice(this.end + 1, end < 0 ? this.xml.length : end);
  }
}

function valueOf(cell: OpenCell, strings: readonly string[], dates: ReadonlySet<number>): CellValue | undefined {
  const raw = cell.value === undefined ? undefined : unescapeXml(cell.value);
  switch (cell.type) {
    case 's': {
      const shared = raw === undefined ? undefined : strings[Number(raw)];
      return shared === undefined ? undefined : { kind: 'text', value: shared };
    }
    case 'inlineStr':
      return cell.inline ? { kind: 'text', value: unescapeXml(cell.inline.join('')) } : undefined;
    case 'str':
      return raw === undefined ? noResult(cell) : textCell(raw, cell);
    case 'b':
      return raw === undefined ? noResult(cell) : { kind: 'invalid', value: raw.trim() === '1' ? 'TRUE' : 'FALSE' };
    case 'e':
      return raw === undefined ? noResult(cell) : { kind: 'invalid', value: raw };
    case 'd':
      // An ISO date is never an amount: read as the text it is, the amount reader refuses it by that text.
      return raw === undefined ? noResult(cell) : textCell(raw, cell);
    default: {
      if (raw === undefined || raw === '') return noResult(cell);
      // A number's saved text that is no plain number (19,1 / 0x10) stays text: refused by what it shows.
      if (!PLAIN_NUMBER.test(raw)) return textCell(raw, cell);
      const value = Number(raw);
      if (dates.has(cell.style)) return { kind: 'invalid', value: excelDate(value) };
      const number: Extract<CellValue, { kind: 'number' }> = { kind: 'number', value };
      if (cell.formula) number.formula = true;
      if (isShortestText(raw)) number.text = raw;
      return number;
    }
  }
}

/**
 * Whether `raw` is exactly what String(Number(raw)) prints: no sign on zero, no leading or trailing
 * zeros, at most 4 decimals (so never an exponent) and at most 15 digits (a double holds any 15
 * digits exactly, so no shorter text reads back as the same number). Excel and our writer save
 * amounts so; anything else is printed from the number as before.
 */
const SHORTEST = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{0,3}[1-9])?$/;
export function isShortestText(raw: string): boolean {
  if (!SHORTEST.test(raw) || raw === '-0') return false;
  const signs = (raw.charCodeAt(0) === 45 ? 1 : 0) + (raw.includes('.') ? 1 : 0);
  return raw.length - signs <= 15;
}

/** A cell without a saved value: a formula never calculated, or nothing. */
const noResult = (cell: OpenCell): CellValue | undefined => (cell.formula ? { kind: 'formula' } : undefined);
const textCell = (value: string, cell: OpenCell): CellValue => (cell.formula ? { kind: 'text', value, formula: true } : { kind: 'text', value });

/** A date serial as the day it shows (1900 date system), e.g. 2023-12-31. */
function excelDate(serial: number): string {
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

/** The column of a reference like A1 or $AB$12 (at most three letters); `fallback` when it names none. */
function columnOf(ref: string | undefined, fallback: number): number {
  if (!ref) return fallback;
  let i = ref.charCodeAt(0) === DOLLAR ? 1 : 0;
  let n = 0;
  for (let letters = 0; letters < 3 && i < ref.length; letters++, i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n || fallback;
}

/** The row of a reference: its trailing digits. */
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

/**
 * Makes an unpacked .xlsx safe and truthful for exceljs before it parses anything:
 *  - any DTD (entity declarations: "billion laughs", external entities) is refused;
 *  - what exceljs expands cell by cell and we never use — data validations, conditional formats,
 *    extension lists, column ranges, defined names (print areas) — is removed, so one
 *    `sqref="A1:XFD1048576"` cannot allocate a billion cells;
 *  - merged ranges larger than any table, and merges beyond the first thousand, are dropped (only a
 *    merge's top-left cell matters to us);
 *  - sheets with more rows than LIMITS.rows are refused before parsing;
 *  - a numeric cell whose saved text is not a plain number (`19,1`, `0x10`, `2023-12-31`) becomes a
 *    text cell, which the amount reader then refuses by its shown text instead of exceljs' parseFloat.
 */
import type { ZipEntry } from './zip-check';
import { ZipProblem } from './zip-check';

export interface SanitizeLimits {
  rows: number;
  cols: number;
  cells: number;
}

/** A merge over more cells than this is no table heading; such merges are dropped. */
export const MAX_MERGE_CELLS = 10_000;
/** A full 公开02表 has a few dozen merged headings; a sheet with more than this is no annex table. */
const MAX_MERGES = 1_000;

const DTD = [Buffer.from('<!DOCTYPE'), Buffer.from('<!ENTITY'), Buffer.from('<!DOCTYPE', 'utf16le'), Buffer.from('<!ENTITY', 'utf16le')];

export function sanitizeXlsx(entries: ZipEntry[], limits: SanitizeLimits): ZipEntry[] {
  for (const { name, data } of entries) {
    if (/\.(xml|rels|vml)$/i.test(name) && DTD.some((marker) => data.includes(marker))) {
      throw new ZipProblem(`“${name}”含有 XML 实体声明(DOCTYPE),可能是恶意文件,已拒绝`);
    }
  }
  const shownNames = sheetNames(entries);
  return entries.map(({ name, data }) => {
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      const sheet = shownNames.get(name.toLowerCase()) ?? name.replace(/^.*\//, '');
      return { name, data: Buffer.from(worksheet(sheet, data.toString('utf8'), limits), 'utf8') };
    }
    if (/^xl\/workbook\.xml$/i.test(name)) return { name, data: Buffer.from(dropElements(data.toString('utf8'), ['definedNames']), 'utf8') };
    return { name, data };
  });
}

/** Worksheet part (lower case) → the sheet's name as the tab shows it, for messages. */
function sheetNames(entries: ZipEntry[]): Map<string, string> {
  const text = (name: string) => entries.find((entry) => entry.name === name)?.data.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const [, attributes] of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(attributes)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(attributes)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [, attributes] of text('xl/workbook.xml').matchAll(/<sheet\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(attributes)?.[1];
    const target = targets.get(/\br:id="([^"]*)"/.exec(attributes)?.[1] ?? '');
    if (name && target) names.set(target.toLowerCase(), unescapeXml(name));
  }
  return names;
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity]!);

function worksheet(sheet: string, xml: string, limits: SanitizeLimits): string {
  const rows = countOf(xml, '<row');
  const cells = countOf(xml, '<c');
  if (rows > limits.rows) throw new ZipProblem(`工作表“${sheet}”超过 ${limits.rows} 行的上限(${rows} 行),不像是决算公开表;请删除多余的行或只导入公开表所在的工作表`);
  if (cells > limits.cells) throw new ZipProblem(`工作表“${sheet}”超过 ${limits.cells} 个单元格的上限(${cells} 个),不像是决算公开表`);
  let out = dropElements(xml, ['dataValidations', 'conditionalFormatting', 'extLst', 'cols', 'hyperlinks']);
  // exceljs checks each merge against all earlier ones: thousands of merges cost minutes, so only the first MAX_MERGES count.
  let merges = 0;
  out = out.replace(/<mergeCell\b[^>]*?\bref="([^"]*)"[^>]*\/>/g, (whole, ref: string) => (mergeFits(ref, limits) && ++merges <= MAX_MERGES ? whole : ''));
  return retypeNumericCells(out);
}

/**
 * `<c …><v>text</v></c>` with no type, type "n" or any type exceljs does not know is a number to
 * exceljs, which parseFloats the text. When the text is not a plain number, or the cell is a date,
 * it is marked as a string cell instead (its <v> unchanged).
 * A linear scan, not one regular expression: hostile sheets must not make matching slow.
 */
function retypeNumericCells(xml: string): string {
  const parts: string[] = [];
  let copied = 0;
  const open = /<c\b([^>]*)>/g;
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    const attributes = match[1];
    if (attributes.endsWith('/')) continue;
    const close = xml.indexOf('</c>', open.lastIndex);
    if (close < 0) break;
    const type = /\bt="([^"]*)"/.exec(attributes)?.[1];
    const value = type === undefined || !TEXT_TYPES.has(type) ? /<v>([^<]*)<\/v>/.exec(xml.slice(open.lastIndex, close)) : null;
    // A date cell (t="d") is never an amount, whatever its text looks like.
    if (value && (type === 'd' || !PLAIN_NUMBER.test(value[1]))) {
      parts.push(xml.slice(copied, match.index), `<c${attributes.replace(/\s*\bt="[^"]*"/, '')} t="str">`);
      copied = open.lastIndex;
    }
    open.lastIndex = close + 4;
  }
  parts.push(xml.slice(copied));
  return parts.join('');
}

/** Cell types exceljs reads as they are; every other type (n, d, unknown) it parseFloats. */
const TEXT_TYPES = new Set(['s', 'str', 'inlineStr', 'b', 'e']);
const PLAIN_NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

function mergeFits(ref: string, limits: SanitizeLimits): boolean {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim());
  if (!match) return false;
  const [c1, r1, c2, r2] = [column(match[1]), Number(match[2]), column(match[3]), Number(match[4])];
  if (Math.max(r1, r2) > limits.rows || Math.max(c1, c2) > limits.cols) return false;
  return (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1) <= MAX_MERGE_CELLS;
}

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    const next = text[at + needle.length];
    if (next === ' ' || next === '>' || next === '/') count++;
  }
  return count;
}

/** Removes `<tag …>…</tag>` and `<tag …/>` (with any namespace prefix) wherever they occur. */
function dropElements(xml: string, tags: string[]): string {
  let out = xml;
  for (const tag of tags) {
    const element = new RegExp(`<((?:\\w+:)?${tag})\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/\\1>)`, 'g');
    out = out.replace(element, '');
  }
  return out;
}

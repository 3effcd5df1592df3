/**
 * What an unpacked .xlsx must pass before its cells are read (read-xlsx.ts):
 *  - any DTD (entity declarations: "billion laughs", external entities) is refused;
 *  - sheets with more rows or cells than the limits are refused before reading them;
 *  - merged ranges larger than any table, and merges beyond the first thousand, are ignored (only a
 *    merge's top-left cell matters to us), so one `ref="A1:XFD1048576"` cannot allocate a billion cells.
 * The reader never expands anything else (data validations, conditional formats, column ranges,
 * defined names): it does not read them.
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
export const MAX_MERGES = 1_000;

/** A number's saved text as Excel writes it; anything else in a number cell (19,1 / 0x10 / a date) is read as text. */
export const PLAIN_NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

const DTD = [Buffer.from('<!DOCTYPE'), Buffer.from('<!ENTITY'), Buffer.from('<!DOCTYPE', 'utf16le'), Buffer.from('<!ENTITY', 'utf16le')];

export function refuseDtd(entries: ZipEntry[]): void {
  for (const { name, data } of entries) {
    if (/\.(xml|rels|vml)$/i.test(name) && DTD.some((marker) => data.includes(marker))) {
      throw new ZipProblem(`“${name}”含有 XML 实体声明(DOCTYPE),可能是恶意文件,已拒绝`);
    }
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** XML text with its five named entities and numeric character references resolved. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:(lt|gt|quot|apos|amp)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return ENTITIES[name];
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Refuses a sheet with more rows or cells than any annex table has, before reading a cell of it. */
export function checkSheetSize(sheet: string, xml: string, limits: SanitizeLimits, fail: (reason: string) => never): void {
  const rows = countOf(xml, '<row');
  const cells = countOf(xml, '<c');
  if (rows > limits.rows) fail(`工作表“${sheet}”超过 ${limits.rows} 行的上限(${rows} 行),不像是决算公开表;请删除多余的行或只导入公开表所在的工作表`);
  if (cells > limits.cells) fail(`工作表“${sheet}”超过 ${limits.cells} 个单元格的上限(${cells} 个),不像是决算公开表`);
}

/** A merge's range when it is one we honour: within the limits and no larger than MAX_MERGE_CELLS. */
export function mergeFits(ref: string, limits: SanitizeLimits): { top: number; left: number; bottom: number; right: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim());
  if (!match) return undefined;
  const [c1, r1, c2, r2] = [column(match[1]), Number(match[2]), column(match[3]), Number(match[4])];
  if (Math.max(r1, r2) > limits.rows || Math.max(c1, c2) > limits.cols) return undefined;
  if ((Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1) > MAX_MERGE_CELLS) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Occurrences of an element's start tag: `<row` followed by a space, `>` or `/` (not `<rows`). */
function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    const next = text[at + needle.length];
    if (next === ' ' || next === '>' || next === '/') count++;
  }
  return count;
}

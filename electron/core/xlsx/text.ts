/**
 * Text helpers shared by the exporter and the importer: how a label is compared (SPEC Appendix B:
 * spaces and line breaks inside labels, full-width characters), Excel column letters, and the
 * one format of every import message ("文件 x.xlsx 工作表“公开02表” 第12行 D列:…").
 */

/** Full-width ASCII (digits, letters, punctuation) to half-width; the ideographic space to a space. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/**
 * The comparable form of a printed label: half-width, no whitespace of any kind (seed 002 prints
 * "项 目", "一般公共预 算财政拨款", "附属单位\n上缴收入"), one kind of quote and bracket.
 */
export function norm(text: string): string {
  if (!NORM_CHANGES.test(text)) return text;
  let normed = normCache.get(text);
  if (normed === undefined) {
    // Readers compare the same labels thousands of times (a workbook of 1,000 forms): each text is worked out once.
    if (normCache.size >= 50_000) normCache.clear();
    normCache.set(text, (normed = normalise(text)));
  }
  return normed;
}

/** Characters norm changes; a text without any is already in its comparable form. */
const NORM_CHANGES = /[\uFF01-\uFF5E\u3000\s“”„‟"‘’'【〔[\]】〕]/;
const normCache = new Map<string, string>();

function normalise(text: string): string {
  return halfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[“”„‟"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[【〔[]/g, '(')
    .replace(/[】〕\]]/g, ')');
}

/** A label without its enumerator ("一、", "(一)", "1.", "1、"), for matching hand-made tables that omit it. */
export function bare(text: string): string {
  return norm(text).replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、])/, '');
}

/** Sheet titles and names may carry the draft mark this exporter adds. */
export const DRAFT = '草稿';
export const withoutDraft = (text: string) => text.replace(/[((]草稿[))]/g, '');

/**
 * A sheet name Excel accepts and no other sheet has (Excel compares names without case): the base
 * cut so that a clash number and the suffix still fit in 31 characters, counted as Excel counts them.
 */
export function uniqueSheetName(base: string, suffix: string, used: Set<string>): string {
  const clean = [...base.replace(/[\\/:*?"<>|[\]]+/g, '_').replace(/^'|'$/g, '')];
  for (let n = 1; ; n++) {
    const tail = `${n > 1 ? `(${n})` : ''}${suffix}`;
    const name = clean.slice(0, 31 - tail.length).join('') + tail;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Where an import message points: file, then optionally sheet, row (1-based, as Excel shows) and column. */
export interface Place {
  file: string;
  sheet?: string;
  row?: number;
  col?: number;
}

export function placeText(place: Place): string {
  let text = `文件 ${place.file}`;
  if (place.sheet !== undefined) text += ` 工作表“${place.sheet}”`;
  if (place.row !== undefined) text += ` 第${place.row}行`;
  if (place.col !== undefined) text += ` ${columnLetter(place.col)}列`;
  return text;
}

export const message = (place: Place, reason: string) => `${placeText(place)}:${reason}`;

/**
 * How wide each column of a printed annex table must be, from the table's own layout (column
 * kinds from its declaration) and this year's content, in half-ems of the table's font: the unit
 * in which a Chinese character is 2 wide. Codes, 行次 and amounts must never wrap (a code or an
 * amount broken over two lines misreads), so their columns take their widest text; 项目 and
 * 科目名称 may wrap and only ask for their longest text when the page has room.
 */
import type { PrintedTable } from './table-print';

/**
 * Width of `text` in half-ems, on the safe side for any font a word processor may substitute:
 * Chinese and full-width characters 2; digits and letters 1.3 (DejaVu Sans digits are 0.64 em,
 * 仿宋's 0.5 em); the narrow marks inside amounts 0.7.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u0000-\u00ff]/.test(char) ? (/[.,:;'!|() ]/.test(char) ? 0.7 : 1.3) : 2;
  return width;
}

/** Headers wrap, but a column would like its own header up to 4 characters on one line (科目代码, 决算数, 行次). */
const HEADER_LINE = 8;
/** Names wrap, but not into a column narrower than 4 characters. */
const NAME_LEAST = 8;

export interface ColumnNeeds {
  /** Widths below which a column's content would wrap where it must not (names: 4 characters). */
  least: number[];
  /** Widths at which neither the column's text nor its header (up to 4 characters) wraps. */
  wanted: number[];
}

export function columnNeeds(printed: PrintedTable): ColumnNeeds {
  // A merged cell (a totals label over code and name) has the width of all its columns.
  const merged = new Set(printed.merged.map((merge) => `${merge.line}:${merge.column}`));
  const widest = printed.kinds.map((_, c) => Math.max(0, ...printed.body.map((line, l) => (merged.has(`${l}:${c}`) ? 0 : textWidth(line[c])))));
  const header = printed.names.map((name) => Math.min(textWidth(name.split('/').pop()!), HEADER_LINE));
  const wraps = printed.kinds.map((kind) => kind === 'label' || kind === 'name');
  return {
    least: widest.map((width, c) => (wraps[c] ? Math.min(width, NAME_LEAST) : width)),
    wanted: widest.map((width, c) => Math.max(header[c], width)),
  };
}

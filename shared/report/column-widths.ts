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
  // A code or 行次 column is narrow anyway: its header (科目代码, 行次) stays on one line too.
  const keyed = printed.kinds.map((kind) => kind === 'code' || kind === 'rowno');
  return {
    least: widest.map((width, c) => (wraps[c] ? Math.min(width, NAME_LEAST) : keyed[c] ? Math.max(width, header[c]) : width)),
    wanted: widest.map((width, c) => Math.max(header[c], width)),
  };
}

const sum = (widths: number[]) => widths.reduce((total, width) => total + width, 0);

/** Space between a cell's border and its text, each side (Word's default is 108). */
export const CELL_PADDING = 57;


/**
 * Column widths in twips for a table whose content needs `needs` (half-ems of a font whose half-em
 * is `halfEm` twips), on a page `portrait` twips wide between its margins, or `landscape` wide
 * turned: turned only when the columns that must not wrap cannot fit upright, as official
 * disclosures print their wide tables. Room left over goes first to the columns whose names or
 * headers would wrap, then to every column alike; the widths fill the page's text width.
 * `overflow`: even turned, the codes and amounts would wrap (the table goes in bands, table-bands.ts).
 */
export function fitColumns(needs: ColumnNeeds, halfEm: number, page: { portrait: number; landscape: number }): { widths: number[]; landscape: boolean; overflow: boolean } {
  // One half-em more than measured: word processors round glyph advances, and bold header text is wider.
  const twips = (halfEms: number) => Math.ceil((halfEms + 1) * halfEm) + 2 * CELL_PADDING;
  const least = needs.least.map(twips);
  const wanted = needs.wanted.map(twips);
  const landscape = sum(least) > page.portrait;
  const width = landscape ? page.landscape : page.portrait;
  let widths: number[];
  if (sum(least) >= width) {
    widths = least.map((w) => Math.floor((w * width) / sum(least))); // wider than a turned page: all shrink alike
  } else {
    const short = wanted.map((w, c) => w - least[c]);
    const given = Math.min(width - sum(least), sum(short));
    widths = least.map((w, c) => w + (given > 0 ? Math.floor((short[c] * given) / sum(short)) : 0));
    const spread = width - sum(widths);
    const base = sum(widths);
    widths = widths.map((w) => w + Math.floor((w * spread) / base));
  }
  widths[widths.length - 1] += width - sum(widths); // what rounding left
  return { widths, landscape, overflow: sum(least) > page.landscape };
}

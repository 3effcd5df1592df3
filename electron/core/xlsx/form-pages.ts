/**
 * The printed pages of a 自评表 sheet, decided by the exporter instead of left to the spreadsheet.
 *
 * A sheet repeats at most one band of print titles, from where it first appears to the last page:
 * 荆门's two indicator tables (长期, 年度) have different headers, and under 大通湖's indicator table
 * come 附件4 基础数据表 and 内部控制, which an indicator header would mislabel. So every page break
 * is a manual one, placed here from the plan's row heights: a table that fits on a page is moved
 * whole onto the next one (with the section line that titles it); a table longer than a page has
 * its header rows printed again, as rows of the sheet, at the top of each page it runs onto, and
 * merged 一级/二级 cells split there with their text repeated. The importer skips such a repeated
 * header (form-read.ts).
 *
 * The room of a page is estimated on the safe side (fit to one page wide shrinks a wide sheet; the
 * column unit's size differs a little between spreadsheets), so no page overflows into a break of
 * the spreadsheet's own.
 */
import { PAGE } from './look';
import type { PlanCell, Range, SheetPlan } from './plan';

/** Rows printed on one page where they fit: a table, with the section line above it. */
export interface KeepTogether {
  first: number;
  last: number;
  /** An indicator table's header rows, from column `left`: repeated on each page the table runs onto. */
  header?: { first: number; last: number; left: number };
}

type Header = NonNullable<KeepTogether['header']>;

/** Row height where the plan sets none (the writers' default), points. */
const DEFAULT_ROW_POINTS = 15;
/** One unit of column width (the digit of Calibri 11, 7 px at 96 dpi), points. */
const COLUMN_UNIT_POINTS = 5.25;
/** A4 in points, and the share of a page's estimated room filled. */
const A4 = { short: 8.27 * 72, long: 11.69 * 72 };
const FILL = 0.95;

/** Points of sheet rows one printed page holds: the page inside its margins, at the fit-to-width scale. */
export function pageRoom(plan: SheetPlan): number {
  const landscape = (plan.orientation ?? 'landscape') === 'landscape';
  const { left, right, top, bottom } = PAGE.margins;
  const width = (landscape ? A4.long : A4.short) - (left + right) * 72;
  const height = (landscape ? A4.short : A4.long) - (top + bottom) * 72;
  const sheetWidth = plan.columnWidths.slice(0, plan.width).reduce((a, b) => a + b, 0) * COLUMN_UNIT_POINTS;
  return (height / Math.min(1, width / sheetWidth)) * FILL;
}

/** The plan with its page breaks set and, where a table runs onto a page, its header repeated there. */
export function paginate(plan: SheetPlan, groups: readonly KeepTogether[]): SheetPlan {
  const height = (row: number) => plan.rowHeights.get(row) ?? DEFAULT_ROW_POINTS;
  const span = (first: number, last: number) => {
    let sum = 0;
    for (let row = first; row <= last; row++) sum += height(row);
    return sum;
  };
  const room = pageRoom(plan);
  const last = Math.max(plan.grid.last, ...plan.cells.filter((cell) => cell.col <= plan.width).map((cell) => cell.row));
  /** Rows (as planned) that start a page, and the header repeated above some of them. */
  const breaks: number[] = [];
  const repeats = new Map<number, Header>();
  let used = 0;
  for (let row = 1; row <= last; ) {
    const group = groups.find((candidate) => candidate.first === row) ?? { first: row, last: row };
    const whole = span(group.first, group.last);
    row = group.last + 1;
    if (used + whole <= room) {
      used += whole;
    } else if (whole <= room) {
      breaks.push(group.first);
      used = whole;
    } else {
      used = runOver(group, used);
    }
  }
  if (!breaks.length) return plan;
  return withRepeats({ ...plan, pageBreaks: breaks }, repeats);

  /** A group longer than a page, row by row; returns the room used on its last page. */
  function runOver(group: KeepTogether, start: number): number {
    const header = group.header;
    // A table starts with its header and first line on one page.
    const lead = header ? header.last + 1 : group.first;
    if (start > 0 && start + span(group.first, lead) > room) {
      breaks.push(group.first);
      start = 0;
    }
    let used = start;
    for (let row = group.first; row <= group.last; row++) {
      if (row > lead && used + height(row) > room) {
        breaks.push(row);
        if (header) repeats.set(row, header);
        used = header ? span(header.first, header.last) : 0;
      }
      used += height(row);
    }
    return used;
  }
}

/** Inserts the repeated header rows: later rows move down, merges crossing them split in two. */
function withRepeats(plan: SheetPlan, repeats: Map<number, Header>): SheetPlan {
  const at = [...repeats.keys()].sort((a, b) => a - b);
  const depth = (header: Header) => header.last - header.first + 1;
  /** Where a planned row lands once the repeats above it are in. */
  const moved = (row: number) => row + at.filter((before) => before <= row).reduce((sum, before) => sum + depth(repeats.get(before)!), 0);
  const printed = (cell: PlanCell) => cell.col <= plan.width;
  const master = new Map(plan.cells.filter(printed).map((cell) => [`${cell.row},${cell.col}`, cell]));

  const cells: PlanCell[] = plan.cells.map((cell) => (printed(cell) ? { ...cell, row: moved(cell.row) } : cell));
  const merges: Range[] = [];
  const rowHeights = new Map([...plan.rowHeights].map(([row, points]) => [moved(row), points]));
  for (const range of plan.merges) {
    const tops = [range.top, ...at.filter((before) => range.top < before && before <= range.bottom)];
    tops.forEach((top, i) => {
      const bottom = i + 1 < tops.length ? tops[i + 1] - 1 : range.bottom;
      const header = i > 0 ? repeats.get(top) : undefined;
      // Left of the table's columns (its block label) the merge goes on beside the repeated header.
      const from = header && range.left < header.left ? moved(top) - depth(header) : moved(top);
      merges.push({ ...range, top: from, bottom: moved(bottom) });
      const text = master.get(`${range.top},${range.left}`);
      if (header && text) cells.push({ ...text, row: from });
    });
  }
  for (const before of at) {
    const header = repeats.get(before)!;
    const shift = moved(before) - depth(header) - header.first;
    const inHeader = (row: number, col: number) => row >= header.first && row <= header.last && col >= header.left;
    for (const cell of plan.cells) if (printed(cell) && inHeader(cell.row, cell.col)) cells.push({ ...cell, row: cell.row + shift });
    for (const range of plan.merges) {
      if (inHeader(range.top, range.left) && range.bottom <= header.last) merges.push({ ...range, top: range.top + shift, bottom: range.bottom + shift });
    }
    for (let row = header.first; row <= header.last; row++) if (plan.rowHeights.has(row)) rowHeights.set(row + shift, plan.rowHeights.get(row)!);
  }
  return {
    ...plan,
    cells,
    merges,
    rowHeights,
    grid: { first: moved(plan.grid.first), last: moved(plan.grid.last) },
    pageBreaks: plan.pageBreaks!.map((row) => (repeats.has(row) ? moved(row) - depth(repeats.get(row)!) : moved(row))),
  };
}

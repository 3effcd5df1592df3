/**
 * A table too wide even for a turned page (陕西 表七's 16 amount columns once they run into
 * thousands of 万元) is printed in bands, one under the other: its top-level column groups (预算数 |
 * 决算数) packed into as few bands as fit, each repeating the leading 项目 / 行次 / 科目 columns and
 * its own header. Shrinking the columns instead would break amounts over two lines, and the font
 * may not go below the other tables'.
 */
import type { HeaderCell, PrintedTable } from './table-print';

/** Column index → the header cell starting there, per header row (cells merged from above take their place). */
function headerStarts(printed: PrintedTable): Map<number, HeaderCell>[] {
  const covered = printed.header.map(() => new Set<number>());
  return printed.header.map((row, r) => {
    const starts = new Map<number, HeaderCell>();
    let column = 0;
    for (const cell of row) {
      while (covered[r].has(column)) column++;
      starts.set(column, cell);
      for (let below = r + 1; below < r + cell.rowSpan; below++) for (let c = column; c < column + cell.colSpan; c++) covered[below].add(c);
      column += cell.colSpan;
    }
    return starts;
  });
}

/** The table cut down to `columns` (ascending): header cells narrowed to what they still cover, merges kept when whole. */
export function sliceColumns(printed: PrintedTable, columns: readonly number[]): PrintedTable {
  const keep = new Set(columns);
  const index = new Map(columns.map((column, i) => [column, i]));
  const header = headerStarts(printed).map((starts) =>
    [...starts]
      .sort(([a], [b]) => a - b)
      .flatMap(([start, cell]) => {
        let colSpan = 0;
        for (let c = start; c < start + cell.colSpan; c++) if (keep.has(c)) colSpan++;
        return colSpan ? [{ ...cell, colSpan }] : [];
      }),
  );
  const pick = <T,>(list: readonly T[]) => columns.map((column) => list[column]);
  const merged = printed.merged.flatMap((merge) => {
    const whole = Array.from({ length: merge.span }, (_, i) => merge.column + i).every((c) => keep.has(c));
    return whole ? [{ ...merge, column: index.get(merge.column)! }] : [];
  });
  return { header, body: printed.body.map(pick), merged, numeric: pick(printed.numeric), kinds: pick(printed.kinds), names: pick(printed.names) };
}

/**
 * The bands of a table: the leading columns that are not amounts repeat in each, the top-level
 * column groups are packed in order while `fits` says the band fits; a group that fits nowhere
 * alone still gets a band of its own.
 */
export function columnBands(printed: PrintedTable, fits: (band: PrintedTable) => boolean): PrintedTable[] {
  const width = printed.kinds.length;
  let keys = 0;
  while (keys < width && printed.kinds[keys] !== 'value') keys++;
  const groups: number[][] = [];
  for (const [start, cell] of [...headerStarts(printed)[0]].sort(([a], [b]) => a - b)) {
    const group = Array.from({ length: cell.colSpan }, (_, i) => start + i).filter((c) => c >= keys);
    if (group.length) groups.push(group);
  }
  const lead = Array.from({ length: keys }, (_, i) => i);
  const bands: number[][] = [];
  for (const group of groups) {
    const last = bands[bands.length - 1];
    if (last && fits(sliceColumns(printed, [...lead, ...last, ...group]))) last.push(...group);
    else bands.push([...group]);
  }
  return bands.map((band) => sliceColumns(printed, [...lead, ...band]));
}

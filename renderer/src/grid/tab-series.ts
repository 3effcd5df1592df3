/**
 * Excel's line-by-line entry: figures typed along a line with Tab, then Enter, go on at the next
 * line under the cell the Tabs began at, not under the last one. Any other way of leaving a cell,
 * or an Enter on a cell the last Tab did not reach (the clerk clicked elsewhere), ends the series.
 */
import type { GridApi } from 'ag-grid-community';

let series: { api: GridApi; line: number; start: string; at: string } | null = null;

/** The column a Tab series on this line began at, when its last Tab reached this cell; the series ends here either way. */
export function takeTabStart(api: GridApi, line: number, column: string): string | null {
  const start = series && series.api === api && series.line === line && series.at === column ? series.start : null;
  series = null;
  return start;
}

/** A Tab from `from` (in a series begun at `start`, if any) reached `to`; one that left the line ends the series. */
export function tabbed(api: GridApi, line: number, from: string, start: string | null, to: { line: number; column: string } | null): void {
  series = to && to.line === line ? { api, line, start: start ?? from, at: to.column } : null;
}

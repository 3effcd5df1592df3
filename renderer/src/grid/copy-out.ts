import type { Bounds } from './selection';

/**
 * Writes a block as Excel and WPS put it on the clipboard: cells separated by tabs, rows ended
 * by CRLF; a cell holding a tab, line break or quote is quoted with inner quotes doubled
 * (clipboard.ts reads exactly this back).
 */
export function toTsv(rows: string[][]): string {
  const quote = (cell: string) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join('\t') + '\r\n').join('');
}

/** The raw text of each cell in a range (amounts unformatted, so they paste back as numbers). */
export function rangeRows(bounds: Bounds, rawText: (line: number, column: number) => string): string[][] {
  const rows: string[][] = [];
  for (let line = bounds.top; line <= bounds.bottom; line++) {
    const row: string[] = [];
    for (let column = bounds.left; column <= bounds.right; column++) row.push(rawText(line, column));
    rows.push(row);
  }
  return rows;
}

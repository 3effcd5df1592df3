/**
 * Bands of a table too wide for a turned page (shared/report/table-bands.ts), over every declared
 * table: whatever the bands, each repeats the leading non-amount columns, together they hold every
 * amount column once and in order, and each band's header rows cover exactly its columns.
 */
import { describe, expect, it } from 'vitest';
import { functionName } from '../../../shared/catalog';
import { columnBands, printTable, type PrintedTable } from '../../../shared/report';
import { TABLES, YearModel } from '../../../shared/tables';

/** Columns each header row covers: its own cells plus those merged down from rows above. */
function headerWidths(printed: PrintedTable): number[] {
  const below = printed.header.map(() => 0);
  return printed.header.map((row, r) => {
    let width = below[r];
    for (const cell of row) {
      width += cell.colSpan;
      for (let next = r + 1; next < r + cell.rowSpan; next++) below[next] += cell.colSpan;
    }
    return width;
  });
}

describe('table bands', () => {
  const model = new YearModel(TABLES, {}, functionName);
  it.each([...TABLES.keys()])('%s: bands of one top-level group each keep every column and a whole header', (id) => {
    const printed = printTable(TABLES.get(id)!, model);
    const bands = columnBands(printed, () => false);
    let keys = 0;
    while (printed.kinds[keys] !== 'value' && keys < printed.kinds.length) keys++;
    // The amount columns' header names, in order, across the bands.
    expect(bands.flatMap((band) => band.names.slice(keys))).toEqual(printed.names.slice(keys));
    for (const band of bands) {
      expect(band.names.slice(0, keys)).toEqual(printed.names.slice(0, keys));
      expect(headerWidths(band)).toEqual(band.header.map(() => band.names.length));
      expect(band.body.every((line) => line.length === band.names.length)).toBe(true);
    }
    // Bands that always fit make one table, the same as the whole.
    expect(columnBands(printed, () => true)).toEqual([printed]);
  });

  it('陕07表 splits into its 预算数 and 决算数 halves', () => {
    const bands = columnBands(printTable(TABLES.get('陕07表')!, model), () => false);
    expect(bands.map((band) => [band.header[0].map((cell) => cell.text), band.names.length])).toEqual([
      [['预算数'], 8],
      [['决算数'], 8],
    ]);
  });
});

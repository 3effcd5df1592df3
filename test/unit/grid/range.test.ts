import { describe, expect, it } from 'vitest';
import { parseClipboard } from '../../../renderer/src/grid/clipboard';
import { toTsv } from '../../../renderer/src/grid/copy-out';
import { tileToRange } from '../../../renderer/src/grid/fill';
import { CellRange } from '../../../renderer/src/grid/selection';
import { columnWidths } from '../../../renderer/src/grid/widths';
import type { PrintedLayout } from '../../../shared/tables';

/** A small deterministic generator (no dependency): the same cases on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('copy-out and paste agree', () => {
  it('reads back every block it writes, whatever the cells hold (tabs, line breaks, quotes, CJK)', () => {
    const next = random(11);
    const alphabet = ['1', '2', '.', ',', '-', '"', '\t', '\n', '\r\n', ' ', '合', '计', '(', ')', 'a'];
    for (let round = 0; round < 500; round++) {
      const rows = Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 4) }, () => Array.from({ length: Math.floor(next() * 6) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')),
      );
      // A row of one empty cell is an empty line, which the clipboard cannot tell from nothing.
      if (rows.some((row) => row.length === 1 && row[0] === '')) continue;
      expect(parseClipboard(toTsv(rows))).toEqual(rows);
    }
  });
});

describe('range geometry', () => {
  it('extends with Shift+arrows inside the table and reports its bounds either way round', () => {
    let range = new CellRange({ line: 1, column: 1 });
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowLeft', 'ArrowLeft']) range = range.step(key, 5, 3);
    expect(range.bounds()).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
    expect(range.contains(0, 0) && range.contains(1, 1) && !range.contains(2, 1)).toBe(true);
    expect(CellRange.all(5, 3).bounds()).toEqual({ top: 0, bottom: 4, left: 0, right: 2 });
  });

  it('repeats a pasted block that fits a whole number of times, else pastes it once', () => {
    expect(tileToRange([['5']], { top: 0, bottom: 1, left: 0, right: 2 })).toEqual([['5', '5', '5'], ['5', '5', '5']]);
    expect(tileToRange([['1', '2']], { top: 0, bottom: 1, left: 0, right: 3 })).toEqual([['1', '2', '1', '2'], ['1', '2', '1', '2']]);
    expect(tileToRange([['1', '2']], { top: 0, bottom: 1, left: 0, right: 2 })).toEqual([['1', '2']]);
  });
});

describe('column widths', () => {
  const layout: PrintedLayout = {
    columns: [
      { id: 's0-label', side: 0, kind: 'label', header: ['项 目'] },
      { id: 's0-c1', side: 0, kind: 'value', col: '1', header: ['金额'] },
    ],
    lines: [['1'], ['2']],
    headerDepth: 1,
  };
  const byLength = (text: string) => text.length * 10;

  it('fit the widest figure, keep a floor per kind, and cap labels (which then wrap)', () => {
    const widths = columnWidths(layout, (line, column) => (column.kind === 'value' ? ['1.00', '123,456,789.00'][line] : '很'.repeat(line ? 80 : 2)), byLength);
    expect(widths.get('s0-c1')).toBe(14 * 10 + 26);
    expect(widths.get('s0-label')).toBe(340);
    expect(columnWidths(layout, () => '', byLength)).toEqual(new Map([['s0-label', 200], ['s0-c1', 100]]));
  });
});

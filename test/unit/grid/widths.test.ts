import { describe, expect, it } from 'vitest';
import type { ColDef } from 'ag-grid-community';
import { columnWidths, sizeAndFreeze } from '../../../renderer/src/grid/widths';
import type { PrintedLayout } from '../../../shared/tables';

describe('label wrapping', () => {
  const layout: PrintedLayout = {
    columns: [
      { id: 's0-label', side: 0, kind: 'label', header: ['项 目'] },
      { id: 's0-c1', side: 0, kind: 'value', col: '1', header: ['金额'] },
    ],
    lines: [['1'], ['2']],
    headerDepth: 1,
  };
  const defs: ColDef[] = [{ colId: 's0-label' }, { colId: 's0-c1' }];
  const byLength = (text: string) => text.length * 10;
  const sized = (label: string) => {
    const widths = columnWidths(layout, (_line, column) => (column.kind === 'label' ? label : '1.00'), byLength);
    return sizeAndFreeze(defs, layout, widths, false) as ColDef[];
  };

  it('lets only a label held at its cap wrap and grow its row (the grid measures those cells in the page)', () => {
    const fits = sized('很'.repeat(20));
    expect(fits[0]).toMatchObject({ width: 226 });
    expect(fits[0].autoHeight).toBeUndefined();
    expect(fits[0].wrapText).toBeUndefined();
    const capped = sized('很'.repeat(80));
    expect(capped[0]).toMatchObject({ width: 340, wrapText: true, autoHeight: true });
    expect(capped[1].autoHeight).toBeUndefined();
  });

  it('never grows rows on a long table: there a capped label ends in “…” and shows whole in its tooltip', () => {
    const long: PrintedLayout = { ...layout, lines: Array.from({ length: 151 }, (_, i) => [String(i)]) };
    const widths = columnWidths(long, (_line, column) => (column.kind === 'label' ? '很'.repeat(80) : ''), byLength);
    expect((sizeAndFreeze(defs, long, widths, false) as ColDef[])[0].autoHeight).toBeUndefined();
  });
});

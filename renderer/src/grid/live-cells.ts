/**
 * Keeps a grid's cells current without re-rendering the grid component. After every change of the
 * year (an edit, undo, a paste, the file reloaded) and after every 审核, one unforced refresh
 * lets ag-grid compare each drawn cell's value with what it shows and redraw only those that
 * differ (the edited cell and the totals above it), and re-evaluate the finding marks, which are
 * class rules (column-defs.ts). Column widths follow the figures after the frame is painted.
 */
import { useEffect, useMemo, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { PrintedLayout, TableDef, YearModel } from '../../../shared/tables';
import { afterPaint } from '../stores/after-paint';
import { useYearStore } from '../stores/use-year-store';
import type { LineData } from './column-defs';
import { figureWidths, grownWidths } from './widths';
import { amountAt, measuredWidths } from './measured-widths';

interface LiveCellsOptions {
  def: TableDef;
  layout: PrintedLayout;
  gridApi: MutableRefObject<GridApi<LineData> | null>;
  model: () => YearModel;
  setWidths: Dispatch<SetStateAction<Map<string, number>>>;
}

/** Returns how to measure every column again (when the rows or columns change). */
export function useLiveCells({ def, layout, gridApi, model, setWidths }: LiveCellsOptions): () => void {
  const figures = () => figureWidths(layout, amountAt(def, layout, model()));
  const widthsAfterPaint = useMemo(() => afterPaint(() => setWidths((old) => grownWidths(old, figures()))), [def, layout]);
  useEffect(
    () =>
      useYearStore.subscribe((state, previous) => {
        const changed = state.version !== previous.version;
        if (!changed && state.findings === previous.findings) return;
        // After the store's listeners have run (the grid may be in the middle of ending an edit), before the frame.
        queueMicrotask(() => gridApi.current?.refreshCells());
        if (changed) widthsAfterPaint.request();
      }),
    [widthsAfterPaint],
  );
  return () => setWidths((old) => grownWidths(old, measuredWidths(def, layout, model())));
}

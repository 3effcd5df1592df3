/**
 * Keeps a grid's cells current without re-rendering the grid component. After every change of the
 * year (an edit, undo, a paste, the file reloaded) and after every 审核, one unforced refresh
 * lets ag-grid compare each drawn cell's value with what it shows and redraw only those that
 * differ (the edited cell and the totals above it), and re-evaluate the finding marks, which are
 * class rules (column-defs.ts). Column widths follow the figures after the frame is painted.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
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
  /** False while the grid is kept hidden (kept-tables.ts): it catches up when shown, not on every edit. */
  shown: boolean;
}

/** Returns how to measure every column again (when the rows or columns change). */
export function useLiveCells({ def, layout, gridApi, model, setWidths, shown }: LiveCellsOptions): () => void {
  const figures = () => figureWidths(layout, amountAt(def, layout, model()));
  const widthsAfterPaint = useMemo(() => afterPaint(() => setWidths((old) => grownWidths(old, figures()))), [def, layout]);
  const hidden = useRef({ now: !shown, missed: false });
  hidden.current.now = !shown;
  useEffect(
    () =>
      useYearStore.subscribe((state, previous) => {
        const changed = state.version !== previous.version;
        if (!changed && state.findings === previous.findings) return;
        // A hidden grid costs an edit nothing: it refreshes once, when shown.
        if (hidden.current.now) return void (hidden.current.missed = true);
        // After the store's listeners have run (the grid may be in the middle of ending an edit), before the frame.
        queueMicrotask(() => gridApi.current?.refreshCells());
        if (changed) widthsAfterPaint.request();
      }),
    [widthsAfterPaint],
  );
  // Before the grid is painted again, so it never shows a figure from before.
  useLayoutEffect(() => {
    if (!shown || !hidden.current.missed) return;
    hidden.current.missed = false;
    gridApi.current?.refreshCells();
    widthsAfterPaint.request();
  }, [shown]);
  return () => setWidths((old) => grownWidths(old, measuredWidths(def, layout, model())));
}

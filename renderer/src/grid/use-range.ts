import { useMemo, useRef, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type MutableRefObject } from 'react';
import type { CellClassParams, GridApi } from 'ag-grid-community';
import type { PrintedLayout, TableDef, YearModel } from '../../../shared/tables';
import type { CellEdit } from '../../../shared/contract';
import { rangeRows, toTsv } from './copy-out';
import { clearRange, fillDown } from './fill';
import { CellRange, type GridPoint } from './selection';
import type { LineData } from './column-defs';

interface RangeOptions {
  def: TableDef;
  layout: PrintedLayout;
  gridApi: MutableRefObject<GridApi<LineData> | null>;
  model: () => YearModel;
  /** Applies edits as one undo step and tells the clerk what happened. */
  apply(edits: CellEdit[], done: string): void;
}

/**
 * Range selection for the grid (ag-grid Community has none): Shift+arrows, Shift+click and
 * dragging select a rectangle, Ctrl+A the table; Ctrl+C copies it as TSV with raw values,
 * Delete clears its input cells and Ctrl+D fills down, each as one undo step.
 */
export function useRangeSelection({ def, layout, gridApi, model, apply }: RangeOptions) {
  const range = useRef<CellRange | null>(null);
  const dragging = useRef(false);
  /** The focused cell the selection last followed. */
  const seenFocus = useRef<GridPoint | null>(null);
  const columnIndex = useMemo(() => new Map(layout.columns.map((column, i) => [column.id, i])), [layout]);

  const redraw = () => gridApi.current?.refreshCells();
  const select = (next: CellRange | null) => {
    const had = range.current?.isBlock() ?? false;
    range.current = next;
    if (had || next?.isBlock()) redraw();
  };

  /** The grid position of a DOM cell (body lines only; the pinned 栏次 line is not selectable). */
  const pointOf = (target: EventTarget | null): GridPoint | null => {
    const cell = (target as HTMLElement | null)?.closest?.('.ag-cell[col-id]');
    const line = /^L(\d+)$/.exec(cell?.closest('.ag-row')?.getAttribute('row-id') ?? '');
    const column = columnIndex.get(cell?.getAttribute('col-id') ?? '');
    return line && column !== undefined ? { line: Number(line[1]), column } : null;
  };
  const editing = () => (gridApi.current?.getEditingCells().length ?? 0) > 0;
  const inGridCell = (target: EventTarget | null) => {
    const element = target as HTMLElement | null;
    return !!element?.closest?.('.ag-cell, .ag-body, .ag-root') && !element.closest('input, textarea, select');
  };

  const reveal = (point: GridPoint) => {
    gridApi.current?.ensureIndexVisible(point.line);
    gridApi.current?.ensureColumnVisible(layout.columns[point.column].id);
  };

  /**
   * The anchor keeps the browser's focus, as the active cell does in a spreadsheet. A Shift+arrow
   * that comes while the grid is still drawing the cell it just moved to (scrolled into view) would
   * otherwise leave the focus on a cell about to be removed, then on the page, and the next Ctrl+C or arrow would not reach the grid.
   */
  const keepFocusOn = (point: GridPoint) => {
    const focused = pointOf(document.activeElement);
    if (focused?.line !== point.line || focused.column !== point.column) gridApi.current?.setFocusedCell(point.line, layout.columns[point.column].id);
  };

  const rawText = (line: number, column: number) => {
    const api = gridApi.current;
    const rowNode = api?.getDisplayedRowAtIndex(line);
    const value = rowNode ? api!.getCellValue({ rowNode, colKey: layout.columns[column].id }) : null;
    return value == null ? '' : String(value);
  };

  /** The focused cell as the grid reports it now (the pinned 栏次 line is not selectable). */
  const focusedPoint = (): GridPoint | null => {
    const focused = gridApi.current?.getFocusedCell();
    const column = focused && !focused.rowPinned ? columnIndex.get(focused.column.getColId()) : undefined;
    return focused && column !== undefined ? { line: focused.rowIndex, column } : null;
  };

  /**
   * Brings the selection up to the grid's focus: moving the focus without Shift starts a new
   * selection at the focused cell. The grid delivers its cellFocused event a task after the focus
   * moved, and a key pressed quickly (while the grid scrolls a column into view) comes before it,
   * so every key, copy and paste first asks the grid where the focus is instead of trusting the
   * last event; a late event then finds nothing new.
   */
  const followFocus = () => {
    const point = focusedPoint();
    const seen = seenFocus.current;
    if (!point || (seen?.line === point.line && seen.column === point.column)) return;
    seenFocus.current = point;
    const current = range.current;
    const at = (corner: GridPoint | undefined) => corner?.line === point.line && corner.column === point.column;
    if (dragging.current && current?.isBlock()) return;
    if (current && !current.isBlock() && at(current.head)) return;
    // A Shift+click extends the range before the grid focuses the clicked cell: a block keeps its corners.
    if (current?.isBlock() && (at(current.anchor) || at(current.head))) return;
    select(new CellRange(point));
  };

  /** The selection, or the focused cell alone when nothing was selected yet. */
  const currentRange = () => {
    followFocus();
    return range.current;
  };

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!inGridCell(event.target) || editing()) return;
    const current = currentRange();
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (event.shiftKey && !ctrl && event.key.startsWith('Arrow') && current) {
      select(current.step(event.key, layout.lines.length, layout.columns.length));
      reveal(range.current!.head);
      keepFocusOn(range.current!.anchor);
    } else if (ctrl && !event.shiftKey && key === 'a') {
      select(CellRange.all(layout.lines.length, layout.columns.length));
    } else if (ctrl && !event.shiftKey && key === 'd' && current) {
      const edits = fillDown(def, layout, model(), current.bounds());
      apply(edits, edits.length ? `已向下填充 ${edits.length} 个单元格` : '选中区域中没有可向下填充的录入单元格');
    } else if (event.key === 'Delete' && current?.isBlock()) {
      const edits = clearRange(def, layout, model(), current.bounds());
      apply(edits, edits.length ? `已清空 ${edits.length} 个单元格` : '选中区域中没有可清空的录入单元格');
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (!inGridCell(event.target) || editing()) return;
    const current = currentRange();
    if (!current) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', toTsv(rangeRows(current.bounds(), rawText)));
  };

  const onMouseDownCapture = (event: MouseEvent<HTMLDivElement>) => {
    const point = event.button === 0 ? pointOf(event.target) : null;
    if (!point) return;
    if (event.shiftKey && range.current) {
      // Keep the active cell where the selection started, as the spreadsheet does.
      event.preventDefault();
      event.stopPropagation();
      select(range.current.extendTo(point));
      return;
    }
    select(new CellRange(point));
    dragging.current = true;
    window.addEventListener('mouseup', () => (dragging.current = false), { once: true });
  };

  /** The click after a Shift+mousedown must not reach the grid either: it would move the focus and collapse the range. */
  const onClickCapture = (event: MouseEvent<HTMLDivElement>) => {
    if (event.shiftKey && pointOf(event.target)) event.stopPropagation();
  };

  const onMouseOver = (event: MouseEvent<HTMLDivElement>) => {
    if (!dragging.current || !range.current) return;
    const point = pointOf(event.target);
    if (point && (point.line !== range.current.head.line || point.column !== range.current.head.column)) select(range.current.extendTo(point));
  };

  const cellClassRules = useMemo(
    () => ({
      'cell-in-range': (params: CellClassParams<LineData>) => {
        const current = range.current;
        const column = columnIndex.get(params.column.getColId());
        return !!current?.isBlock() && !params.node.rowPinned && params.node.rowIndex != null && column !== undefined && current.contains(params.node.rowIndex, column);
      },
    }),
    [columnIndex],
  );

  return {
    /** The selected rectangle when more than one cell is selected. */
    block: () => (currentRange()?.isBlock() ? range.current!.bounds() : null),
    hostHandlers: { onKeyDownCapture, onMouseDownCapture, onClickCapture, onMouseOver, onCopy },
    /** The grid's (late) report that the focus moved. */
    onCellFocused: followFocus,
    cellClassRules,
  };
}

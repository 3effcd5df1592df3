import { useMemo, useRef, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type MutableRefObject } from 'react';
import type { CellClassParams, GridApi } from 'ag-grid-community';
import type { PrintedLayout, TableDef, YearModel } from '../../../shared/tables';
import type { CellEdit } from '../../../shared/contract';
import { rangeRows, toTsv } from './copy-out';
import { clearRange, fillDown } from './fill';
import { CellRange, type Bounds, type GridPoint } from './selection';
import type { LineData } from './column-defs';

interface RangeOptions {
  def: TableDef;
  layout: PrintedLayout;
  gridApi: MutableRefObject<GridApi<LineData> | null>;
  model: () => YearModel;
  /** Applies edits as one undo step and tells the clerk what happened. */
  apply(edits: CellEdit[], done: string): void;
  /** The selected block after it changed, or null when it is back to one cell (the status line sums it). */
  onBlock(bounds: Bounds | null): void;
}

/**
 * Range selection for the grid (ag-grid Community has none): Shift+arrows, Shift+click and
 * dragging select a rectangle, Ctrl+A the table; Ctrl+C copies it as TSV with raw values,
 * Ctrl+X copies it and clears its input cells, Delete clears them and Ctrl+D fills down, each as
 * one undo step. Home/End and Ctrl+Home/Ctrl+End move as in Excel (the grid's own Home/End jump
 * to the table's corners, and its Ctrl+Home/Ctrl+End do nothing).
 */
export function useRangeSelection({ def, layout, gridApi, model, apply, onBlock }: RangeOptions) {
  const range = useRef<CellRange | null>(null);
  const dragging = useRef(false);
  /** The focused cell the selection last followed. */
  const seenFocus = useRef<GridPoint | null>(null);
  const columnIndex = useMemo(() => new Map(layout.columns.map((column, i) => [column.id, i])), [layout]);

  const redraw = () => gridApi.current?.refreshCells();
  const select = (next: CellRange | null) => {
    const had = range.current?.isBlock() ?? false;
    range.current = next;
    if (!had && !next?.isBlock()) return;
    redraw();
    onBlock(next?.isBlock() ? next.bounds() : null);
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
    } else if ((event.key === 'Home' || event.key === 'End') && !event.altKey && current) {
      const target = rowEdge(event.key, ctrl, current.head);
      select(event.shiftKey ? current.extendTo(target) : new CellRange(target));
      reveal(target);
      keepFocusOn(event.shiftKey ? range.current!.anchor : target);
    } else if (event.key === 'Delete' && current?.isBlock()) {
      const edits = clearRange(def, layout, model(), current.bounds());
      apply(edits, edits.length ? `已清空 ${edits.length} 个单元格` : '选中区域中没有可清空的录入单元格');
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  /**
   * Home: the first column of the line, End: its last; with Ctrl the table's first or last line.
   * Excel's End is a mode key (End, then an arrow); alone it does nothing visible there, so End
   * goes where WPS and web spreadsheets take it.
   */
  const rowEdge = (key: 'Home' | 'End', ctrl: boolean, from: GridPoint): GridPoint => {
    const home = key === 'Home';
    return { line: ctrl ? (home ? 0 : layout.lines.length - 1) : from.line, column: home ? 0 : layout.columns.length - 1 };
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (!inGridCell(event.target) || editing()) return;
    const current = currentRange();
    if (!current) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', toTsv(rangeRows(current.bounds(), rawText)));
  };

  /** Ctrl+X: copied as Ctrl+C copies, then its input cells emptied (one undo step), so pasting elsewhere moves the figures. */
  const onCut = (event: ClipboardEvent<HTMLDivElement>) => {
    if (!inGridCell(event.target) || editing()) return;
    const current = currentRange();
    if (!current) return;
    onCopy(event);
    const edits = clearRange(def, layout, model(), current.bounds());
    apply(edits, edits.length ? `已剪切 ${edits.length} 个单元格:已复制到剪贴板并清空,可在别处按 Ctrl+V 粘贴(Ctrl+Z 恢复)` : '已复制;选中的单元格中没有可清空的录入数(计算、链接单元格和空白单元格只复制)');
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
    hostHandlers: { onKeyDownCapture, onMouseDownCapture, onClickCapture, onMouseOver, onCopy, onCut },
    /** The grid's (late) report that the focus moved. */
    onCellFocused: followFocus,
    cellClassRules,
  };
}

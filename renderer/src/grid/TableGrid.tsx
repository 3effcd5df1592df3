import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { ModuleRegistry, themeQuartz, type CellFocusedEvent, type GetRowIdParams, type GridApi, type RowClassParams } from 'ag-grid-community';
import { printedLayout, type ResolvedRow, type TableDef } from '../../../shared/tables';
import { GridStatus, noTypableCellHint, notAmountCellHint, readOnlyHint, type ReadOnlyHint } from './GridStatus';
import { switchEnded, useTypeToEdit, type CellRole } from './type-to-edit';
import { useYearStore } from '../stores/use-year-store';
import { parseClipboard } from './clipboard';
import { CodeRowBar } from './CodeRowBar';
import { buildColumnDefs, type CellAddress, type LineData } from './column-defs';
import { nameCustomCodes, pasteReport, planPaste } from './paste';
import { marksOf } from '../stores/findings';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { useRangeSelection } from './use-range';
import { firstInputCell, tileToRange } from './fill';
import type { Bounds } from './selection';
import { WRAP_LABELS_UP_TO, scrollsSideways, sizeAndFreeze } from './widths';
import { withLastYear } from './last-year-columns';
import { useLastYearShown } from '../features/last-year/use-last-year';
import { useLiveCells } from './live-cells';
import { measuredWidths } from './measured-widths';
import { cellAmountText } from './amount-text';
import { GRID_MODULES } from './grid-modules';
import { GROUP_HEADER_HEIGHT, headerHeight } from './header-height';
import { rememberCell, rememberedCell, takeFocusWish, useFocusWish, useTableSwitchKeys } from './table-switch';
import { PlainGrid } from './PlainGrid';
import { currentReadOnlyReason, READ_ONLY_REFUSAL } from '../stores/read-only';

ModuleRegistry.registerModules(GRID_MODULES);

const theme = themeQuartz.withParams({
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 28,
  headerHeight: GROUP_HEADER_HEIGHT,
  spacing: 5,
  columnBorder: true,
  headerColumnBorder: true,
  wrapperBorderRadius: 0,
  headerBackgroundColor: '#eef2f7',
  rangeSelectionBorderColor: '#1a5fb4',
});

/** A cell as the read-only hint remembers it: the 栏次 line is pinned and numbered apart from the body's lines. */
const hintKey = (line: number | null | undefined, pinned: string | null | undefined, column: string | undefined) => `${pinned ? `${pinned}:` : ''}${line}|${column}`;

/** While a year closes, before this grid unmounts. */
const NO_ROWS: ResolvedRow[] = [];
const lineId = (params: GetRowIdParams<LineData>) => params.data.id;
/** A cell of the grid has the focus (its cells are drawn): the year's first 审核 may follow. */
const gridShown = () => useYearStore.getState().gridShown();
/** Finding marks of the open year, read by the cells' class rules when they refresh. */
const currentMarks = () => marksOf(useYearStore.getState().findings);

/**
 * One annex table as an editable grid laid out like the printed table. It renders again only when
 * its rows change (a 科目 added or removed); edits and 审核 results reach the cells through
 * useLiveCells, and every prop handed to the grid is stable, so nothing rebuilds the columns.
 * `shown`: false while it is kept built but hidden behind another table (kept-tables.ts).
 */
export const TableGrid = memo(function TableGrid({ def, shown }: { def: TableDef; shown: boolean }) {
  const model = useYearStore((state) => state.model)!;
  /** The table's resolved rows: the same array until a 科目 row is added or removed. */
  const rows = useYearStore((state) => state.model?.rows(def.id) ?? NO_ROWS);
  const editCells = useYearStore((state) => state.editCells);
  const change = useYearStore((state) => state.change);
  const showNotice = useYearStore((state) => state.showNotice);
  const [focusedRow, setFocusedRow] = useState<string | null>(null);
  const gridApi = useRef<GridApi<LineData> | null>(null);
  const modelRef = useRef(model);
  modelRef.current = model;
  const focusRequest = useYearStore((state) => state.focusRequest);
  const host = useRef<HTMLDivElement>(null);
  const [hint, setHint] = useState<ReadOnlyHint | null>(null);
  const [selected, setSelected] = useState<Bounds | null>(null);
  /** The cell the hint explains, as "line|column" (the 栏次 line pinned on top: "top:0|column"). */
  const hintFor = useRef<string | null>(null);

  const rowKeys = useMemo(() => rows.map((row) => row.key).join(','), [rows]);
  const lastYearShown = useLastYearShown(def);
  const layout = useMemo(() => withLastYear(printedLayout(def, rows), lastYearShown), [def, model, rowKeys, lastYearShown]);
  /** An editor's text for an input cell, read as a pasted one is (empty clears it, a lone dash is 0). */
  const commitEdit = useCallback((at: CellAddress, text: string) => void editCells([{ ...at, value: cellAmountText(text) }]), [editCells]);
  const baseDefs = useMemo(
    () =>
      buildColumnDefs(def, layout, () => modelRef.current, currentMarks, (code) => useYearStore.getState().codes.isCustom(code), commitEdit, () => useYearStore.getState().baseline, () => currentReadOnlyReason() !== null),
    [def, layout, commitEdit],
  );
  // The grid is created once, at its final widths and freezing: widths come from the layout and the
  // figures, and the grid waits (before the first paint) until its room's width is known.
  const [widths, setWidths] = useState(() => measuredWidths(def, layout, model));
  const body = useRef<HTMLDivElement>(null);
  const [gridWidth, setGridWidth] = useState<number | null>(null);
  useLayoutEffect(() => setGridWidth(body.current?.clientWidth ?? 0), []);
  const freeze = !!gridWidth && scrollsSideways(layout, widths, gridWidth);
  const columnDefs = useMemo(() => sizeAndFreeze(baseDefs, layout, widths, freeze), [baseDefs, layout, widths, freeze]);
  const headerRowHeight = useMemo(() => headerHeight(columnDefs), [columnDefs]);
  const range = useRangeSelection({
    def,
    layout,
    gridApi,
    model: () => modelRef.current,
    apply: (edits, done) => (refusedAsReadOnly() ? undefined : edits.length ? void change({ cells: edits }).then((ok) => ok && showNotice(done)) : showNotice(done)),
    onBlock: setSelected,
  });

  const rowData = useMemo<LineData[]>(() => layout.lines.map((keys, i) => ({ id: `L${i}`, keys })), [layout]);
  const pinnedTop = useMemo<LineData[]>(
    () => (def.colNoRow === null ? [] : [{ id: 'colno', keys: layout.lines[0]?.map(() => null) ?? [], colNoLine: true }]),
    [def, layout],
  );

  // Columns widen when a figure outgrows them, never narrow during a visit.
  const measureWidths = useLiveCells({ def, layout, gridApi, model: () => modelRef.current, setWidths, shown });
  const measuredLayout = useRef(layout);
  useEffect(() => {
    if (layout !== measuredLayout.current) measureWidths();
    measuredLayout.current = layout;
  }, [layout]);
  // A line that now shows another row (after 添加科目 or 删除科目行) takes that row's level styling and cell roles.
  useEffect(() => {
    gridApi.current?.redrawRows();
  }, [rowKeys]);

  /** A 功能分类 table before its first 科目 row: nothing in it takes typing (its 合计 sums the rows). */
  const noTypableCell = useMemo(() => def.kind === 'functional' && !firstInputCell(def, layout, modelRef.current), [def, layout]);
  const noTypableRef = useRef(noTypableCell);
  noTypableRef.current = noTypableCell;
  const roleOf = useCallback((cell: HTMLElement): CellRole => {
    // Then every cell refuses typing, saying why, as a computed cell does: a key typed into the 栏次
    // or the 科目名称 went nowhere without a word.
    if (noTypableRef.current) return 'computed';
    const role = ['input', 'computed', 'linked'].find((name) => cell.classList.contains(`cell-${name}`));
    // A year opened read-only: its input cells refuse typing as computed ones do, saying why.
    if (role === 'input' && currentReadOnlyReason()) return 'computed';
    return (role as CellRole) ?? null;
  }, []);
  /** In a year opened read-only: says why nothing changes, instead of changing it. */
  const refusedAsReadOnly = () => {
    const reason = currentReadOnlyReason();
    if (!reason) return false;
    const focused = gridApi.current?.getFocusedCell();
    hintFor.current = focused ? hintKey(focused.rowIndex, focused.rowPinned, focused.column.getColId()) : null;
    setHint({ text: READ_ONLY_REFUSAL, source: null });
    return true;
  };
  /** Text typed into a computed or linked cell: say in one line why, with a way to its source. */
  const onReadOnly = useCallback(() => {
    if (refusedAsReadOnly()) return;
    const focused = gridApi.current?.getFocusedCell();
    if (focused && def.kind === 'functional' && noTypableRef.current) {
      hintFor.current = hintKey(focused.rowIndex, focused.rowPinned, focused.column.getColId());
      return setHint(noTypableCellHint(def));
    }
    const column = focused && layout.columns.find((candidate) => candidate.id === focused.column.getColId());
    if (!focused || !column) return;
    const row = focused.rowPinned ? null : layout.lines[focused.rowIndex]?.[column.side];
    hintFor.current = hintKey(focused.rowIndex, focused.rowPinned, column.id);
    if (!row || !column.col) return setHint(notAmountCellHint(focused.rowPinned ? 'colno' : column.col ? 'blank' : column.kind));
    setHint(readOnlyHint(modelRef.current, def.id, row, column.col) ?? notAmountCellHint('blank'));
  }, [def, layout]);
  useTypeToEdit(host, gridApi, roleOf, onReadOnly, shown);
  const editorText = useCallback(() => host.current?.querySelector<HTMLInputElement>('.amount-editor-input')?.value ?? null, []);
  useTableSwitchKeys(def.id, shown, gridApi, editorText);

  /**
   * Puts the focus in the grid: on `target`, else the cell focused last (by this grid, or by the
   * one built for this table before, see rememberCell), else the first input cell; in a table with
   * none, its first amount, so keys typed on the way there are told why they go nowhere.
   */
  const focusGrid = (api: GridApi<LineData>, target?: { line: number; columnId: string } | null) => {
    const last = api.getFocusedCell();
    const firstAmount = () => ({ line: 0, columnId: layout.columns.find((column) => column.col)!.id });
    const remembered = rememberedCell(modelRef.current, def.id);
    const stillThere = remembered && remembered.line < layout.lines.length && layout.columns.some((column) => column.id === remembered.columnId) ? remembered : null;
    const cell =
      target ??
      (last && !last.rowPinned ? { line: last.rowIndex, columnId: last.column.getColId() } : (stillThere ?? firstInputCell(def, layout, modelRef.current) ?? (noTypableCell ? firstAmount() : null)));
    if (!cell) return switchEnded();
    api.ensureIndexVisible(cell.line);
    api.ensureColumnVisible(cell.columnId);
    api.setFocusedCell(cell.line, cell.columnId);
  };
  /** A 科目 row just added: its first amount cell takes the focus once the grid has the row (onRowDataUpdated). */
  const addedRow = useRef<string | null>(null);
  const focusAddedRow = (api: GridApi<LineData>) => {
    const cell = addedRow.current ? firstInputCell(def, layout, modelRef.current, addedRow.current) : null;
    if (!cell) return;
    addedRow.current = null;
    focusGrid(api, cell);
  };
  // Gone to from the side list or by Ctrl+PageDown/PageUp; a grid built for it focuses once its rows are drawn.
  useFocusWish(def.id, shown, gridApi, (api) => focusGrid(api));

  /** A click on a finding: scroll to its line and focus its cell (or the row's first cell). */
  const focusCell = (api: GridApi<LineData>) => {
    if (!focusRequest || focusRequest.table !== def.id) return;
    const line = layout.lines.findIndex((keys) => keys.includes(focusRequest.row));
    if (line < 0) return;
    const side = layout.lines[line].indexOf(focusRequest.row);
    const column =
      layout.columns.find((candidate) => candidate.side === side && candidate.col === focusRequest.col) ?? layout.columns.find((candidate) => candidate.side === side);
    if (!column) return;
    api.ensureIndexVisible(line, 'middle');
    api.ensureColumnVisible(column.id);
    api.setFocusedCell(line, column.id);
  };
  useEffect(() => {
    if (gridApi.current) focusCell(gridApi.current);
  }, [focusRequest]);

  const defaultColDef = useMemo(() => ({ wrapHeaderText: true, cellClassRules: range.cellClassRules }), [range.cellClassRules]);
  const getRowClass = useCallback(
    (params: RowClassParams<LineData>) => {
      const key = params.data?.keys[0];
      return def.kind === 'functional' && key ? `row-level-${modelRef.current.row(def.id, key)?.level ?? 0}` : undefined;
    },
    [def],
  );

  const focusedCell = () => {
    const focused = gridApi.current?.getFocusedCell();
    if (!focused || focused.rowPinned || gridApi.current?.getEditingCells().length) return null;
    return { line: focused.rowIndex, columnId: focused.column.getColId() };
  };

  /** Pastes a block copied from Excel/WPS at the focused cell, as one undo step. */
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const selected = range.block();
    const start = selected ? { line: selected.top, columnId: layout.columns[selected.left].id } : focusedCell();
    if (!start) return;
    event.preventDefault();
    if (refusedAsReadOnly()) return;
    const pasted = parseClipboard(event.clipboardData.getData('text/plain'));
    const block = selected ? tileToRange(pasted, selected) : pasted;
    const plan = planPaste(def, layout, model, start, block);
    const refused = nameCustomCodes(plan, useYearStore.getState().codes);
    if (refused) return showNotice(refused);
    if (!plan.change.cells?.length && !plan.newCodes.length) return showNotice(pasteReport(plan));
    void change(plan.change).then((ok) => ok && showNotice(pasteReport(plan)));
  };

  const onCellFocused = (event: CellFocusedEvent<LineData>) => {
    // The grid tells the same cell again when it redraws it (after a save or 审核): the hint stays for it.
    const column = typeof event.column === 'string' ? event.column : event.column?.getColId();
    if (hintFor.current !== hintKey(event.rowIndex, event.rowPinned, column)) setHint(null);
    const line = event.rowIndex == null || event.rowPinned ? null : layout.lines[event.rowIndex];
    if (line && column) rememberCell(modelRef.current, def.id, { line: event.rowIndex!, columnId: column });
    // Only the functional tables' 科目 bar shows the focused row: elsewhere moving the focus renders nothing.
    if (def.kind === 'functional') setFocusedRow(line ? (line[0] ?? null) : null);
    range.onCellFocused();
  };

  return (
    <div className="grid-host" data-table={def.id} data-active={shown || undefined} onPaste={onPaste} onFocus={gridShown} ref={host} {...range.hostHandlers}>
      {def.kind === 'functional' && <CodeRowBar def={def} focusedRow={focusedRow} codeOfLine={(index) => layout.lines[index]?.[0] ?? null} onAdded={(code) => (addedRow.current = code)} onLeave={() => gridApi.current && focusGrid(gridApi.current)} />}
      <GridStatus hint={hint} selected={selected && { def, layout, bounds: selected }} onClose={() => setHint(null)} onAddRow={() => host.current?.querySelector<HTMLInputElement>('.code-search input')?.focus()} />
      <div className="grid-body" ref={body}>
      {gridWidth !== null && (
        <PlainGrid<LineData>
          options={{
            theme,
            localeText: AG_GRID_LOCALE_CN,
            headerHeight: headerRowHeight,
            groupHeaderHeight: GROUP_HEADER_HEIGHT,
            columnDefs,
            defaultColDef,
            rowData,
            pinnedTopRowData: pinnedTop,
            getRowId: lineId,
            getRowClass,
            enterNavigatesVertically: true,
            enterNavigatesVerticallyAfterEdit: true,
            singleClickEdit: false,
            stopEditingWhenCellsLoseFocus: true,
            suppressMovableColumns: true,
            // Fixed tables have at most a few dozen lines: render them all, like the printed page.
            suppressRowVirtualisation: rowData.length <= WRAP_LABELS_UP_TO,
            suppressDragLeaveHidesColumns: true,
            tooltipShowDelay: 600,
            onGridReady: (event) => {
              gridApi.current = event.api;
              focusCell(event.api);
            },
            onCellFocused,
            onRowDataUpdated: (event) => focusAddedRow(event.api),
            // A hidden grid has no width: it keeps the freezing it has for when it is shown again.
            onGridSizeChanged: (event) => {
              if (event.clientWidth > 0) setGridWidth(event.clientWidth);
              // Shrunk under its focused cell (a unit file opened from a 汇总's 打开 ‹单位›: its 审核 panel
              // opens after the grid scrolled to the cell): keep the cell in sight.
              const focused = event.api.getFocusedCell();
              if (focused && event.clientHeight > 0) event.api.ensureIndexVisible(focused.rowIndex);
            },
            onFirstDataRendered: (event) => {
              // A year just opened (nothing has the focus): typing goes straight into the first input cell.
              if (takeFocusWish(def.id)) return focusGrid(event.api);
              const first = document.activeElement === document.body && focusRequest?.table !== def.id ? firstInputCell(def, layout, modelRef.current) : null;
              if (first) event.api.setFocusedCell(first.line, first.columnId);
            },
            onGridPreDestroyed: () => (gridApi.current = null),
          }}
        />
      )}
      </div>
    </div>
  );
});

import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellEditRequestEvent, type CellFocusedEvent, type GridApi } from 'ag-grid-community';
import { printedLayout, type TableDef } from '../../../shared/tables';
import { GridStatus, readOnlyHint, type ReadOnlyHint } from './GridStatus';
import { useTypeToEdit, type CellRole } from './type-to-edit';
import { useYearStore } from '../stores/use-year-store';
import { parseClipboard } from './clipboard';
import { CodeRowBar } from './CodeRowBar';
import { buildColumnDefs, type LineData } from './column-defs';
import { pasteReport, planPaste } from './paste';
import { findingsByCell } from '../stores/findings';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 28,
  headerHeight: 30,
  spacing: 5,
  columnBorder: true,
  headerColumnBorder: true,
  wrapperBorderRadius: 0,
  headerBackgroundColor: '#eef2f7',
  rangeSelectionBorderColor: '#1a5fb4',
});

/** One annex table as an editable grid laid out like the printed table. */
export function TableGrid({ def }: { def: TableDef }) {
  const model = useYearStore((state) => state.model)!;
  const version = useYearStore((state) => state.version);
  const editCells = useYearStore((state) => state.editCells);
  const change = useYearStore((state) => state.change);
  const undo = useYearStore((state) => state.undo);
  const redo = useYearStore((state) => state.redo);
  const showNotice = useYearStore((state) => state.showNotice);
  const [focusedRow, setFocusedRow] = useState<string | null>(null);
  const gridApi = useRef<GridApi<LineData> | null>(null);
  const modelRef = useRef(model);
  modelRef.current = model;
  const findings = useYearStore((state) => state.findings);
  const marksRef = useRef(findingsByCell(findings));
  marksRef.current = useMemo(() => findingsByCell(findings), [findings]);
  const focusRequest = useYearStore((state) => state.focusRequest);
  const host = useRef<HTMLDivElement>(null);
  const [hint, setHint] = useState<ReadOnlyHint | null>(null);

  const rowKeys = model.rows(def.id).map((row) => row.key).join(',');
  const layout = useMemo(() => printedLayout(def, model.rows(def.id)), [def, model, rowKeys]);
  const columnDefs = useMemo(() => buildColumnDefs(def, layout, () => modelRef.current, () => marksRef.current, (code) => useYearStore.getState().codes.isCustom(code)), [def, layout]);
  const rowData = useMemo<LineData[]>(() => layout.lines.map((keys, i) => ({ id: `L${i}`, keys })), [layout]);
  const pinnedTop = useMemo<LineData[]>(
    () => (def.colNoRow === null ? [] : [{ id: 'colno', keys: layout.lines[0]?.map(() => null) ?? [], colNoLine: true }]),
    [def, layout],
  );

  useEffect(() => {
    gridApi.current?.refreshCells({ force: true });
  }, [version, findings]);
  // A line that now shows another row (after 添加科目 or 删除科目行) takes that row's level styling and cell roles.
  useEffect(() => {
    gridApi.current?.redrawRows();
  }, [rowKeys]);

  const roleOf = useCallback((cell: HTMLElement): CellRole => {
    const role = ['input', 'computed', 'linked'].find((name) => cell.classList.contains(`cell-${name}`));
    return (role as CellRole) ?? null;
  }, []);
  /** Text typed into a computed or linked cell: say in one line why, with a way to its source. */
  const onReadOnly = useCallback(() => {
    const focused = gridApi.current?.getFocusedCell();
    const column = focused && layout.columns.find((candidate) => candidate.id === focused.column.getColId());
    const row = focused && column ? layout.lines[focused.rowIndex]?.[column.side] : null;
    if (row && column?.col) setHint(readOnlyHint(modelRef.current, def.id, row, column.col));
  }, [def, layout]);
  useTypeToEdit(host, gridApi, roleOf, onReadOnly);

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

  const onCellEditRequest = (event: CellEditRequestEvent<LineData>) => {
    const colId = event.column.getColId();
    const column = layout.columns.find((candidate) => candidate.id === colId);
    const key = column && event.data.keys[column.side];
    if (!column?.col || !key) return;
    const text = event.newValue == null ? '' : String(event.newValue).trim();
    void editCells([{ table: def.id, row: key, col: column.col, value: text === '' ? null : text }]);
  };

  const focusedCell = () => {
    const focused = gridApi.current?.getFocusedCell();
    if (!focused || focused.rowPinned || gridApi.current?.getEditingCells().length) return null;
    return { line: focused.rowIndex, columnId: focused.column.getColId() };
  };

  /** Ctrl+Z / Ctrl+Y undo and redo the session's changes, saved ones included. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.ctrlKey || event.metaKey) || gridApi.current?.getEditingCells().length) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) void undo();
    else if (key === 'y' || (key === 'z' && event.shiftKey)) void redo();
    else return;
    event.preventDefault();
  };

  /** Pastes a block copied from Excel/WPS at the focused cell, as one undo step. */
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const start = focusedCell();
    if (!start) return;
    event.preventDefault();
    const block = parseClipboard(event.clipboardData.getData('text/plain'));
    const plan = planPaste(def, layout, model, start, block);
    const codes = useYearStore.getState().codes;
    const unknown = plan.newCodes.filter((code) => !codes.name(code));
    if (unknown.length) {
      showNotice(`科目表中没有 ${unknown.join('、')},请先用“添加科目”作为自定义科目添加后再粘贴`);
      return;
    }
    if (!plan.change.cells?.length && !plan.newCodes.length) return showNotice(pasteReport(plan));
    void change(plan.change).then((ok) => ok && showNotice(pasteReport(plan)));
  };

  const onCellFocused = (event: CellFocusedEvent<LineData>) => {
    setHint(null);
    const line = event.rowIndex == null || event.rowPinned ? null : layout.lines[event.rowIndex];
    setFocusedRow(line ? (line[0] ?? null) : null);
  };

  return (
    <div className="grid-host" data-table={def.id} onKeyDown={onKeyDown} onPaste={onPaste} ref={host}>
      {def.kind === 'functional' && <CodeRowBar def={def} focusedRow={focusedRow} />}
      <GridStatus hint={hint} onClose={() => setHint(null)} />
      <div className="grid-body">
      <AgGridReact<LineData>
        theme={theme}
        localeText={AG_GRID_LOCALE_CN}
        columnDefs={columnDefs}
        defaultColDef={{ wrapHeaderText: true, autoHeaderHeight: true }}
        rowData={rowData}
        pinnedTopRowData={pinnedTop}
        getRowId={(params) => params.data.id}
        getRowClass={(params) => {
          const key = params.data?.keys[0];
          return def.kind === 'functional' && key ? `row-level-${modelRef.current.row(def.id, key)?.level ?? 0}` : undefined;
        }}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        suppressMovableColumns
        alwaysShowVerticalScroll
        // Fixed tables have at most a few dozen lines: render them all, like the printed page.
        suppressRowVirtualisation={rowData.length < 150}
        autoSizeStrategy={{ type: 'fitGridWidth' }}
        suppressDragLeaveHidesColumns
        tooltipShowDelay={600}
        onGridReady={(event) => {
          gridApi.current = event.api;
          focusCell(event.api);
          requestAnimationFrame(() => event.api.sizeColumnsToFit());
        }}
        onCellFocused={onCellFocused}
        onGridSizeChanged={(event) => event.api.sizeColumnsToFit()}
        // Fit again once rows exist: the vertical scrollbar only appears then and takes width.
        onFirstDataRendered={(event) => requestAnimationFrame(() => event.api.sizeColumnsToFit())}
        onGridPreDestroyed={() => (gridApi.current = null)}
      />
      </div>
    </div>
  );
}

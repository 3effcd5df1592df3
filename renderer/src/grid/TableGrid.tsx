import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellEditRequestEvent, type GridApi } from 'ag-grid-community';
import { printedLayout, type TableDef } from '../../../shared/tables';
import { useYearStore } from '../stores/use-year-store';
import { buildColumnDefs, type LineData } from './column-defs';
import { GRID_LOCALE_ZH } from './locale-zh';

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
  const gridApi = useRef<GridApi<LineData> | null>(null);
  const modelRef = useRef(model);
  modelRef.current = model;

  const rowKeys = model.rows(def.id).map((row) => row.key).join(',');
  const layout = useMemo(() => printedLayout(def, model.rows(def.id)), [def, model, rowKeys]);
  const columnDefs = useMemo(() => buildColumnDefs(def, layout, () => modelRef.current), [def, layout]);
  const rowData = useMemo<LineData[]>(() => layout.lines.map((keys, i) => ({ id: `L${i}`, keys })), [layout]);
  const pinnedTop = useMemo<LineData[]>(
    () => (def.colNoRow === null ? [] : [{ id: 'colno', keys: layout.lines[0]?.map(() => null) ?? [], colNoLine: true }]),
    [def, layout],
  );

  useEffect(() => {
    gridApi.current?.refreshCells();
  }, [version]);

  const onCellEditRequest = (event: CellEditRequestEvent<LineData>) => {
    const colId = event.column.getColId();
    const column = layout.columns.find((candidate) => candidate.id === colId);
    const key = column && event.data.keys[column.side];
    if (!column?.col || !key) return;
    const text = event.newValue == null ? '' : String(event.newValue).trim();
    void editCells([{ table: def.id, row: key, col: column.col, value: text === '' ? null : text }]);
  };

  return (
    <div className="grid-host" data-table={def.id}>
      <AgGridReact<LineData>
        theme={theme}
        localeText={GRID_LOCALE_ZH}
        columnDefs={columnDefs}
        rowData={rowData}
        pinnedTopRowData={pinnedTop}
        getRowId={(params) => params.data.id}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        suppressMovableColumns
        // Fixed tables have at most a few dozen lines: render them all, like the printed page.
        suppressRowVirtualisation={rowData.length < 150}
        autoSizeStrategy={{ type: 'fitGridWidth' }}
        suppressDragLeaveHidesColumns
        tooltipShowDelay={600}
        onGridReady={(event) => (gridApi.current = event.api)}
        onGridSizeChanged={(event) => event.api.sizeColumnsToFit()}
        // Fit again once rows exist: the vertical scrollbar only appears then and takes width.
        onFirstDataRendered={(event) => requestAnimationFrame(() => event.api.sizeColumnsToFit())}
        onGridPreDestroyed={() => (gridApi.current = null)}
      />
    </div>
  );
}

import type { ColDef, ColGroupDef, ValueGetterParams, ValueSetterParams, CellClassParams, CellClassRules, EditableCallbackParams, ITooltipParams, ValueFormatterParams } from 'ag-grid-community';
import { displayAmount, displayFullAmount, formatAmount } from '../../../shared/money';
import { AmountEditorComp } from './amount-editor-comp';
import { TABLES, explainRule, type LayoutColumn, type PrintedLayout, type TableDef, type YearModel } from '../../../shared/tables';
import type { ModelView } from '../../../shared/rules';
import { figuresAt, lastYearColumnDef, lastYearOf } from './last-year-columns';
import { lastYearTooltip } from './last-year-figures';

/** A grid row is one printed line: the row key shown on each side. The 栏次 line is pinned on top. */
export interface LineData {
  id: string;
  keys: (string | null)[];
  colNoLine?: boolean;
}

/** Where a grid cell points in the year: table, row key and 栏次. */
export interface CellAddress {
  table: string;
  row: string;
  col: string;
}

/**
 * Column definitions derived from the printed layout: header paths become merged column
 * groups, key columns show labels, value columns read the live model (widths and freezing: widths.ts).
 * Where last year's values were imported, hovering an amount shows its 上年数 and the change, and
 * the 上年数 columns beside the amounts read them (last-year-columns.ts).
 */
export function buildColumnDefs(
  def: TableDef,
  layout: PrintedLayout,
  model: () => YearModel,
  marks: () => Map<string, 'error' | 'warning'>,
  isCustomCode: (code: string) => boolean,
  /** The text an editor ended with, for the store (which parses, applies and saves it). */
  commit: (at: CellAddress, text: string) => void,
  baseline: () => ModelView | undefined = () => undefined,
  /** True while the year is open read-only: no cell opens an editor. */
  readOnly: () => boolean = () => false,
): (ColDef<LineData> | ColGroupDef<LineData>)[] {
  /**
   * Finding marks: on the cell itself, or on the row label for findings about a whole row. They are
   * class rules, not part of cellClass, so a plain (unforced) refresh after a 审核 moves them
   * without redrawing any cell whose value stayed the same.
   */
  const markRules = (rowOfCell: (data: LineData | undefined) => string | undefined, col: string): CellClassRules<LineData> => {
    const severity = (params: CellClassParams<LineData>) => {
      const row = rowOfCell(params.data);
      return row === undefined ? undefined : marks().get(`${def.id}|${row}|${col}`);
    };
    return { 'finding-error': (params) => severity(params) === 'error', 'finding-warning': (params) => severity(params) === 'warning' };
  };
  const rowOf = (data: LineData | undefined, column: LayoutColumn) => {
    const key = data?.keys[column.side];
    return key == null ? undefined : model().row(def.id, key);
  };

  const leaf = (column: LayoutColumn): ColDef<LineData> => {
    if (lastYearOf(column)) return lastYearColumnDef(def, column, model, baseline);
    const base: ColDef<LineData> = {
      colId: column.id,
      headerName: column.header[column.header.length - 1],
      suppressMovable: true,
      sortable: false,
      resizable: true,
    };
    if (column.kind !== 'value') {
      return {
        ...base,
        editable: false,
        cellClass: (params: CellClassParams<LineData>) => {
          const key = params.data?.keys[column.side] ?? undefined;
          const custom = column.kind === 'name' && key !== undefined && isCustomCode(key) ? ' cell-custom-code' : '';
          return `cell-key cell-${column.kind}${custom}`;
        },
        ...(column.kind === 'label' || column.kind === 'code' ? { cellClassRules: markRules((data) => data?.keys[column.side] ?? undefined, '') } : {}),
        valueGetter: (params: ValueGetterParams<LineData>) => keyCellText(def, layout, column, params.data, model()),
        tooltipValueGetter: (params: ITooltipParams<LineData>) => (column.kind === 'label' || column.kind === 'name' ? String(params.value ?? '') : undefined),
      };
    }
    const col = column.col!;
    const address = (data: LineData | undefined): CellAddress | null => {
      const row = rowOf(data, column);
      return row && !row.blank && row.rules[col] ? { table: def.id, row: row.key, col } : null;
    };
    const role = (data: LineData | undefined) => {
      if (data?.colNoLine) return 'colno';
      const at = address(data);
      return at ? model().rule(at.table, at.row, at.col)!.role : 'blank';
    };
    return {
      ...base,
      type: 'rightAligned',
      valueGetter: (params: ValueGetterParams<LineData>) => {
        if (params.data?.colNoLine) return col;
        const at = address(params.data);
        if (!at) return null;
        const value = model().value(at.table, at.row, at.col);
        return value === null && def.emptyAsZero && role(params.data) !== 'input' ? '0.00' : formatAmount(value);
      },
      valueFormatter: (params: ValueFormatterParams<LineData>) => {
        if (params.data?.colNoLine || params.value == null) return params.value ?? '';
        const at = address(params.data);
        return at ? displayAmount(model().value(at.table, at.row, at.col) ?? 0) : '';
      },
      tooltipValueGetter: (params: ITooltipParams<LineData>) => {
        const at = address(params.data as LineData | undefined);
        if (!at) return undefined;
        const rule = model().rule(at.table, at.row, at.col)!;
        const how = explainRule(TABLES, rule, at);
        const lastYear = lastYearTooltip(figuresAt(model(), baseline(), def, at.row, at.col));
        // Full precision, grouped like the cells ("1,030.00", "710.8078").
        const full = params.value == null ? null : displayFullAmount(model().value(at.table, at.row, at.col) ?? 0);
        const lines = [full, full === null ? null : how, lastYear].filter((line) => line);
        return lines.length ? lines.join('\n') : undefined;
      },
      editable: (params: EditableCallbackParams<LineData>) => role(params.data) === 'input' && !readOnly(),
      // Called within the key press that ends the edit, so the new figure and its totals reach the
      // same frame (the grid's cellEditRequest event arrives a task later). The grid's row data
      // holds no values: false tells it nothing changed there; the store's refresh redraws the cells.
      valueSetter: (params: ValueSetterParams<LineData>) => {
        const at = address(params.data);
        if (at) commit(at, params.newValue == null ? '' : String(params.newValue).trim());
        return false;
      },
      cellEditor: AmountEditorComp,
      // A popup is not clipped by the cell, so a refusal can stand beside the text.
      cellEditorPopup: true,
      cellClass: (params: CellClassParams<LineData>) => `cell-amount cell-${role(params.data)}`,
      cellClassRules: markRules((data) => address(data)?.row, col),
    };
  };

  return groupByHeader(layout.columns.map((column) => ({ column, def: leaf(column) })), 0);
}

/** The text a label, 行次 or code cell shows (the grid's value and what its column's width is measured on). */
export function keyCellText(def: TableDef, layout: PrintedLayout, column: LayoutColumn, data: LineData | undefined, model: YearModel): string {
  if (data?.colNoLine) return column === firstKeyColumn(layout, column.side) ? (def.colNoRow ?? '') : '';
  const key = data?.keys[column.side];
  const row = key == null ? undefined : model.row(def.id, key);
  if (!row) return '';
  if (column.kind === 'rowno') return row.key;
  if (column.kind === 'code') return row.code ?? (row.level === 0 ? row.label : '');
  // Total rows print their label across code and name; the name cell stays empty.
  if (column.kind === 'name' && !row.code) return '';
  return row.label;
}

function firstKeyColumn(layout: PrintedLayout, side: number): LayoutColumn {
  return layout.columns.find((column) => column.side === side)!;
}

/** Turns flat header paths into nested groups: neighbours with the same part at a depth share a group. */
function groupByHeader(items: { column: LayoutColumn; def: ColDef<LineData> }[], depth: number): (ColDef<LineData> | ColGroupDef<LineData>)[] {
  const out: (ColDef<LineData> | ColGroupDef<LineData>)[] = [];
  let i = 0;
  while (i < items.length) {
    const { column } = items[i];
    if (column.header.length <= depth + 1) {
      out.push(items[i].def);
      i++;
      continue;
    }
    const name = column.header[depth];
    let j = i + 1;
    while (j < items.length && items[j].column.header.length > depth + 1 && items[j].column.header[depth] === name) j++;
    out.push({ headerName: name, marryChildren: true, headerClass: 'header-group', children: groupByHeader(items.slice(i, j), depth + 1) });
    i = j;
  }
  return out;
}

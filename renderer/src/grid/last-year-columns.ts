/**
 * 上年数 beside each amount column: when shown, every value column of the printed layout is followed
 * by three read-only columns (上年数, 增减额, 增减率) under the same header, so the grid's widths,
 * freezing, range selection and copy-out treat them like any printed column. The layout stays the
 * one printedLayout derives from the table's declaration; this only inserts columns beside it.
 * Rows match by their key (行次, 科目代码): a row new this year shows 上年无, a row only last year
 * had is not shown (this year's rows are the lines).
 */
import type { CellClassParams, ColDef, ITooltipParams, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import type { Amount } from '../../../shared/money';
import type { ModelView } from '../../../shared/rules';
import type { LayoutColumn, PrintedLayout, TableDef, YearModel } from '../../../shared/tables';
import type { LineData } from './column-defs';
import { NO_BASE, lastYearFigures, lastYearTooltip, type LastYearFigures } from './last-year-figures';

export type LastYearShow = 'last' | 'change' | 'percent';

/** A layout column, or one of the three inserted beside a value column (no 栏次 of its own: never an input). */
export interface ShownColumn extends LayoutColumn {
  lastYear?: { col: string; show: LastYearShow };
}

const HEADERS: Record<LastYearShow, string> = { last: '上年数', change: '增减额', percent: '增减率' };
const SHOWS: LastYearShow[] = ['last', 'change', 'percent'];

/** The layout with the 上年数 columns beside each value column (the same layout when not shown). */
export function withLastYear(layout: PrintedLayout, shown: boolean): PrintedLayout {
  if (!shown) return layout;
  const columns = layout.columns.flatMap((column): ShownColumn[] => {
    if (column.kind !== 'value' || !column.col) return [column];
    const col = column.col;
    return [
      { ...column, header: [...column.header, '本年'] },
      ...SHOWS.map((show): ShownColumn => ({ id: `${column.id}-ly-${show}`, side: column.side, kind: 'value', header: [...column.header, HEADERS[show]], lastYear: { col, show } })),
    ];
  });
  return { ...layout, columns, headerDepth: layout.headerDepth + 1 };
}

export function lastYearOf(column: LayoutColumn): ShownColumn['lastYear'] {
  return (column as ShownColumn).lastYear;
}

const covered = new WeakMap<ModelView, Map<string, boolean>>();

/** Whether last year's values include this table (a baseline workbook may have carried only some tables). */
export function baselineCovers(baseline: ModelView | undefined, def: TableDef): boolean {
  if (!baseline) return false;
  let tables = covered.get(baseline);
  if (!tables) covered.set(baseline, (tables = new Map()));
  let known = tables.get(def.id);
  if (known === undefined) {
    known = baseline.rows(def.id).some((row) => def.columns.some((column) => baseline.value(def.id, row.key, column.col) !== null));
    tables.set(def.id, known);
  }
  return known;
}

/** Why the 上年数 columns cannot be shown for a table, or null when they can. */
export function lastYearUnavailable(baseline: ModelView | undefined, def: TableDef): string | null {
  if (!baseline) return '本年度文件没有上年数:新建时选择“以上年年度文件为基数”,或“导入 › 上年数据”后可对比';
  // Either the baseline workbook lacked the table or last year's file has it empty (no 政府性基金, say): not "imported" in both.
  return baselineCovers(baseline, def) ? null : '上年数据中本表没有数字,无可对比';
}

/**
 * The figures of one cell this year against last year; null where the table has no 上年数. A table
 * printed with 0.00 for empty (公开01/04表) compares empty as 0, as last year printed it.
 */
export function figuresAt(model: YearModel, baseline: ModelView | undefined, def: TableDef, row: string, col: string): LastYearFigures | null {
  if (!baseline || !baselineCovers(baseline, def)) return null;
  const empty: Amount | null = def.emptyAsZero ? 0 : null;
  return lastYearFigures(model.value(def.id, row, col) ?? empty, baseline.value(def.id, row, col) ?? empty);
}

/** Column definition of an inserted column: read-only, shaded, raw value for copying, clerk's words on hover. */
export function lastYearColumnDef(
  def: TableDef,
  column: ShownColumn,
  model: () => YearModel,
  baseline: () => ModelView | undefined,
): ColDef<LineData> {
  const { col, show } = column.lastYear!;
  const figures = (data: LineData | undefined) => {
    const key = data?.colNoLine ? null : data?.keys[column.side];
    const row = key == null ? undefined : model().row(def.id, key);
    return row && !row.blank && row.rules[col] ? figuresAt(model(), baseline(), def, row.key, col) : null;
  };
  return {
    colId: column.id,
    headerName: column.header[column.header.length - 1],
    headerClass: 'header-last-year',
    suppressMovable: true,
    sortable: false,
    resizable: true,
    editable: false,
    type: 'rightAligned',
    valueGetter: (params: ValueGetterParams<LineData>) => figures(params.data)?.raw[show] ?? '',
    valueFormatter: (params: ValueFormatterParams<LineData>) => figures(params.data)?.[show] ?? '',
    tooltipValueGetter: (params: ITooltipParams<LineData>) => lastYearTooltip(figures(params.data as LineData | undefined)) ?? undefined,
    cellClass: (params: CellClassParams<LineData>) => {
      const shown = figures(params.data);
      const down = show !== 'last' && shown?.trend === 'down' ? ' ly-down' : '';
      return `cell-amount cell-last-year${down}${shown?.[show] === NO_BASE ? ' ly-none' : ''}`;
    },
  };
}

/**
 * Every column's width from the table's layout and the year's figures, computed before the grid is
 * created: the grid is built once at its final widths instead of at the floor widths and then
 * again when its first drawn rows were measured (which also re-measured every wrapped label).
 */
import type { Amount } from '../../../shared/money';
import type { LayoutColumn, PrintedLayout, TableDef, YearModel } from '../../../shared/tables';
import { keyCellText } from './column-defs';
import { columnWidths, figureWidths, keyTextWidth } from './widths';

/** The amount a value cell of a line shows (null where the line has no such cell). */
export function amountAt(def: TableDef, layout: PrintedLayout, model: YearModel): (line: number, column: LayoutColumn) => Amount | null {
  return (line, column) => {
    const key = layout.lines[line][column.side];
    return key === null || !column.col ? null : model.value(def.id, key, column.col);
  };
}

/** Widths of the label, 行次 and code columns (from the texts they show) and of the amount columns. */
export function measuredWidths(def: TableDef, layout: PrintedLayout, model: YearModel): Map<string, number> {
  const keyColumns = layout.columns.filter((column) => column.kind !== 'value');
  const keyWidths = columnWidths(layout, (line, column) => keyCellText(def, layout, column, { id: '', keys: layout.lines[line] }, model), keyTextWidth, keyColumns);
  return new Map([...keyWidths, ...figureWidths(layout, amountAt(def, layout, model))]);
}

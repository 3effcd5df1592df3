import type { CellEdit } from '../../../shared/contract';
import { formatAmount } from '../../../shared/money';
import { codeLevel, type PrintedLayout, type TableDef, type YearModel } from '../../../shared/tables';
import type { Bounds } from './selection';

/** The year cell behind a grid position when the clerk may type into it, else null. */
export function inputCell(def: TableDef, layout: PrintedLayout, model: YearModel, line: number, columnIndex: number): { table: string; row: string; col: string } | null {
  const column = layout.columns[columnIndex];
  const key = column?.col ? layout.lines[line]?.[column.side] : null;
  if (!key || !column.col || model.rule(def.id, key, column.col)?.role !== 'input') return null;
  // Only 项 rows of a functional table take amounts; 类 and 款 rows sum them.
  if (def.kind === 'functional' && codeLevel(key) !== 3) return null;
  return { table: def.id, row: key, col: column.col };
}

/** Delete on a range: every input cell in it emptied, as one change. */
export function clearRange(def: TableDef, layout: PrintedLayout, model: YearModel, bounds: Bounds): CellEdit[] {
  const edits: CellEdit[] = [];
  for (let line = bounds.top; line <= bounds.bottom; line++) {
    for (let column = bounds.left; column <= bounds.right; column++) {
      const cell = inputCell(def, layout, model, line, column);
      if (cell && model.value(cell.table, cell.row, cell.col) !== null) edits.push({ ...cell, value: null });
    }
  }
  return edits;
}

/**
 * Ctrl+D: each column's top value copied into the input cells below it in the range. With a
 * single line selected, the line above is the source, as in Excel.
 */
export function fillDown(def: TableDef, layout: PrintedLayout, model: YearModel, bounds: Bounds): CellEdit[] {
  const source = bounds.top === bounds.bottom ? bounds.top - 1 : bounds.top;
  if (source < 0) return [];
  const edits: CellEdit[] = [];
  for (let column = bounds.left; column <= bounds.right; column++) {
    const layoutColumn = layout.columns[column];
    const sourceKey = layoutColumn.col ? layout.lines[source]?.[layoutColumn.side] : null;
    if (!sourceKey || !layoutColumn.col || !model.rule(def.id, sourceKey, layoutColumn.col)) continue;
    const value = formatAmount(model.value(def.id, sourceKey, layoutColumn.col));
    for (let line = source + 1; line <= bounds.bottom; line++) {
      const cell = inputCell(def, layout, model, line, column);
      if (cell) edits.push({ ...cell, value });
    }
  }
  return edits;
}

/**
 * Paste into a selected range, as Excel does: a block that fits a whole number of times into
 * the range is repeated to fill it (one value fills every cell); otherwise it is pasted once.
 */
export function tileToRange(block: string[][], bounds: Bounds): string[][] {
  const height = bounds.bottom - bounds.top + 1;
  const width = bounds.right - bounds.left + 1;
  const blockWidth = Math.max(0, ...block.map((row) => row.length));
  if (!block.length || !blockWidth || height % block.length || width % blockWidth || (height === block.length && width === blockWidth)) return block;
  return Array.from({ length: height }, (_, line) => Array.from({ length: width }, (_, column) => block[line % block.length][column % blockWidth] ?? ''));
}

/** The first cell the clerk types into, reading the table line by line (only the line of `row` when given). */
export function firstInputCell(def: TableDef, layout: PrintedLayout, model: YearModel, row?: string): { line: number; columnId: string } | null {
  for (let line = 0; line < layout.lines.length; line++) {
    if (row !== undefined && !layout.lines[line].includes(row)) continue;
    for (let column = 0; column < layout.columns.length; column++) if (inputCell(def, layout, model, line, column)) return { line, columnId: layout.columns[column].id };
  }
  return null;
}

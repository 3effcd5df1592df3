import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { displayAmount, type Amount } from '../../../shared/money';
import type { LayoutColumn, PrintedLayout } from '../../../shared/tables';

/**
 * Column widths from the declaration (the column's kind sets a floor) and the content (the widest
 * text the column shows), so a table looks the same on every visit and no figure is ever cut.
 * The grid never stretches or squeezes columns to the window: a wide table scrolls sideways
 * with its label columns frozen, like the clerk's spreadsheet.
 */
const FLOOR: Record<LayoutColumn['kind'], number> = { label: 200, rowno: 48, code: 80, name: 200, value: 100 };
/** Long labels wrap inside this width instead of pushing the amounts off screen. */
const LABEL_CAP = 340;
/** Cell padding on both sides, the column border, and room for a finding outline. */
const PADDING = 26;
/** The deepest 科目 indent (styles.css: .row-level-3 .cell-name). */
const INDENT = 34;
/** The grid's font (size and families), as the theme in TableGrid.tsx draws it. */
export const GRID_FONT = '13px "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

let context: CanvasRenderingContext2D | null = null;

/** Pixel width of a text as the grid draws it (bold, the widest cell style). */
export function textWidth(text: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 13;
  context.font = `600 ${GRID_FONT}`;
  return context.measureText(text).width;
}

/** Labels, 行次 and codes measured so far: they recur on every visit of a table and across tables (amounts are not kept: they change with every edit). */
const keyTexts = new Map<string, number>();

/** textWidth of a label, 行次 or code, measured once. */
export function keyTextWidth(text: string): number {
  let width = keyTexts.get(text);
  if (width === undefined) keyTexts.set(text, (width = textWidth(text)));
  return width;
}

export function isLabelKind(kind: LayoutColumn['kind']): boolean {
  return kind === 'label' || kind === 'name';
}

/** The width of each layout column, given the text each of its cells shows. */
export function columnWidths(
  layout: PrintedLayout,
  shownText: (line: number, column: LayoutColumn) => string,
  measure = textWidth,
  columns: readonly LayoutColumn[] = layout.columns,
): Map<string, number> {
  const widths = new Map<string, number>();
  for (const column of columns) {
    let widest = 0;
    for (let line = 0; line < layout.lines.length; line++) {
      widest = Math.max(widest, measure(shownText(line, column)));
      // A label column at its cap is as wide as it gets: its other texts need not be measured.
      if (isLabelKind(column.kind) && widthFor(column, widest) >= LABEL_CAP) break;
    }
    widths.set(column.id, widthFor(column, widest));
  }
  return widths;
}

/** The width a column needs for its widest text: within its kind's floor, labels within their cap. */
function widthFor(column: LayoutColumn, widest: number): number {
  const needed = Math.ceil(widest) + PADDING + (column.kind === 'name' ? INDENT : 0);
  const width = Math.max(FLOOR[column.kind], needed);
  return isLabelKind(column.kind) ? Math.min(width, LABEL_CAP) : width;
}

/** Whether the table is wider than the grid, so the amounts scroll sideways under frozen labels. */
export function scrollsSideways(layout: PrintedLayout, widths: Map<string, number>, gridWidth: number): boolean {
  return layout.columns.reduce((sum, column) => sum + (widths.get(column.id) ?? FLOOR[column.kind]), 0) > gridWidth;
}

/**
 * Up to this many lines a table's labels wrap and each row grows to fit them (the grid measures
 * every row it draws). Beyond it, on a long functional table, that measuring made scrolling stall
 * (a forced layout per row drawn); there a name wider than its cap ends in "…" and shows whole in
 * its tooltip.
 */
export const WRAP_LABELS_UP_TO = 150;

/**
 * Applies widths and freezing to the column definitions: when the table scrolls sideways, the
 * key columns of the first side (项目, 行次, 科目代码, 科目名称) are pinned left; labels wider
 * than their cap wrap (up to WRAP_LABELS_UP_TO lines). Only a label column held at its cap can
 * hold a label that wraps (the others were measured wide enough for their widest label, in the
 * bold weight, which is never narrower than the one drawn): only there do rows grow to fit, because
 * the grid measures each such cell's height in the page, a forced layout per cell, which was the
 * largest single cost of drawing a table.
 */
export function sizeAndFreeze<T>(defs: (ColDef<T> | ColGroupDef<T>)[], layout: PrintedLayout, widths: Map<string, number>, freeze: boolean): (ColDef<T> | ColGroupDef<T>)[] {
  const byId = new Map(layout.columns.map((column) => [column.id, column]));
  const wrap = layout.lines.length <= WRAP_LABELS_UP_TO;
  return defs.map((def) => {
    if ('children' in def) return { ...def, children: sizeAndFreeze(def.children, layout, widths, freeze) };
    const column = byId.get(def.colId ?? '');
    if (!column) return def;
    const width = widths.get(column.id) ?? FLOOR[column.kind];
    return {
      ...def,
      width,
      minWidth: Math.min(width, FLOOR[column.kind]),
      pinned: freeze && column.side === 0 && column.kind !== 'value' ? 'left' : null,
      lockPinned: true,
      ...(isLabelKind(column.kind) && wrap && width >= LABEL_CAP ? { wrapText: true, autoHeight: true } : {}),
    };
  });
}

/**
 * Widths of the amount columns. A column's widest figure is its largest or its most negative
 * amount (a figure's text only lengthens with its size), so two texts are measured per column
 * however many lines the table has: this runs after every change.
 */
export function figureWidths(layout: PrintedLayout, amountAt: (line: number, column: LayoutColumn) => Amount | null, measure = textWidth): Map<string, number> {
  const widths = new Map<string, number>();
  for (const column of layout.columns) {
    if (column.kind !== 'value') continue;
    let high = 0;
    let low = 0;
    for (let line = 0; line < layout.lines.length; line++) {
      const amount = amountAt(line, column);
      if (amount !== null && amount > high) high = amount;
      else if (amount !== null && amount < low) low = amount;
    }
    widths.set(column.id, widthFor(column, Math.max(measure(displayAmount(high)), measure(displayAmount(low)))));
  }
  return widths;
}

/** The old widths where they suffice, wider ones where content outgrew them; the same map when nothing grew. */
export function grownWidths(old: Map<string, number>, needed: Map<string, number>): Map<string, number> {
  if ([...needed].every(([id, width]) => (old.get(id) ?? 0) >= width)) return old;
  return new Map([...needed].map(([id, width]) => [id, Math.max(width, old.get(id) ?? 0)]));
}

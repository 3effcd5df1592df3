import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { GRID_FONT } from './widths';

/**
 * The height of the grid's column header row, known before the grid is created. ag-grid's own
 * autoHeaderHeight laid every header cell out in the page and measured it, again after each width
 * change: the largest cost of a table switch. Here each header text is measured once per width it
 * is drawn at, as ag-grid draws it (bold, wrapping inside the column less its padding), all in one
 * off-screen element; the heights are remembered, so a table visited again measures nothing.
 *
 * Only column headers wrap (wrapHeaderText); group headers are one line and keep the theme's height.
 */
export const GROUP_HEADER_HEIGHT = 30;
/** .ag-header-cell: 10px padding on either side of the text. */
const TEXT_INSET = 20;
/** .ag-header-cell-label: 5px above and below the text, and the header row's 1px border. */
const TEXT_FRAME = 11;

/** `${width}|${text}` → the text's height in px. */
const measured = new Map<string, number>();

interface HeaderText {
  text: string;
  /** Width of the column the text wraps in. */
  width: number;
}

function headerTexts<T>(defs: (ColDef<T> | ColGroupDef<T>)[]): HeaderText[] {
  return defs.flatMap((def) => ('children' in def ? headerTexts(def.children) : def.headerName && def.width ? [{ text: def.headerName, width: def.width }] : []));
}

const keyOf = (header: HeaderText) => `${header.width}|${header.text}`;

/** Lays out the texts not measured yet side by side off screen and reads their heights in one layout. */
function measure(headers: HeaderText[]): void {
  const box = document.createElement('div');
  box.style.cssText = `position:absolute;left:-10000px;top:0;visibility:hidden;font:600 ${GRID_FONT};line-height:normal`;
  const texts = headers.map((header) => {
    const text = document.createElement('div');
    text.style.cssText = `width:${Math.max(0, header.width - TEXT_INSET)}px;white-space:normal;overflow-wrap:break-word`;
    text.textContent = header.text;
    return box.appendChild(text);
  });
  document.body.appendChild(box);
  headers.forEach((header, i) => measured.set(keyOf(header), texts[i].offsetHeight));
  box.remove();
}

/** The column header row's height for these (sized) column definitions: its tallest wrapped text, at least one group row's height. */
export function headerHeight<T>(defs: (ColDef<T> | ColGroupDef<T>)[]): number {
  const headers = headerTexts(defs);
  const unknown = headers.filter((header) => !measured.has(keyOf(header)));
  if (unknown.length) measure(unknown);
  return Math.max(GROUP_HEADER_HEIGHT, ...headers.map((header) => measured.get(keyOf(header))! + TEXT_FRAME));
}

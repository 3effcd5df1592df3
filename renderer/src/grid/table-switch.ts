/**
 * Going to a table puts the focus in its grid, as clicking a sheet tab in Excel lets the clerk type
 * into the sheet at once: on the cell last focused there, else on its first input cell. Keys typed
 * before the grid has the focus (it may still be being built) wait for that cell (type-to-edit.ts).
 * Two ways go there: a choice in the side list (click, Enter or Space), and Ctrl+PageDown /
 * Ctrl+PageUp, the next / previous table of the side list as Excel goes to the next / previous
 * sheet (no wrapping: the first and last tables stay put). For these, an amount being typed is
 * committed first, as Excel does; text that is not an amount keeps the editor open with its reason
 * (AmountEditor refuses the key like Enter) and the table stays.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import { templateTables } from '../../../shared/tables';
import { useYearStore } from '../stores/use-year-store';
import { problemWith } from './hold-refused';
import { dropUnclaimed, peekPending, switchStarted } from './type-to-edit';

export const TABLE_SWITCH_HINT = 'Ctrl+PageDown 下一张表,Ctrl+PageUp 上一张表';

/** +1 for Ctrl+PageDown, −1 for Ctrl+PageUp, 0 for any other key. */
export function tableSwitchStep(event: KeyboardEvent): number {
  if (!event.ctrlKey || event.altKey || event.shiftKey || event.metaKey) return 0;
  return event.key === 'PageDown' ? 1 : event.key === 'PageUp' ? -1 : 0;
}

/** The table a grid is to focus once shown, set by the switch and taken by that table's grid. */
let focusWanted: string | null = null;

/** True once for the table the switch went to: its grid then takes the focus. */
export function takeFocusWish(table: string): boolean {
  if (focusWanted !== table) return false;
  focusWanted = null;
  return true;
}

type Cell = { line: number; columnId: string };
/** Per year (its model), the cell last focused in each table: a grid built again (no longer kept) goes back to it. */
const lastCells = new WeakMap<object, Map<string, Cell>>();

export function rememberCell(year: object, table: string, cell: Cell): void {
  if (!lastCells.has(year)) lastCells.set(year, new Map());
  lastCells.get(year)!.set(table, cell);
}

export function rememberedCell(year: object, table: string): Cell | null {
  return lastCells.get(year)?.get(table) ?? null;
}

/** The shown grid's offer to take the focus: it is shown already when its own table is chosen again. */
const focusOffers = new Set<() => void>();

/** Shows `table` with the focus in its grid; keys typed meanwhile wait for its cell. */
export function goToTable(table: string): void {
  focusWanted = table;
  switchStarted();
  useYearStore.getState().selectTable(table);
  for (const offer of focusOffers) offer();
}

/**
 * While `shown`, this grid takes the focus wished for its table: at once when shown again (a kept
 * grid, kept-tables.ts), or when its table is chosen while shown. A grid still being built takes it
 * once its rows are drawn (TableGrid's onFirstDataRendered).
 */
export function useFocusWish(table: string, shown: boolean, gridApi: RefObject<GridApi | null>, focus: (api: GridApi) => void): void {
  const focusNow = useRef(focus);
  focusNow.current = focus;
  useEffect(() => {
    if (!shown) return;
    const offer = () => {
      if (gridApi.current && takeFocusWish(table)) focusNow.current(gridApi.current);
    };
    offer();
    focusOffers.add(offer);
    return () => void focusOffers.delete(offer);
  }, [table, shown]);
}

/** While `shown`, the switch keys of this grid's table; `editorText` reads the open amount editor, if any. */
export function useTableSwitchKeys(table: string, shown: boolean, gridApi: RefObject<GridApi | null>, editorText: () => string | null): void {
  useEffect(() => {
    if (!shown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const step = tableSwitchStep(event);
      if (!step) return;
      const { info } = useYearStore.getState();
      if (!info) return;
      // Typed on the way to a table that has not taken the focus yet: the switch goes on.
      dropUnclaimed();
      if (peekPending()) {
        // Typed so fast that the editor is still on its way with the text: the key again once it holds it.
        event.preventDefault();
        event.stopPropagation();
        const key = { key: event.key, ctrlKey: true, bubbles: true, cancelable: true };
        // A second at most: an editor that never came (the grid closed meanwhile) ends the wait.
        let frames = 60;
        const again = () => (peekPending() ? frames-- > 0 && requestAnimationFrame(again) : document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', key)));
        requestAnimationFrame(again);
        return;
      }
      const text = editorText();
      // Left to the editor, which shows why the text is not an amount and keeps it.
      if (text !== null && problemWith(text)) return;
      // Before the grid (its PageDown moves a page) and the browser (its tab switch) see the key.
      event.preventDefault();
      event.stopPropagation();
      const tables = templateTables(info.template);
      const next = tables[tables.findIndex((def) => def.id === table) + step];
      if (!next) return;
      gridApi.current?.stopEditing();
      goToTable(next.id);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [table, shown]);
}

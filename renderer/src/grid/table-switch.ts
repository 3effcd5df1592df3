/**
 * Ctrl+PageDown / Ctrl+PageUp go to the next / previous table of the side list, as Excel goes to
 * the next / previous sheet (no wrapping: the first and last tables stay put). An amount being
 * typed is committed first, as Excel does; text that is not an amount keeps the editor open with
 * its reason (AmountEditor refuses the key like Enter) and the table stays. The focus lands in the
 * new table's grid: on the cell last focused there when the table was kept built (kept-tables.ts),
 * else on its first input cell.
 */
import { useEffect, type RefObject } from 'react';
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

/** While `shown`, the switch keys of this grid's table; `editorText` reads the open amount editor, if any. */
export function useTableSwitchKeys(table: string, shown: boolean, gridApi: RefObject<GridApi | null>, editorText: () => string | null): void {
  useEffect(() => {
    if (!shown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const step = tableSwitchStep(event);
      if (!step) return;
      const { info, selectTable } = useYearStore.getState();
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
      focusWanted = next.id;
      switchStarted();
      selectTable(next.id);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [table, shown]);
}

/**
 * Typing into a selected cell starts its editor with everything typed, as in Excel:
 *
 * - Keys typed between the first key and the moment the editor has the focus are kept in a
 *   buffer (the editor mounts asynchronously; without the buffer they were lost, and "1234.5"
 *   could land as "0.50").
 * - Text that arrives without a key of its own (full-width digits, an input method's committed
 *   composition, `insertText`) needs an editable target: a focused value cell is made
 *   contenteditable, every edit of its own DOM is refused, and the text goes to the editor.
 * - Typing into a computed or linked cell says why it cannot be typed into (`onReadOnly`).
 */
import { useEffect, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';

export type CellRole = 'input' | 'computed' | 'linked' | 'blank' | 'colno' | null;

interface Pending {
  text: string;
  /** Enter or Tab typed before the editor was there: it commits as soon as it is. */
  commit: 'Enter' | 'Tab' | 'ShiftTab' | null;
}

let pending: Pending | null = null;

/** The text typed so far for the editor being opened, while it is still being typed. */
export function peekPending(): Pending | null {
  return pending;
}

/** Everything typed for the editor being opened, taken once by the editor as soon as it has the focus. */
export function takePending(): Pending | null {
  const taken = pending;
  pending = null;
  return taken;
}

const printable = (event: KeyboardEvent) => event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;

function cellOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof HTMLElement && target.classList.contains('ag-cell') ? target : null;
}

/**
 * Installs the listeners on the grid's host element. `roleOf` tells the role of a focused value
 * cell element; `onReadOnly` is told when text is typed into a computed or linked cell.
 */
export function useTypeToEdit(host: RefObject<HTMLElement | null>, api: RefObject<GridApi | null>, roleOf: (cell: HTMLElement) => CellRole, onReadOnly: () => void): void {
  useEffect(() => {
    const element = host.current;
    if (!element) return;

    /** Opens the focused input cell's editor with `text`, or explains a read-only cell. */
    const typed = (cell: HTMLElement, text: string): boolean => {
      const role = roleOf(cell);
      if (role === 'computed' || role === 'linked') {
        onReadOnly();
        return true;
      }
      const focused = api.current?.getFocusedCell();
      if (role !== 'input' || !focused || focused.rowPinned) return false;
      pending = { text, commit: null };
      api.current!.startEditingCell({ rowIndex: focused.rowIndex, colKey: focused.column });
      return true;
    };

    const keydown = (event: KeyboardEvent) => {
      if (pending) {
        // The editor is on its way: what is typed meanwhile is its text.
        if (printable(event)) pending.text += event.key;
        else if (event.key === 'Backspace') pending.text = pending.text.slice(0, -1);
        else if (event.key === 'Enter' || event.key === 'Tab') pending.commit = event.key === 'Tab' ? (event.shiftKey ? 'ShiftTab' : 'Tab') : 'Enter';
        else if (event.key === 'Escape') {
          pending = null;
          api.current?.stopEditing(true);
        } else return;
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      const cell = cellOf(event.target);
      if (!cell || event.isComposing) return;
      const readOnlyKey = event.key === 'F2' || event.key === 'Delete' || event.key === 'Backspace';
      if (printable(event) ? typed(cell, event.key) : readOnlyKey && (roleOf(cell) === 'computed' || roleOf(cell) === 'linked') && typed(cell, '')) {
        event.preventDefault();
        event.stopPropagation();
      }
    };

    // The cell's own DOM never changes by typing; inserted text goes to the editor instead.
    const beforeinput = (event: InputEvent) => {
      const cell = cellOf(event.target);
      if (!cell || event.inputType === 'insertCompositionText') return;
      event.preventDefault();
      if (event.inputType !== 'insertText' || !event.data) return;
      if (pending) pending.text += event.data;
      else typed(cell, event.data);
    };

    const compositionend = (event: CompositionEvent) => {
      const cell = cellOf(event.target);
      if (!cell) return;
      // The composition was drawn inside the cell; give the cell its own content back.
      const node = api.current?.getFocusedCell();
      if (node) api.current?.refreshCells({ force: true, columns: [node.column] });
      if (!event.data) return;
      if (pending) pending.text += event.data;
      else typed(cell, event.data);
    };

    const focusin = (event: FocusEvent) => {
      const cell = cellOf(event.target);
      if (!cell) return;
      const role = roleOf(cell);
      if (role !== 'input' && role !== 'computed' && role !== 'linked') return;
      cell.contentEditable = 'true';
      cell.spellcheck = false;
    };
    const focusout = (event: FocusEvent) => {
      const cell = cellOf(event.target);
      if (cell?.isContentEditable) cell.removeAttribute('contenteditable');
    };

    element.addEventListener('keydown', keydown, true);
    element.addEventListener('beforeinput', beforeinput, true);
    element.addEventListener('compositionend', compositionend, true);
    element.addEventListener('focusin', focusin);
    element.addEventListener('focusout', focusout);
    return () => {
      element.removeEventListener('keydown', keydown, true);
      element.removeEventListener('beforeinput', beforeinput, true);
      element.removeEventListener('compositionend', compositionend, true);
      element.removeEventListener('focusin', focusin);
      element.removeEventListener('focusout', focusout);
    };
  }, [host, api, roleOf, onReadOnly]);
}

/**
 * Typing into a selected cell starts its editor with everything typed, as in Excel:
 *
 * - Keys typed between the first key and the moment the editor has the focus are kept in a
 *   buffer (the editor mounts asynchronously; without the buffer they were lost, and "1234.5"
 *   could land as "0.50").
 * - Text that arrives without a key of its own (full-width digits, an input method's committed
 *   composition, `insertText`) needs an editable target: a focused value cell is made
 *   contenteditable, every edit of its own DOM is refused, and the text goes to the editor.
 * - Typing into a computed or linked cell, or one holding no amount (a name, 行次, the 栏次 line),
 *   says why it cannot be typed into (`onReadOnly`).
 * - Keys typed just after going to another table (table-switch.ts) or page (page-focus.ts), before
 *   its cell or first field has the focus (it is on the page meanwhile, the table left being hidden,
 *   or on the side list's item chosen), are kept too: one buffer for both. A cell that then gets the
 *   focus opens its editor with them; a page's text field (inside its `data-first-field` element)
 *   gets them as typed text. A table not shown never opens an editor: it could never take the
 *   focus, and every later key would wait for it.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';

export type CellRole = 'input' | 'computed' | 'linked' | 'blank' | 'colno' | null;

export type PendingCommit = 'Enter' | 'Tab' | 'ShiftTab' | 'ArrowDown' | 'ArrowUp' | 'ArrowLeft' | 'ArrowRight';

interface Pending {
  text: string;
  /** Enter, Tab or an arrow typed before the editor was there: it commits (and moves) as soon as it is. */
  commit: PendingCommit | null;
  /** The editor opened for these keys (amount-editor-comp.tsx), once the grid has made it. */
  editor?: object;
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

/** From a switch to a table or page until the focus lands somewhere again. */
let switching = false;

/** Called as the side list or Ctrl+PageDown goes to another table (table-switch.ts) or page (page-focus.ts). */
export function switchStarted(): void {
  switching = true;
  listenOnTheWay();
}

/** The table or page gone to has nothing to take the focus: keys typed on the way wait for nothing. */
export function switchEnded(): void {
  switching = false;
  dropUnclaimed();
}

/** The editor the grid just made for the keys typed: they are its text until it takes them. */
export function claimPending(editor: object): void {
  if (pending && !pending.editor) pending.editor = editor;
}

/** Keys typed with no editor made for them yet (during a table switch): given up by the next switch. */
export function dropUnclaimed(): void {
  if (pending && !pending.editor) pending = null;
}

/** The text typed for `editor` that it has not taken yet (it was closed before it had the focus). */
export function untakenText(editor: object): string | null {
  return pending?.editor === editor ? pending.text : null;
}

/** `editor` is closed: keys typed for it wait for nothing any more. */
export function releasePending(editor: object): void {
  if (pending?.editor === editor) pending = null;
}

const printable = (event: KeyboardEvent) => event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;

/** Adds a key to the keys waiting for the editor; false when it is not one they take. */
function addToPending(event: KeyboardEvent): boolean {
  if (printable(event)) pending = { text: (pending?.text ?? '') + event.key, commit: pending?.commit ?? null };
  else if (!pending) return false;
  else if (event.key === 'Backspace') pending.text = pending.text.slice(0, -1);
  else if (event.key === 'Enter' || event.key === 'Tab') pending.commit = event.key === 'Tab' ? (event.shiftKey ? 'ShiftTab' : 'Tab') : 'Enter';
  // Typing started Excel's 输入 mode: an arrow saves and moves, as the editor does once it is there.
  else if (event.key.startsWith('Arrow') && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) pending.commit = event.key as PendingCommit;
  else return false;
  return true;
}

/** Where the focus waits for the table gone to: on the page, in a hidden (inert) table, on the side list's item chosen. */
const focusOnTheWay = (target: EventTarget | null) => target === document.body || (target instanceof Element && !!target.closest('[inert], .side-list'));

/** Takes the keys typed on the way when the focus lands on `target`; false when it is not its own. */
type Landing = (target: EventTarget | null, waiting: Pending) => boolean;
/** The grids' landings (useTypeToEdit): a cell of theirs opens its editor with the keys. */
const landings = new Set<Landing>();

/** Text fields a page's first field may be (page-focus.ts): the keys typed on the way are inserted there. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'number', 'tel', 'url', 'email']);

/** Keys typed on the way to a page land in its text field as typed (one undo step, the page's own input handling). */
const landOnPageField: Landing = (target, waiting) => {
  const field = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)) ? target : null;
  if (!field || field.readOnly || field.disabled || !field.closest('[data-first-field]') || !waiting.text) return false;
  document.execCommand('insertText', false, waiting.text);
  return true;
};

let listening = false;

/** One pair of window listeners, for every table and page: installed by the first switch. */
function listenOnTheWay(): void {
  if (listening) return;
  listening = true;
  // While a switch brings a table or page: keys typed before its cell or field has the focus wait for it.
  window.addEventListener(
    'keydown',
    (event) => {
      if (!switching || event.isComposing || !focusOnTheWay(event.target)) return;
      if (event.key === 'Escape') {
        if (!pending) return;
        pending = null;
      } else if (!addToPending(event)) return;
      event.preventDefault();
      event.stopPropagation();
    },
    true,
  );
  window.addEventListener(
    'focusin',
    (event) => {
      if (!switching) return;
      switching = false;
      const waiting = pending;
      pending = null;
      // Landed elsewhere than in a cell or a page's field: the keys were for those, not for that.
      if (waiting) for (const land of [...landings, landOnPageField]) if (land(event.target, waiting)) return;
    },
    true,
  );
}

function cellOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof HTMLElement && target.classList.contains('ag-cell') ? target : null;
}

/**
 * Installs the listeners on the grid's host element. `roleOf` tells the role of a focused value
 * cell element; `onReadOnly` is told when text is typed into a computed or linked cell.
 */
export function useTypeToEdit(
  host: RefObject<HTMLElement | null>,
  api: RefObject<GridApi | null>,
  roleOf: (cell: HTMLElement) => CellRole,
  onReadOnly: () => void,
  shown: boolean,
): void {
  const shownNow = useRef(shown);
  shownNow.current = shown;
  useEffect(() => {
    const element = host.current;
    if (!element) return;

    /** Opens the focused input cell's editor with `text`, or explains a read-only cell. */
    const typed = (cell: HTMLElement, text: string): boolean => {
      if (!shownNow.current) return true;
      const role = roleOf(cell);
      // A computed or linked cell, and a cell with no amount (a name, 行次, the 栏次 line): say why.
      if (role !== 'input') {
        onReadOnly();
        return true;
      }
      const focused = api.current?.getFocusedCell();
      if (!focused || focused.rowPinned) return false;
      pending = { text, commit: null };
      api.current!.startEditingCell({ rowIndex: focused.rowIndex, colKey: focused.column });
      // The grid refused to edit a cell it has drawn (one not drawn yet gets its editor once drawn):
      // no editor will take the keys, which must not wait for one.
      const drawn = cell.getAttribute('col-id') === focused.column.getColId() && cell.closest('.ag-row')?.getAttribute('row-index') === String(focused.rowIndex);
      if (drawn && !api.current!.getEditingCells().length) {
        pending = null;
        return false;
      }
      return true;
    };

    const keydown = (event: KeyboardEvent) => {
      if (pending) {
        // The editor is on its way: what is typed meanwhile is its text.
        if (event.key === 'Escape') {
          pending = null;
          api.current?.stopEditing(true);
        } else if (!addToPending(event)) return;
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

    // The focus a switch brought lands in one of this table's cells: the keys typed on the way open its editor.
    const landOnCell: Landing = (target, waiting) => {
      const cell = cellOf(target);
      if (!cell || !element.contains(cell)) return false;
      // typed() started the editor with the text; Enter or Tab typed on the way still commits it.
      const opened = typed(cell, waiting.text) && peekPending();
      if (opened) opened.commit = waiting.commit;
      return true;
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

    landings.add(landOnCell);
    element.addEventListener('keydown', keydown, true);
    element.addEventListener('beforeinput', beforeinput, true);
    element.addEventListener('compositionend', compositionend, true);
    element.addEventListener('focusin', focusin);
    element.addEventListener('focusout', focusout);
    return () => {
      landings.delete(landOnCell);
      element.removeEventListener('keydown', keydown, true);
      element.removeEventListener('beforeinput', beforeinput, true);
      element.removeEventListener('compositionend', compositionend, true);
      element.removeEventListener('focusin', focusin);
      element.removeEventListener('focusout', focusout);
    };
  }, [host, api, roleOf, onReadOnly]);
}

/**
 * Excel's data validation for the amount editor: while its text is not an amount, the editor
 * cannot be left. A click anywhere else (another cell, another table in the side list, the 审核
 * panel, a toolbar button) is swallowed before the grid or the page sees it, and focus taken by
 * other means (a shortcut that focuses the find box) comes back. The text stays as typed, the
 * reason is shown beside it, nothing is stored; Esc (handled by the grid) gives up.
 */
import { useEffect, type RefObject } from 'react';
import { AmountError, parseAmount } from '../../../shared/money';
import { cellAmountText } from './amount-text';

/** Why the text is not an amount, or null when it is one (or empty: the cell is cleared; a lone dash: 0). */
export function problemWith(text: string): string | null {
  try {
    parseAmount(cellAmountText(text) ?? '');
    return null;
  } catch (error) {
    if (error instanceof AmountError) return error.message;
    throw error;
  }
}

/** Every event of a click or tap: the grid and the page act on different ones (mousedown, click…). */
const POINTER_EVENTS = ['pointerdown', 'mousedown', 'touchstart', 'pointerup', 'mouseup', 'touchend', 'click', 'dblclick', 'contextmenu', 'auxclick'] as const;

export function useHoldWhileRefused(
  root: RefObject<HTMLElement | null>,
  input: RefObject<HTMLInputElement | null>,
  text: RefObject<string>,
  refuse: (reason: string) => void,
): void {
  useEffect(() => {
    const editor = root.current!;
    const field = input.current!;
    /** The reason the text cannot be stored, once it is shown; null lets the event go on. */
    const refused = (): string | null => {
      const reason = problemWith(text.current);
      if (reason) refuse(reason);
      return reason;
    };
    const outside = (event: Event) => !event.composedPath().includes(editor);

    const onPointer = (event: Event) => {
      if (!outside(event) || !refused()) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      field.focus();
    };
    // Focus moved without a click (a shortcut focusing another field): bring it back.
    const onFocusOut = (event: FocusEvent) => {
      const to = event.relatedTarget;
      if (to instanceof Node && editor.contains(to)) return;
      if (refused()) setTimeout(() => field.isConnected && field.focus());
    };

    // Capture on the window: before the grid's own listeners and React's root see the event.
    for (const type of POINTER_EVENTS) window.addEventListener(type, onPointer, true);
    field.addEventListener('focusout', onFocusOut);
    return () => {
      for (const type of POINTER_EVENTS) window.removeEventListener(type, onPointer, true);
      field.removeEventListener('focusout', onFocusOut);
    };
  }, [root, input, text, refuse]);
}

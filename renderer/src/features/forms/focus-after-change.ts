import { flushSync } from 'react-dom';

/**
 * Applies a change that adds or moves a row (an indicator, a list item) and focuses its cell
 * before returning: the clerk types on at once, and a key handled before the next frame would
 * otherwise land on the button that was clicked (or the row left) and be lost.
 */
export function changeThenFocus(change: () => void, cell: () => HTMLElement | null): void {
  flushSync(change);
  cell()?.focus();
}

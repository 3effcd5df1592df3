/**
 * Where the keys go after a choice in the side list. A table's grid takes them (table-switch.ts);
 * a page (绩效自评, 补充信息, 决算公开) puts the focus on its first field, so typing and Tab go on
 * there. A page says which that is with `data-first-field` on its element: a selector, the first
 * enabled match taking the focus. The page may still be loading (its code, its data), so the
 * focus goes there once the field is drawn, unless the clerk has moved the focus meanwhile. Keys
 * typed before wait for it as for a table's cell (type-to-edit.ts): text lands in a text field.
 * F6 brings the focus back to the side list, on the item shown, as browsers move between regions.
 */
import { useEffect } from 'react';
import { switchEnded, switchStarted } from '../../grid/type-to-edit';
import { useYearStore } from '../../stores/use-year-store';

/** How long a page still loading may take to draw its first field before the wait ends. */
const WAIT_MS = 10_000;

let stopWaiting = () => {};

/** Shows page `id` and puts the focus on its first field; `chosen` is the side item chosen. */
export function goToPage(id: string, chosen: HTMLElement): void {
  switchStarted();
  useYearStore.getState().selectTable(id);
  focusFirstField(chosen);
}

function focusFirstField(chosen: HTMLElement): void {
  stopWaiting();
  const content = document.querySelector('main.content');
  if (!content) return;
  const attempt = () => {
    // The clerk put the focus somewhere meanwhile: it stays there.
    if (document.activeElement !== chosen && document.activeElement !== document.body) return stopWaiting();
    // The page shown before stays in the page, hidden, while the one chosen still loads its code.
    const field = [...content.querySelectorAll<HTMLElement>('[data-first-field]')]
      .flatMap((page) => [...page.querySelectorAll<HTMLElement>(page.dataset.firstField!)])
      .find((candidate) => !candidate.matches(':disabled') && candidate.checkVisibility());
    if (!field) return;
    stopWaiting();
    field.focus();
  };
  const observer = new MutationObserver(attempt);
  observer.observe(content, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-first-field', 'disabled'] });
  // No field came: the keys typed on the way wait no longer.
  const timer = setTimeout(() => {
    stopWaiting();
    switchEnded();
  }, WAIT_MS);
  // A frame on: the page chosen is rendered by then (the page shown before is gone).
  const frame = requestAnimationFrame(attempt);
  stopWaiting = () => {
    observer.disconnect();
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    stopWaiting = () => {};
  };
}

/** Said in the side list's tooltips and the README. */
export const SIDE_LIST_HINT = 'F6 回到报表列表';

/** F6 puts the focus on the side list's item shown, from anywhere in the year's pages. */
export function useSideListKey(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.shiftKey || event.metaKey) return;
      const item = document.querySelector<HTMLElement>('.side-list .side-item[aria-current="page"]') ?? document.querySelector<HTMLElement>('.side-list .side-item');
      if (!item) return;
      event.preventDefault();
      event.stopPropagation();
      stopWaiting();
      // Keys typed on the way to a table or page are not for the side list.
      switchEnded();
      item.focus();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}

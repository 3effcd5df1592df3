/**
 * The framework page's input cells. A value is checked when the clerk commits it (Enter, Tab or
 * leaving the cell): a refused one stays in the cell with the reason beside it and is not saved;
 * Escape puts back the stored value. Enter / Shift+Enter move to the next / previous input, as in
 * the forms' grids.
 */
import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * Enter / Shift+Enter: the next / previous input of the page, in reading order; from a tick box, the
 * same box of the next / previous item (down the column, as in Excel), so score entry skips the boxes.
 */
export function moveByEnter(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  const tick = event.currentTarget.dataset.fwTick;
  const selector = tick === undefined ? '[data-fw-input]' : `[data-fw-tick="${CSS.escape(tick)}"]`;
  const all = [...document.querySelectorAll<HTMLElement>(`.fw-sheet ${selector}:not([disabled])`)];
  const next = all[all.indexOf(event.currentTarget) + (event.shiftKey ? -1 : 1)];
  next?.focus();
  if (next instanceof HTMLInputElement) next.select();
}

interface CheckedCellProps {
  field: string;
  label: string;
  /** The stored value as shown when idle. */
  shown: string;
  /** The stored value as the clerk edits it. */
  raw: string;
  disabled?: boolean;
  className?: string;
  /** null: accepted (and applied by the caller); a text: the reason the value is refused. */
  commit(text: string): string | null;
}

export function CheckedCell({ field, label, shown, raw, disabled, className, commit }: CheckedCellProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // What Enter or Tab committed: the blur that follows (the focus moving on, before the page shows the
  // new value) must not commit it again, which recorded every score twice (two Ctrl+Z to undo one).
  const committed = useRef<string | null>(null);
  const finish = (text: string): boolean => {
    if (text === raw || text === committed.current) {
      setRefusal(null);
      return true;
    }
    const reason = commit(text);
    setRefusal(reason);
    if (reason === null) committed.current = text;
    return reason === null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      setEditing(raw);
      setRefusal(null);
      return;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && editing !== null && !finish(editing)) {
      // A refused value keeps the focus, like the tables' cells: the reason is beside it.
      event.preventDefault();
      return;
    }
    moveByEnter(event);
  };
  return (
    <span className="fw-cell">
      <input
        data-fw-input=""
        data-field={field}
        aria-label={label}
        aria-invalid={refusal ? true : undefined}
        className={`form-number${refusal ? ' form-invalid' : ''}${className ? ` ${className}` : ''}`}
        inputMode="decimal"
        disabled={disabled}
        value={editing ?? (refusal === null ? shown : '')}
        onFocus={(event) => {
          committed.current = null;
          setEditing(raw);
          event.target.select();
        }}
        onChange={(event) => setEditing(event.target.value)}
        onBlur={() => {
          if (editing !== null && !finish(editing)) return;
          setEditing(null);
        }}
        onKeyDown={onKeyDown}
      />
      {refusal && (
        <span className="fw-refusal" role="alert">
          {refusal}
        </span>
      )}
    </span>
  );
}

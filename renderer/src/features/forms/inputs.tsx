/**
 * The editor's input cells. Each carries `data-field` (the form's JSON path, as findings name it)
 * so a click in the 审核 panel can focus it and findings can mark it; grid cells also carry their
 * grid position so Enter moves down a column as in a spreadsheet.
 */
import { createContext, useContext, useLayoutEffect, useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { parsePoints, formatPoints } from '../../../../shared/forms/decimal';
import { AmountError, displayAmount, formatAmount, parseAmount } from '../../../../shared/money';
import { useYearStore } from '../../stores/use-year-store';
import { useReadOnlyReason } from '../../stores/read-only';

/** Severity of the findings on each field path of the open form. */
export const FieldMarks = createContext<ReadonlyMap<string, 'error' | 'warning'>>(new Map());

export interface GridPos {
  grid: string;
  row: number;
  col: number;
}

function markClass(marks: ReadonlyMap<string, 'error' | 'warning'>, field: string): string {
  const mark = marks.get(field);
  return mark ? ` form-finding-${mark}` : '';
}

function navProps(nav: GridPos | undefined) {
  return nav ? { 'data-grid': nav.grid, 'data-r': nav.row, 'data-c': nav.col } : {};
}

/**
 * Enter / Shift+Enter in a grid cell: the same column one row down / up. Past the last row the
 * grid's end control (its 添加 button) takes the focus, so the keyboard never falls out of the grid.
 */
export function gridKeyDown(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  const grid = target.dataset.grid;
  if (!grid) return;
  event.preventDefault();
  const row = Number(target.dataset.r) + (event.shiftKey ? -1 : 1);
  const next =
    document.querySelector<HTMLElement>(`[data-grid="${grid}"][data-r="${row}"][data-c="${target.dataset.c}"]`) ??
    (event.shiftKey ? null : document.querySelector<HTMLElement>(`[data-grid-end="${grid}"]`));
  if (!next) return;
  next.focus();
  if (next instanceof HTMLInputElement || next instanceof HTMLTextAreaElement) next.select();
}

interface TextProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  field: string;
  value: string | null | undefined;
  onValue(value: string): void;
  label: string;
  nav?: GridPos;
  /** Single-line cells grow with their text but take no line breaks. */
  singleLine?: boolean;
  /** Key fields (项目编码) commit on blur only, so no half-typed code ever becomes a stored key. */
  commitOnBlur?: boolean;
}

/** A text cell; multi-line sections are textareas that grow with their content. */
export function TextCell({ field, value, onValue, label, nav, singleLine, commitOnBlur, className, ...rest }: TextProps) {
  const marks = useContext(FieldMarks);
  const locked = useReadOnlyReason();
  const [local, setLocal] = useState<string | null>(null);
  const shown = local ?? value ?? '';
  const commit = () => {
    if (commitOnBlur && local !== null) {
      setLocal(null);
      if (local !== (value ?? '')) onValue(local);
    }
  };
  return (
    <textarea
      {...rest}
      {...navProps(nav)}
      rows={1}
      data-field={field}
      aria-label={label}
      {...(locked ? { readOnly: true, title: locked } : {})}
      className={`form-text${singleLine ? ' form-single' : ''}${className ? ` ${className}` : ''}${markClass(marks, field)}`}
      value={shown}
      onChange={(event) => {
        const text = singleLine ? event.target.value.replace(/[\r\n]+/g, '') : event.target.value;
        if (commitOnBlur) setLocal(text);
        else onValue(text);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        // A single-line field takes no line break: Enter commits it and the focus stays.
        if (singleLine && event.key === 'Enter' && !nav) {
          event.preventDefault();
          commit();
        }
        gridKeyDown(event);
      }}
    />
  );
}

interface NumberProps {
  field: string;
  value: string | null | undefined;
  onValue(value: string | null): void;
  label: string;
  nav?: GridPos;
  placeholder?: string;
  readOnly?: boolean;
}

/**
 * A decimal cell: shown with separators when idle, as typed while focused. A valid entry
 * applies at every keystroke (scores follow the typing); an invalid one is named in the error
 * bar when the cell is left, and the value the cell had when entered is put back, as Esc does:
 * the valid part typed on the way (“1” of “1 000”) is never what the clerk meant.
 */
function DecimalCell({ field, value, onValue, label, nav, placeholder, readOnly, kind }: NumberProps & { kind: 'amount' | 'points' }) {
  const marks = useContext(FieldMarks);
  const locked = useReadOnlyReason();
  const [editing, setEditing] = useState<string | null>(null);
  const parse = (text: string): string | null => {
    if (kind === 'amount') return formatAmount(parseAmount(text));
    return formatPoints(parsePoints(text, label));
  };
  const idle = value == null || value === '' ? '' : kind === 'amount' ? displayAmount(parseAmount(value)) : value;
  const invalid = editing !== null && !isValid(editing, parse);
  const input = useRef<HTMLInputElement>(null);
  const selectAll = useRef(false);
  /** The value when the cell was entered: Escape puts it back. */
  const original = useRef<string | null>(null);
  // Select the raw value once it replaced the formatted one, before the next keystroke arrives.
  useLayoutEffect(() => {
    if (selectAll.current && editing !== null) {
      selectAll.current = false;
      input.current?.select();
    }
  }, [editing]);
  return (
    <input
      ref={input}
      {...navProps(nav)}
      data-field={field}
      aria-label={label}
      aria-invalid={invalid || undefined}
      className={`form-number${invalid ? ' form-invalid' : ''}${markClass(marks, field)}`}
      inputMode="decimal"
      readOnly={readOnly || locked !== null}
      title={locked ?? undefined}
      placeholder={placeholder}
      value={editing ?? idle}
      onFocus={(event) => {
        original.current = value ?? null;
        selectAll.current = true;
        setEditing(value ?? '');
        event.target.select();
      }}
      onChange={(event) => {
        const text = event.target.value;
        setEditing(text);
        if (!isValid(text, parse)) return;
        const next = parse(text);
        if (next !== (value ?? null)) onValue(next);
      }}
      onBlur={() => {
        if (editing !== null && !isValid(editing, parse)) {
          useYearStore.setState({ error: `${label}:“${editing}”${kind === 'amount' ? errorOf(editing) : '不是有效分值'},已恢复原值` });
          if ((value ?? null) !== original.current) onValue(original.current);
        }
        setEditing(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          selectAll.current = true;
          setEditing(original.current ?? '');
          if ((value ?? null) !== original.current) onValue(original.current);
          return;
        }
        gridKeyDown(event);
      }}
    />
  );
}

function isValid(text: string, parse: (text: string) => string | null): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

function errorOf(text: string): string {
  try {
    parseAmount(text);
    return '';
  } catch (error) {
    // The money parser's message repeats the text; keep only its reason.
    return error instanceof AmountError ? error.message.replace(`“${text}”`, '') : '不是有效金额';
  }
}

export function AmountCell(props: NumberProps) {
  return <DecimalCell {...props} kind="amount" />;
}

export function PointsCell(props: NumberProps) {
  return <DecimalCell {...props} kind="points" />;
}

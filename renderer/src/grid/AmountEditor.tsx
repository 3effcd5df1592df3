import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ICellEditorParams } from 'ag-grid-community';
import type { LineData } from './column-defs';
import { peekPending, takePending, type PendingCommit } from './type-to-edit';
import { problemWith, useHoldWhileRefused } from './hold-refused';
import { tableSwitchStep } from './table-switch';
import { tabbed, takeTabStart } from './tab-series';

/** Keys that save and move in Excel's 输入 mode (an editor started by typing). */
const ARROWS = new Set(['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'PageDown', 'PageUp']);

/** What the grid gives the editor (amount-editor-comp.ts): its cell, the key that opened it, and where its text goes. */
export interface AmountEditorProps extends ICellEditorParams<LineData, string> {
  initialValue: string | null | undefined;
  onValueChange(value: string): void;
}

/**
 * The amount editor of a value cell. It starts with everything typed (see type-to-edit), and a
 * value that is not an amount keeps it open with the text as typed and the reason beside it —
 * on Enter/Tab here, and on any way of leaving the editor (see hold-refused): nothing is saved
 * until the text is an amount, Esc gives up.
 */
export function AmountEditor(props: AmountEditorProps) {
  const [text, setText] = useState(() => {
    const typed = peekPending();
    if (typed) return typed.text;
    const key = props.eventKey ?? '';
    if (key.length === 1) return key;
    return key === 'Backspace' || key === 'Delete' ? '' : (props.initialValue ?? '');
  });
  const [problem, setProblem] = useState<string | null>(null);
  /**
   * Excel's two ways of editing: started by typing (输入 mode) an arrow key saves and moves on, as
   * Enter does, so "5 ↓ 6" fills two cells; started with F2 or a double click (编辑 mode) arrows
   * move the caret in the text. F2 while editing switches between them, as in Excel.
   */
  const arrowsLeave = useRef(props.eventKey !== 'F2' && (peekPending() !== null || !!props.eventKey));
  const input = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);

  const edit = (value: string) => {
    setText(value);
    setProblem(null);
    props.onValueChange(value);
  };

  // Once the input has the focus, keys go to it; what was typed until then is the text it starts with.
  useLayoutEffect(() => {
    const field = input.current!;
    let frame = 0;
    const start = () => {
      field.focus();
      // Not in the page yet (the grid places its popup itself): keys still go to the buffer, try again.
      if (document.activeElement !== field) return void (frame = requestAnimationFrame(start));
      const typed = takePending();
      const text = typed?.text ?? field.value;
      field.value = text;
      setText(text);
      props.onValueChange(text);
      field.setSelectionRange(text.length, text.length);
      if (typed?.commit) commitTyped(typed.commit, text);
    };
    start();
    return () => cancelAnimationFrame(frame);
  }, []);

  /** Enter, Tab or an arrow was typed before the editor was there: commit now, as the key would have. */
  const commitTyped = (key: PendingCommit, value: string) => {
    const reason = problemWith(value);
    if (reason) return setProblem(reason);
    leave(key);
  };

  /**
   * Ends the edit as Excel does: the figure saved, the next cell focused but not editing, so typing
   * there replaces its figure. The grid's own Tab opened the next cell's editor on its figure, and
   * a digit typed then was appended ("0.00" + "5" saved as 0.005); its Enter on a table's last line
   * left the focus on the page, where the next figure typed went nowhere. No next cell: this one keeps
   * the focus. Enter after a series of Tabs goes on under the cell they began at (tab-series.ts).
   */
  const leave = (key: PendingCommit | 'ShiftEnter' | 'Stay') => {
    const { api, rowIndex, column } = props;
    const tabStart = takeTabStart(api, rowIndex, column.getColId());
    api.stopEditing();
    if (key === 'Tab' || key === 'ShiftTab') {
      const moved = key === 'Tab' ? api.tabToNextCell() : api.tabToPreviousCell();
      const to = api.getFocusedCell();
      tabbed(api, rowIndex, column.getColId(), tabStart, to && !to.rowPinned ? { line: to.rowIndex, column: to.column.getColId() } : null);
      if (moved) return;
    }
    const next = rowIndex + (key === 'Enter' || key === 'ArrowDown' ? 1 : key === 'ShiftEnter' || key === 'ArrowUp' ? -1 : 0);
    const line = next >= 0 && next < api.getDisplayedRowCount() ? next : rowIndex;
    const beside = key === 'Enter' && tabStart ? tabStart : key === 'ArrowRight' ? api.getDisplayedColAfter(column) : key === 'ArrowLeft' ? api.getDisplayedColBefore(column) : null;
    api.ensureIndexVisible(line);
    if (beside) api.ensureColumnVisible(beside);
    api.setFocusedCell(line, beside ?? column);
  };

  // On the input itself, natively: the grid listens on the editor's ancestors, before React's root would see the key.
  const textRef = useRef(text);
  textRef.current = text;
  useEffect(() => {
    const field = input.current!;
    const onKeyDown = (event: KeyboardEvent) => {
      // An input method's Enter confirms its composition; it is not the grid's Enter.
      if (event.isComposing) return event.stopPropagation();
      if (event.key === 'F2') {
        arrowsLeave.current = !arrowsLeave.current;
        return event.preventDefault();
      }
      const arrow = arrowsLeave.current && ARROWS.has(event.key) && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
      // Going to another table commits like Enter (table-switch.ts), so it is refused like Enter.
      if (event.key !== 'Enter' && event.key !== 'Tab' && !arrow && !tableSwitchStep(event)) return;
      const reason = problemWith(textRef.current);
      if (!reason && event.key !== 'Enter' && event.key !== 'Tab' && !arrow) return;
      event.preventDefault();
      event.stopPropagation();
      if (reason) return setProblem(reason);
      if (event.key === 'PageDown' || event.key === 'PageUp') {
        // Saved here, then the grid pages from this cell as it does for the key without an editor.
        leave('Stay');
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, code: event.code, bubbles: true, cancelable: true }));
      } else if (arrow) leave(event.key as PendingCommit);
      else leave(event.key === 'Enter' ? (event.shiftKey ? 'ShiftEnter' : 'Enter') : event.shiftKey ? 'ShiftTab' : 'Tab');
    };
    field.addEventListener('keydown', onKeyDown);
    return () => field.removeEventListener('keydown', onKeyDown);
  }, []);

  // ag-grid focuses a cell it has just drawn a moment later (a timer), without asking whether its
  // editor is open by then; keys would go to the cell and start a new editor, losing the text.
  useEffect(() => {
    const { eGridCell: cell, api, rowIndex, column } = props;
    const stillEditing = () => api.getEditingCells().some((editing) => editing.rowIndex === rowIndex && editing.column === column);
    const backToEditor = () => {
      if (stillEditing()) input.current?.focus();
    };
    cell.addEventListener('focus', backToEditor);
    return () => cell.removeEventListener('focus', backToEditor);
  }, []);

  useHoldWhileRefused(root, input, textRef, setProblem);

  return (
    <div className="amount-editor" ref={root} style={{ width: props.column.getActualWidth() }}>
      <input
        ref={input}
        className={problem ? 'amount-editor-input invalid' : 'amount-editor-input'}
        aria-label="金额"
        aria-invalid={problem !== null}
        value={text}
        onChange={(event) => edit(event.target.value)}
      />
      {problem && (
        <div className="amount-editor-problem" role="alert">
          {problem}。请改正后按 Enter,或按 Esc 放弃。
        </div>
      )}
    </div>
  );
}

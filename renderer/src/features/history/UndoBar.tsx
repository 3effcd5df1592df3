import { useEffect } from 'react';
import { useYearStore } from '../../stores/use-year-store';
import { useReadOnlyReason } from '../../stores/read-only';

/**
 * Where Ctrl+Z belongs to the text being typed (the grid's editor, a search box). A focused grid
 * cell is contenteditable only to receive input-method text (grid/type-to-edit.ts); it holds no
 * typing of its own, so the page's undo applies there. So it does in a 绩效自评 form cell, whose
 * every change is a step of the page's history (features/forms/form-history.ts).
 */
function isTextField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || element.classList.contains('ag-cell') || isFormCell(element)) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

function isFormCell(element: HTMLElement): boolean {
  return !!element.closest?.('.form-sheet, .fw-sheet');
}

/**
 * Undo and redo you can see: two buttons naming the step they will undo or redo, and Ctrl+Z /
 * Ctrl+Y (Ctrl+Shift+Z) wherever the focus is on the page, except inside a text field, where
 * they undo the typing as usual.
 */
export function UndoBar() {
  const undoLabel = useYearStore((state) => state.undoStack.at(-1)?.label ?? null);
  const redoLabel = useYearStore((state) => state.redoStack.at(-1)?.label ?? null);
  const undo = useYearStore((state) => state.undo);
  const redo = useYearStore((state) => state.redo);
  const readOnly = useReadOnlyReason();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      // A form cell commits what is typed in it first (a key field only on leaving it), so that is the step undone.
      if (isFormCell(event.target as HTMLElement)) (event.target as HTMLElement).blur();
      event.preventDefault();
      if (key === 'z' && !event.shiftKey) void undo();
      else void redo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);

  return (
    <div className="undo-bar" role="group" aria-label="撤销和恢复">
      <button type="button" disabled={!undoLabel || readOnly !== null} onClick={() => void undo()} title={readOnly ?? (undoLabel ? `撤销:${undoLabel}(Ctrl+Z)` : '没有可撤销的操作')} aria-label={undoLabel ? `撤销:${undoLabel}` : '撤销'}>
        ↶ 撤销{undoLabel && <span className="undo-step">:{undoLabel}</span>}
      </button>
      <button type="button" disabled={!redoLabel || readOnly !== null} onClick={() => void redo()} title={readOnly ?? (redoLabel ? `恢复:${redoLabel}(Ctrl+Y)` : '没有可恢复的操作')} aria-label={redoLabel ? `恢复:${redoLabel}` : '恢复'}>
        ↷ 恢复
      </button>
    </div>
  );
}

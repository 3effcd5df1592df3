import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { catalogInForce } from '../../../shared/catalog';
import type { TableDef } from '../../../shared/tables';
import { useYearStore } from '../stores/use-year-store';
import { useReadOnlyReason } from '../stores/read-only';

/**
 * Adds and removes 项 rows of a functional table: type a code or part of its name, pick from
 * the catalog; 款 and 类 rows appear and sum by themselves. A code the catalog lacks can be
 * added with a name as a user-defined code. Once a row is added the grid takes the focus on its
 * first amount cell (`onAdded`), so its amounts can be typed at once; Esc goes back to the grid (`onLeave`).
 * From the grid, Insert goes to 添加科目 and Ctrl+Delete removes the focused 科目 row (Excel's
 * Ctrl+plus/minus insert and delete rows, but here they zoom, as in the browser), so neither
 * needs the mouse or a Tab through every cell.
 */
export function CodeRowBar({ def, focusedRow, codeOfLine, onAdded, onLeave }: { def: TableDef; focusedRow: string | null; codeOfLine: (index: number) => string | null; onAdded: (code: string) => void; onLeave: () => void }) {
  const model = useYearStore((state) => state.model)!;
  const change = useYearStore((state) => state.change);
  const codes = useYearStore((state) => state.codes);
  const info = useYearStore((state) => state.info)!;
  const readOnly = useReadOnlyReason();
  const [query, setQuery] = useState('');
  const [customName, setCustomName] = useState('');
  const [highlight, setHighlight] = useState(0);
  const customNameBox = useRef<HTMLInputElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const present = model.tableInputs(def.id).codes;
  const matches = useMemo(() => (query.trim() ? codes.search(query, 40).filter((code) => code.level === '项' && !present.has(code.code)).slice(0, 12) : []), [query, present.size, codes]);
  const custom = /^\d{7}$/.test(query.trim()) && !codes.isKnown(query.trim());

  const add = async (code: string, name?: string) => {
    // Before the change: the grid lays out the new row while the change is applied.
    onAdded(code);
    if (await change({ addCodes: [{ table: def.id, code, name }] })) {
      setQuery('');
      setCustomName('');
      setHighlight(0);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setHighlight((h) => Math.min(h + 1, matches.length - 1));
    else if (event.key === 'ArrowUp') setHighlight((h) => Math.max(h - 1, 0));
    else if (event.key === 'Escape') {
      setQuery('');
      onLeave();
    }
    else if (event.key === 'Enter' && matches[highlight]) void add(matches[highlight].code);
    // Keyboard-first: a code the catalog lacks needs its name next, so Enter goes to the name box.
    else if (event.key === 'Enter' && custom) customNameBox.current?.focus();
    else return;
    event.preventDefault();
  };

  const addCustom = () => {
    if (customName.trim()) void add(query.trim(), customName.trim());
  };

  const removable = focusedRow && present.has(focusedRow) ? focusedRow : null;
  // Which 科目表 the codes come from: a 2026 决算 before any 2026 notice borrows 2025's, and says so.
  const builtIn = catalogInForce(info.fiscalYear, info.definitionsEdition);
  const catalogNote = codes.hasOfficial()
    ? { short: '科目表:已导入本年度官方科目表', full: `已导入本年度官方科目表,科目名称以其为准;其中没有的代码按内置科目表。${builtIn.full}` }
    : builtIn;
  const remove = (code: string | null) => {
    if (code && useYearStore.getState().model!.tableInputs(def.id).codes.has(code)) void change({ removeCodes: [{ table: def.id, code }] }).then((done) => done && onLeave());
  };
  const removeRef = useRef(remove);
  removeRef.current = remove;
  const codeOfLineRef = useRef(codeOfLine);
  codeOfLineRef.current = codeOfLine;

  // On the grid's cells, before the grid: its own Delete would empty the cell under Ctrl+Delete.
  useEffect(() => {
    const host = searchBox.current?.closest('.grid-host');
    const onKeyDown = (event: Event) => {
      const key = event as globalThis.KeyboardEvent;
      const onCell = (key.target as HTMLElement).closest?.('.ag-cell') && !(key.target as HTMLElement).closest('input');
      if (!onCell || key.altKey || key.shiftKey || readOnly !== null) return;
      if (key.key === 'Insert' && !key.ctrlKey) searchBox.current?.focus();
      // The row of the cell the key was pressed on: a render may not show a focus moved a moment ago yet (`removable`).
      else if (key.key === 'Delete' && key.ctrlKey) removeRef.current(codeOfLineRef.current(Number((key.target as HTMLElement).closest('[row-index]')?.getAttribute('row-index'))));
      else return;
      key.preventDefault();
      key.stopPropagation();
    };
    host?.addEventListener('keydown', onKeyDown, true);
    return () => host?.removeEventListener('keydown', onKeyDown, true);
  }, [readOnly]);
  return (
    <div className="code-bar">
      <div className="code-search">
        <input
          ref={searchBox}
          aria-label="添加科目"
          placeholder="添加科目:输入科目代码或名称(表格中按 Insert)"
          disabled={readOnly !== null}
          title={readOnly ?? undefined}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setHighlight(0);
          }}
          onKeyDown={onKeyDown}
        />
        {query.trim() && matches.length === 0 && !custom && (
          <div className="code-options code-options-empty" role="status">
            无匹配:科目表中没有代码或名称含“{query.trim()}”的可添加项级科目
          </div>
        )}
        {matches.length > 0 && (
          <ul className="code-options" role="listbox" aria-label="科目候选">
            {matches.map((code, i) => (
              <li key={code.code} role="option" aria-selected={i === highlight} className={i === highlight ? 'active' : ''} onMouseDown={() => void add(code.code)}>
                <span className="code">{code.code}</span> {code.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      {custom && (
        <span className="custom-code">
          科目表中没有 {query.trim()},作为自定义科目添加:
          <input
            ref={customNameBox}
            aria-label="自定义科目名称"
            placeholder="科目名称,Enter 添加"
            value={customName}
            onChange={(event) => setCustomName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') addCustom();
              else if (event.key === 'Escape') {
                setQuery('');
                setCustomName('');
                onLeave();
              }
              else return;
              event.preventDefault();
            }}
          />
          <button type="button" disabled={!customName.trim()} onClick={addCustom}>
            添加
          </button>
        </span>
      )}
      <button type="button" className="remove-row" disabled={!removable || readOnly !== null} title={readOnly ?? '删除光标所在的科目行(表格中按 Ctrl+Delete),可撤销'} onClick={() => remove(removable)}>
        删除科目行{removable ? ` ${removable}` : ''}
      </button>
      <span className="catalog-note muted" title={catalogNote.full}>
        {catalogNote.short}
      </span>
    </div>
  );
}

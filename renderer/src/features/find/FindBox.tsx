import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { printedLabel, templateTables } from '../../../../shared/tables';
import { useYearStore } from '../../stores/use-year-store';
import { findCells, type FoundCell } from './find-cells';
import { goToTable } from '../../grid/table-switch';

/** Ctrl+F: find a 科目 (code or part of its name) or an amount in any table and jump there. */
export function FindBox() {
  const info = useYearStore((state) => state.info)!;
  const model = useYearStore((state) => state.model)!;
  const version = useYearStore((state) => state.version);
  const showCell = useYearStore((state) => state.showCell);
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  /** What had the focus before Ctrl+F: Esc goes back there, as Excel's Esc closes its find box. */
  const cameFrom = useRef<Element | null>(null);
  const results = useMemo(() => findCells(model, templateTables(info.template), query), [model, version, info.template, query]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        if (document.activeElement !== input.current) cameFrom.current = document.activeElement;
        input.current?.focus();
        input.current?.select();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const go = (found: FoundCell) => {
    setQuery('');
    showCell(found);
  };
  /** Esc: the query cleared and the focus back in the table (on its last cell) or where it was. */
  const goBack = () => {
    setQuery('');
    const table = useYearStore.getState().tableId;
    const from = cameFrom.current;
    cameFrom.current = null;
    const onTable = templateTables(info.template).some((def) => def.id === table);
    if (onTable && (!from?.isConnected || from === document.body || from.closest('.grid-host'))) goToTable(table);
    else if (from instanceof HTMLElement && from.isConnected) from.focus();
    else input.current?.blur();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setHighlight((h) => Math.min(h + 1, results.length - 1));
    else if (event.key === 'ArrowUp') setHighlight((h) => Math.max(h - 1, 0));
    else if (event.key === 'Escape') goBack();
    else if (event.key === 'Enter' && results[highlight]) go(results[highlight]);
    else return;
    event.preventDefault();
  };

  return (
    <div className="find-box">
      <input
        ref={input}
        aria-label="查找"
        placeholder="查找科目或金额(Ctrl+F)"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
      />
      {query.trim() && (
        <ul className="find-results" role="listbox" aria-label="查找结果">
          {results.length === 0 && <li className="find-empty">无匹配</li>}
          {results.map((found, i) => (
            <li key={`${found.table}|${found.row}|${found.col}`} role="option" aria-selected={i === highlight} className={i === highlight ? 'active' : ''} onMouseDown={() => go(found)}>
              <span className="find-table">{printedLabel(found.table, info.template, info.numbering)}</span> {found.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

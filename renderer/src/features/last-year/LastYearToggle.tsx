import { useEffect, useRef } from 'react';
import type { TableDef } from '../../../../shared/tables';
import { lastYearUnavailable } from '../../grid/last-year-columns';
import { useYearStore } from '../../stores/use-year-store';
import { useLastYear, useLastYearShown } from './use-last-year';

/** Ctrl+Shift+L: L for last year; no browser or desktop menu binding uses it. */
function isShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyL';
}

/**
 * The switch above a table that shows 上年数, 增减额 and 增减率 beside each amount column. Without
 * last year's values for the table it is disabled and says why (and so does the shortcut).
 */
export function LastYearToggle({ def }: { def: TableDef }) {
  const baseline = useYearStore((state) => state.baseline);
  const toggle = useLastYear((state) => state.toggle);
  const shown = useLastYearShown(def);
  const reason = lastYearUnavailable(baseline, def);
  const own = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      // A kept table (inert behind the one shown) has its switch too: only the shown one takes the key.
      if (own.current?.closest('[inert]')) return;
      event.preventDefault();
      if (reason) useYearStore.getState().showNotice(`不能对比上年数:${reason}`);
      else toggle();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [reason, toggle]);

  return (
    <span className="last-year-toggle" ref={own}>
      <button type="button" aria-pressed={shown} disabled={!!reason} aria-describedby={reason ? 'last-year-reason' : undefined} onClick={toggle} title="在每个金额栏旁显示上年数、增减额和增减率(Ctrl+Shift+L)">
        {shown ? '☑' : '☐'} 对比上年数
      </button>
      <span className="muted">Ctrl+Shift+L</span>
      {reason && (
        <span id="last-year-reason" className="muted">
          {reason}
        </span>
      )}
    </span>
  );
}

import type { ReactNode } from 'react';
import type { TableDef } from '../../../../shared/tables';
import { useYearStore } from '../../stores/use-year-store';
import { LastYearToggle } from '../last-year/LastYearToggle';

/**
 * The printed frame around a grid: label, title, 部门 and 金额单位 lines, then the 注 lines. A kept
 * table not shown (kept-tables.ts) is inert: invisible, and nothing in it takes the focus or a click.
 */
export function TablePage({ def, label, unitName, shown, children }: { def: TableDef; label: string; unitName: string; shown: boolean; children: ReactNode }) {
  const empty = useYearStore((state) => state.model!.tableInputs(def.id).cells.size === 0);
  return (
    <section className="table-page" inert={!shown} aria-label={`${label} ${def.title}`}>
      <div className="table-label">{label}</div>
      <h1 className="table-title">{def.title}</h1>
      {def.inferred && (
        <p className="table-inferred" role="note">
          {def.inferred}
        </p>
      )}
      <div className="table-meta">
        <span>部门:{unitName}</span>
        <LastYearToggle def={def} />
        <span>金额单位:万元</span>
      </div>
      {children}
      <div className="table-notes">
        {def.notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
        {empty && def.emptyText && <p>{def.emptyText}</p>}
      </div>
    </section>
  );
}

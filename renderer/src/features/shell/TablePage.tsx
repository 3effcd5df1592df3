import type { ReactNode } from 'react';
import type { TableDef } from '../../../../shared/tables';

/** The printed frame around a grid: label, title, 部门 and 金额单位 lines, then the 注 lines. */
export function TablePage({ def, unitName, children }: { def: TableDef; unitName: string; children: ReactNode }) {
  return (
    <section className="table-page" aria-label={`${def.id} ${def.title}`}>
      <div className="table-label">{def.id}</div>
      <h1 className="table-title">{def.title}</h1>
      <div className="table-meta">
        <span>部门:{unitName}</span>
        <span>金额单位:万元</span>
      </div>
      {children}
      <div className="table-notes">
        {def.notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </div>
    </section>
  );
}

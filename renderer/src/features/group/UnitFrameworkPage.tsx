/**
 * One unit's 评价指标体系 opened from the 汇总 page (issue 15): the unit's own framework page layout
 * (FrameworkTable, FrameworkResult) over what the 汇总 kept, every control disabled — nothing here
 * edits, ticks or chooses. Esc or “返回汇总” goes back to the list.
 */
import { useEffect, useMemo } from 'react';
import type { UnitFramework } from '../../../../shared/consolidation';
import { FRAMEWORK_DEFS } from '../../../../shared/forms/framework-entry';
import { FrameworkResult } from '../forms/framework/FrameworkResult';
import { FrameworkTable } from '../forms/framework/FrameworkTable';
import { settle } from '../forms/framework/framework-edit';

const READ_ONLY = '汇总中只读';

export function UnitFrameworkPage({ entry, onBack }: { entry: UnitFramework; onBack(): void }) {
  const { doc } = entry;
  const def = FRAMEWORK_DEFS[doc.framework.framework];
  // Settled with the unit's projects as kept beside it, so 执行结果 reads as on the unit's own page.
  const settled = useMemo(() => settle(doc.framework, entry.projects ?? null), [doc, entry.projects]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);
  const unit = `${entry.unitName}${entry.unitCode ? `(${entry.unitCode})` : ''}`;
  return (
    <div className="fw-sheet" role="region" aria-label={`${entry.unitName} ${def.attachment} ${def.title}`}>
      <div className="form-toolbar">
        <button type="button" autoFocus onClick={onBack}>
          ← 返回汇总(Esc)
        </button>
        <h1 className="form-page-title">
          {def.attachment} {def.title}
          {doc.subject_code && `(项目 ${doc.subject_code})`}
        </h1>
        <strong className="fw-unit">
          单位:{unit}({READ_ONLY})
        </strong>
        {doc.draft && <span className="form-muted">该单位上年带入的草稿,尚未核实</span>}
      </div>
      <FrameworkResult settled={settled} />
      {/* A disabled fieldset disables every score, datum, choice and tick box of the table at once. */}
      <fieldset className="fw-readonly" disabled>
        <FrameworkTable
          json={doc.framework}
          headings={def.headings}
          ticks={def.ticks}
          settled={settled}
          onScore={() => READ_ONLY}
          onChange={() => undefined}
          rangeText={() => READ_ONLY}
        />
      </fieldset>
    </div>
  );
}

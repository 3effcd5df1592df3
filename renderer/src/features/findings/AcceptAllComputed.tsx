import { useState } from 'react';
import { PRINTED_RULE_ID, type Finding } from '../../../../shared/rules';
import { useYearStore } from '../../stores/use-year-store';
import { useReadOnlyReason } from '../../stores/read-only';

/**
 * 全部采用计算值: a hand-built workbook often prints dozens of totals its details do not give (R-I01).
 * One button takes every computed value, after a confirmation naming how many cells on which tables
 * change; it is one write and one undo step (Ctrl+Z puts every printed value back).
 */
export function AcceptAllComputed({ findings, label, onDone }: { findings: Finding[]; label: (table: string) => string; onDone(): void }) {
  const acceptAll = useYearStore((state) => state.acceptAllComputed);
  const [asking, setAsking] = useState(false);
  const readOnly = useReadOnlyReason();
  const printed = findings.filter((finding) => finding.rule === PRINTED_RULE_ID);
  if (printed.length < 2) return null;
  const perTable = new Map<string, number>();
  for (const finding of printed) perTable.set(finding.table, (perTable.get(finding.table) ?? 0) + 1);
  const withinTolerance = printed.filter((finding) => finding.severity === 'warning').length;
  const close = (accept: boolean) => {
    setAsking(false);
    if (accept) void acceptAll().then(onDone);
  };

  return (
    <div className="findings-actions">
      <button
        type="button"
        className="accept-computed"
        disabled={readOnly !== null}
        onClick={() => setAsking(true)}
        title={readOnly ?? '导入文件印出的合计数与按明细计算的结果不符之处,一次全部以计算结果为准(可撤销)'}
      >
        全部采用计算值({printed.length} 处)
      </button>
      {asking && (
        <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="accept-all-title" onKeyDown={(event) => event.key === 'Escape' && close(false)}>
          <div className="modal-box">
            <h2 id="accept-all-title">全部采用计算值</h2>
            <p>
              将以按明细计算的结果替换导入文件印出的 {printed.length} 个合计数,涉及 {perTable.size} 张表:
            </p>
            <ul className="accept-all-tables">
              {[...perTable].map(([table, count]) => (
                <li key={table}>
                  {label(table)} {count} 处
                </li>
              ))}
            </ul>
            {withinTolerance > 0 && <p className="muted">其中 {withinTolerance} 处差额在尾数误差之内。</p>}
            <p className="muted">这些“导入文件印出”的审核结果随之消除。点“撤销”或按 Ctrl+Z 可一步恢复全部印出的数。</p>
            <div className="modal-actions">
              <button type="button" onClick={() => close(false)}>
                取消
              </button>
              <button type="button" className="primary" autoFocus onClick={() => close(true)}>
                全部采用({printed.length} 处)
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

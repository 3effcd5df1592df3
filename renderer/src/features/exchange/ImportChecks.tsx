import type { ImportPreview } from '../../../../shared/contract';
import { displayAmount, parseAmount } from '../../../../shared/money';

const shown = (text: string) => displayAmount(parseAmount(text));

/** The lists of an import preview: errors (per unreadable table), printed totals vs details, warnings, skipped content — all of them, each with its place. */
export function ImportChecks({ preview, canPartial }: { preview: ImportPreview; canPartial: boolean }) {
  const mismatches = preview.mismatches ?? [];
  return (
    <>
      {preview.errors.length > 0 && (
        <section className="preview-errors">
          <h3>错误(须先修正文件,本次不会写入任何数据)</h3>
          {canPartial && <p className="preview-hint">以下错误都属于无法读取的表;可以只导入其余能读取的表,这些表保持不变。</p>}
          <ul>
            {preview.errors.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      )}
      {!preview.errors.length && (preview.notImported ?? []).length > 0 && (
        <section className="preview-warnings">
          <h3>不导入的表(无法读取,保持不变)</h3>
          <ul>
            {preview.notImported!.flatMap((table) => table.reasons.map((reason) => <li key={reason}>{reason}</li>))}
          </ul>
        </section>
      )}
      {mismatches.length > 0 && (
        <section>
          <h3>合计数与明细不符({mismatches.length} 处,导入后按明细重新计算)</h3>
          <div className="preview-scroll">
            <table className="preview-table" aria-label="合计数与明细不符">
              <thead>
                <tr>
                  <th>表</th>
                  <th>行</th>
                  <th>栏次</th>
                  <th>表中印出</th>
                  <th>按明细计算</th>
                </tr>
              </thead>
              <tbody>
                {mismatches.map((m) => (
                  <tr key={`${m.table}|${m.row}|${m.col}`}>
                    <td>{m.tableLabel}</td>
                    <td>{m.label}</td>
                    <td className="num">{m.col}</td>
                    <td className="num">{shown(m.printed)}</td>
                    <td className="num">{shown(m.computed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {preview.warnings.length > 0 && (
        <section className="preview-warnings">
          <h3>提示</h3>
          <ul>
            {preview.warnings.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      )}
      {preview.unrecognised.length > 0 && (
        <section>
          <h3>未识别的内容(不导入,{preview.unrecognised.length} 处)</h3>
          <ul className="unrecognised">
            {preview.unrecognised.map((item, i) => (
              <li key={i}>
                工作表“{item.sheet}”{item.row ? ` 第${item.row}行` : ''}
                {item.cell ? ` ${item.cell}` : ''}:{item.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

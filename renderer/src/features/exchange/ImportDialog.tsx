import type { ImportPreview } from '../../../../shared/contract';
import { ImportChecks } from './ImportChecks';

/**
 * What an import will do, before anything is written: recognised tables, tables that cannot be read
 * (with the choice to import the others), printed totals beside what the details add up to,
 * skipped content, warnings, errors.
 */
export function ImportDialog({
  name,
  preview,
  onCancel,
  onConfirm,
  onPartial,
}: {
  name: string;
  preview: ImportPreview;
  onCancel(): void;
  onConfirm(): void;
  /** Preview again importing only the readable tables; offered when every error belongs to an unreadable table. */
  onPartial(): void;
}) {
  const blocked = preview.errors.length > 0;
  const notImported = preview.notImported ?? [];
  const tableErrors = new Set(notImported.flatMap((table) => table.reasons));
  const canPartial = blocked && notImported.length > 0 && (preview.recognised.length > 0 || preview.forms.length > 0) && preview.errors.every((text) => tableErrors.has(text));
  return (
    <div className="modal" role="dialog" aria-label="导入预览">
      <div className="modal-box wide">
        <h2>
          {preview.mode === 'baseline' ? '导入上年数据' : '导入本年数据'}:{name}
        </h2>
        <p className="muted">
          {preview.source.fiscalYear ? `${preview.source.fiscalYear}年度 ` : ''}
          {preview.source.unitName ?? ''}
        </p>
        <table className="preview-table">
          <thead>
            <tr>
              <th>表</th>
              <th>工作表</th>
              <th>单元格</th>
              <th>科目行</th>
            </tr>
          </thead>
          <tbody>
            {preview.recognised.map((table) => (
              <tr key={table.table}>
                <td>{table.tableLabel}</td>
                <td>{table.sheet}</td>
                <td className="num">{table.cells}</td>
                <td className="num">{table.codes}</td>
              </tr>
            ))}
            {notImported.map((table) => (
              <tr key={table.table} className="not-imported">
                <td>{table.tableLabel}</td>
                <td>{table.sheet}</td>
                <td colSpan={2}>无法读取{blocked ? '(见下方错误)' : ',不导入(保持不变)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {preview.forms.length > 0 && (
          <section>
            <h3>绩效自评表({preview.forms.length} 张)</h3>
            <ul className="preview-forms">
              {preview.forms.map((form) => (
                <li key={`${form.subject_type}|${form.subject_code}`}>
                  {form.subject_type === 'department' ? '部门整体' : form.subject_code} {form.subject_name}
                  <span className="muted"> 工作表“{form.sheet}”</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {preview.frameworks && preview.frameworks.length > 0 && (
          <section>
            <h3>评价指标体系({preview.frameworks.length} 份)</h3>
            <ul className="preview-forms">
              {preview.frameworks.map((found) => (
                <li key={found.sheet}>
                  {found.title} {found.subject_code}
                  <span className="muted"> 工作表“{found.sheet}”</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {!blocked && (
          <p>
            将写入 {preview.effect.cells} 个单元格
            {preview.effect.cleared ? `,清空 ${preview.effect.cleared} 个` : ''}
            {preview.effect.addCodes ? `,新增科目行 ${preview.effect.addCodes} 个` : ''}
            {preview.effect.removeCodes ? `,删除科目行 ${preview.effect.removeCodes} 个` : ''}
            {preview.mode === 'baseline' ? `,上年数 ${preview.effect.baselineCells} 个,预填年初数 ${preview.effect.prefilled} 个` : ''}
            {preview.effect.forms ? `,${preview.mode === 'baseline' ? '带入' : '写入'}绩效自评表 ${preview.effect.forms} 张` : ''}
            {preview.reportInputs
              ? preview.mode === 'baseline'
                ? `,工作表“${preview.reportInputs.sheet}”中的概况和主要原因 ${preview.reportInputs.texts} 段作为草稿带入`
                : `,以工作表“${preview.reportInputs.sheet}”替换补充信息(${preview.reportInputs.fields} 项)和决算公开文字(${preview.reportInputs.texts} 段)`
              : ''}
            {preview.missing.length ? `;文件中没有:${preview.missing.join('、')}(保持不变)` : ''}
          </p>
        )}
        <ImportChecks preview={preview} canPartial={canPartial} />
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            取消
          </button>
          {canPartial && (
            <button type="button" onClick={onPartial}>
              只导入能读取的表…
            </button>
          )}
          <button type="button" className="primary" disabled={blocked} onClick={onConfirm}>
            确认导入
          </button>
        </div>
      </div>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { prefillDepartment } from '../../../../shared/forms/department-prefill';
import { variantFor } from '../../../../shared/forms/regions';
import { useYearStore } from '../../stores/use-year-store';
import { newForm } from './form-draft';
import { FormEditor } from './FormEditor';
import { isUntouchedDraft, useFormsStore } from './use-forms-store';
import { disabledWhile, useReadOnlyReason } from '../../stores/read-only';

/**
 * 部门整体支出绩效自评: one per year file, in the region's department layout. Until the clerk
 * types into it, it is only shown (prefilled with the unit's name and code), not stored.
 */
export function DepartmentPage() {
  const readOnly = useReadOnlyReason();
  const info = useYearStore((state) => state.info)!;
  const file = useFormsStore((state) => state.file);
  const loading = useFormsStore((state) => state.loading);
  const entries = useFormsStore((state) => state.entries);
  const draft = useFormsStore((state) => state.draft);
  const remove = useFormsStore((state) => state.remove);
  const [confirming, setConfirming] = useState(false);
  const entry = entries.find((candidate) => candidate.json.subject_type === 'department');
  const ready = file === info.file && !loading;

  const model = useYearStore((state) => state.model);
  const update = useFormsStore((state) => state.update);
  const variant = variantFor(info.formRegion, 'department');

  useEffect(() => {
    if (!ready || !model) return;
    // A new form starts from the figures the year's tables already hold.
    if (!entry) draft(prefillDepartment(newForm(variant, 'department', { name: info.unitName, code: info.unitCode }), model));
    // A department form stored under a project layout (older files: 全国通用, 眉山, 荆门) takes the region's department layout.
    else if (entry.json.variant !== variant && !isUntouchedDraft(entry.id)) update(entry.id, (json) => ({ ...json, variant }));
  }, [ready, entry, draft, info, model, variant, update]);

  if (!entry) return <p className="form-muted">读取中…</p>;
  const untouched = isUntouchedDraft(entry.id);
  return (
    <FormEditor
      id={entry.id}
      seq={1}
      toolbar={
        <>
          <h1 className="form-page-title">部门整体支出绩效自评</h1>
          {untouched ? (
            <span className="form-muted">尚未建立:填写任一项即保存本年度的部门整体自评表</span>
          ) : confirming ? (
            <button type="button" className="form-danger" autoFocus onBlur={() => setConfirming(false)} onClick={() => void remove(entry.id).then(() => setConfirming(false))}>
              确认删除本表
            </button>
          ) : (
            <button type="button" {...disabledWhile(readOnly)} onClick={() => setConfirming(true)}>
              删除本表
            </button>
          )}
        </>
      }
    />
  );
}

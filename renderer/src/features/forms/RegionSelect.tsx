import { profileFor } from '../../../../shared/forms/profiles';
import { FORM_REGIONS, isFormRegion, variantFor, type FormRegion } from '../../../../shared/forms/regions';
import { useYearStore } from '../../stores/use-year-store';
import { isUntouchedDraft, useFormsStore } from './use-forms-store';
import { disabledWhile, useReadOnlyReason } from '../../stores/read-only';

/**
 * 地区表样: which region's forms this year file fills. Switching re-lays every form out with the
 * new region's profile (the model is common to all, nothing is dropped); with forms already
 * filled, the switch is confirmed first because their printed layout changes.
 */
export function RegionSelect() {
  const readOnly = useReadOnlyReason();
  const region = useYearStore((state) => state.info!.formRegion);
  const entries = useFormsStore((state) => state.entries);
  const setRegion = useFormsStore((state) => state.setRegion);
  // Shared with 新增项目, which must not make a form of the old region while the select shows the new one.
  const pending = useFormsStore((state) => state.regionPending);
  const setPending = useFormsStore((state) => state.askRegion);

  // A department form nobody has filled yet is only shown: re-laying it out needs no confirmation.
  const relaid = (next: FormRegion) => entries.filter((entry) => !isUntouchedDraft(entry.id) && entry.json.variant !== variantFor(next, entry.json.subject_type)).length;
  const choose = (next: FormRegion) => {
    const affected = relaid(next);
    if (affected === 0) void setRegion(next);
    else setPending(next);
  };
  const affected = pending ? relaid(pending) : 0;

  return (
    <div className="form-region">
      <label>
        地区表样
        <select
          className="form-select"
          value={pending ?? region}
          {...disabledWhile(readOnly)}
          onChange={(event) => {
            if (isFormRegion(event.target.value)) choose(event.target.value);
          }}
        >
          {Object.entries(FORM_REGIONS).map(([key, value]) => (
            <option key={key} value={key}>
              {value.name}
            </option>
          ))}
        </select>
      </label>
      <span className="form-muted">
        项目:{profileFor(variantFor(region, 'project')).name};部门:{profileFor(variantFor(region, 'department')).name}
      </span>
      {pending && (
        <span className="form-confirm" role="alert">
          已有 {affected} 张自评表将改用“{FORM_REGIONS[pending].name}”表样,已填内容全部保留。
          <button
            type="button"
            className="form-danger"
            onClick={() => {
              void setRegion(pending);
              setPending(null);
            }}
          >
            改用
          </button>
          <button type="button" onClick={() => setPending(null)}>
            取消
          </button>
        </span>
      )}
    </div>
  );
}

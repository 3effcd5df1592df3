import { LIFECYCLES, PROJ_ATTRIBUTES, PROJ_CATEGORIES, PROJ_TYPES, type PerfFormJson } from '../../../../shared/forms/model';
import type { Profile } from '../../../../shared/forms/profiles';
import { disabledWhile, useReadOnlyReason } from '../../stores/read-only';

type Field = 'lifecycle' | 'proj_category' | 'proj_attribute' | 'proj_type';

const FIELDS: ReadonlyArray<{ field: Field; label: string; options: readonly string[] }> = [
  { field: 'lifecycle', label: '项目周期', options: LIFECYCLES },
  { field: 'proj_category', label: '项目类别', options: PROJ_CATEGORIES },
  { field: 'proj_attribute', label: '项目属性', options: PROJ_ATTRIBUTES },
  { field: 'proj_type', label: '项目类型', options: PROJ_TYPES },
];

/**
 * 项目库 facts that no region prints on its self-assessment table but that carry over between
 * years and feed the 部门整体 scoring (常年 vs 阶段 projects, SPEC §4.2): asked once, above the
 * form. Fields the profile already lays out (荆门's ☑ boxes) are not asked twice.
 */
export function RegistryFields({ profile, json, onChange }: { profile: Profile; json: PerfFormJson; onChange(recipe: (json: PerfFormJson) => PerfFormJson): void }) {
  const readOnly = useReadOnlyReason();
  const printed = new Set(profile.layout.flatMap((block) => (block.kind === 'checkboxes' ? [block.field] : [])));
  return (
    <div className="form-registry" aria-label="项目库信息">
      <span className="form-muted">项目库信息</span>
      {FIELDS.filter(({ field }) => !printed.has(field as Exclude<Field, 'lifecycle'>)).map(({ field, label, options }) => (
        <label key={field}>
          {label}
          <select
            className="form-select"
            data-field={field}
            value={json[field] ?? ''}
            onChange={(event) => onChange((current) => ({ ...current, [field]: event.target.value || null }))}
            {...disabledWhile(readOnly)}
          >
            <option value="">(未填)</option>
            {options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

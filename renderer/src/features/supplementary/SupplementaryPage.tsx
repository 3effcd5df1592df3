import { useState } from 'react';
import { SUPP_FIELDS, type SuppField } from '../../../../shared/rules';
import { useYearStore } from '../../stores/use-year-store';
import { useReadOnlyReason } from '../../stores/read-only';

const GROUPS = [...new Set(SUPP_FIELDS.map((field) => field.group))];
const HINT: Record<SuppField['kind'], string> = { amount: '万元', count: '', percent: '%', choice: '' };

/**
 * 补充信息 (SPEC §1.12): figures the narrative and the checks need that no annex table prints.
 * Each field saves when the clerk leaves it; an empty field keeps its rules skipped.
 */
export function SupplementaryPage() {
  const stored = useYearStore((state) => state.supplementary);
  const save = useYearStore((state) => state.saveSupplementary);
  const readOnly = useReadOnlyReason();
  const [values, setValues] = useState<Record<string, string>>(stored);

  const commit = (key: string) => {
    if ((values[key] ?? '') === (stored[key] ?? '')) return;
    void save(Object.fromEntries(Object.entries(values).filter(([, text]) => text.trim() !== '')));
  };

  return (
    <section className="supp-page" aria-label="补充信息" data-first-field="input, select">
      <h1 className="table-title">补充信息</h1>
      <p className="muted supp-intro">以下数字不在公开表中印出,但情况说明和审核规则(机关运行经费、培训费、政府采购、车辆、绩效自评覆盖等)需要用到;不填的项目对应规则不审核。</p>
      <div className="supp-groups">
        {GROUPS.map((group) => (
          <fieldset key={group} className="supp-group">
            <legend>{group}</legend>
            {SUPP_FIELDS.filter((field) => field.group === group).map((field) => (
              <label key={field.key} className="supp-field">
                <span>{field.label}</span>
                {field.kind === 'choice' ? (
                  <select
                    aria-label={field.label}
                    disabled={readOnly !== null}
                    title={readOnly ?? undefined}
                    value={values[field.key] ?? ''}
                    onChange={(event) => setValues({ ...values, [field.key]: event.target.value })}
                    onBlur={() => commit(field.key)}
                  >
                    <option value="">(未填)</option>
                    {field.choices!.map((choice) => (
                      <option key={choice}>{choice}</option>
                    ))}
                  </select>
                ) : (
                  <input
                    aria-label={field.label}
                    readOnly={readOnly !== null}
                    title={readOnly ?? undefined}
                    className={field.kind === 'amount' ? 'num' : undefined}
                    inputMode="decimal"
                    value={values[field.key] ?? ''}
                    onChange={(event) => setValues({ ...values, [field.key]: event.target.value })}
                    onBlur={() => commit(field.key)}
                    onKeyDown={(event) => event.key === 'Enter' && commit(field.key)}
                  />
                )}
                <span className="muted unit">{HINT[field.kind]}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </section>
  );
}

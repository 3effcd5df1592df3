import type { PerfFormJson } from '../../../../shared/forms/model';
import type { Block, HeaderValue } from '../../../../shared/forms/profiles';
import { useYearStore } from '../../stores/use-year-store';
import { setFormField } from './form-draft';
import { TextCell } from './inputs';
import { disabledWhile, useReadOnlyReason } from '../../stores/read-only';

type FieldsBlock = Extract<Block, { kind: 'fields' }>;
type CheckboxBlock = Extract<Block, { kind: 'checkboxes' }>;
type SignatureBlock = Extract<Block, { kind: 'signatures' }>;

interface Common {
  json: PerfFormJson;
  onChange(recipe: (json: PerfFormJson) => PerfFormJson): void;
  /** Refuses a 项目编码 another form of the year already has (the core would refuse the save). */
  codeTaken(code: string): boolean;
}

/** Name and code are the form's identity: checked when the cell is left, never stored half-typed or empty. */
function IdentityCell({ value, json, onChange, codeTaken, label }: Common & { value: 'subject_name' | 'subject_code'; label: string }) {
  const isProject = json.subject_type === 'project';
  return (
    <TextCell
      singleLine
      commitOnBlur
      field={value}
      label={label}
      value={json[value]}
      onValue={(text) => {
        const trimmed = text.trim();
        const required = value === 'subject_name' || isProject;
        if (required && trimmed === '') return useYearStore.setState({ error: `${label}不能为空,已恢复原值` });
        if (value === 'subject_code' && isProject && codeTaken(trimmed)) return useYearStore.setState({ error: `项目编码 ${trimmed} 已有自评表,已恢复原值` });
        onChange((current) => setFormField(current, value, trimmed));
      }}
    />
  );
}

function HeaderCell({ value, label, ...common }: Common & { value: HeaderValue; label: string }) {
  if (value === 'subject_name' || value === 'subject_code') return <IdentityCell {...common} value={value} label={label} />;
  if (value === 'subject_code_name') {
    // MS-P prints "{项目编码}-{项目名称}" in one cell; the model keeps the two apart.
    return (
      <div className="form-code-name">
        <IdentityCell {...common} value="subject_code" label="项目编码" />
        <span>-</span>
        <IdentityCell {...common} value="subject_name" label={label} />
      </div>
    );
  }
  return (
    <TextCell
      singleLine
      field={value}
      label={label}
      value={common.json[value]}
      onValue={(text) => common.onChange((current) => setFormField(current, value, text))}
    />
  );
}

/** The header fields, in the profile's rows (label | value pairs). */
export function FieldsBlock({ block, ...common }: Common & { block: FieldsBlock }) {
  return (
    <table className="form-grid form-fields">
      <colgroup>
        <col className="form-field-label" />
        <col />
        <col className="form-field-label" />
        <col />
      </colgroup>
      <tbody>
        {block.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => [
              <th key={`l${c}`} scope="row" className="form-row-label">
                {cell.label}
              </th>,
              <td key={`v${c}`} colSpan={row.length === 1 ? 3 : undefined}>
                <HeaderCell {...common} value={cell.value} label={cell.label} />
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** JM-P 项目类别 / 属性 / 类型: one ticked option, as the ☑ / □ of the print. */
export function CheckboxBlock({ block, json, onChange }: Omit<Common, 'codeTaken'> & { block: CheckboxBlock }) {
  const readOnly = useReadOnlyReason();
  const chosen = json[block.field] ?? null;
  return (
    <div className="form-checkboxes" role="radiogroup" aria-label={block.label}>
      <span className="form-row-label">{block.label}</span>
      {block.options.map((option, i) => (
        <label key={option}>
          <input
            type="radio"
            name={`form-${block.field}`}
            checked={chosen === option}
            {...disabledWhile(readOnly)}
            onChange={() => onChange((current) => ({ ...current, [block.field]: option }))}
          />
          {i + 1}.{option}
        </label>
      ))}
    </div>
  );
}

export function SignatureBlock({ block, json, onChange }: Omit<Common, 'codeTaken'> & { block: SignatureBlock }) {
  return (
    <div className="form-signatures">
      {block.fields.map((field) => (
        <label key={field.field}>
          {field.label}:
          <TextCell singleLine field={field.field} label={field.label} value={json[field.field]} onValue={(text) => onChange((current) => setFormField(current, field.field, text))} />
        </label>
      ))}
    </div>
  );
}

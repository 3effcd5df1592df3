/**
 * The 绩效自评 form model: one entry point for the enumerations and shapes (form-types.ts), their
 * JSON parsing (form-json.ts), the scored frameworks (framework.ts) and a few lookups.
 */
import type { FundingKey, FundingLine, PerfForm, ProjectRegistryEntry } from './form-types';

export * from './form-types';
export * from './form-json';
export * from './framework';
export { FormParseError } from './json-read';

/** The registry entry a form implies (used when a project is first filed and when carrying forward, SPEC §5.1). */
export function registryEntryFromForm(form: PerfForm): ProjectRegistryEntry | null {
  if (form.subject_type !== 'project' || !form.subject_code) return null;
  return {
    project_code: form.subject_code,
    name: form.subject_name,
    competent_dept: form.competent_dept,
    implementing_unit: form.implementing_unit,
    category: form.proj_category,
    attribute: form.proj_attribute,
    type: form.proj_type,
    lifecycle: form.lifecycle,
    project_lead: form.project_lead,
    first_year: null,
  };
}

/** "51140022T000000254621-眉山市12345…" (MS-P 项目名称 cell) → code and name; a cell without a code is all name. */
export function splitCodedName(cell: string): { code: string | null; name: string } {
  const match = /^\s*([0-9A-Z]{6,})\s*[-—]\s*(.+)$/.exec(cell);
  return match ? { code: match[1], name: match[2].trim() } : { code: null, name: cell.trim() };
}

/** The form's name in findings and lists: its code where it has one (unique), else its name. */
export function formLabel(form: Pick<PerfForm, 'subject_code' | 'subject_name'>): string {
  return form.subject_code ?? form.subject_name;
}

export function fundingLine(form: Pick<PerfForm, 'funding'>, key: FundingKey): FundingLine | undefined {
  return form.funding.find((line) => line.key === key);
}

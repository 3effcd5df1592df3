import { findingKey, type Finding } from '../rules/types';
import type { ModelView } from '../rules/types';
import { TOTAL } from '../tables/types';
import { formLabel, type PerfForm } from './model';
import { profileFor } from './profiles';
import { checkForm, checkProjectSet, type Finding as FormFinding } from './rules';

export type { FormFinding };

/** Where form findings sit in the year's findings: the 绩效自评 "table", one row per form. */
export const FORMS_TABLE = '绩效自评';

/**
 * FV-01 … FV-18 on every form of the year and R-X22 over the project set, with the annex totals
 * the forms are compared with, as findings shaped like the tables' (info-level notes are left
 * out: SPEC §0.4 shows them only on request). `checkedBefore` may give a project form's findings
 * from an earlier run of checkProjectForm on the same form (the core caches them per form).
 */
export function checkYearForms(forms: PerfForm[], model: ModelView | null, checkedBefore?: (form: PerfForm) => FormFinding[] | undefined): Finding[] {
  const total = (table: string, col: string) => {
    try {
      return model ? model.value(table, TOTAL, col) : null;
    } catch {
      return null;
    }
  };
  const annex = { gpbExpenditure: total('公开05表', '1'), govFundExpenditure: total('公开07表', '3'), soeExpenditure: total('公开08表', '1') };
  const findings: FormFinding[] = [];
  for (const form of forms) {
    const known = form.subject_type === 'project' ? checkedBefore?.(form) : undefined;
    findings.push(...(known ?? checkForm(form, profileFor(form.variant), { annex })));
  }
  findings.push(...checkProjectSet(forms, total('公开03表', '3')));
  // Findings are keyed by the form's label (its 项目编码); the clerk reads its name.
  const names = new Map(forms.map((form) => [formLabel(form), form.subject_type === 'department' ? `部门整体(${form.subject_name})` : form.subject_name]));
  // One cell can carry two findings of a rule (FV-05's total and its 一级 sum both point at the first
  // 权重): the later ones get a numbered key, so the panel lists each once and each keeps its own 说明.
  const seen = new Map<string, number>();
  const unique = (key: string) => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  };
  return findings
    .filter((finding) => finding.severity !== 'info')
    .map((finding) => ({
      key: unique(findingKey(finding.rule, FORMS_TABLE, finding.form, finding.field)),
      rule: finding.rule,
      severity: finding.severity as 'error' | 'warning',
      table: FORMS_TABLE,
      row: finding.form,
      col: finding.field,
      // R-X22 is about all project forms and says so itself.
      message: names.has(finding.form) ? `${names.get(finding.form)}:${finding.message}` : finding.message,
      expected: finding.expected ?? null,
      actual: finding.actual ?? null,
    }));
}

/**
 * A project form's own findings. They depend on the form alone: the annex totals are compared with
 * the department form only (FV-17), so a project form's result can be kept until the form changes.
 */
export function checkProjectForm(form: PerfForm): FormFinding[] {
  return checkForm(form, profileFor(form.variant));
}

/** The key a form is stored under: project forms by 项目编码, the department form by ''. */
export function formKey(form: Pick<PerfForm, 'subject_type' | 'subject_code'>): { subject_type: PerfForm['subject_type']; subject_code: string } {
  return { subject_type: form.subject_type, subject_code: form.subject_type === 'department' ? '' : (form.subject_code ?? '') };
}

export { formLabel };

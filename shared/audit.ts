/**
 * The one 审核 of a year: the annex-table rules and the 绩效自评 rules, with the clerk's 出错说明
 * written on warnings. The core runs it before export and for `validate`; the renderer runs it
 * after every committed change. Both read the same function, so what the panel shows is what the
 * export gate finds.
 */
import type { PerfForm } from './forms/model';
import { checkYearForms, type FormFinding } from './forms/year-check';
import { pointToUnits, validateYear, type Finding, type ModelView, type UnitFixes, type ValidateOptions } from './rules';
import { withPrintedLabels, type LabelStyle } from './tables';

export interface AuditInputs extends Omit<ValidateOptions, 'explanations'> {
  /** How the year numbers its tables: messages name them so (四川 表一…表十三), as the side list does. */
  numbering?: LabelStyle;
  explanations: Readonly<Record<string, string>>;
  /** The year's 绩效自评 forms (FV-01 … FV-18, R-X22). */
  forms: readonly PerfForm[];
  /** A project form's own findings kept from an earlier run (the core's per-form cache, electron/core/form-checks.ts). */
  checkedBefore?: (form: PerfForm) => FormFinding[] | undefined;
  /** A 汇总's: where its errors on summed amounts are fixed, from its units' figures (rules/consolidated.ts). */
  unitFixes?: UnitFixes;
}

export function auditYear(model: ModelView, inputs: AuditInputs): Finding[] {
  const { forms, explanations, checkedBefore, numbering, unitFixes, ...options } = inputs;
  const tables = pointToUnits(validateYear(model, { ...options, explanations }), unitFixes, options);
  const formFindings = checkYearForms([...forms], model, checkedBefore).map((finding) => {
    const text = explanations[finding.key]?.trim();
    // An error blocks export whatever is written about it (SPEC §0.4).
    return text && finding.severity === 'warning' ? { ...finding, explanation: text } : finding;
  });
  return [...tables, ...formFindings].map((finding) => {
    const message = withPrintedLabels(finding.message, options.template, numbering);
    return message === finding.message ? finding : { ...finding, message };
  });
}

/**
 * Form validation rules FV-01 … FV-18 (SPEC §3.12) and the project-set rule R-X22 (SPEC §2.4).
 * The rules are declared data: id, title and one Chinese message template per way the rule can
 * fail, each with its own severity (FV-03 is E, I or W depending on where the amounts came from).
 * checkForm only fills the templates; the UI and the exporter list findings as they are.
 *
 * The declarations are in rule-messages.ts, the checks in rules-funding.ts, rules-indicators.ts and
 * rules-text-context.ts.
 */
import type { Amount } from '../money';
import { fundingLine, type PerfForm } from './model';
import type { Profile } from './profiles';
import { amountText, PRINT_TOLERANCE, render, type CheckContext, type Finding } from './rule-messages';
import { fv01, fv02, fv03, fv04, fv11 } from './rules-funding';
import { fv05, fv06, fv07, fv08, fv09, fv10, fv13, fv14 } from './rules-indicators';
import { fv12, fv15, fv16, fv17, fv18 } from './rules-text-context';

export { FORM_RULES, type CheckContext, type Finding, type FormRule, type RuleVariant, type Severity } from './rule-messages';
export { parsePrintedRate } from './rules-funding';
export { charCount } from './rule-messages';

// ---------------------------------------------------------------- entry points

/** Runs FV-01 … FV-18 on one form. Findings come in rule order; none means the form is clean. */
export function checkForm(form: PerfForm, profile: Profile, context: CheckContext = {}): Finding[] {
  return [
    ...fv01(form, profile),
    ...fv02(form, profile),
    ...fv03(form, profile),
    ...fv04(form, profile),
    ...fv05(form, profile),
    ...fv06(form),
    ...fv07(form, profile, context),
    ...fv08(form, profile),
    ...fv09(form),
    ...fv10(form),
    ...fv11(form, profile),
    ...fv12(form, profile),
    ...fv13(form, profile),
    ...fv14(form, profile),
    ...fv15(form, profile, context),
    ...fv16(form, context),
    ...fv17(form, profile, context),
    ...fv18(form, profile),
  ];
}

/**
 * R-X22 over all project forms of one unit: Σ 实际支出数 ≤ 公开03 项目支出 (T03[TOTAL].c3).
 * Seed 000: twelve forms spend 1653.50 against 项目支出 1589.14 (M-19).
 */
export function checkProjectSet(forms: PerfForm[], projectExpenditure: Amount | null): Finding[] {
  const projects = forms.filter((f) => f.subject_type === 'project');
  if (projectExpenditure === null || projects.length === 0) return [];
  const sum = projects.reduce((s, f) => s + (fundingLine(f, 'TOTAL')?.actual ?? 0), 0);
  if (sum <= projectExpenditure + PRINT_TOLERANCE) return [];
  return [render('R-X22', 'exceeds', '(全部项目)', 'funding[TOTAL].actual', { count: projects.length, actual: amountText(sum), expected: amountText(projectExpenditure) })];
}

/** Blocking errors decide whether export needs an override (SPEC §0.4). */
export function hasBlockingErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
import type { YearInfo } from '../../../shared/contract';
import { ruleSetFor, tablesRead, validateYear, type Finding, type ModelView, type Supplementary } from '../../../shared/rules';
import type { YearModel } from '../../../shared/tables';

/** What a 审核 run reads besides the year's own values. */
export interface CheckInputs {
  model: YearModel;
  info: YearInfo;
  explanations: Record<string, string>;
  baseline?: ModelView;
  supp?: Supplementary;
}

/**
 * The year's findings after a change. Only the rules reading a changed table run again; the
 * findings of every other rule stand as they were. Without a previous run, everything runs.
 */
export function revalidate(inputs: CheckInputs, previous: Finding[] | null, changedTables: ReadonlySet<string> | null): Finding[] {
  const { model, info } = inputs;
  const options = { template: info.template, fiscalYear: info.fiscalYear, edition: info.definitionsEdition, explanations: inputs.explanations, baseline: inputs.baseline, supp: inputs.supp };
  if (!previous || !changedTables) return validateYear(model, options);
  const rerun = new Set(
    ruleSetFor(info.template, info.fiscalYear, undefined, info.definitionsEdition)
      .rules.filter((rule) => [...tablesRead(rule)].some((table) => changedTables.has(table)))
      .map((rule) => rule.id),
  );
  return [...previous.filter((finding) => !rerun.has(finding.rule)), ...validateYear(model, { ...options, tables: [...changedTables] })];
}

/** Severity per cell ("table|row|col"; col "" marks a whole row), errors winning over warnings. */
export function findingsByCell(findings: Finding[]): Map<string, 'error' | 'warning'> {
  const marks = new Map<string, 'error' | 'warning'>();
  for (const finding of findings) {
    const key = `${finding.table}|${finding.row}|${finding.col}`;
    if (marks.get(key) !== 'error') marks.set(key, finding.severity);
  }
  return marks;
}

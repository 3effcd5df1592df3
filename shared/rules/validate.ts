import { catalogFor } from '../catalog';
import { CheckContext } from './context';
import { ruleSetFor } from './registry';
import type { Finding, ModelView, Need, RuleDef, Severity, ValidateOptions } from './types';

function has(need: Need, options: ValidateOptions): boolean {
  return need === 'baseline' ? options.baseline !== undefined : options.supp?.[need] !== undefined;
}

/** Why a rule does not run with these options, or null when it runs. */
export function skipReason(rule: RuleDef, options: ValidateOptions): string | null {
  const missing = (rule.needs ?? []).filter((need) => !has(need, options));
  if (missing.length) return `缺少${missing.map(needName).join('、')}`;
  if (rule.needsOneOf && !rule.needsOneOf.some((need) => has(need, options))) return `缺少${rule.needsOneOf.map(needName).join('或')}`;
  return null;
}

const needName = (need: Need) => (need === 'baseline' ? '上年决算数据' : `补充信息 ${need}`);

/** The rules of the version in force, each with the reason it is skipped (null = it runs). */
export function planRules(options: ValidateOptions): { rule: RuleDef; skipped: string | null }[] {
  return ruleSetFor(options.template, options.fiscalYear, options.region, options.edition).rules.map((rule) => ({ rule, skipped: skipReason(rule, options) }));
}

/**
 * 审核 of one year: every applicable rule of the version in force. Cross-year rules need
 * `baseline`, some need supplementary inputs; without them they are skipped, not failed.
 * The whole year runs every time: an edit changes computed and linked cells of other tables too.
 */
export function validateYear(model: ModelView, options: ValidateOptions): Finding[] {
  const set = ruleSetFor(options.template, options.fiscalYear, options.region, options.edition);
  const catalog = catalogFor(options.fiscalYear, options.edition);
  const ctx = new CheckContext(
    model,
    options.baseline,
    options.supp ?? {},
    options.isKnownCode ?? ((code) => catalog.isKnownFunctionCode(code)),
    { ...catalog.replacements, ...set.codeMappings },
    options.printed,
    options.printedNames,
    (text) => catalog.formerNameOf(text),
  );
  for (const rule of set.rules) {
    if (skipReason(rule, options) !== null || (options.only && !options.only.has(rule.id))) continue;
    ctx.run(rule);
  }
  const explanations = options.explanations ?? {};
  for (const finding of ctx.findings) {
    const text = explanations[finding.key]?.trim();
    // An error blocks export whatever is written about it (SPEC §0.4).
    if (text && finding.severity === 'warning') finding.explanation = text;
  }
  return ctx.findings;
}

export interface Counts {
  error: number;
  warning: number;
  /** Warnings with an 出错说明. */
  explained: number;
}

/** Counts per table and in total, for the 审核 panel and the export gate. */
export function summarise(findings: readonly Finding[]): { total: Counts; byTable: Record<string, Counts> } {
  const zero = (): Counts => ({ error: 0, warning: 0, explained: 0 });
  const total = zero();
  const byTable: Record<string, Counts> = {};
  for (const finding of findings) {
    const table = (byTable[finding.table] ??= zero());
    for (const counts of [total, table]) {
      counts[finding.severity satisfies Severity]++;
      if (finding.explanation) counts.explained++;
    }
  }
  return { total, byTable };
}

/** Export / 报送 is allowed when no error remains; warnings only need acknowledging. */
export function canSubmit(findings: readonly Finding[]): boolean {
  return !findings.some((finding) => finding.severity === 'error');
}

/** The text rules (FV-12) and the rules that compare a form with what lies outside it: 决算 fund type, narrative, annex totals, base data (FV-15 … FV-18). */
import type { Amount } from '../money';
import { divRoundHalfUp, decToString, parseDec, type Dec } from './decimal';
import { FIELD_LABELS, fundingLine, type FundingKey, type PerfForm } from './model';
import { baseDataGroups, textSections, type Profile } from './profiles';
import { parsePrintedRate, rateAt } from './rules-funding';
import { charCount, finding, amountText, lineLabel, PRINT_TOLERANCE, type CheckContext, type Finding } from './rule-messages';

// ---------------------------------------------------------------- text rules

/** Template prompts and unfilled placeholders ("一是……;二是……", "(100字以内)", "XX"). */
function looksLikePlaceholder(text: string, prompt: string | undefined): boolean {
  const s = text.replace(/\s+/g, '');
  if (prompt && s === prompt.replace(/\s+/g, '')) return true;
  return /……|\.\.\.\.\.\.|[((]\d+字以内[))]|XX|××|xxx/i.test(s);
}


export function fv12(form: PerfForm, profile: Profile): Finding[] {
  const findings: Finding[] = [];
  for (const section of textSections(profile)) {
    const label = section.label[section.label.length - 1] ?? FIELD_LABELS[section.field];
    if (section.kind === 'text') {
      const value = form[section.field];
      if (value === null || value.trim() === '') {
        if (section.required) findings.push(finding('FV-12', 'empty', form, section.field, { label }));
        continue;
      }
      if (looksLikePlaceholder(value, section.prompt)) findings.push(finding('FV-12', 'placeholder', form, section.field, { label, actual: value.trim() }));
      else if (section.maxChars !== undefined && charCount(value) > section.maxChars)
        findings.push(finding('FV-12', 'too_long', form, section.field, { label, actual: charCount(value), expected: section.maxChars }));
      continue;
    }
    const items = form[section.field].filter((item) => item.trim() !== '');
    if (items.length === 0 && section.required) findings.push(finding('FV-12', 'empty', form, section.field, { label }));
    form[section.field].forEach((item, i) => {
      const field = `${section.field}[${i}]`;
      if (looksLikePlaceholder(item, undefined)) findings.push(finding('FV-12', 'placeholder', form, field, { label, actual: item.trim() }));
      else if (section.maxCharsEach !== undefined && charCount(item) > section.maxCharsEach)
        findings.push(finding('FV-12', 'too_long', form, field, { label, actual: charCount(item), expected: section.maxCharsEach }));
    });
  }
  return findings;
}

// ---------------------------------------------------------------- rules needing outside values

const FUND_TYPE_OF: Partial<Record<FundingKey, 'GPB' | 'GOV_FUND' | 'SOE'>> = { GPB: 'GPB', GPB_UPPER: 'GPB', GPB_LOCAL: 'GPB', GOV_FUND: 'GOV_FUND', SOE: 'SOE' };
const FUND_TYPE_NAME = { GPB: '一般公共预算', GOV_FUND: '政府性基金', SOE: '国有资本经营预算' } as const;

export function fv15(form: PerfForm, profile: Profile, context: CheckContext): Finding[] {
  const expectedType = context.projectFundType;
  if (!expectedType || form.subject_type !== 'project') return [];
  return form.funding.flatMap((line) => {
    const type = FUND_TYPE_OF[line.key];
    const amount = line.actual ?? 0;
    if (!type || type === expectedType || amount === 0) return [];
    return [finding('FV-15', 'mismatch', form, `funding[${line.key}].actual`, { line: lineLabel(line, profile), expected: FUND_TYPE_NAME[expectedType], actual: amountText(amount) })];
  });
}

export function fv16(form: PerfForm, context: CheckContext): Finding[] {
  const narrative = context.narrative;
  const total = fundingLine(form, 'TOTAL');
  if (!narrative || !total) return [];
  const findings: Finding[] = [];
  const compare = (column: string, cited: Amount | null | undefined, own: Amount | null, field: string) => {
    if (cited === undefined || cited === null || own === null || cited === own) return;
    findings.push(finding('FV-16', 'mismatch', form, field, { column, actual: amountText(cited), expected: amountText(own) }));
  };
  compare('预算数', narrative.budget, total.budget_adjusted, 'funding[TOTAL].budget_adjusted');
  compare('执行数', narrative.actual, total.actual, 'funding[TOTAL].actual');
  const cited = narrative.rate ? parsePrintedRate(narrative.rate) : null;
  if (cited && narrative.rate && total.actual !== null && total.budget_adjusted) {
    if (rateAt(total.actual, total.budget_adjusted, cited.scale).coef !== cited.coef) {
      findings.push(finding('FV-16', 'mismatch', form, 'funding[TOTAL].exec_rate', { column: '执行率', actual: narrative.rate, expected: `${decToString(rateAt(total.actual, total.budget_adjusted, 2))}%` }));
    }
  }
  return findings;
}


export function fv17(form: PerfForm, profile: Profile, context: CheckContext): Finding[] {
  const annex = context.annex;
  if (!annex || form.subject_type !== 'department') return [];
  const findings: Finding[] = [];
  const differs = (a: Amount | null, b: Amount | null | undefined): b is Amount => a !== null && b !== undefined && b !== null && Math.abs(a - b) > PRINT_TOLERANCE;
  const total = fundingLine(form, 'TOTAL');
  if (total && differs(total.actual, annex.gpbExpenditure)) {
    findings.push(finding('FV-17', 'total', form, 'funding[TOTAL].actual', { actual: amountText(total.actual), expected: amountText(annex.gpbExpenditure) }));
  }
  const splits: Array<[FundingKey, Amount | null | undefined]> = [['GPB', annex.gpbExpenditure], ['GOV_FUND', annex.govFundExpenditure], ['SOE', annex.soeExpenditure]];
  for (const [key, expected] of splits) {
    const line = fundingLine(form, key);
    if (line && differs(line.actual ?? 0, expected)) {
      findings.push(finding('FV-17', 'split', form, `funding[${key}].actual`, { line: lineLabel(line, profile), actual: amountText(line.actual ?? 0), expected: amountText(expected) }));
    }
  }
  return findings;
}

export function fv18(form: PerfForm, profile: Profile): Finding[] {
  const groups = baseDataGroups(profile);
  return form.base_data.flatMap((row, i) => {
    const group = groups.find((g) => g.group === row.group);
    if (!group || row.value3 === null) return [];
    const c1 = row.value1 === null ? null : parseDec(row.value1);
    const c2 = row.value2 === null ? null : parseDec(row.value2);
    const printed = parsePrintedRate(row.value3);
    if (!c1 || !c2 || !printed) return [];
    const scale = Math.max(c1.scale, c2.scale);
    const a = c1.coef * 10n ** BigInt(scale - c1.scale);
    const b = c2.coef * 10n ** BigInt(scale - c2.scale);
    let expectedAt: (decimals: number) => Dec;
    let suffix = '%';
    if (group.formula === 'diff') {
      expectedAt = () => ({ coef: a - b, scale });
      suffix = '';
    } else {
      if (a === 0n) return [];
      const num = group.formula === 'ratio' ? b : b - a;
      const den = a < 0n ? -a : a;
      const signed = a < 0n ? -num : num;
      expectedAt = (decimals) => ({ coef: divRoundHalfUp(signed * 100n * 10n ** BigInt(decimals), den), scale: decimals });
    }
    const atPrinted = expectedAt(printed.scale);
    if (compareExact(atPrinted, printed)) return [];
    const shown = group.formula === 'diff' ? atPrinted : expectedAt(2);
    return [
      finding('FV-18', 'mismatch', form, `base_data[${i}].value3`, {
        group: row.group,
        column: group.labels[2],
        actual: row.value3,
        expected: `${decToString(shown)}${suffix}`,
      }),
    ];
  });
}

function compareExact(a: Dec, b: Dec): boolean {
  const scale = Math.max(a.scale, b.scale);
  return a.coef * 10n ** BigInt(scale - a.scale) === b.coef * 10n ** BigInt(scale - b.scale);
}

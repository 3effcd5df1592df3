/** The funding rules: FV-01 … FV-04 and FV-11 (the 资金 block of a form). */
import type { Amount } from '../money';
import { divRoundHalfUp, decToString, parseDec, toHalfWidth, type Dec } from './decimal';
import { DEFAULT_PARENT, FIELD_LABELS, fundingLine, type FundingKey, type FundingLine, type PerfForm } from './model';
import type { Profile } from './profiles';
import { budgetExecScore, formatRate, lineRateBp } from './scoring';
import { charCount, finding, isBlank, amountText, pointsText, lineLabel, sumTolerance, AMOUNT_COLUMNS, type Finding } from './rule-messages';

export function fv01(form: PerfForm, profile: Profile): Finding[] {
  return form.funding.flatMap((line) => {
    if (line.budget_initial === null || line.budget_adjustment === null || line.budget_adjusted === null) return [];
    const expected = line.budget_initial + line.budget_adjustment;
    const diff = Math.abs(line.budget_adjusted - expected);
    if (diff === 0) return [];
    // SPEC FV-01 tolerance: 0.001 万元 (seed 004 prints 3292.554 for 3246.24 + 46.315).
    const variant = diff <= 10 ? 'rounding' : 'mismatch';
    return [finding('FV-01', variant, form, `funding[${line.key}].budget_adjusted`, { line: lineLabel(line, profile), actual: amountText(line.budget_adjusted), expected: amountText(expected) })];
  });
}

/** The parent actually present on the form: YL-P prints 上级/本级 without their 一般公共预算 row, so they roll up to 合计. */
function effectiveParent(line: FundingLine, present: Set<FundingKey>): FundingKey | null {
  let parent = line.parent_key;
  while (parent !== null && !present.has(parent)) parent = DEFAULT_PARENT[parent];
  return parent;
}

export function fv02(form: PerfForm, profile: Profile): Finding[] {
  const present = new Set(form.funding.map((l) => l.key));
  const findings: Finding[] = [];
  for (const parent of form.funding) {
    const children = form.funding.filter((l) => l !== parent && effectiveParent(l, present) === parent.key);
    if (children.length === 0) continue;
    for (const column of AMOUNT_COLUMNS) {
      const values = children.map((c) => c[column]).filter((v): v is Amount => v !== null);
      if (values.length === 0) continue;
      const sum = values.reduce((a, b) => a + b, 0);
      const own = parent[column];
      if (own === null && sum === 0) continue;
      const diff = Math.abs((own ?? 0) - sum);
      if (diff === 0) continue;
      const variant = diff <= sumTolerance(values.length) ? 'rounding' : 'mismatch';
      findings.push(
        finding('FV-02', variant, form, `funding[${parent.key}].${column}`, {
          line: lineLabel(parent, profile),
          column: FIELD_LABELS[column],
          actual: amountText(own),
          expected: amountText(sum),
        }),
      );
    }
  }
  return findings;
}

/**
 * A printed rate as a percentage with its printed decimals: "91.84%", "87%", "96.%" (seed
 * typo), "36.37" (percent without its sign), "0.975" (a fraction, YL-D). A plain number with a
 * decimal point below 1.5 is read as a fraction: no seed rate without a % sign is that small.
 */
export function parsePrintedRate(text: string): Dec | null {
  const s = toHalfWidth(text).trim().replace(/\s+/g, '');
  const percent = s.endsWith('%');
  const dec = parseDec(percent ? s.slice(0, -1) : s);
  if (!dec) return null;
  const fraction = !percent && s.includes('.') && dec.coef < 15n * 10n ** BigInt(Math.max(dec.scale - 1, 0)) && dec.scale > 0;
  if (!fraction) return dec;
  return dec.scale >= 2 ? { coef: dec.coef, scale: dec.scale - 2 } : { coef: dec.coef * 10n ** BigInt(2 - dec.scale), scale: 0 };
}

/** actual ÷ budget as a percent rounded half-up to `decimals` places, as an exact decimal. */
export function rateAt(actual: Amount, budget: Amount, decimals: number): Dec {
  const coef = divRoundHalfUp(BigInt(actual) * 100n * 10n ** BigInt(decimals), BigInt(budget));
  return { coef, scale: decimals };
}

const hasHiddenPrecision = (a: Amount | null): boolean => a !== null && a % 100 !== 0;

export function fv03(form: PerfForm, profile: Profile): Finding[] {
  return form.funding.flatMap((line) => {
    if (line.exec_rate === null || line.exec_rate.trim() === '') return [];
    const printed = parsePrintedRate(line.exec_rate);
    if (!printed) return [];
    const field = `funding[${line.key}].exec_rate`;
    const vars = { line: lineLabel(line, profile), actual: line.exec_rate };
    if (line.actual === null || line.budget_adjusted === null || line.budget_adjusted <= 0) {
      return printed.coef === 0n ? [] : [finding('FV-03', 'undefined', form, field, vars)];
    }
    if (rateAt(line.actual, line.budget_adjusted, printed.scale).coef === printed.coef) return [];
    const computed = rateAt(line.actual, line.budget_adjusted, 2);
    const expected = `${decToString(computed)}%`;
    if (hasHiddenPrecision(line.actual) || hasHiddenPrecision(line.budget_adjusted)) return [finding('FV-03', 'exact', form, field, { ...vars, expected })];
    const printed2 = printed.coef * 10n ** BigInt(Math.max(0, 2 - printed.scale));
    const diff = printed.scale > 2 ? null : computed.coef - printed2;
    const near = diff !== null && diff <= 5n && diff >= -5n;
    return [finding('FV-03', near ? 'near' : 'far', form, field, { ...vars, expected })];
  });
}

export function fv04(form: PerfForm, profile: Profile): Finding[] {
  const total = fundingLine(form, 'TOTAL');
  if (!total || total.score === null || profile.scoring.budgetWeight === null) return [];
  const computed = budgetExecScore(total, profile);
  const field = 'funding[TOTAL].score';
  if (computed === null) {
    const undefinedRate = total.budget_adjusted === 0 || (total.budget_adjusted === null && total.actual !== null);
    return undefinedRate && total.score !== 0 ? [finding('FV-04', 'undefined', form, field, { actual: pointsText(total.score) })] : [];
  }
  return computed === total.score ? [] : [finding('FV-04', 'mismatch', form, field, { actual: pointsText(total.score), expected: pointsText(computed) })];
}

export function fv11(form: PerfForm, profile: Profile): Finding[] {
  const threshold = profile.scoring.reasonBelowBp;
  const total = fundingLine(form, 'TOTAL');
  const bp = lineRateBp(total);
  if (threshold === null || bp === null || bp >= threshold) return [];
  const reason = total?.reason;
  const cell = reasonCell(total!, profile);
  if (isBlank(reason)) return [finding('FV-11', 'missing', form, 'funding[TOTAL].reason', { actual: formatRate(bp), expected: formatRate(threshold), cell })];
  const limit = profile.scoring.reasonMaxChars;
  if (limit !== null && charCount(reason!) > limit) return [finding('FV-11', 'too_long', form, 'funding[TOTAL].reason', { actual: charCount(reason!), expected: limit, cell })];
  return [];
}

/** The cell the form prints for the reason, as the clerk sees it ("总额 原因" on 眉山's form). */
function reasonCell(total: FundingLine, profile: Profile): string {
  const header = profile.layout.flatMap((block) => (block.kind === 'funding' ? block.columns : [])).find((column) => column.value === 'reason')?.header.join('');
  return header ? `${lineLabel(total, profile)} ${header}` : '执行率偏低原因';
}

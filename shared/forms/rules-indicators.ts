/** The indicator rules: FV-05 … FV-10, FV-13, FV-14 (the 绩效指标 block of a form, and its total score). */
import { COUNT_UNITS, GENERIC_SATISFACTION, isAllowedUnder, isRange, normaliseLevel1, normaliseLevel2, parseIndicatorValue, type IndicatorValue } from './indicators';
import { FIELD_LABELS, fundingLine, type Indicator, type PerfForm } from './model';
import type { Profile } from './profiles';
import { budgetExecScore, metState, suggestIndicatorScore } from './scoring';
import { finding, isBlank, pointsText, type CheckContext, type Finding } from './rule-messages';

// ---------------------------------------------------------------- indicator rules

const annual = (form: PerfForm) => form.indicators.map((ind, i) => [ind, i] as const).filter(([ind]) => ind.horizon === 'ANNUAL');

export function fv05(form: PerfForm, profile: Profile): Finding[] {
  const { indicatorTotal, level1Weights } = profile.scoring;
  const rows = annual(form);
  const findings: Finding[] = [];
  // A click on the finding lands on the first weight of the rows it sums (the whole list when there are none).
  const firstWeight = (of: typeof rows) => (of.length ? `indicators[${of[0][1]}].weight` : 'indicators');
  if (indicatorTotal !== null) {
    const sum = rows.reduce((s, [ind]) => s + (ind.weight ?? 0), 0);
    if (sum !== indicatorTotal) findings.push(finding('FV-05', 'total', form, firstWeight(rows), { actual: pointsText(sum), expected: pointsText(indicatorTotal) }));
  }
  for (const [level1, expected] of Object.entries(level1Weights ?? {})) {
    const group = rows.filter(([ind]) => normaliseLevel1(ind.level1)?.canonical === level1);
    const sum = group.reduce((s, [ind]) => s + (ind.weight ?? 0), 0);
    if (sum !== expected) findings.push(finding('FV-05', 'level1', form, firstWeight(group), { level1, actual: pointsText(sum), expected: pointsText(expected ?? null) }));
  }
  return findings;
}

export function fv06(form: PerfForm): Finding[] {
  return annual(form).flatMap(([ind, i]) => {
    if (ind.score === null) return [];
    if (ind.score >= 0 && (ind.weight === null || ind.score <= ind.weight)) return [];
    return [finding('FV-06', 'range', form, `indicators[${i}].score`, { name: ind.name, actual: pointsText(ind.score), expected: pointsText(ind.weight) })];
  });
}

export function fv07(form: PerfForm, profile: Profile, context: CheckContext): Finding[] {
  if (!profile.scoring.hasTotal) return [];
  const total = fundingLine(form, 'TOTAL');
  // The recorded budget score is used, not the computed one: a wrong budget score is FV-04's finding, not this one's.
  const budget = profile.scoring.budgetWeight === null ? 0 : (total?.score ?? budgetExecScore(total, profile) ?? 0);
  const expected = annual(form).reduce((s, [ind]) => s + (ind.score ?? suggestIndicatorScore(ind, profile) ?? 0), budget);
  const findings: Finding[] = [];
  if (form.total_score !== null && form.total_score !== expected) {
    findings.push(finding('FV-07', 'mismatch', form, 'total_score', { actual: pointsText(form.total_score), expected: pointsText(expected) }));
  }
  const cited = context.narrative?.total_score;
  const own = form.total_score ?? expected;
  if (cited !== undefined && cited !== null && cited !== own) {
    findings.push(finding('FV-07', 'narrative', form, 'total_score', { actual: pointsText(cited), expected: pointsText(own) }));
  }
  return findings;
}

export function fv08(form: PerfForm, profile: Profile): Finding[] {
  return annual(form).flatMap(([ind, i]) => {
    if (ind.weight === null || ind.score === null || !isBlank(ind.deviation)) return [];
    const met = metState(ind, profile);
    const vars = { name: ind.name, expected: ind.target_raw ?? '' };
    if (met === 'not_met' && ind.score >= ind.weight) return [finding('FV-08', 'not_met_full', form, `indicators[${i}].deviation`, { ...vars, actual: ind.actual_raw ?? '' })];
    if (met === 'met' && ind.score < ind.weight) return [finding('FV-08', 'met_partial', form, `indicators[${i}].deviation`, { ...vars, actual: pointsText(ind.score) })];
    return [];
  });
}

export function fv09(form: PerfForm): Finding[] {
  return annual(form).flatMap(([ind, i]) =>
    isRange(parseIndicatorValue(ind.actual_raw, ind.unit)) ? [finding('FV-09', 'range', form, `indicators[${i}].actual_raw`, { name: ind.name, actual: ind.actual_raw ?? '' })] : [],
  );
}

function outsidePercent(value: IndicatorValue): boolean {
  if (value.kind !== 'number' || value.unit !== '%') return false;
  return value.num.coef < 0n || value.num.coef > 100n * 10n ** BigInt(value.num.scale);
}

const MONEY_UNIT = /^万?元(\/.+)?$/;

export function fv10(form: PerfForm): Finding[] {
  return form.indicators.flatMap((ind, i) => {
    const found: Finding[] = [];
    const target = parseIndicatorValue(ind.target_raw, ind.unit);
    for (const [column, value, raw] of [['target_raw', target, ind.target_raw], ['actual_raw', parseIndicatorValue(ind.actual_raw, ind.unit), ind.actual_raw]] as const) {
      if (outsidePercent(value)) found.push(finding('FV-10', 'percent_range', form, `indicators[${i}].${column}`, { name: ind.name, column: FIELD_LABELS[column], actual: raw ?? '' }));
    }
    const unit = ind.unit?.trim() || (target.kind === 'number' ? target.unit : null);
    if (unit && /率/.test(ind.name) && COUNT_UNITS.includes(unit)) {
      found.push(finding('FV-10', 'rate_count_unit', form, `indicators[${i}].${ind.unit ? 'unit' : 'target_raw'}`, { name: ind.name, actual: unit }));
    }
    if (unit && /数量/.test(ind.name) && MONEY_UNIT.test(unit)) {
      found.push(finding('FV-10', 'count_money_unit', form, `indicators[${i}].${ind.unit ? 'unit' : 'target_raw'}`, { name: ind.name, actual: unit }));
    }
    return found;
  });
}

function indicatorKey(ind: Indicator): string {
  const l1 = normaliseLevel1(ind.level1)?.canonical ?? ind.level1;
  const l2 = normaliseLevel2(ind.level2)?.canonical ?? ind.level2;
  return `${l1}|${l2}|${ind.name.replace(/\s+/g, '')}`;
}

export function fv13(form: PerfForm, profile: Profile): Finding[] {
  const hasLongTerm = profile.layout.some((b) => b.kind === 'indicators' && b.horizon === 'LONG_TERM');
  if (!hasLongTerm) return [];
  const longTerm = new Map(form.indicators.map((ind, i) => [ind, i] as const).filter(([ind]) => ind.horizon === 'LONG_TERM').map(([ind, i]) => [indicatorKey(ind), [ind, i] as const]));
  const annualRows = annual(form);
  const annualKeys = new Set(annualRows.map(([ind]) => indicatorKey(ind)));
  const levels = (ind: Indicator) => ({ name: ind.name, level1: ind.level1.replace(/\s+/g, ''), level2: ind.level2.replace(/\s+/g, '') });
  const findings: Finding[] = [];
  for (const [ind, i] of annualRows) {
    const match = longTerm.get(indicatorKey(ind));
    if (!match) {
      findings.push(finding('FV-13', 'not_in_long_term', form, `indicators[${i}]`, levels(ind)));
    } else if ((match[0].target_raw ?? '').replace(/\s+/g, '') !== (ind.target_raw ?? '').replace(/\s+/g, '')) {
      findings.push(finding('FV-13', 'target_differs', form, `indicators[${i}].target_raw`, { name: ind.name, actual: ind.target_raw ?? '', expected: match[0].target_raw ?? '' }));
    }
  }
  for (const [key, [ind, i]] of longTerm) {
    if (!annualKeys.has(key)) findings.push(finding('FV-13', 'missing_annual', form, `indicators[${i}]`, levels(ind)));
  }
  return findings;
}

export function fv14(form: PerfForm, profile: Profile): Finding[] {
  return form.indicators.flatMap((ind, i) => {
    const l1 = normaliseLevel1(ind.level1);
    const l2 = normaliseLevel2(ind.level2);
    const found: Finding[] = [];
    if (!l1) found.push(finding('FV-14', 'unknown_level1', form, `indicators[${i}].level1`, { actual: ind.level1 }));
    else if (l1.kind === 'typo') found.push(finding('FV-14', 'typo', form, `indicators[${i}].level1`, { actual: ind.level1, expected: l1.canonical }));
    if (!l2) found.push(finding('FV-14', 'unknown_level2', form, `indicators[${i}].level2`, { actual: ind.level2 }));
    else if (l2.kind === 'typo') found.push(finding('FV-14', 'typo', form, `indicators[${i}].level2`, { actual: ind.level2, expected: l2.canonical }));
    if (!l1 || !l2) return found;
    if (l2.canonical === GENERIC_SATISFACTION && l1.canonical === '满意度指标' && !profile.scoring.allowGenericSatisfaction) {
      found.push(finding('FV-14', 'generic', form, `indicators[${i}].level2`, { actual: ind.level2, expected: '服务对象满意度指标' }));
    } else if (!isAllowedUnder(l1.canonical, l2.canonical)) {
      found.push(finding('FV-14', 'not_allowed', form, `indicators[${i}].level2`, { level1: l1.canonical, level2: l2.canonical }));
    }
    return found;
  });
}

/**
 * A form sheet's printed cells laid over the form they came from (the hidden copy our exporter
 * keeps beside them), or over an empty form for other tools' sheets:
 *  - every printed input cell counts: an edit made in Excel wins;
 *  - where a printed cell shows what the form would print anyway (an empty text shows like no
 *    text, CR LF like LF), the form's own value stays, so export → import is exact;
 *  - fields the region's form does not print (项目周期, 其他评价得分, printed rates…) stay as they were;
 *  - computed cells (执行率, 预算执行得分, 合计, 等级) are never input; only a sheet without a copy of
 *    its form gives them, as the form's recorded (printed) figures.
 */
import { parseAmount } from '../../../shared/money';
import { formatPoints, parsePoints } from '../../../shared/forms/decimal';
import { parseForm, type FundingLineJson, type Horizon, type IndicatorJson, type PerfFormJson } from '../../../shared/forms/model';
import { scoreForm, type FormScore } from '../../../shared/forms/scoring';
import { baseDataGroups, type FundingValue, type Profile } from '../../../shared/forms/profiles';
import { baseDataResult } from '../../../shared/forms/ui-helpers';
import { codeName, shownText, splitCodeName } from './form-cells';
import type { FormCells, IndicatorRow } from './form-read';

type Text = string | null | undefined;

const sameText = (a: Text, b: Text) => shownText(a) === shownText(b);
function withLists(form: PerfFormJson): PerfFormJson {
  form.funding ??= [];
  form.indicators ??= [];
  return form;
}

/** The form's value where the sheet shows the same, else the sheet's. */
const pickText = (old: Text, shown: string | null) => (sameText(old, shown) ? (old ?? null) : shown);
const pickAmount = (old: Text, shown: string | null) => (exact(old, shown, parseAmount) ? (old ?? null) : shown);
const pickPoints = (old: Text, shown: string | null) => (exact(old, shown, (text) => parsePoints(text, '分值')) ? (old ?? null) : shown);

function exact(old: Text, shown: string | null, parse: (text: string) => number | null): boolean {
  try {
    return (old ? parse(old) : null) === (shown ? parse(shown) : null);
  } catch {
    return false;
  }
}

const AMOUNTS: ReadonlySet<FundingValue> = new Set(['budget_initial', 'budget_adjustment', 'budget_adjusted', 'actual']);
const COMPUTED: ReadonlySet<FundingValue> = new Set(['exec_rate', 'score']);

export function mergeForm(base: PerfFormJson | null, cells: FormCells, profile: Profile): PerfFormJson {
  // A saved form keeps no empty lists (serializeForm drops them), so the hidden copy of a form
  // without 绩效指标 or 资金 lines has no such member: the lists start empty here.
  const form: PerfFormJson = base
    ? withLists(structuredClone(base))
    : { variant: profile.variant, subject_type: profile.subjectType, subject_name: '', funding: [], indicators: [] };
  const record = form as unknown as Record<string, unknown>;

  for (const [value, { text }] of cells.header) {
    if (value === 'subject_code_name') {
      if (base && sameText(codeName(base), text)) continue;
      const { code, name } = splitCodeName(text ?? '');
      form.subject_code = code;
      form.subject_name = name;
    } else record[value] = pickText(base?.[value], text) ?? (value === 'subject_name' ? '' : null);
  }
  for (const [field, value] of cells.checks) form[field] = value as never;
  for (const [field, text] of cells.texts) record[field] = pickText(base?.[field], text);
  for (const [field, rows] of cells.lists) {
    const old = base?.[field] ?? [];
    const printed = old.length ? old : [''];
    const same = printed.length === rows.length && printed.every((item, i) => sameText(item, rows[i]));
    form[field] = same ? old : rows.length === 1 && rows[0] === '' ? [] : rows;
  }

  for (const [key, values] of cells.funding) {
    let line = form.funding.find((candidate) => candidate.key === key);
    const entries = Object.entries(values) as Array<[FundingValue, string | null]>;
    // The 总额 权重 printed from the profile where the form states none (form-plan.ts) is not the form's own.
    const profileWeight = (field: FundingValue, value: string | null) => !!base && key === 'TOTAL' && field === 'weight' && !line?.weight && value !== null && value === formatPoints(profile.scoring.budgetWeight);
    const inputs = entries.filter(([field, value]) => !COMPUTED.has(field) && !profileWeight(field, value));
    if (!line) {
      const printed = !base && entries.some(([field, value]) => value !== null && !(field === 'exec_rate' && value === '—'));
      if (!printed && !inputs.some(([, value]) => value !== null)) continue;
      line = { key };
      form.funding.push(line);
    }
    const target = line as unknown as Record<string, unknown>;
    for (const [field, value] of inputs) {
      const old = line[field as keyof FundingLineJson] as Text;
      target[field] = AMOUNTS.has(field) ? pickAmount(old, value) : field === 'weight' ? pickPoints(old, value) : pickText(old, value);
    }
    if (!base) {
      if (values.exec_rate && values.exec_rate !== '—') line.exec_rate = values.exec_rate;
      if (values.score) line.score = values.score;
    }
  }

  const blankScores = new Set<IndicatorJson>();
  for (const [horizon, { fields, rows }] of cells.indicators) form.indicators = replaceHorizon(form.indicators, horizon, mergeRows(form.indicators, horizon, fields, rows, blankScores));
  keepSuggestedBlank(form, profile, blankScores);

  if (!base) {
    const total = form.funding.find((line) => line.key === 'TOTAL');
    if (total && cells.printed.budgetScore) total.score = cells.printed.budgetScore;
    if (profile.scoring.hasTotal && cells.printed.total) form.total_score = cells.printed.total;
    if (cells.printed.grade) form.grade = cells.printed.grade;
  }

  const groups = baseDataGroups(profile);
  for (const [group, [v1, v2, v3]] of cells.baseData) {
    let entry = form.base_data?.find((candidate) => candidate.group === group);
    if (!entry) {
      if (v1 === null && v2 === null && v3 === null) continue;
      entry = { group };
      (form.base_data ??= []).push(entry);
    }
    // The third cell printed the stored figure or, without one, the computed one.
    const formula = groups.find((candidate) => candidate.group === group)!.formula;
    const printedThird = entry.value3 ?? baseDataResult(formula, entry.value1, entry.value2);
    entry.value3 = sameText(printedThird, v3) ? (entry.value3 ?? null) : v3;
    entry.value1 = pickText(entry.value1, v1);
    entry.value2 = pickText(entry.value2, v2);
  }

  for (const [item, value] of cells.internal) {
    const controls = (form.internal_control ??= {}) as Record<string, boolean | null | undefined>;
    if (value === null && (controls[item] === null || controls[item] === undefined)) continue;
    controls[item] = value;
  }
  form.subject_type = profile.subjectType;
  return form;
}

/**
 * The sheet's rows of one horizon, each over the form's row it came from (same position when the
 * count is unchanged, else the first unused row with the same 三级指标), so columns the region does
 * not print survive.
 */
function mergeRows(all: IndicatorJson[], horizon: Horizon, fields: (keyof IndicatorJson)[], rows: IndicatorRow[], blankScores: Set<IndicatorJson>): IndicatorJson[] {
  const old = all.filter((ind) => ind.horizon === horizon);
  const used = new Set<number>();
  return rows.map((row, i) => {
    let index = old.length === rows.length ? i : old.findIndex((ind, k) => !used.has(k) && sameText(ind.name, row.values.name ?? null));
    if (index >= 0 && used.has(index)) index = -1;
    if (index >= 0) used.add(index);
    const prev = index >= 0 ? old[index] : undefined;
    const next = { ...(prev ?? { level1: '', level2: '', name: '' }), horizon } as IndicatorJson;
    const target = next as unknown as Record<string, unknown>;
    for (const field of fields) {
      const value = row.values[field] ?? null;
      const was = prev?.[field] as Text;
      target[field] = field === 'weight' || field === 'score' ? pickPoints(was, value) : pickText(was, value);
      if (field === 'score' && prev && was == null && value !== null) blankScores.add(next);
    }
    return next;
  });
}

/**
 * A 得分 the form left blank prints as the suggested one (form-plan.ts). Where the sheet still shows
 * that suggestion it stays blank, following the 完成值 as before, so export → import is exact; a
 * score changed in Excel counts as typed.
 */
function keepSuggestedBlank(form: PerfFormJson, profile: Profile, blankScores: ReadonlySet<IndicatorJson>): void {
  if (!blankScores.size) return;
  let score: FormScore;
  try {
    score = scoreForm(parseForm(form), profile);
  } catch {
    return; // a form the sheet made unreadable is refused later with its own message
  }
  form.indicators.forEach((ind, i) => {
    const suggested = score.indicators[i]?.suggested ?? null;
    if (blankScores.has(ind) && suggested !== null && exact(formatPoints(suggested), ind.score ?? null, (text) => parsePoints(text, '分值'))) ind.score = null;
  });
}

/** Puts `fresh` where the horizon's rows were: slot for slot when as many, else together at the first one's place. */
function replaceHorizon(all: IndicatorJson[], horizon: Horizon, fresh: IndicatorJson[]): IndicatorJson[] {
  const positions = all.flatMap((ind, i) => (ind.horizon === horizon ? [i] : []));
  if (positions.length === fresh.length) {
    const copy = [...all];
    positions.forEach((position, k) => (copy[position] = fresh[k]));
    return copy;
  }
  const rest = all.filter((ind) => ind.horizon !== horizon);
  const before = positions.length ? all.slice(0, positions[0]).filter((ind) => ind.horizon !== horizon).length : rest.length;
  return [...rest.slice(0, before), ...fresh, ...rest.slice(before)];
}

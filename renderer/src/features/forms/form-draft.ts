/**
 * Edits of one 绩效自评 form, as pure functions over its interchange JSON (PerfFormJson): the
 * shape the core stores and returns, so a draft can be sent as it is. Every function returns a
 * new object; the store keeps drafts immutable so React sees each change.
 *
 * Derived values a printed document carries (a line's 执行率, the recorded 预算执行得分, 自评得分
 * and 等级) stop being "what was printed" once the clerk edits what they derive from, so an edit
 * clears them: the editor shows the computed figures, and a stale printed one would only raise
 * FV-03/04/07 findings about numbers nobody typed.
 */
import { HIERARCHY, GENERIC_SATISFACTION, normaliseLevel1, normaliseLevel2, type Level1 } from '../../../../shared/forms/indicators';
import {
  DEFAULT_PARENT, parseForm,
  type FundingKey, type FundingLineJson, type Horizon, type IndicatorJson, type PerfForm, type PerfFormJson, type SubjectType, type Variant,
} from '../../../../shared/forms/model';
import { fundingRows, type Profile } from '../../../../shared/forms/profiles';
import { effectiveFundingParent, fundingChildren } from '../../../../shared/forms/ui-helpers';
import { formatAmount, parseAmount } from '../../../../shared/money';

export type AmountField = 'budget_initial' | 'budget_adjustment' | 'budget_adjusted' | 'actual';
export type FundingTextField = 'reason' | 'unit';
export type IndicatorField = Exclude<keyof IndicatorJson, 'horizon'>;

export interface FormKey {
  subject_type: SubjectType;
  subject_code: string;
}

/** The key the core stores a form under: project forms by 项目编码, the department form by ''. */
export function keyOf(form: Pick<PerfFormJson, 'subject_type' | 'subject_code'>): FormKey {
  return { subject_type: form.subject_type, subject_code: form.subject_type === 'department' ? '' : (form.subject_code ?? '').trim() };
}

export function sameKey(a: FormKey, b: FormKey): boolean {
  return a.subject_type === b.subject_type && a.subject_code === b.subject_code;
}

/** A blank form. The subject type is explicit: 全国通用 has no department table and lends its project one. */
export function newForm(variant: Variant, subjectType: SubjectType, subject: { name: string; code: string; competentDept?: string; implementingUnit?: string }): PerfFormJson {
  return {
    variant,
    subject_type: subjectType,
    subject_name: subject.name.trim(),
    subject_code: subject.code.trim() || null,
    competent_dept: subject.competentDept?.trim() || null,
    implementing_unit: subject.implementingUnit?.trim() || null,
    funding: [],
    indicators: [],
  };
}

/** The core drops empty arrays from what it returns; the editor reads them as empty lists. */
export function normalise(form: PerfFormJson): PerfFormJson {
  return { ...form, funding: form.funding ?? [], indicators: form.indicators ?? [] };
}

/** Stored text or null: an emptied field is removed rather than kept as "". */
function orNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

/** Whatever an edit of funding or indicators invalidates on the form level. */
function withoutRecordedTotals(form: PerfFormJson): PerfFormJson {
  return { ...form, total_score: null, grade: null };
}

export function setFormField<K extends keyof PerfFormJson>(form: PerfFormJson, field: K, value: PerfFormJson[K]): PerfFormJson {
  return { ...form, [field]: typeof value === 'string' ? orNull(value) : value };
}

// ---------------------------------------------------------------- funding

export function lineOf(form: PerfFormJson, key: FundingKey): FundingLineJson | undefined {
  return form.funding.find((line) => line.key === key);
}

function presentKeys(form: PerfFormJson, profile: Profile): Set<FundingKey> {
  return new Set([...fundingRows(profile).map((row) => row.key), ...form.funding.map((line) => line.key)]);
}

function putLine(funding: FundingLineJson[], line: FundingLineJson): FundingLineJson[] {
  const at = funding.findIndex((candidate) => candidate.key === line.key);
  return at < 0 ? [...funding, line] : funding.map((candidate, i) => (i === at ? line : candidate));
}

const amountOf = (line: FundingLineJson | undefined, field: AmountField) => (line?.[field] ? parseAmount(line[field]!) : null);

/**
 * Sets one amount. Where the layout has 年中预算调整数 (玉林), 调整后预算数 follows 年初 + 调整
 * (FV-01); each parent row then becomes the sum of its children (FV-02), up to 合计. The clerk
 * can still overwrite a parent: the validator reports a difference, the editor never hides one.
 */
export function setFundingAmount(form: PerfFormJson, profile: Profile, key: FundingKey, field: AmountField, value: string | null): PerfFormJson {
  const columns = new Set(profile.layout.flatMap((block) => (block.kind === 'funding' ? block.columns.map((column) => column.value) : [])));
  let funding = form.funding;
  const changed = new Set<AmountField>([field]);
  const line: FundingLineJson = { ...(lineOf(form, key) ?? { key }), [field]: value, exec_rate: null };
  if ((field === 'budget_initial' || field === 'budget_adjustment') && columns.has('budget_adjustment') && columns.has('budget_adjusted')) {
    const initial = amountOf(line, 'budget_initial');
    const adjustment = amountOf(line, 'budget_adjustment');
    line.budget_adjusted = initial === null && adjustment === null ? null : formatAmount((initial ?? 0) + (adjustment ?? 0));
    changed.add('budget_adjusted');
  }
  funding = putLine(funding, key === 'TOTAL' ? { ...line, score: null } : line);
  const present = presentKeys({ ...form, funding }, profile);
  let parent = effectiveFundingParent(DEFAULT_PARENT[key], present);
  while (parent !== null) {
    const children = fundingChildren(parent, present).map((child) => funding.find((candidate) => candidate.key === child));
    const current: FundingLineJson = { ...(funding.find((candidate) => candidate.key === parent) ?? { key: parent }), exec_rate: null };
    for (const column of changed) {
      const values = children.map((child) => amountOf(child, column)).filter((amount): amount is number => amount !== null);
      current[column] = values.length ? formatAmount(values.reduce((a, b) => a + b, 0)) : current[column];
    }
    funding = putLine(funding, parent === 'TOTAL' ? { ...current, score: null } : current);
    parent = effectiveFundingParent(DEFAULT_PARENT[parent], present);
  }
  return withoutRecordedTotals({ ...form, funding });
}

export function setFundingText(form: PerfFormJson, key: FundingKey, field: FundingTextField, value: string): PerfFormJson {
  return { ...form, funding: putLine(form.funding, { ...(lineOf(form, key) ?? { key }), [field]: orNull(value) }) };
}

// ---------------------------------------------------------------- indicators

/** The 二级 a profile offers under a 一级 (written aliases are normalised first). */
export function level2Options(level1: string, profile: Profile): string[] {
  const canonical = normaliseLevel1(level1)?.canonical as Level1 | undefined;
  const options = canonical ? HIERARCHY[canonical] : [];
  return options.filter((option) => option !== GENERIC_SATISFACTION || profile.scoring.allowGenericSatisfaction);
}

/** Whether the written 二级 belongs under the written 一级, aliases allowed. */
export function level2Fits(level1: string, level2: string, profile: Profile): boolean {
  const canonical = normaliseLevel2(level2)?.canonical;
  return canonical !== undefined && level2Options(level1, profile).includes(canonical);
}

export function setIndicatorField(form: PerfFormJson, profile: Profile, index: number, field: IndicatorField, value: string | null): PerfFormJson {
  const indicators = form.indicators.map((ind, i) => {
    if (i !== index) return ind;
    const next: IndicatorJson = { ...ind, [field]: field === 'level1' || field === 'level2' || field === 'name' ? (value ?? '') : orNull(value ?? '') };
    // A new 一级 keeps the 二级 only where it still belongs (SPEC §3.9).
    if (field === 'level1' && !level2Fits(next.level1, next.level2, profile)) next.level2 = level2Options(next.level1, profile)[0] ?? '';
    return next;
  });
  const scoring = field !== 'completion_desc' && field !== 'deviation' && field !== 'target_basis';
  return scoring ? withoutRecordedTotals({ ...form, indicators }) : { ...form, indicators };
}

/** Adds a row after `after` (or at the end of its horizon), with the levels of the row it follows. */
export function addIndicator(form: PerfFormJson, profile: Profile, horizon: Horizon, after: number | null): { form: PerfFormJson; index: number } {
  const sameHorizon = form.indicators.map((ind, i) => [ind, i] as const).filter(([ind]) => ind.horizon === horizon);
  const anchor = after ?? sameHorizon.at(-1)?.[1] ?? form.indicators.length - 1;
  const template = form.indicators[anchor]?.horizon === horizon ? form.indicators[anchor] : undefined;
  const level1 = template?.level1 ?? '产出指标';
  const row: IndicatorJson = { horizon, level1, level2: template?.level2 ?? level2Options(level1, profile)[0] ?? '', name: '' };
  const index = anchor + 1;
  const indicators = [...form.indicators.slice(0, index), row, ...form.indicators.slice(index)];
  return { form: withoutRecordedTotals({ ...form, indicators }), index };
}

export function removeIndicator(form: PerfFormJson, index: number): PerfFormJson {
  return withoutRecordedTotals({ ...form, indicators: form.indicators.filter((_, i) => i !== index) });
}

/** Swaps a row with its neighbour of the same horizon; returns the row's new index (unchanged at an edge). */
export function moveIndicator(form: PerfFormJson, index: number, direction: -1 | 1): { form: PerfFormJson; index: number } {
  const horizon = form.indicators[index]?.horizon;
  let other = index + direction;
  while (other >= 0 && other < form.indicators.length && form.indicators[other].horizon !== horizon) other += direction;
  if (horizon === undefined || other < 0 || other >= form.indicators.length) return { form, index };
  const indicators = [...form.indicators];
  [indicators[index], indicators[other]] = [indicators[other], indicators[index]];
  return { form: { ...form, indicators }, index: other };
}

// ---------------------------------------------------------------- lists, base data, checks

export function setListItem(form: PerfFormJson, field: 'dept_functions' | 'dept_goals', index: number, value: string | null): PerfFormJson {
  const items = [...(form[field] ?? [])];
  if (value === null) items.splice(index, 1);
  else items[index] = value;
  return { ...form, [field]: items };
}

/** A new empty item; an empty list shows one blank item already, so that one is kept too. */
export function appendListItem(form: PerfFormJson, field: 'dept_functions' | 'dept_goals'): PerfFormJson {
  const items = form[field] ?? [];
  return { ...form, [field]: [...(items.length ? items : ['']), ''] };
}

export function setBaseData(form: PerfFormJson, group: string, cell: 'value1' | 'value2', value: string): PerfFormJson {
  const rows = form.base_data ?? [];
  const current = rows.find((row) => row.group === group) ?? { group };
  // The printed third cell no longer matches new inputs; the editor shows the computed one.
  const next = { ...current, [cell]: orNull(value), value3: null };
  const base_data = rows.some((row) => row.group === group) ? rows.map((row) => (row.group === group ? next : row)) : [...rows, next];
  return { ...form, base_data };
}

/** Rows still missing their 三级指标 cannot be stored (the core requires a name); they wait in the draft. */
export function savable(form: PerfFormJson): { payload: PerfFormJson; waiting: number } {
  const indicators = form.indicators.filter((ind) => ind.name.trim() !== '' && ind.level1.trim() !== '' && ind.level2.trim() !== '');
  return { payload: { ...form, indicators }, waiting: form.indicators.length - indicators.length };
}

/** Placeholder for a row being typed, so live scores and findings include it. */
export const UNNAMED = '(未填三级指标)';

/**
 * The exact form for computing: scores, findings and the list read drafts, not only what has been
 * stored, so everything follows the keyboard. Null only for a draft the parser refuses outright.
 */
export function computeForm(form: PerfFormJson): PerfForm | null {
  try {
    return parseForm({
      ...form,
      subject_name: form.subject_name.trim() || '(未命名)',
      indicators: form.indicators.map((ind) => ({ ...ind, name: ind.name.trim() || UNNAMED, level1: ind.level1 || '产出指标', level2: ind.level2 || '数量指标' })),
    });
  } catch {
    return null;
  }
}

/**
 * Interchange JSON ⇄ exact internal form of a 绩效自评 form and a project-registry entry
 * (model.ts describes both shapes). parseForm(serializeForm(f)) equals f.
 */
import { formatAmount } from '../money';
import { formatPoints } from './decimal';
import {
  DEFAULT_PARENT, FUNDING_KEYS, HORIZONS, INTERNAL_CONTROL_ITEMS, LIFECYCLES, NATURES, PROJ_ATTRIBUTES, PROJ_CATEGORIES,
  PROJ_TYPES, SUBJECT_TYPES, VARIANTS,
  type BaseData, type FundingKey, type FundingLine, type Indicator, type PerfForm, type PerfFormJson,
  type ProjectRegistryEntry, type ProjectRegistryJson,
} from './form-types';
import { amount, compact, fail, list, oneOf, onlyKeys, record, requiredText, score, text, textList, year } from './json-read';

const FUNDING_FIELDS = ['key', 'parent_key', 'label', 'budget_initial', 'budget_adjustment', 'budget_adjusted', 'actual', 'exec_rate', 'weight', 'score', 'reason', 'unit'] as const;
const INDICATOR_FIELDS = ['horizon', 'level1', 'level2', 'name', 'nature', 'target_raw', 'unit', 'target_basis', 'actual_raw', 'weight', 'score', 'completion_desc', 'deviation'] as const;
const FORM_TEXT_FIELDS = [
  'subject_code', 'competent_dept', 'implementing_unit', 'objective', 'objective_result', 'implementation_summary',
  'deviation_analysis', 'improvement', 'conclusion', 'problems', 'other_notes', 'project_lead', 'finance_lead', 'grade',
] as const;
const FORM_FIELDS = [
  'fiscal_year', 'variant', 'subject_type', 'subject_name', ...FORM_TEXT_FIELDS, 'proj_category', 'proj_attribute', 'proj_type',
  'lifecycle', 'dept_functions', 'dept_goals', 'total_score', 'alt_scores', 'funding', 'indicators', 'base_data', 'internal_control',
] as const;

function parseFundingLine(value: unknown, index: number): FundingLine {
  const raw = record(value, `funding[${index}]`);
  const key = oneOf(raw, 'key', FUNDING_KEYS, `funding[${index}]`) ?? fail(`funding[${index}].key`, '不能为空');
  // Paths name the row by its key once known: "funding[TOTAL].actual" is what a clerk can find.
  const path = `funding[${key}]`;
  onlyKeys(raw, FUNDING_FIELDS, path);
  const parent = raw.parent_key === undefined ? DEFAULT_PARENT[key] : oneOf(raw, 'parent_key', FUNDING_KEYS, path);
  return {
    key,
    parent_key: parent,
    label: text(raw, 'label', path),
    budget_initial: amount(raw, 'budget_initial', path),
    budget_adjustment: amount(raw, 'budget_adjustment', path),
    budget_adjusted: amount(raw, 'budget_adjusted', path),
    actual: amount(raw, 'actual', path),
    exec_rate: text(raw, 'exec_rate', path),
    weight: score(raw, 'weight', path),
    score: score(raw, 'score', path),
    reason: text(raw, 'reason', path),
    unit: text(raw, 'unit', path),
  };
}

function parseIndicator(value: unknown, index: number): Indicator {
  const path = `indicators[${index}]`;
  const raw = record(value, path);
  onlyKeys(raw, INDICATOR_FIELDS, path);
  return {
    horizon: oneOf(raw, 'horizon', HORIZONS, path) ?? 'ANNUAL',
    level1: requiredText(raw, 'level1', path),
    level2: requiredText(raw, 'level2', path),
    name: requiredText(raw, 'name', path),
    nature: oneOf(raw, 'nature', NATURES, path),
    target_raw: text(raw, 'target_raw', path),
    unit: text(raw, 'unit', path),
    target_basis: text(raw, 'target_basis', path),
    actual_raw: text(raw, 'actual_raw', path),
    weight: score(raw, 'weight', path),
    score: score(raw, 'score', path),
    completion_desc: text(raw, 'completion_desc', path),
    deviation: text(raw, 'deviation', path),
  };
}

function parseBaseData(value: unknown, index: number): BaseData {
  const path = `base_data[${index}]`;
  const raw = record(value, path);
  onlyKeys(raw, ['group', 'value1', 'value2', 'value3'], path);
  return { group: requiredText(raw, 'group', path), value1: text(raw, 'value1', path), value2: text(raw, 'value2', path), value3: text(raw, 'value3', path) };
}

function parseInternalControl(value: unknown): PerfForm['internal_control'] {
  if (value === undefined || value === null) return {};
  const raw = record(value, 'internal_control');
  onlyKeys(raw, INTERNAL_CONTROL_ITEMS, 'internal_control');
  const result: PerfForm['internal_control'] = {};
  for (const item of INTERNAL_CONTROL_ITEMS) {
    const v = raw[item];
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'boolean') fail(`internal_control.${item}`, '应为 是/否(true/false)');
    result[item] = v;
  }
  return result;
}

/** Interchange JSON → exact internal form. Throws FormParseError naming the field in Chinese. */
export function parseForm(value: unknown): PerfForm {
  const raw = record(value, '表');
  onlyKeys(raw, FORM_FIELDS, '');
  const funding = list(raw, 'funding', '').map(parseFundingLine);
  const seen = new Set<FundingKey>();
  for (const line of funding) {
    if (seen.has(line.key)) fail(`funding[${line.key}]`, '资金来源重复');
    seen.add(line.key);
  }
  const t = (key: (typeof FORM_TEXT_FIELDS)[number]) => text(raw, key, '');
  return {
    fiscal_year: year(raw, 'fiscal_year', ''),
    variant: oneOf(raw, 'variant', VARIANTS, '') ?? fail('variant', '不能为空'),
    subject_type: oneOf(raw, 'subject_type', SUBJECT_TYPES, '') ?? fail('subject_type', '不能为空'),
    subject_name: requiredText(raw, 'subject_name', ''),
    subject_code: t('subject_code'),
    competent_dept: t('competent_dept'),
    implementing_unit: t('implementing_unit'),
    proj_category: oneOf(raw, 'proj_category', PROJ_CATEGORIES, ''),
    proj_attribute: oneOf(raw, 'proj_attribute', PROJ_ATTRIBUTES, ''),
    proj_type: oneOf(raw, 'proj_type', PROJ_TYPES, ''),
    lifecycle: oneOf(raw, 'lifecycle', LIFECYCLES, ''),
    objective: t('objective'),
    objective_result: t('objective_result'),
    implementation_summary: t('implementation_summary'),
    dept_functions: textList(raw, 'dept_functions', ''),
    dept_goals: textList(raw, 'dept_goals', ''),
    deviation_analysis: t('deviation_analysis'),
    improvement: t('improvement'),
    conclusion: t('conclusion'),
    problems: t('problems'),
    other_notes: t('other_notes'),
    project_lead: t('project_lead'),
    finance_lead: t('finance_lead'),
    total_score: score(raw, 'total_score', ''),
    grade: t('grade'),
    alt_scores: list(raw, 'alt_scores', '').map((item, i) => {
      const path = `alt_scores[${i}]`;
      const alt = record(item, path);
      onlyKeys(alt, ['source', 'score'], path);
      return { source: requiredText(alt, 'source', path), score: score(alt, 'score', path) ?? fail(`${path}.score`, '不能为空') };
    }),
    funding,
    indicators: list(raw, 'indicators', '').map(parseIndicator),
    base_data: list(raw, 'base_data', '').map(parseBaseData),
    internal_control: parseInternalControl(raw.internal_control),
  };
}

/** Exact internal form → interchange JSON (amounts "446.50", scores "7.1"). parseForm(serializeForm(f)) equals f. */
export function serializeForm(form: PerfForm): PerfFormJson {
  return compact({
    ...form,
    total_score: formatPoints(form.total_score),
    alt_scores: form.alt_scores.map((alt) => ({ source: alt.source, score: formatPoints(alt.score) ?? '0' })),
    funding: form.funding.map((line) =>
      compact({
        ...line,
        // parent_key is written only when it departs from the default, keeping files readable.
        parent_key: line.parent_key === DEFAULT_PARENT[line.key] ? undefined : line.parent_key,
        budget_initial: formatAmount(line.budget_initial),
        budget_adjustment: formatAmount(line.budget_adjustment),
        budget_adjusted: formatAmount(line.budget_adjusted),
        actual: formatAmount(line.actual),
        weight: formatPoints(line.weight),
        score: formatPoints(line.score),
      }),
    ),
    indicators: form.indicators.map((ind) => compact({ ...ind, weight: formatPoints(ind.weight), score: formatPoints(ind.score) })),
    base_data: form.base_data.map((row) => compact({ ...row })),
  } as PerfFormJson);
}

export function parseRegistryEntry(value: unknown): ProjectRegistryEntry {
  const raw = record(value, '项目库');
  onlyKeys(raw, ['project_code', 'name', 'competent_dept', 'implementing_unit', 'category', 'attribute', 'type', 'lifecycle', 'project_lead', 'first_year'], '');
  return {
    project_code: requiredText(raw, 'project_code', ''),
    name: requiredText(raw, 'name', ''),
    competent_dept: text(raw, 'competent_dept', ''),
    implementing_unit: text(raw, 'implementing_unit', ''),
    category: oneOf(raw, 'category', PROJ_CATEGORIES, ''),
    attribute: oneOf(raw, 'attribute', PROJ_ATTRIBUTES, ''),
    type: oneOf(raw, 'type', PROJ_TYPES, ''),
    lifecycle: oneOf(raw, 'lifecycle', LIFECYCLES, ''),
    project_lead: text(raw, 'project_lead', ''),
    first_year: year(raw, 'first_year', ''),
  };
}

export function serializeRegistryEntry(entry: ProjectRegistryEntry): ProjectRegistryJson {
  return compact({ ...entry });
}

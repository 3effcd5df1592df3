/**
 * The 绩效自评 part of an import: which forms of the source are written, and how.
 *  - replace: each form found replaces this year's form under the same key (项目编码, or the one
 *    department form); forms the source lacks stay;
 *  - baseline (SPEC §5.1 "Projects"): each of last year's project forms becomes this year's draft
 *    under the same 项目编码 — the registry fields (name, 主管部门, 实施单位, 类别/属性/类型, 项目周期,
 *    项目负责人) and the long-term indicators with their targets; funding, annual indicators,
 *    completion values and scores start empty, in this year's region layout (last year's when this
 *    year has chosen none: regionCarried). The department form carries its name, 部门职能 and
 *    long-term indicators likewise. A form this year already has is never overwritten, and
 *    一次性项目 do not continue.
 */
import { parseForm, serializeForm, type PerfForm, type PerfFormJson } from '../../../shared/forms/model';
import { DEFAULT_FORM_REGION, FORM_REGIONS, variantFor, type FormRegion } from '../../../shared/forms/regions';
import { formKey } from '../../../shared/forms/year-check';
import { FRAMEWORK_DEFS } from '../../../shared/forms/framework-entry';
import type { FormsChange } from '../store';
import type { YearSession } from '../year-session';
import type { Findings } from './read-table';
import type { SourceYear } from './source';

type Save = NonNullable<FormsChange['save']>;

const label = (form: PerfForm) => (form.subject_type === 'project' ? `项目 ${form.subject_code}“${form.subject_name}”` : `部门整体支出绩效自评表“${form.subject_name}”`);

/** Replace mode: the source's forms as they are, dated this year. */
export function planFormReplace(session: YearSession, source: SourceYear): Save {
  const year = session.info.fiscalYear;
  return source.forms.map(({ form }) => ({ ...formKey(form), json: serializeForm({ ...form, fiscal_year: year }) }));
}

/**
 * Replace mode: the 地区表样 the year's forms are in once the source's replace them, when the year's
 * own region no longer fits and exactly one does (a 湖北·荆门 workbook into a new, 全国通用 file);
 * without it the imported forms would sit under another region's layout, new projects in yet another.
 */
export function regionAfterReplace(session: YearSession, source: SourceYear, out: Findings): FormRegion | undefined {
  if (!source.forms.length && !source.frameworks?.length) return regionStated(session, source, out);
  const replaced = new Set(source.forms.map(({ form }) => keyOf(form)));
  const forms = [...session.forms().filter((form) => !replaced.has(keyOf(form))), ...source.forms.map(({ form }) => form)];
  const regions = fittingRegions(forms, source);
  if (regions.includes(session.info.formRegion) || regions.length !== 1) return undefined;
  out.warnings.push(`绩效自评:自评表为“${FORM_REGIONS[regions[0]].name}”表样,本年度的地区表样随之由“${FORM_REGIONS[session.info.formRegion].name}”改为“${FORM_REGIONS[regions[0]].name}”`);
  return regions[0];
}

/** A workbook without forms names its 表样 only in its keywords: a year that has not chosen one takes it. */
function regionStated(session: YearSession, source: SourceYear, out: Findings): FormRegion | undefined {
  const stated = source.formRegion;
  if (!stated || !unchosen(session) || stated === session.info.formRegion) return undefined;
  out.warnings.push(`绩效自评:工作簿记有“${FORM_REGIONS[stated].name}”表样,本年度的地区表样随之由“${FORM_REGIONS[session.info.formRegion].name}”改为“${FORM_REGIONS[stated].name}”`);
  return stated;
}

/** A year still on the national 表样 with no form begun has made no choice a source could overrule. */
const unchosen = (session: YearSession) => session.info.formRegion === DEFAULT_FORM_REGION && !session.forms().length;

/**
 * Baseline mode: the 地区表样 a year that has neither chosen one nor begun a form takes from last
 * year (眉山 stays 眉山), so the drafts carried and the projects added later share one layout: a year
 * file's own region, else the one a workbook names (unit-code.ts) or its forms and 评价指标体系 fit.
 */
export function regionCarried(session: YearSession, source: SourceYear, out: Findings): FormRegion | undefined {
  if (!unchosen(session)) return undefined;
  const fitting = source.forms.length || source.frameworks?.length ? fittingRegions(source.forms.map(({ form }) => form), source) : [];
  const last = source.layout?.formRegion ?? source.formRegion ?? (fitting.length === 1 ? fitting[0] : undefined);
  if (!last || last === session.info.formRegion) return undefined;
  out.warnings.push(`绩效自评:本年度沿用上年的“${FORM_REGIONS[last].name}”表样,上年自评表的草稿按此表样带入`);
  return last;
}

/** The regions whose layouts all these forms are in and whose own 评价指标体系 (眉山 附件1.1, 大通湖 附件5) the source holds. */
function fittingRegions(forms: readonly PerfForm[], source: SourceYear): FormRegion[] {
  const frameworkRegions = (source.frameworks ?? []).map(({ kind }) => FRAMEWORK_DEFS[kind].region);
  const fits = (region: FormRegion) => forms.every((form) => variantFor(region, form.subject_type) === form.variant) && frameworkRegions.every((own) => own === region);
  return (Object.keys(FORM_REGIONS) as FormRegion[]).filter(fits);
}

/** Baseline mode: this year's drafts from last year's forms; skipped ones are explained in `out.warnings`. */
export function planFormCarry(session: YearSession, source: SourceYear, out: Findings, region: FormRegion): Save {
  const info = session.info;
  const existing = new Set(session.forms().map((form) => keyOf(form)));
  const save: Save = [];
  for (const { form } of source.forms) {
    if (form.subject_type === 'project' && (form.proj_type === '一次性项目' || form.lifecycle === '一次性项目')) {
      out.warnings.push(`绩效自评:${label(form)}是一次性项目,不带入本年度`);
      continue;
    }
    if (existing.has(keyOf(form))) {
      out.warnings.push(`绩效自评:本年度已有${form.subject_type === 'project' ? `项目 ${form.subject_code} 的自评表` : '部门整体支出绩效自评表'},未用上年的${label(form)}覆盖`);
      continue;
    }
    const draft = parseForm(carried(form, info.fiscalYear, variantFor(region, form.subject_type)));
    save.push({ ...formKey(draft), json: serializeForm(draft) });
  }
  return save;
}

/** Last year's form reduced to what continues (see the file comment). */
function carried(form: PerfForm, year: number, variant: PerfForm['variant']): PerfFormJson {
  // serializeForm leaves an empty list out: a form begun without indicators has none to carry.
  const longTerm = (serializeForm(form).indicators ?? [])
    .filter((ind) => ind.horizon === 'LONG_TERM')
    .map(({ actual_raw: _actual, score: _score, completion_desc: _desc, deviation: _deviation, ...target }) => target);
  const common = { fiscal_year: year, variant, subject_type: form.subject_type, subject_name: form.subject_name, subject_code: form.subject_code, funding: [], indicators: longTerm };
  if (form.subject_type !== 'project') return { ...common, dept_functions: form.dept_functions };
  // The registry fields, whether or not the form has a 项目编码 (荆门's forms print none).
  return {
    ...common,
    competent_dept: form.competent_dept,
    implementing_unit: form.implementing_unit,
    proj_category: form.proj_category,
    proj_attribute: form.proj_attribute,
    proj_type: form.proj_type,
    lifecycle: form.lifecycle,
    project_lead: form.project_lead,
  };
}

function keyOf(form: Pick<PerfForm, 'subject_type' | 'subject_code'>): string {
  const key = formKey(form);
  return `${key.subject_type}|${key.subject_code}`;
}

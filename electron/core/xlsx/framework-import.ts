/**
 * The scored frameworks an import brings: replace mode stores each framework found (others stay);
 * baseline mode carries last year's as this year's drafts — the layout and the chosen 专用指标
 * block continue, every score and measured input is cleared (this year's are not last year's).
 */
import { clearJudgements, executionsOf, frameworkToJson, FRAMEWORK_DEFS } from '../../../shared/forms/framework-entry';
import { parseFramework } from '../../../shared/forms/framework';
import { formKey } from '../../../shared/forms/year-check';
import { checkFrameworkDoc, storedFrameworks } from '../frameworks';
import type { FrameworksChange } from '../frameworks-store';
import type { YearSession } from '../year-session';
import type { Findings } from './read-table';
import type { SourceYear } from './source';

export function planFrameworkReplace(session: YearSession, source: SourceYear): FrameworksChange | undefined {
  if (!source.frameworks?.length) return undefined;
  // 附件1.1 执行结果 reads the project forms as they will be after this import.
  const imported = new Set(source.forms.map(({ form }) => JSON.stringify(formKey(form))));
  const forms = [...session.forms().filter((form) => !imported.has(JSON.stringify(formKey(form)))), ...source.forms.map(({ form }) => form)];
  const projects = executionsOf(forms);
  return { save: source.frameworks.map((found) => checkFrameworkDoc(found.doc, projects, `工作表“${found.sheet}”`)) };
}

export function planFrameworkCarry(session: YearSession, source: SourceYear, out: Findings): FrameworksChange | undefined {
  if (!source.frameworks?.length) return undefined;
  const year = session.info.fiscalYear;
  const existing = new Set(storedFrameworks(session).map((doc) => `${doc.framework.framework}|${doc.subject_code}`));
  const save: NonNullable<FrameworksChange['save']> = [];
  for (const { kind, doc } of source.frameworks) {
    const title = FRAMEWORK_DEFS[kind].title + (doc.subject_code ? `(项目 ${doc.subject_code})` : '');
    if (existing.has(`${kind}|${doc.subject_code}`)) {
      out.warnings.push(`评价指标体系:本年度已有${title},未用上年的覆盖`);
      continue;
    }
    const last = parseFramework(doc.framework);
    const draft = { ...clearJudgements(last), chosen: last.chosen, fiscal_year: year, title: last.title.replace(/^\d{4}年/, `${year}年`) };
    save.push({ kind, doc: { subject_code: doc.subject_code, draft: true, framework: frameworkToJson(draft) } });
  }
  return { save };
}

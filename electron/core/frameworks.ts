/**
 * The scored frameworks of an open year (issue 15): saved one at a time from the page, carried
 * whole by dump/load, checked and settled by the shared framework-entry.ts on every way in.
 */
import { ApiError } from '../../shared/contract';
import { FormParseError } from '../../shared/forms/model';
import { acceptFramework, executionsOf, FRAMEWORK_DEFS, frameworkToJson, type FrameworkDoc, type SettledFramework } from '../../shared/forms/framework-entry';
import type { ProjectExecution } from '../../shared/forms/scoring';
import type { FrameworkKind } from '../../shared/forms/framework';
import { loadFrameworks, type FrameworksChange } from './frameworks-store';
import type { YearSession } from './year-session';

export function projectExecutions(session: YearSession): ProjectExecution[] {
  return executionsOf(session.forms());
}

export function storedFrameworks(session: YearSession): FrameworkDoc[] {
  return loadFrameworks(session.store.database, session.store.path);
}

/** Every stored framework settled against the year's projects as they are now. */
export function settledFrameworks(session: YearSession): { doc: FrameworkDoc; settled: SettledFramework }[] {
  const projects = projectExecutions(session);
  return storedFrameworks(session).map((doc) => ({ doc, settled: acceptFramework(doc.framework, projects) }));
}

/** Checks one framework document (where: how an error names it) into what is stored; refuses in Chinese. */
export function checkFrameworkDoc(raw: unknown, projects: ProjectExecution[], where: string): { kind: FrameworkKind; doc: FrameworkDoc } {
  const entry = raw as { subject_code?: unknown; draft?: unknown; framework?: unknown } | null;
  if (typeof entry !== 'object' || entry === null) throw new ApiError('refused', `${where}:应为对象`);
  const code = typeof entry.subject_code === 'string' ? entry.subject_code.trim() : '';
  try {
    const settled = acceptFramework(entry.framework, projects);
    const kind = settled.framework.framework;
    const def = FRAMEWORK_DEFS[kind];
    if (def.subject === 'project' && !code) throw new RangeError('缺少项目编码');
    if (def.subject === 'department' && code) throw new RangeError('部门整体评价不带项目编码');
    return { kind, doc: { subject_code: code, ...(entry.draft === true ? { draft: true } : {}), framework: frameworkToJson(settled.framework) } };
  } catch (error) {
    if (error instanceof FormParseError || error instanceof RangeError) throw new ApiError('refused', `${where}:${error.message}`);
    throw error;
  }
}

/** Saves one framework the clerk filled (no longer a draft); returns it as stored, totals settled. */
export function saveFramework(session: YearSession, raw: { subject_code: string; framework: unknown }): { revision: number; doc: FrameworkDoc } {
  const { kind, doc } = checkFrameworkDoc({ subject_code: raw.subject_code, framework: raw.framework }, projectExecutions(session), '评价指标体系');
  const revision = session.store.write({ frameworks: { save: [{ kind, doc }] } });
  return { revision, doc };
}

export function deleteFramework(session: YearSession, kind: FrameworkKind, subject_code: string): number {
  if (!storedFrameworks(session).some((doc) => doc.framework.framework === kind && doc.subject_code === subject_code)) {
    throw new ApiError('refused', `没有这份${FRAMEWORK_DEFS[kind].title}`);
  }
  return session.store.write({ frameworks: { remove: [{ kind, subject_code }] } });
}

/** An interchange document's frameworks (load): every one checked, duplicates refused; replaces all stored ones. */
export function frameworksFromDoc(list: unknown[] | undefined, projects: ProjectExecution[]): FrameworksChange {
  const seen = new Set<string>();
  const save = (list ?? []).map((raw, i) => {
    const entry = checkFrameworkDoc(raw, projects, `frameworks[${i}]`);
    const key = `${entry.kind}|${entry.doc.subject_code}`;
    if (seen.has(key)) throw new ApiError('refused', `frameworks[${i}]:重复的${FRAMEWORK_DEFS[entry.kind].title}${entry.doc.subject_code ? `(${entry.doc.subject_code})` : ''}`);
    seen.add(key);
    return entry;
  });
  return { replaceAll: true, save };
}

/** dump's frameworks, settled (合计得分 as computed now); absent when the year has none. */
export function frameworksDump(session: YearSession): { frameworks?: FrameworkDoc[] } {
  const list = settledFrameworks(session).map(({ doc, settled }) => ({ ...doc, framework: frameworkToJson(settled.framework) }));
  return list.length ? { frameworks: list } : {};
}

/** The 自评得分一览's framework rows' input. */
export function scoredFrameworks(session: YearSession): { subjectCode: string; settled: SettledFramework }[] {
  return settledFrameworks(session).map(({ doc, settled }) => ({ subjectCode: doc.subject_code, settled }));
}

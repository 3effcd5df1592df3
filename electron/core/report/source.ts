/**
 * The 决算公开 document of an open year file: what the generator reads (model, 上年数, 补充信息,
 * stored texts, 绩效自评 results) gathered from the session, and the texts' own storage rules.
 */
import { ApiError, type ReportTextDoc } from '../../../shared/contract';
import { baselineView, parseSupplementary, type Supplementary } from '../../../shared/rules';
import { ORGANISATION_KEY, REPORT_TEXT_KEY, buildReport, organisationChange, outlineFor, performanceOf, type BuiltReport, type ReportSource } from '../../../shared/report';
import { ORGANISATION_UNITS, confirmedOrganisation, consolidatedNames } from '../consolidate-store';
import type { YearSession } from '../year-session';

/** What the P-05/P-07 rules need to know about the document: its outline, the texts written so far, a 汇总's change of units. */
export function reportSupp(session: YearSession): NonNullable<Supplementary['report']> {
  const info = session.info;
  const units = consolidatedNames(session.store);
  const organisation = units && organisationChange(confirmedOrganisation(session.store), units);
  return { outline: outlineFor(info.template, info.formRegion).id, fiscalYear: info.fiscalYear, texts: session.store.reportTexts(), ...(organisation ? { organisation } : {}) };
}

export function reportSource(session: YearSession): ReportSource {
  const info = session.info;
  const stored = session.store.loadBaseline();
  const performance = performanceOf(session.forms());
  return {
    fiscalYear: info.fiscalYear,
    unitName: info.unitName,
    model: session.model,
    lastYear: stored.size ? baselineView(stored) : undefined,
    supp: parseSupplementary(session.supplementary()),
    texts: session.store.reportTexts(),
    performance,
    ...consolidatedOf(session),
  };
}

/** A 汇总's units and code, from which its 决算单位构成 is drafted (nothing for a unit's own year). */
export function consolidatedOf(session: YearSession): Pick<ReportSource, 'consolidated'> {
  const units = consolidatedNames(session.store);
  return units ? { consolidated: { unitCode: session.info.unitCode, units } } : {};
}

export function yearReport(session: YearSession): BuiltReport {
  const info = session.info;
  return buildReport(reportSource(session), outlineFor(info.template, info.formRegion), { template: info.template, numbering: info.numbering });
}

/**
 * Saves one text; an empty text removes it, and saving a draft confirms it. A 汇总's 决算单位构成 is
 * saved with the units it was confirmed for, so a re-汇总 with other units is flagged (P-07).
 */
export function setReportText(session: YearSession, key: string, text: string | null): number {
  const trimmed = text?.trim() ?? '';
  const units = key === ORGANISATION_KEY ? consolidatedNames(session.store) : undefined;
  return session.store.writeReportTexts({ [key]: trimmed ? { text: trimmed, draft: false } : null }, false, units ? { [ORGANISATION_UNITS]: trimmed ? JSON.stringify(units) : null } : {});
}

/** Texts of an interchange document, checked like setReportText's keys (the contract has checked their shape). */
export function textsFromDoc(texts: Record<string, { text: string; draft?: boolean }> | undefined): Record<string, ReportTextDoc> {
  const out: Record<string, ReportTextDoc> = {};
  for (const [key, value] of Object.entries(texts ?? {})) {
    if (!REPORT_TEXT_KEY.test(key)) throw new ApiError('refused', `reportTexts:“${key}”不是决算公开文字的键`);
    if (value.text.trim()) out[key] = { text: value.text.trim(), draft: value.draft ?? false };
  }
  return out;
}

/**
 * Last year's texts as this year's drafts ("上年原因,请核实"): the 概况 and the reasons of the same
 * sentences; a text this year already has is kept.
 */
export function carriedTexts(current: Record<string, ReportTextDoc>, lastYear: Record<string, ReportTextDoc>): Record<string, { text: string; draft: boolean }> {
  return Object.fromEntries(Object.entries(lastYear).filter(([key]) => !current[key]).map(([key, value]) => [key, { text: value.text, draft: true }]));
}

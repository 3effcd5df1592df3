import type { ReportTextDoc, YearInfo, YearSnapshot } from '../../../../shared/contract';
import { parseSupplementary, type Supplementary } from '../../../../shared/rules';
import { ORGANISATION_KEY, organisationChange, outlineFor } from '../../../../shared/report';

/** A 汇总's units now and those its 决算单位构成 was confirmed for (snapshot fields, kept by the year store). */
export type OrganisationUnits = Pick<YearSnapshot, 'consolidatedUnits' | 'confirmedOrganisation'>;

/** 补充信息 as the rules read it, with the 决算公开 texts (and a 汇总's change of units) so P-05 and P-07 run in the panel as in `validate`. */
export function suppFor(info: YearInfo, supplementary: Record<string, string>, reportTexts: Record<string, ReportTextDoc>, units: OrganisationUnits = {}): Supplementary {
  const organisation = units.consolidatedUnits && organisationChange(units.confirmedOrganisation, units.consolidatedUnits);
  return { ...parseSupplementary(supplementary), report: { outline: outlineFor(info.template, info.formRegion).id, fiscalYear: info.fiscalYear, texts: reportTexts, ...(organisation ? { organisation } : {}) } };
}

/** As the core keeps it: saving a 汇总's 决算单位构成 confirms it for the units the 汇总 has now (clearing it, for none). */
export function confirmedAfterSave(key: string, text: string, units: OrganisationUnits): Partial<Pick<OrganisationUnits, 'confirmedOrganisation'>> {
  return key === ORGANISATION_KEY && units.consolidatedUnits ? { confirmedOrganisation: text.trim() ? units.consolidatedUnits : undefined } : {};
}

/**
 * The 决算单位构成 paragraph of a 汇总's document, drafted from the units it consolidated: the
 * wording of published department disclosures ("从决算单位构成看,纳入本部门…部门决算编制范围的单位
 * 共N个,包括:1.XX(本级);2.XX。", REFERENCE-2026 §2.4; 荆门 seed 002 "XX(本级)"). The clerk
 * confirms or rewrites it on the 决算公开 page; a written text always wins over the draft.
 */

/** The text key the paragraph is stored under (the outlines' 机构设置及决算单位构成). */
export const ORGANISATION_KEY = 'profile.organisation';

/** A unit of the 汇总 as consolidated (a 节点汇总 stands for the units it holds). */
export interface ConsolidatedName {
  unitName: string;
  unitCode: string;
}

const OWN_LEVEL = /[((]?本级[))]?$/;

/**
 * The draft: the department's own unit (本级: same unit code, else same name) first, then the others
 * in the order they were consolidated; the count is the number of units listed.
 */
export function organisationDraft(department: ConsolidatedName, fiscalYear: number, units: readonly ConsolidatedName[]): string {
  const bare = (name: string) => name.trim().replace(OWN_LEVEL, '');
  const isOwn = (unit: ConsolidatedName) => (!!department.unitCode && unit.unitCode === department.unitCode) || bare(unit.unitName) === bare(department.unitName);
  const own = units.findIndex(isOwn);
  const ordered = own < 0 ? [...units] : [units[own], ...units.filter((_, index) => index !== own)];
  const names = ordered.map((unit, index) => `${index + 1}.${index === 0 && own >= 0 ? `${bare(unit.unitName)}(本级)` : unit.unitName.trim()}`);
  return `从决算单位构成看,纳入${bare(department.unitName)}${fiscalYear}年度部门决算编制范围的单位共${ordered.length}个,包括:${names.join(';')}。`;
}

/** The units a 汇总 has now that its confirmed 决算单位构成 did not name (added), and those it no longer has (removed). */
export interface OrganisationChange {
  added: string[];
  removed: string[];
}

/**
 * How the 汇总's units differ from those it had when the clerk confirmed (or wrote) the 决算单位构成:
 * undefined when nothing was confirmed or the units are the same (by unit code, else by name). A
 * re-汇总 keeps the clerk's text, which then names the old set unless this says so.
 */
export function organisationChange(confirmed: readonly ConsolidatedName[] | undefined, current: readonly ConsolidatedName[]): OrganisationChange | undefined {
  if (!confirmed) return undefined;
  const identity = (unit: ConsolidatedName) => (unit.unitCode ? `代码 ${unit.unitCode}` : `名称 ${unit.unitName.trim()}`);
  const missingFrom = (units: readonly ConsolidatedName[], others: readonly ConsolidatedName[]) => {
    const there = new Set(others.map(identity));
    return units.filter((unit) => !there.has(identity(unit))).map((unit) => unit.unitName.trim());
  };
  const change = { added: missingFrom(current, confirmed), removed: missingFrom(confirmed, current) };
  return change.added.length || change.removed.length ? change : undefined;
}

/** "新增 XX;减少 YY": the change in words, for the 审核 and the 决算公开 page. */
export function organisationChangeText({ added, removed }: OrganisationChange): string {
  return [added.length ? `新增 ${added.join('、')}` : '', removed.length ? `减少 ${removed.join('、')}` : ''].filter(Boolean).join(';');
}

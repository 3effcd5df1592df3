import { FORMS_TABLE } from '../../../../shared/forms/year-check';
import { FRAMEWORK_KINDS, type FrameworkKind } from '../../../../shared/forms/framework';

/**
 * The forms' pages share the year store's `tableId` with the annex tables, so the side list, the
 * page switch and a click on a finding (which sets tableId to the finding's table, 绩效自评) all
 * work the way they do for tables.
 */
export const PROJECT_PAGE = '绩效自评-项目';
export const DEPARTMENT_PAGE = '绩效自评-部门';
export const SCORES_PAGE = '绩效自评-得分一览';

/** A scored framework's page (附件1.1, 附件2, 大通湖 附件5). */
const FRAMEWORK_PAGE = '绩效自评-体系-';
export const frameworkPage = (kind: FrameworkKind) => `${FRAMEWORK_PAGE}${kind}`;
export function frameworkOfPage(tableId: string): FrameworkKind | null {
  const kind = tableId.slice(FRAMEWORK_PAGE.length);
  return tableId.startsWith(FRAMEWORK_PAGE) && (FRAMEWORK_KINDS as readonly string[]).includes(kind) ? (kind as FrameworkKind) : null;
}

export function isFormsPage(tableId: string): boolean {
  return frameworkOfPage(tableId) !== null || tableId === PROJECT_PAGE || tableId === DEPARTMENT_PAGE || tableId === SCORES_PAGE || tableId === FORMS_TABLE;
}

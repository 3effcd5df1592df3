import { FORMS_TABLE } from '../../../../shared/forms/year-check';

/**
 * The forms' pages share the year store's `tableId` with the annex tables, so the side list, the
 * page switch and a click on a finding (which sets tableId to the finding's table, 绩效自评) all
 * work the way they do for tables.
 */
export const PROJECT_PAGE = '绩效自评-项目';
export const DEPARTMENT_PAGE = '绩效自评-部门';
export const SCORES_PAGE = '绩效自评-得分一览';

export function isFormsPage(tableId: string): boolean {
  return tableId === PROJECT_PAGE || tableId === DEPARTMENT_PAGE || tableId === SCORES_PAGE || tableId === FORMS_TABLE;
}

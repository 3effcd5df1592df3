import type { Numbering, TemplateSet } from '../../../../shared/contract';

/** What the start page's 新建年度文件 form asks for. */
export interface NewYearForm {
  fiscalYear: number;
  unitName: string;
  unitCode: string;
  template: TemplateSet;
  numbering: Numbering;
  /** Last year's year file to start from ('' = none). */
  baselineFrom: string;
}

/** The new year file's name in the data folder: year and unit, without characters a file name cannot hold. */
export function fileNameFor(form: NewYearForm): string {
  return `${form.fiscalYear}-${form.unitName.replace(/[\\/:*?"<>|\s]+/g, '')}.sqlite`;
}

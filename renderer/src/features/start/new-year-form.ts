import type { Numbering, TemplateSet, YearInfo } from '../../../../shared/contract';

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

/**
 * The 决算 year a new file is most likely for on `today`: a year's 年终决算 starts in its December (a
 * clerk in December 2026 starts the 2026 决算) and runs into the next spring.
 */
export function likelyFiscalYear(today: Date): number {
  return today.getMonth() === 11 ? today.getFullYear() : today.getFullYear() - 1;
}

/** The year file the form would make, when the data folder has it already (same year and unit). */
export function existingFile(form: NewYearForm, years: readonly YearInfo[]): YearInfo | undefined {
  const name = fileNameFor(form);
  return years.find((year) => year.file === name);
}

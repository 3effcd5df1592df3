import type { ReportTextDoc, YearInfo } from '../../../../shared/contract';
import { parseSupplementary, type Supplementary } from '../../../../shared/rules';
import { outlineFor } from '../../../../shared/report';

/** 补充信息 as the rules read it, with the 决算公开 texts so P-05 runs in the panel as in `validate`. */
export function suppFor(info: YearInfo, supplementary: Record<string, string>, reportTexts: Record<string, ReportTextDoc>): Supplementary {
  return { ...parseSupplementary(supplementary), report: { outline: outlineFor(info.template, info.formRegion).id, fiscalYear: info.fiscalYear, texts: reportTexts } };
}

/**
 * Builds the whole 决算公开 document of a year from its outline: generated sentences, the clerk's
 * texts, the annex tables and the charts, in the outline's order.
 */
import { printedLabel, templateTables, type LabelStyle, type TemplateSet } from '../tables';
import { chartData, type ChartData } from './charts';
import { DEFAULT_GLOSSARY, GLOSSARY_KEY } from './glossary';
import type { GeneratorId, ReportOutline } from './outline';
import { expenditureSection, fiscalSection, incomeSection, totalSection } from './sections-overview';
import { basicSection, gpbSection } from './sections-gpb';
import { REGIONAL_GENERATORS } from './sections-regional';
import { adminSection, assetsSection, fundSection, performanceSection, procurementSection, sangongSection, soeSection } from './sections-other';
import { ORGANISATION_KEY, organisationDraft } from './organisation';
import { printedParts, type Block, type ReportDoc, type Sentence, type SourceCell } from './types';
import { Writer, type ReportSource } from './writer';

/** Each generator with its opening words (`lead` of the outline's content) where it has any. */
const GENERATORS: Record<GeneratorId, (w: Writer, lead?: string) => Block[]> = {
  total: totalSection,
  income: incomeSection,
  expenditure: expenditureSection,
  fiscal: fiscalSection,
  gpb: gpbSection,
  basic: basicSection,
  sangong: sangongSection,
  fund: fundSection,
  soe: soeSection,
  admin: adminSection,
  procurement: procurementSection,
  assets: assetsSection,
  performance: performanceSection,
  ...REGIONAL_GENERATORS,
};

export interface BuildOptions {
  template: TemplateSet;
  numbering: LabelStyle;
}

export interface BuiltReport {
  doc: ReportDoc;
  /** Chart data by id, for the writers that draw them. */
  charts: Map<string, ChartData>;
}

export function buildReport(source: ReportSource, outline: ReportOutline, options: BuildOptions): BuiltReport {
  const w = new Writer(source, outline);
  const blocks: Block[] = [{ kind: 'toc' }];
  const charts = new Map<string, ChartData>();
  const fill = (text: string) => text.replace(/\{Y\}/g, String(source.fiscalYear));
  for (const part of outline.parts) {
    blocks.push({ kind: 'heading', level: 1, text: fill(part.title) });
    for (const section of part.sections) {
      if (section.title) blocks.push({ kind: 'heading', level: 2, text: fill(section.title), ...(section.inferred ? { inferred: section.inferred } : {}) });
      for (const content of section.content) {
        if (content.kind === 'generated') blocks.push(...GENERATORS[content.generator](w, content.lead));
        else if (content.kind === 'heading') blocks.push({ kind: 'heading', level: 3, text: content.text });
        else if (content.kind === 'text') {
          const stored = source.texts[content.key];
          const drafted = !stored && draftedText(source, content.key);
          if (drafted) blocks.push({ kind: 'text', key: content.key, label: content.label, text: drafted, draft: true, generated: true });
          else blocks.push({ kind: 'text', key: content.key, label: content.label, text: stored?.text ?? '', draft: !!stored?.draft });
        } else if (content.kind === 'glossary') {
          const stored = source.texts[GLOSSARY_KEY];
          blocks.push({ kind: 'text', key: GLOSSARY_KEY, label: '名词解释', text: stored?.text || DEFAULT_GLOSSARY, draft: !!stored?.draft });
        } else if (content.kind === 'tables') {
          for (const def of templateTables(options.template)) {
            blocks.push({ kind: 'table', table: def.id, label: printedLabel(def.id, options.template, options.numbering), title: def.title });
          }
        } else {
          const data = chartData(w, content.chart);
          charts.set(content.chart, data);
          blocks.push({ kind: 'chart', chart: content.chart, caption: data.caption });
        }
      }
    }
  }
  const doc: ReportDoc = {
    fiscalYear: source.fiscalYear,
    unitName: source.unitName,
    outline: outline.id,
    title: `${source.unitName}${source.fiscalYear}年度部门决算`,
    coverLines: outline.coverLines,
    blocks,
  };
  return { doc, charts };
}

/** The program's draft of a text the clerk has not written: a 汇总's 决算单位构成 from its units. */
function draftedText(source: ReportSource, key: string): string | undefined {
  const { consolidated } = source;
  if (key !== ORGANISATION_KEY || !consolidated?.units.length) return undefined;
  return organisationDraft({ unitName: source.unitName, unitCode: consolidated.unitCode }, source.fiscalYear, consolidated.units);
}

/** Every generated sentence of the document, in order. */
export function sentencesOf(doc: ReportDoc): Sentence[] {
  return doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.sentences : []));
}

/** For `report --json`: each printed sentence with the cells each of its numbers comes from. */
export function sentenceSources(doc: ReportDoc): { id: string; text: string; figures: { text: string; cells: SourceCell[] }[]; reason?: { key: string; needed: boolean; written: boolean; draft: boolean } }[] {
  return sentencesOf(doc).flatMap((sentence) => {
    const parts = printedParts(sentence);
    if (!parts.length) return [];
    const figures = parts.flatMap((part) => (typeof part === 'string' ? [] : [{ text: part.text, cells: part.cells }]));
    const entry: ReturnType<typeof sentenceSources>[number] = { id: sentence.id, text: parts.map((part) => (typeof part === 'string' ? part : part.text)).join(''), figures };
    if (sentence.reason) entry.reason = { key: sentence.reason.key, needed: sentence.reason.needed, written: !!sentence.reason.text, draft: sentence.reason.draft };
    return [entry];
  });
}

/**
 * The 决算公开 document as data: blocks of headings, generated sentences, the clerk's own texts,
 * tables and charts. Every writer (page, Markdown, Word, PDF) renders this one structure, so a
 * number printed anywhere is the number the generator computed from the year file.
 */

/** Keys of the stored texts: reason.<sentence>, profile.<part> (概况), glossary (名词解释). */
export const REPORT_TEXT_KEY = /^(reason\.[\w.合计-]+|profile\.\w+|glossary)$/;

/** A cell a generated number is computed from; `lastYear` reads the 上年数 stored with the file. */
export interface SourceCell {
  /** An annex table id, or 补充信息 (row = field key) for figures entered on that page. */
  table: string;
  row: string;
  col: string;
  lastYear?: boolean;
}

/** A number in a sentence: its printed text and every cell it is computed from. */
export interface Figure {
  kind: 'amount' | 'percent' | 'count';
  text: string;
  cells: SourceCell[];
}

export type Part = string | Figure;

/** The reason a sentence asks for (主要原因): the clerk's words, or a draft carried from last year. */
export interface ReasonSlot {
  /** Stable key the text is stored under (reason.<key> in the year file). */
  key: string;
  /** Words printed before the reason, e.g. "增长的主要原因:". */
  lead: string;
  /** The change is beyond the region's threshold, so the sentence must give a reason. */
  needed: boolean;
  /** This year's figures behind the sentence have been entered (before that there is no change to explain or confirm). */
  entered: boolean;
  /** The cells compared (this year's and the base: last year's or the 年初预算), so the 审核 can tell which change a reason explains. */
  cells: SourceCell[];
  text: string | null;
  /** Carried from last year's file and not yet confirmed ("上年原因,请核实"). */
  draft: boolean;
}

export interface Sentence {
  /** Stable id (section + item), e.g. "total", "gpb.budget.201". */
  id: string;
  parts: Part[];
  /** Punctuation closing the sentence when no reason follows ("。", ":"). */
  end: string;
  reason?: ReasonSlot;
}

export type Block =
  /** inferred: a section whose wording is not copied from a published disclosure (shown on the page, never printed). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; inferred?: string }
  | { kind: 'paragraph'; sentences: Sentence[] }
  /**
   * Free text of the clerk's (概况, 名词解释), stored under `key`; `draft` when carried from last year,
   * or, with `generated`, drafted by the program (a 汇总's 决算单位构成) and not stored until confirmed.
   */
  | { kind: 'text'; key: string; label: string; text: string; draft: boolean; generated?: boolean }
  | { kind: 'table'; table: string; label: string; title: string }
  | { kind: 'chart'; chart: string; caption: string }
  | { kind: 'toc' };

export interface ReportDoc {
  fiscalYear: number;
  unitName: string;
  /** Outline (region profile) the document follows. */
  outline: string;
  title: string;
  /** Lines under the title on the cover (e.g. 保密审查情况). */
  coverLines: string[];
  blocks: Block[];
}

/** Printed where the clerk has not written a 概况 text (or another text of the outline's). */
export const blankText = (label: string) => `【请填写${label}】`;

/** Printed in place of a reason the sentence needs and the clerk has not written. */
export const MISSING_REASON = '【请填写主要原因】';

/** Printed before a reason carried from last year's file and not yet confirmed. */
export const CARRIED_REASON = '【上年原因,请核实】';

/** Whether the reason clause is printed: written, or needed (then shown as missing). */
export const showsReason = (reason: ReasonSlot | undefined): reason is ReasonSlot => !!reason && (!!reason.text || reason.needed);

/** The parts of a sentence as printed, reason clause included ('' when a reason-only sentence has nothing to say). */
export function printedParts(sentence: Sentence): Part[] {
  const { reason } = sentence;
  if (!showsReason(reason)) return sentence.parts.length ? [...sentence.parts, sentence.end] : [];
  // Last year's words not yet confirmed are offered, marked so, in the draft (the 报送版 leaves them out: publishedDoc).
  const text = reason.text ? `${reason.draft ? CARRIED_REASON : ''}${reason.text}` : MISSING_REASON;
  const joiner = sentence.parts.length ? ',' : '';
  return [...sentence.parts, `${joiner}${reason.lead}${text}${/[。;!?]$/.test(text) ? '' : '。'}`];
}

/** Plain text of a sentence as printed (figures as their text). */
export function sentenceText(sentence: Sentence): string {
  return printedParts(sentence)
    .map((part) => (typeof part === 'string' ? part : part.text))
    .join('');
}

/** How a sentence is named to the clerk: its words without the reason, or, for a reason-only sentence, what the reason is about. */
export function sentenceName(sentence: Sentence): string {
  return sentenceText({ ...sentence, reason: undefined }) || (sentence.reason?.lead.replace(/[::]$/, '') ?? '');
}

/**
 * The 决算公开资料 lines of an open year (shared/report/inputs.ts): its 补充信息, 年初预算 per 公开05表
 * row, texts, and the sentences of this year's document that ask for a reason.
 */
import { inputLines, sentenceName, sentencesOf, type InputLine } from '../../../shared/report';
import type { YearSession } from '../year-session';
import { yearReport } from './source';

const T05 = '公开05表';
/** A sentence is named by its opening words: enough to find it in the document. */
const SENTENCE_CHARS = 120;

/** The lines, or undefined when the year has none of these inputs and no sentence asks for a reason (no sheet then). */
export function yearInputLines(session: YearSession): InputLine[] | undefined {
  const supplementary = session.supplementary();
  const texts = session.store.reportTexts();
  const { doc } = yearReport(session);
  const reasons = sentencesOf(doc).flatMap((sentence) => {
    const reason = sentence.reason;
    if (!reason || !(reason.needed || reason.text)) return [];
    const text = sentenceName(sentence);
    return [{ key: reason.key, sentence: text.length > SENTENCE_CHARS ? `${text.slice(0, SENTENCE_CHARS)}…` : text }];
  });
  if (!reasons.length && !Object.keys(supplementary).length && !Object.keys(texts).length) return undefined;
  const budgetRows = session.model.rows(T05).filter((row) => !row.blank).map((row) => ({ code: row.key, name: row.label }));
  return inputLines({ supplementary, texts, budgetRows, reasons, outline: doc.outline });
}

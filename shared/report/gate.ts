/**
 * Whether the 决算公开 document may go out as 报送版 (final): like the workbook, not while 审核 has
 * errors; not while it would print a 【请填写…】 blank (a 概况 text, a 补充信息 figure, the 年初预算);
 * and where the region requires reasons (outline.requireReasons), not while a sentence that needs a
 * 主要原因 has none or only last year's. A draft always may, marked as such.
 */
import type { ReportOutline } from './outline';
import { sentencesOf } from './build';
import { sentenceName, sentenceText, type ReportDoc, type Sentence } from './types';

/** Sentences that must give a reason and have none written. */
export function missingReasons(doc: ReportDoc): Sentence[] {
  return sentencesOf(doc).filter((sentence) => sentence.reason?.needed && !sentence.reason.text);
}

/** Sentences that must give a reason and have only last year's, carried and not confirmed. */
function unconfirmedReasons(doc: ReportDoc): Sentence[] {
  return sentencesOf(doc).filter((sentence) => sentence.reason?.needed && sentence.reason.text && sentence.reason.draft);
}

/**
 * The document as published (报送版): a reason prints only as the clerk wrote or confirmed it this
 * year. Last year's words carried and not confirmed describe last year's change, and where the
 * region does not require a reason an unwritten one is left out rather than printed as 【请填写主要原因】.
 */
export function publishedDoc(doc: ReportDoc): ReportDoc {
  const blocks = doc.blocks.map((block) =>
    block.kind === 'paragraph' ? { ...block, sentences: block.sentences.map(({ reason, ...sentence }) => (reason?.text && !reason.draft ? { ...sentence, reason } : sentence)) } : block,
  );
  return { ...doc, blocks };
}

const QUOTED = 24;
const quote = (sentence: Sentence) => `“${sentenceName(sentence).slice(0, QUOTED)}…”`;

/**
 * What the 报送版 would print as a 【…】 blank or as last year's words: the texts not written or
 * carried and not confirmed (by label), then the sentences still asking for a figure.
 */
function unfilled(doc: ReportDoc): string[] {
  const published = publishedDoc(doc);
  const texts = published.blocks.flatMap((block) => {
    if (block.kind !== 'text') return [];
    if (!block.text.trim()) return [block.label];
    return block.draft && !block.generated ? [`${block.label}(沿用上年的文字,未确认)`] : [];
  });
  const sentences = sentencesOf(published).filter((sentence) => sentenceText(sentence).includes('【'));
  return [...texts, ...sentences.map(quote)];
}

/** The words refusing the 报送版, or null when it may go out. */
export function reportBlock(errors: number, doc: ReportDoc, outline: ReportOutline): string | null {
  const missing = outline.requireReasons ? missingReasons(doc) : [];
  const unconfirmed = outline.requireReasons ? unconfirmedReasons(doc) : [];
  const blanks = unfilled(doc);
  if (!errors && !missing.length && !unconfirmed.length && !blanks.length) return null;
  const quoted = (sentences: Sentence[]) => sentences.slice(0, 3).map(quote).join('、');
  const reasons: string[] = [];
  if (errors) reasons.push(`审核还有 ${errors} 个错误`);
  if (missing.length) reasons.push(`情况说明中 ${missing.length} 处变动较大的项目未写明主要原因(${outline.name}要求写明),如${quoted(missing)}`);
  if (unconfirmed.length) reasons.push(`${unconfirmed.length} 处主要原因沿用了上年的文字、尚未核实确认,如${quoted(unconfirmed)}`);
  if (blanks.length) reasons.push(`${blanks.length} 处还未填写,如${blanks.slice(0, 3).join('、')}`);
  // Say where each is put right: errors in the 审核 panel, reasons and texts on this page, figures on 补充信息.
  const remedies = [
    errors ? '在审核面板逐条修正错误' : '',
    missing.length ? '在决算公开页写明主要原因' : '',
    unconfirmed.length ? '在决算公开页核实并确认上年的原因' : '',
    blanks.length ? '在决算公开页填写概况和年初预算、在补充信息页填写“三公”统计数、政府采购和资产' : '',
  ].filter(Boolean);
  return `不能导出报送版决算公开文档:${reasons.join(';')}。请${remedies.join('、')}后再导出,或导出草稿`;
}

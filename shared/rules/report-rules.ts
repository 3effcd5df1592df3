/**
 * The 决算公开 情况说明 as the 审核 sees it. The sentences are the generator's own, so the 审核
 * panel, `validate`, batch 审核 and the page agree.
 * - P-05: every sentence that must give a 主要原因 (a change vs last year or vs 年初预算 beyond the
 *   region's threshold) has one, and reasons carried from last year are confirmed.
 * - P-06: the clerk's reasons agree with the tables: a number restating a figure of its sentence is
 *   that figure, and a reason written for a sentence the tables no longer produce is not lost silently.
 * - P-07: a 汇总's confirmed 决算单位构成 still names the units it was confirmed with after a re-汇总
 *   added or removed some: flagged until the clerk confirms it again or takes the new draft.
 */
import { buildReport, sentencesOf } from '../report/build';
import { OUTLINES, type OutlineId, type ReportOutline } from '../report/outline';
import { reasonMismatches } from '../report/text-figures';
import { sentenceName, type Sentence } from '../report/types';
import { REASON_PREFIX } from '../report/writer';
import { ORGANISATION_KEY, organisationChangeText } from '../report/organisation';
import type { CheckContext } from './context';
import { TEXT_TABLE, type RuleDef } from './types';

interface Narrative {
  outline: ReportOutline;
  sentences: Sentence[];
}

/** The document of one 审核 run, built once for both rules. */
const NARRATIVES = new WeakMap<CheckContext, Narrative>();

export function narrativeOf(ctx: CheckContext): Narrative {
  let narrative = NARRATIVES.get(ctx);
  if (!narrative) {
    const report = ctx.supp.report!;
    const outline = OUTLINES[report.outline as OutlineId] ?? OUTLINES.通用;
    const { doc } = buildReport(
      { fiscalYear: report.fiscalYear, unitName: '', model: ctx.model, lastYear: ctx.baseline, supp: ctx.supp, texts: report.texts },
      outline,
      { template: '9', numbering: '公开' },
    );
    narrative = { outline, sentences: sentencesOf(doc) };
    NARRATIVES.set(ctx, narrative);
  }
  return narrative;
}

const quote = (sentence: Sentence) => sentenceName(sentence).slice(0, 40);

/** What the clerk is asked to write: the lead's own words ("增长的主要原因"), or 主要原因 where the lead is not a noun ("主要是因为:"). */
const askedFor = (lead: string) => {
  const words = lead.replace(/[::]$/, '');
  return words.endsWith('原因') ? words : '主要原因';
};

export const REPORT_RULES: RuleDef[] = [
  {
    id: 'P-05',
    title: '决算公开情况说明中变动较大的项目须写明主要原因,沿用上年的原因须核实',
    severity: 'warning',
    reads: ['T01, T03, T04, T05, T06, T07, T08, T09 vs LY and SUPP 年初预算 → 情况说明 reason.*'],
    needs: ['report'],
    check(ctx: CheckContext) {
      const { outline, sentences } = narrativeOf(ctx);
      for (const sentence of sentences) {
        const reason = sentence.reason;
        if (!reason || !(reason.needed || reason.text) || (reason.text && !reason.draft)) continue;
        // Last year's words are confirmed against this year's figures, so only once those are entered.
        if (reason.draft && !reason.entered) continue;
        ctx.emit({
          severity: 'warning',
          table: TEXT_TABLE,
          row: reason.key,
          col: '',
          message: reason.text
            ? `情况说明“${quote(sentence)}…”的主要原因沿用了上年的文字,请核实后确认`
            : `情况说明“${quote(sentence)}…”变动超过${outline.reasonThreshold}%,请在决算公开页写明${askedFor(reason.lead)}${outline.requireReasons ? `(${outline.name}要求写明:未写明时不能导出报送版决算公开文档)` : ''}`,
          expected: null,
          actual: null,
        });
      }
    },
  },
  {
    id: 'P-06',
    title: '决算公开情况说明中经办人所写原因里的数字应与表格计算的数字一致,所说明的句子应仍在情况说明中',
    severity: 'warning',
    reads: ['情况说明 reason.* (经办人文字中的金额、百分比) vs 同句由表格计算的数字'],
    needs: ['report'],
    check(ctx: CheckContext) {
      const { sentences } = narrativeOf(ctx);
      const explained = new Set<string>();
      for (const sentence of sentences) {
        const reason = sentence.reason;
        if (!reason) continue;
        explained.add(reason.key);
        // A draft carried from last year quotes last year's figures; P-05 already asks for it to be checked.
        if (!reason.text || reason.draft) continue;
        const mismatches = reasonMismatches(reason.text, sentence.parts);
        if (!mismatches.length) continue;
        ctx.emit({
          severity: 'warning',
          table: TEXT_TABLE,
          row: reason.key,
          col: '',
          message: `情况说明“${quote(sentence)}…”的主要原因中写的 ${mismatches.map((m) => `${m.written}(表格计算为 ${m.figure})`).join('、')} 与表格不一致,请改正原因中的数字`,
          expected: null,
          actual: null,
        });
      }
      for (const [key, stored] of Object.entries(ctx.supp.report!.texts)) {
        if (!key.startsWith(REASON_PREFIX) || stored.draft || explained.has(key.slice(REASON_PREFIX.length))) continue;
        ctx.emit({
          severity: 'warning',
          table: TEXT_TABLE,
          row: key.slice(REASON_PREFIX.length),
          col: '',
          message: `已写的主要原因“${stored.text.length > 30 ? `${stored.text.slice(0, 30)}…` : stored.text}”所说明的句子已不在情况说明中(表中已没有相应的科目或数字),不会印出;请核对表格,表格无误时可填写出错说明`,
          expected: null,
          actual: null,
        });
      }
    },
  },
  {
    id: 'P-07',
    title: '汇总的决算单位构成确认后汇总单位有增减的,须重新核实',
    severity: 'warning',
    reads: ['情况说明 profile.organisation (经办人确认时的汇总单位) vs 现在的汇总单位'],
    needs: ['report'],
    check(ctx: CheckContext) {
      const change = ctx.supp.report!.organisation;
      if (!change) return;
      ctx.emit({
        severity: 'warning',
        table: TEXT_TABLE,
        row: ORGANISATION_KEY,
        col: '',
        message: `情况说明中的“机构设置及决算单位构成”确认后,汇总的单位有变化(${organisationChangeText(change)}),所填文字仍按原来的单位;请在决算公开页核实后再次确认,或采用按现在的汇总单位生成的草稿`,
        expected: null,
        actual: null,
      });
    },
  },
];

/**
 * P-05: every sentence of the 决算公开 document that must give a 主要原因 (a change vs last year or
 * vs 年初预算 beyond the region's threshold) has one, and reasons carried from last year are confirmed.
 * The sentences are the generator's own, so the 审核 panel, `validate` and the page agree.
 */
import { buildReport, sentencesOf } from '../report/build';
import { OUTLINES, type OutlineId } from '../report/outline';
import { sentenceName } from '../report/types';
import type { CheckContext } from './context';
import { TEXT_TABLE, type RuleDef } from './types';

export const REPORT_RULES: RuleDef[] = [
  {
    id: 'P-05',
    title: '决算公开情况说明中变动较大的项目须写明主要原因,沿用上年的原因须核实',
    severity: 'warning',
    reads: ['T01, T03, T04, T05, T06, T07, T08, T09 vs LY and SUPP 年初预算 → 情况说明 reason.*'],
    needs: ['report'],
    check(ctx: CheckContext) {
      const report = ctx.supp.report!;
      const outline = OUTLINES[report.outline as OutlineId] ?? OUTLINES.通用;
      const { doc } = buildReport(
        { fiscalYear: report.fiscalYear, unitName: '', model: ctx.model, lastYear: ctx.baseline, supp: ctx.supp, texts: report.texts },
        outline,
        { template: '9', numbering: '公开' },
      );
      for (const sentence of sentencesOf(doc)) {
        const reason = sentence.reason;
        if (!reason || !(reason.needed || reason.text) || (reason.text && !reason.draft)) continue;
        const quoted = sentenceName(sentence).slice(0, 40);
        ctx.emit({
          severity: 'warning',
          table: TEXT_TABLE,
          row: reason.key,
          col: '',
          message: reason.text
            ? `情况说明“${quoted}…”的主要原因沿用了上年的文字,请核实后确认`
            : `情况说明“${quoted}…”变动超过${outline.reasonThreshold}%,请在决算公开页写明${reason.lead.replace(/[::]$/, '')}${outline.requireReasons ? `(${outline.name}要求写明:未写明时不能导出报送版决算公开文档)` : ''}`,
          expected: null,
          actual: null,
        });
      }
    },
  },
];

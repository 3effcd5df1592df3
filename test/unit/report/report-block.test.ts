/**
 * The words refusing the 报送版 决算公开 document say where to put each cause right: 审核 errors
 * in the 审核 panel (writing on the 决算公开 page does not clear them), missing reasons on the page.
 */
import { describe, expect, it } from 'vitest';
import { OUTLINES, reportBlock, type ReportDoc } from '../../../shared/report';

const NO_SENTENCES = { blocks: [] } as unknown as ReportDoc;

describe('reportBlock', () => {
  it('sends 审核 errors to the 审核 panel, not to the 决算公开 page', () => {
    expect(reportBlock(4, NO_SENTENCES, OUTLINES.通用)).toBe('不能导出报送版决算公开文档:审核还有 4 个错误。请在审核面板逐条修正错误后再导出,或导出草稿');
  });

  it('lets the document go when there is nothing to put right', () => {
    expect(reportBlock(0, NO_SENTENCES, OUTLINES.四川)).toBeNull();
  });
});

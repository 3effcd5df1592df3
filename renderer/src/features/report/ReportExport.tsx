import { useState } from 'react';
import { call } from '../../api';
import { outlineFor, reportBlock, type ReportDoc } from '../../../../shared/report';
import { useYearStore } from '../../stores/use-year-store';
import { deliver } from '../exchange/files';
import { BusyOverlay } from '../shell/BusyOverlay';

const FORMATS = [
  ['docx', '导出 Word'],
  ['pdf', '导出 PDF'],
  ['md', '导出 Markdown'],
] as const;

/**
 * The document in Word, PDF (printed by Chromium in the core) and Markdown, saved like the workbooks.
 * The 报送版 waits, as the core does (gate.ts), for 审核 without errors, nothing left to fill in and —
 * where the region requires it — this year's reason in every sentence that needs one; a draft can always be exported.
 */
export function ReportExport({ doc }: { doc: ReportDoc }) {
  const info = useYearStore((state) => state.info)!;
  const findings = useYearStore((state) => state.findings);
  const [draft, setDraft] = useState(false);
  // Word and PDF take a second or more (charts, Chromium printing): say so, and take no second click meanwhile.
  const [busy, setBusy] = useState<string | null>(null);
  const blocked = reportBlock(findings.filter((finding) => finding.severity === 'error').length, doc, outlineFor(info.template, info.formRegion));
  const exportAs = async ([format, label]: (typeof FORMATS)[number]) => {
    setBusy(`正在生成 ${label.replace('导出 ', '')}…`);
    try {
      const file = await call('exportReport', { file: info.file, format, draft });
      const saved = await deliver(file.name, file.mime, file.dataBase64);
      if (saved) useYearStore.getState().showNotice(`已导出 ${saved}`);
    } catch (error) {
      useYearStore.setState({ error: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };
  return (
    <span className="report-export">
      {FORMATS.map((entry) => (
        <button key={entry[0]} type="button" disabled={busy !== null || (!draft && !!blocked)} title={!draft && blocked ? blocked : ''} onClick={() => void exportAs(entry)}>
          {entry[1]}
        </button>
      ))}
      <label title="草稿封面注明“未经审核通过,不作为公开文本”">
        <input type="checkbox" checked={draft} onChange={(event) => setDraft(event.target.checked)} />
        草稿
      </label>
      {blocked && !draft && <span className="report-blocked">{blocked}</span>}
      <BusyOverlay what={busy} />
    </span>
  );
}

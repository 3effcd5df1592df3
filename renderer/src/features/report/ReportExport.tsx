import { call } from '../../api';
import { useYearStore } from '../../stores/use-year-store';
import { deliver } from '../exchange/files';

const FORMATS = [
  ['docx', '导出 Word'],
  ['pdf', '导出 PDF'],
  ['md', '导出 Markdown'],
] as const;

/** The document in Word, PDF (printed by Chromium in the core) and Markdown, saved like the workbooks. */
export function ReportExport() {
  const info = useYearStore((state) => state.info)!;
  const exportAs = async (format: (typeof FORMATS)[number][0]) => {
    try {
      const file = await call('exportReport', { file: info.file, format });
      const saved = await deliver(file.name, file.mime, file.dataBase64);
      if (saved) useYearStore.getState().showNotice(`已导出 ${saved}`);
    } catch (error) {
      useYearStore.setState({ error: (error as Error).message });
    }
  };
  return (
    <span className="report-export">
      {FORMATS.map(([format, label]) => (
        <button key={format} type="button" onClick={() => void exportAs(format)}>
          {label}
        </button>
      ))}
    </span>
  );
}

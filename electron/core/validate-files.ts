import { narrativeColumns, type ValidationReport } from '../../shared/consolidation';
import { validateBatch, type BatchOptions } from './validate-batch';

/** One file's 审核 (shared with the renderer's batch view). */
export type FileReport = ValidationReport;

/**
 * 审核 of year files and workbooks (named, or every one in the named folders), in parallel, with the
 * checks across files; an unreadable file is reported, not fatal.
 */
export async function validateFiles(paths: string[], options: BatchOptions = {}): Promise<FileReport[]> {
  return (await validateBatch(paths, options)).map(({ figures: _figures, baseline: _baseline, labels: _labels, consolidation: _consolidation, ...report }) => report);
}

/** Exit code of a report: 2 when a file could not be read, 1 when any error was found, else 0. */
export function exitCodeOf(reports: FileReport[]): number {
  if (reports.some((report) => report.error)) return 2;
  return reports.some((report) => report.errors > 0) ? 1 : 0;
}

export function formatReport(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.error) {
      lines.push(`${report.file}:无法读取:${report.error}`);
      continue;
    }
    const unit = `${report.unitName ?? ''}${report.unitCode ? `[${report.unitCode}]` : ''} ${report.fiscalYear ?? ''}年度`;
    const narrative = narrativeColumns(report.narrative);
    lines.push(
      `${report.file}:${unit} 错误 ${report.errors} 条,警告 ${report.warnings} 条(未说明 ${report.unexplained} 条);情况说明数字一致:${narrative.figuresAgree},原因齐全:${narrative.reasonsComplete}`,
    );
    for (const finding of report.findings) {
      const note = finding.explanation ? `(说明:${finding.explanation})` : '';
      lines.push(`  [${finding.severity === 'error' ? '错误' : '警告'}] ${finding.rule} ${finding.message}${note}`);
    }
  }
  return lines.join('\n');
}

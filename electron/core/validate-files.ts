import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract';
import type { Finding } from '../../shared/rules';
import { createCore } from './core';
import { makeTempFolder } from './temp-folders';

export interface FileReport {
  file: string;
  findings?: Pick<Finding, 'rule' | 'severity' | 'table' | 'row' | 'col' | 'message' | 'expected' | 'actual' | 'explanation'>[];
  /** Why the file could not be read (then it has no findings). */
  error?: string;
}

/** Year files and workbooks named directly or found in the named folders, in a stable order. */
export function expandPaths(paths: string[]): string[] {
  return paths.flatMap((target) => {
    const full = path.resolve(target);
    if (fs.existsSync(full) && fs.statSync(full).isDirectory()) {
      return fs
        .readdirSync(full)
        .filter((name) => /\.(sqlite|xlsx|xls)$/i.test(name))
        .sort()
        .map((name) => path.join(full, name));
    }
    return [full];
  });
}

/** 审核 of several year files in one report; an unreadable file is reported, not fatal. */
export async function validateFiles(paths: string[]): Promise<FileReport[]> {
  const core = createCore({ resolveFile: (file) => file });
  const reports: FileReport[] = [];
  try {
    for (const file of expandPaths(paths)) {
      try {
        const { findings } = WORKBOOK.test(file) ? await validateWorkbook(file) : await core.validate({ file });
        reports.push({
          file,
          findings: findings.map(({ rule, severity, table, row, col, message, expected, actual, explanation }) => ({
            rule,
            severity,
            table,
            row,
            col,
            message,
            expected,
            actual,
            ...(explanation ? { explanation } : {}),
          })),
        });
      } catch (error) {
        // One bad file is reported and the others are still checked; no stack ever reaches the clerk.
        reports.push({ file, error: error instanceof ApiError ? error.message : `文件 ${file}:无法读取(文件已损坏或格式异常)` });
      }
    }
  } finally {
    core.close();
  }
  return reports;
}

const WORKBOOK = /\.(xlsx|xls)$/i;

/**
 * A workbook is checked the way it would be submitted: imported into a temporary year file
 * (its year taken from the file name, e.g. "2023年度…", else last year), then validated.
 */
async function validateWorkbook(file: string): Promise<{ findings: Finding[] }> {
  // Loaded here, with the workbook readers it shares limits with: year files never need them.
  const { readUntrusted } = await import('./untrusted-file');
  const bytes = readUntrusted(file);
  const temp = makeTempFolder('validate');
  const core = createCore({ resolveFile: (name) => path.join(temp, name) });
  try {
    const year = Number(/(20\d\d)/.exec(path.basename(file))?.[1] ?? new Date().getFullYear() - 1);
    await core.createYear({ file: 'w.sqlite', fiscalYear: year, unitName: path.basename(file) });
    try {
      await core.importWorkbook({ file: 'w.sqlite', name: path.basename(file), dataBase64: bytes.toString('base64') });
    } catch (error) {
      if (error instanceof ApiError) throw new ApiError('unreadable', error.message);
      throw error;
    }
    return await core.validate({ file: 'w.sqlite' });
  } finally {
    core.close();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Exit code of a report: 2 when a file could not be read, 1 when any error was found, else 0. */
export function exitCodeOf(reports: FileReport[]): number {
  if (reports.some((report) => report.error)) return 2;
  return reports.some((report) => report.findings?.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

export function formatReport(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.error) {
      lines.push(`${report.file}:无法读取:${report.error}`);
      continue;
    }
    const findings = report.findings!;
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    lines.push(`${report.file}:错误 ${errors} 条,警告 ${findings.length - errors} 条`);
    for (const finding of findings) {
      const note = finding.explanation ? `(说明:${finding.explanation})` : '';
      lines.push(`  [${finding.severity === 'error' ? '错误' : '警告'}] ${finding.rule} ${finding.message}${note}`);
    }
  }
  return lines.join('\n');
}

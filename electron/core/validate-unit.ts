/**
 * What batch 审核 learns from one unit file: its 审核 findings and, for the checks across files,
 * a digest per table of its figures and of its 上年数 (so 300 files are compared without holding
 * 300 years in memory). Runs inside a worker thread (validate-worker.ts) or inline.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract';
import { narrativeCheck, type ValidationReport } from '../../shared/consolidation';
import { formatAmount } from '../../shared/money';
import { cellKey, printedLabel, templateTables } from '../../shared/tables';
import { isConsolidation } from './consolidate-store';
import { withUnitFile } from './read-unit-file';
import type { YearSession } from './year-session';

/** A file's 审核 report plus, for the checks across files, digests of its figures. */
export interface UnitSummary extends ValidationReport {
  /** table → digest of every figure of the table as a baseline import would keep it. */
  figures?: Record<string, string>;
  /** table → digest of the stored 上年数 of the table. */
  baseline?: Record<string, string>;
  /** table → its printed label (表七 of a 四川 year), for the cross-file findings that name tables. */
  labels?: Record<string, string>;
  /** The file is a 汇总: it may carry its 本级's unit code, so it is compared with other 汇总 only. */
  consolidation?: boolean;
}

export async function summariseUnit(job: { file: string; kind: 'validate' | 'figures' }): Promise<UnitSummary> {
  try {
    return await withUnitFile(job.file, (session, stamp) => {
      const info = session.info;
      const base = { file: job.file, unitName: stamp.unitName ?? info.unitName, unitCode: info.unitCode, fiscalYear: info.fiscalYear, template: info.template, consolidation: isConsolidation(session.store) };
      // Only last year's files are compared by their figures: digesting every cell of every file being checked cost a third of its 审核.
      if (job.kind === 'figures') return { ...base, figures: figureDigests(session), errors: 0, warnings: 0, unexplained: 0, findings: [] };
      const printed = new Set(session.tables().map((def) => def.id));
      const findings = session.findings().map(({ rule, severity, table, row, col, message, expected, actual, explanation }) => ({
        rule,
        severity,
        table,
        ...(printed.has(table) ? { tableLabel: printedLabel(table, info.template, info.numbering) } : {}),
        row,
        col,
        message,
        expected,
        actual,
        ...(explanation ? { explanation } : {}),
      }));
      const errors = findings.filter((finding) => finding.severity === 'error').length;
      const unexplained = findings.filter((finding) => finding.severity === 'warning' && !finding.explanation).length;
      // The 上年数 are compared only with a last-year folder beside this one (validate-batch.ts): without one, digesting them is wasted.
      const baseline = lastYearFolder(job.file, info.fiscalYear) ? baselineDigests(session) : undefined;
      const labels = baseline && Object.fromEntries(session.tables().map((def) => [def.id, printedLabel(def.id, info.template, info.numbering)]));
      return { ...base, errors, warnings: findings.length - errors, unexplained, findings, narrative: narrativeCheck(findings), baseline, labels };
    });
  } catch (error) {
    // One bad file is reported and the others are still checked; no stack ever reaches the clerk.
    const message = error instanceof ApiError ? error.message : `文件 ${job.file}:无法读取(文件已损坏或格式异常)`;
    return { file: job.file, errors: 0, warnings: 0, unexplained: 0, findings: [], error: message };
  }
}

/** The same path with its year folder moved one year back, when the path has one and it exists (…/2024/x → …/2023/). */
export function lastYearFolder(file: string, fiscalYear: number): string | undefined {
  const parts = path.dirname(file).split(path.sep);
  const at = parts.lastIndexOf(String(fiscalYear));
  if (at < 0) return undefined;
  parts[at] = String(fiscalYear - 1);
  const folder = parts.join(path.sep);
  return fs.existsSync(folder) ? folder : undefined;
}

const digest = (lines: string[]) => crypto.createHash('sha256').update(lines.sort().join('\n')).digest('hex');

/** Every non-empty figure of each table, computed cells included (what a baseline import stores). */
function figureDigests(session: YearSession): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const def of templateTables(session.info.template)) {
    const lines: string[] = [];
    for (const row of session.model.rows(def.id)) {
      if (row.blank) continue;
      for (const col of Object.keys(row.rules)) {
        const value = session.model.value(def.id, row.key, col);
        if (value !== null) lines.push(`${cellKey(row.key, col)}=${formatAmount(value)}`);
      }
    }
    digests[def.id] = digest(lines);
  }
  return digests;
}

function baselineDigests(session: YearSession): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const [table, cells] of session.store.loadBaseline()) digests[table] = digest([...cells].map(([key, value]) => `${key}=${formatAmount(value)}`));
  return digests;
}

/**
 * Batch 审核 of a folder of submissions (财政局): files checked in parallel by worker threads, each
 * opened, checked and closed inside its worker, so memory holds one year per worker plus the
 * summaries. Then the checks across files: duplicate unit codes, and 上年数 that differ from last
 * year's file of the same unit in the same folder structure (…/2023/… beside …/2024/…).
 */
import path from 'node:path';
import { expandPaths } from './read-unit-file';
import { unitPool } from './unit-pool';
import { lastYearFolder, type UnitSummary } from './validate-unit';

export interface BatchOptions {
  /** Worker threads; 0 checks inline (one at a time, in this thread). Default: the machine's cores, at most 8. */
  jobs?: number;
}

export async function validateBatch(paths: string[], options: BatchOptions = {}): Promise<UnitSummary[]> {
  const files = expandPaths(paths);
  const pool = unitPool(files.length, options.jobs);
  const summarise = (file: string, kind: 'validate' | 'figures') => pool.run({ file, kind }) as Promise<UnitSummary>;
  try {
    const summaries = await Promise.all(files.map((file) => summarise(file, 'validate')));
    await checkLastYear(summaries, (file) => summarise(file, 'figures'));
    checkDuplicateCodes(summaries);
    return summaries;
  } finally {
    await pool.close();
  }
}

function addFinding(summary: UnitSummary, severity: 'error' | 'warning', rule: string, message: string): void {
  summary.findings.push({ rule, severity, table: '', row: '', col: '', message, expected: null, actual: null });
  if (severity === 'error') summary.errors++;
  else {
    summary.warnings++;
    summary.unexplained++;
  }
}

/** Two files of the same year claiming one unit code: both are flagged (a 汇总 against another 汇总 only). */
function checkDuplicateCodes(summaries: UnitSummary[]): void {
  const byCode = new Map<string, UnitSummary[]>();
  for (const summary of summaries) {
    if (!summary.unitCode || summary.error) continue;
    const key = `${summary.fiscalYear}|${summary.unitCode}|${summary.consolidation ? '汇总' : '单位'}`;
    (byCode.get(key) ?? byCode.set(key, []).get(key)!).push(summary);
  }
  for (const group of byCode.values()) {
    if (group.length < 2) continue;
    for (const summary of group) {
      const others = group.filter((other) => other !== summary).map((other) => path.basename(other.file));
      addFinding(summary, 'error', 'X-重复单位', `单位编码 ${summary.unitCode} 与 ${others.join('、')} 重复`);
    }
  }
}

/**
 * A unit's stored 上年数 compared with last year's file of the same unit (by code, else name):
 * a table whose figures differ means the baseline is not what was submitted last year.
 */
async function checkLastYear(summaries: UnitSummary[], figuresOf: (file: string) => Promise<UnitSummary>): Promise<void> {
  const folders = new Map<string, UnitSummary[]>();
  for (const summary of summaries) {
    if (summary.error || !summary.fiscalYear || !summary.baseline || !Object.keys(summary.baseline).length) continue;
    const folder = lastYearFolder(summary.file, summary.fiscalYear);
    if (folder) (folders.get(folder) ?? folders.set(folder, []).get(folder)!).push(summary);
  }
  for (const [folder, current] of folders) {
    const previous = (await Promise.all(expandPaths([folder]).map(figuresOf))).filter((summary) => !summary.error);
    for (const summary of current) {
      // A 汇总 is compared with last year's 汇总, a unit with the unit: a 汇总 may carry its 本级's code.
      const sameKind = previous.filter((candidate) => !!candidate.consolidation === !!summary.consolidation);
      const last =
        sameKind.find((candidate) => summary.unitCode && candidate.unitCode === summary.unitCode) ??
        sameKind.find((candidate) => candidate.unitName === summary.unitName);
      if (!last || last.fiscalYear !== summary.fiscalYear! - 1) continue;
      const differing = Object.entries(summary.baseline!)
        .filter(([table, digest]) => last.figures?.[table] !== digest)
        .map(([table]) => summary.labels?.[table] ?? table);
      if (differing.length) {
        addFinding(summary, 'warning', 'X-上年数', `上年数与上年报送的文件 ${path.relative(path.dirname(folder), last.file)} 不一致:${differing.join('、')}`);
      }
    }
  }
}

/**
 * Batch 审核 of a folder of submissions (财政局): files checked in parallel by worker threads, each
 * opened, checked and closed inside its worker, so memory holds one year per worker plus the
 * summaries. Then the checks across files: duplicate unit codes, a file of another year or 表样
 * than its folder's (a 2024 file in 报送/2025/, a 四川 unit among a county's), and 上年数 that differ from last
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
    checkYearAndTemplate(summaries);
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

/** The value most files share, when more than half do (else none: no side to call the odd one out). */
function majority<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top && top[1] * 2 > values.length ? top[0] : undefined;
}

/** The year a folder in the file's path names (报送/2025/x.sqlite → 2025), the nearest one. */
function folderYear(file: string): number | undefined {
  const year = path.dirname(file).split(/[\\/]/).reverse().find((part) => /^20\d\d$/.test(part));
  return year ? Number(year) : undefined;
}

/**
 * A file of another year than its year folder (else than most files), or of another 表样 than most:
 * each file passes its own 审核, so without this a 2024 file sent for 2025, or a 四川 unit dropped
 * among a county's files, went through as 通过.
 */
function checkYearAndTemplate(summaries: UnitSummary[]): void {
  const read = summaries.filter((summary) => !summary.error && summary.fiscalYear);
  const usualYear = majority(read.map((summary) => summary.fiscalYear!));
  const usualTemplate = majority(read.map((summary) => summary.template));
  // A year folder states the year only when some file in it has that year: 2025 files under D:\2019\ are not all wrong.
  const statedYears = new Set(read.filter((summary) => folderYear(summary.file) === summary.fiscalYear).map((summary) => summary.fiscalYear));
  for (const summary of read) {
    const stated = folderYear(summary.file);
    const folder = stated && statedYears.has(stated) ? stated : undefined;
    if (folder && folder !== summary.fiscalYear) {
      addFinding(summary, 'error', 'X-年度', `文件在 ${folder} 年度的文件夹中,却是 ${summary.fiscalYear} 年度的年度文件:请核实是否报错了年度的文件`);
    } else if (!folder && usualYear && summary.fiscalYear !== usualYear) {
      addFinding(summary, 'error', 'X-年度', `年度为 ${summary.fiscalYear},其他文件多为 ${usualYear} 年度:请核实是否报错了年度的文件`);
    }
    if (usualTemplate && summary.template !== usualTemplate) {
      addFinding(summary, 'warning', 'X-表样', `表样为${summary.template}表,其他文件多为${usualTemplate}表:请核实是否本地区的单位、是否选错了表样`);
    }
  }
}

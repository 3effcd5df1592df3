/**
 * Batch 审核 of a folder of submissions (财政局): files checked in parallel by worker threads, each
 * opened, checked and closed inside its worker, so memory holds one year per worker plus the
 * summaries. Then the checks across files: duplicate unit codes, and 上年数 that differ from last
 * year's file of the same unit in the same folder structure (…/2023/… beside …/2024/…).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { expandPaths } from './read-unit-file';
import { summariseUnit, type UnitJob, type UnitSummary } from './validate-unit';

export interface BatchOptions {
  /** Worker threads; 0 checks inline (one at a time, in this thread). Default: the machine's cores, at most 8. */
  jobs?: number;
}

export async function validateBatch(paths: string[], options: BatchOptions = {}): Promise<UnitSummary[]> {
  const files = expandPaths(paths);
  const jobs = Math.max(0, Math.min(options.jobs ?? Math.min(os.availableParallelism(), 8), files.length));
  const run = jobs ? pool(jobs) : { summarise: summariseUnit, close: async () => undefined };
  try {
    const summaries = await Promise.all(files.map((file) => run.summarise({ file, kind: 'validate' })));
    await checkLastYear(summaries, run.summarise);
    checkDuplicateCodes(summaries);
    return summaries;
  } finally {
    await run.close();
  }
}

/** Where the worker's code is: beside this module from source (through tsx), or bundled beside main.mjs. */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./validate-worker-boot.mjs', here), { workerData: { entry: new URL('./validate-worker.ts', here).href } });
  }
  return new Worker(new URL('./validate-worker.mjs', here));
}

/** A fixed set of workers taking jobs in turn; each worker holds one file at a time. */
function pool(size: number) {
  type Task = { job: UnitJob; resolve(summary: UnitSummary): void; reject(error: Error): void };
  const waiting: Task[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  const next = (worker: Worker) => {
    const task = waiting.shift();
    if (!task) {
      idle.push(worker);
      return;
    }
    busy.set(worker, task);
    worker.postMessage(task.job);
  };
  const workers = Array.from({ length: size }, () => {
    const worker = startWorker();
    worker.on('message', (answer: { ok?: UnitSummary; failed?: string }) => {
      const task = busy.get(worker)!;
      busy.delete(worker);
      if (answer.ok) task.resolve(answer.ok);
      else task.reject(new Error(answer.failed));
      next(worker);
    });
    // A worker that dies fails the whole batch: its file's result would otherwise never come.
    worker.on('error', (error) => {
      for (const task of [...busy.values(), ...waiting.splice(0)]) task.reject(error);
      busy.clear();
    });
    return worker;
  });
  idle.push(...workers);
  return {
    summarise(job: UnitJob): Promise<UnitSummary> {
      return new Promise((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        const worker = idle.shift();
        if (worker) next(worker);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function addFinding(summary: UnitSummary, severity: 'error' | 'warning', rule: string, message: string): void {
  summary.findings.push({ rule, severity, table: '', row: '', col: '', message, expected: null, actual: null });
  if (severity === 'error') summary.errors++;
  else {
    summary.warnings++;
    summary.unexplained++;
  }
}

/** Two files of the same year claiming one unit code: both are flagged. */
function checkDuplicateCodes(summaries: UnitSummary[]): void {
  const byCode = new Map<string, UnitSummary[]>();
  for (const summary of summaries) {
    if (!summary.unitCode || summary.error) continue;
    const key = `${summary.fiscalYear}|${summary.unitCode}`;
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

/** The same path with its year folder moved one year back, when the path has one (…/2024/x → …/2023/). */
function lastYearFolder(file: string, fiscalYear: number): string | undefined {
  const parts = path.dirname(file).split(path.sep);
  const at = parts.lastIndexOf(String(fiscalYear));
  if (at < 0) return undefined;
  parts[at] = String(fiscalYear - 1);
  const folder = parts.join(path.sep);
  return fs.existsSync(folder) ? folder : undefined;
}

/**
 * A unit's stored 上年数 compared with last year's file of the same unit (by code, else name):
 * a table whose figures differ means the baseline is not what was submitted last year.
 */
async function checkLastYear(summaries: UnitSummary[], summarise: (job: UnitJob) => Promise<UnitSummary>): Promise<void> {
  const folders = new Map<string, UnitSummary[]>();
  for (const summary of summaries) {
    if (summary.error || !summary.fiscalYear || !summary.baseline || !Object.keys(summary.baseline).length) continue;
    const folder = lastYearFolder(summary.file, summary.fiscalYear);
    if (folder) (folders.get(folder) ?? folders.set(folder, []).get(folder)!).push(summary);
  }
  for (const [folder, current] of folders) {
    const previous = (await Promise.all(expandPaths([folder]).map((file) => summarise({ file, kind: 'figures' })))).filter((summary) => !summary.error);
    for (const summary of current) {
      const last =
        previous.find((candidate) => summary.unitCode && candidate.unitCode === summary.unitCode) ??
        previous.find((candidate) => candidate.unitName === summary.unitName);
      if (!last || last.fiscalYear !== summary.fiscalYear! - 1) continue;
      const differing = Object.entries(summary.baseline!)
        .filter(([table, digest]) => last.figures?.[table] !== digest)
        .map(([table]) => table);
      if (differing.length) {
        addFinding(summary, 'warning', 'X-上年数', `上年数与上年报送的文件 ${path.relative(path.dirname(folder), last.file)} 不一致:${differing.join('、')}`);
      }
    }
  }
}

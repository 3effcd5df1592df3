/**
 * Worker threads that read unit files for 汇总 and batch 审核 (unit-jobs.ts): each worker opens,
 * reads and closes one file at a time, so memory holds one year per worker, not one per file.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { nativeBindingPath } from './store';
import { runUnitJob, type UnitJob } from './unit-jobs';

export interface UnitPool {
  run(job: UnitJob): Promise<unknown>;
  close(): Promise<void>;
}

/** Below this many files, starting threads (each loads the whole core) costs more than it saves. */
const THREADED_FROM = 16;

/**
 * A pool for `files` files: `jobs` threads (default: the machine's cores, at most 8, for 16 files or
 * more), never more than files; 0 runs every job inline in this thread, one at a time.
 */
export function unitPool(files: number, jobs?: number): UnitPool {
  const wanted = jobs ?? (files >= THREADED_FROM ? Math.min(os.availableParallelism(), 8) : 0);
  const size = Math.max(0, Math.min(wanted, files));
  return size ? workerPool(size) : { run: runUnitJob, close: async () => undefined };
}

/** Where the worker's code is: beside this module from source (through tsx), or bundled beside main.mjs. */
function startWorker(): Worker {
  const here = import.meta.url;
  // Electron's own build of better-sqlite3, when the main thread uses one.
  const nativeBinding = nativeBindingPath();
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./validate-worker-boot.mjs', here), { workerData: { entry: new URL('./validate-worker.ts', here).href, nativeBinding } });
  }
  // In the packaged desktop app the worker is unpacked beside app.asar (electron-builder.yml): a worker thread starts from a real file.
  return new Worker(new URL(new URL('./validate-worker.mjs', here).href.replace('/app.asar/', '/app.asar.unpacked/')), { workerData: { nativeBinding } });
}

/** A fixed set of workers taking jobs in turn; each worker holds one file at a time. */
function workerPool(size: number): UnitPool {
  type Task = { job: UnitJob; resolve(result: unknown): void; reject(error: Error): void };
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
    worker.on('message', (answer: { ok?: unknown; failed?: string }) => {
      const task = busy.get(worker)!;
      busy.delete(worker);
      if (answer.failed === undefined) task.resolve(answer.ok);
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
    run(job: UnitJob): Promise<unknown> {
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

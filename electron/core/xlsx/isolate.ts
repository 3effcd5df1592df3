/**
 * Untrusted bytes are parsed out of the calling thread: in the CLI, the browser-mode host and the
 * Electron main process alike, a worker thread with a heap limit (resourceLimits) and a time budget
 * reads them (parse-worker.ts). A file that would exhaust memory or run forever costs one refused
 * import with a message naming the file; the app stays up. Workers are kept warm between jobs (one
 * start costs more than most files) and replaced after any failure.
 */
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract';
import type { CatalogCode } from '../catalog-import';
import { nativeBindingPath } from '../store';
import type { Findings } from './read-table';
import type { SourceYear } from './source';

/** A workbook of the real size needs well under 100 MB of heap and a second or two. */
export const PARSE_LIMITS = { heapMb: 512, seconds: 30 };

/** Tables by id, with the title and notes the year's set prints them under (regional sets retitle shared tables). */
export type JobTable = { id: string; title: string; notes: string[] };
type SourceJob = { kind: 'source'; bytes: Uint8Array; file: string; tables: JobTable[]; fiscalYear: number };
type CatalogJob = { kind: 'catalog'; bytes: Uint8Array; file: string };
export type Job = SourceJob | CatalogJob;
type Catalog = { codes: CatalogCode[]; skipped: number };
export type JobResult =
  | { ok: true; kind: 'source'; source: SourceYear | null; out: Findings; heapBytes?: number }
  | { ok: true; kind: 'catalog'; catalog: Catalog; heapBytes?: number }
  | { ok: false; kind: 'refused' | 'unreadable'; message: string; heapBytes?: number };

/** The last job's cost, for the hostile-input suite and `npm run bench`. */
export const lastParse = { ms: 0, heapBytes: 0 };

const idle: Worker[] = [];
const KEEP_IDLE = 2;

/** The bundled app starts the bundled worker beside it; sources (tsx, tests) start it through tsx. */
function startWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const bundled = new URL(fromSources ? './parse-worker-dev.mjs' : './parse-worker.mjs', import.meta.url);
  // In the packaged desktop app the worker is unpacked beside app.asar (electron-builder.yml): a worker
  // thread starts from a real file.
  const entry = new URL(bundled.href.replace('/app.asar/', '/app.asar.unpacked/'));
  return new Worker(entry, {
    workerData: { nativeBinding: nativeBindingPath() },
    resourceLimits: { maxOldGenerationSizeMb: PARSE_LIMITS.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    // Nothing of the parent's command line (an --inspect or --max-old-space-size) reaches the worker.
    execArgv: [],
    stdout: false,
    stderr: false,
  });
}

export function inWorker(job: SourceJob): Promise<{ source: SourceYear | null; out: Findings }>;
export function inWorker(job: CatalogJob): Promise<Catalog>;
export async function inWorker(job: Job): Promise<{ source: SourceYear | null; out: Findings } | Catalog> {
  const result = await runJob(job);
  if (result.ok) return result.kind === 'source' ? { source: result.source, out: result.out } : result.catalog;
  // An import previews its failures; other callers get the message as an error.
  if (job.kind === 'source') return { source: null, out: { errors: [result.message], warnings: [], unrecognised: [] } };
  throw new ApiError(result.kind, result.message);
}

function runJob(job: Job): Promise<JobResult> {
  const started = performance.now();
  const worker = idle.pop() ?? startWorker();
  worker.ref();
  // A private copy is moved to the worker: the caller's buffer stays usable.
  const copy = new Uint8Array(job.bytes);
  return new Promise<JobResult>((resolve) => {
    let settled = false;
    const finish = (result: JobResult, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      lastParse.ms = performance.now() - started;
      lastParse.heapBytes = result.heapBytes ?? PARSE_LIMITS.heapMb * 1048576;
      if (reusable && idle.length < KEEP_IDLE) {
        worker.unref();
        idle.push(worker);
      } else void worker.terminate();
      resolve(result);
    };
    const failed = (message: string) => finish({ ok: false, kind: 'unreadable', message: `文件 ${job.file}:${message}` }, false);
    const onMessage = (result: JobResult) => finish(result, true);
    const onError = (error: Error & { code?: string }) =>
      failed(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `读取所需内存超过 ${PARSE_LIMITS.heapMb} MB 的上限,可能是异常文件,已停止读取`
          : '文件已损坏或格式异常,无法读取,请在 Excel 中打开后另存再导入',
      );
    const onExit = () => failed('读取中断,文件可能已损坏或格式异常');
    const timer = setTimeout(() => failed(`读取超过 ${PARSE_LIMITS.seconds} 秒仍未完成,可能是异常文件,已停止读取`), PARSE_LIMITS.seconds * 1000);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ ...job, bytes: copy }, [copy.buffer]);
  });
}

/** The worker's heap after a job, reported with its result (parse-worker.ts). */
export function heapInUse(): number {
  return v8.getHeapStatistics().total_heap_size;
}

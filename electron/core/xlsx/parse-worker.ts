/**
 * The parse worker: reads untrusted bytes (workbooks, foreign year files) in a worker thread that
 * isolate.ts starts with a memory limit and watches with a time budget. Anything that goes wrong in
 * here — an exception in a parser on a bit-flipped file included — comes back as a Chinese message
 * naming the file; a crash or a runaway file only ever ends this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TABLES, type TableDef } from '../../../shared/tables';
import { readCatalogHere } from '../catalog-import';
import { useNativeBinding } from '../store';
import { heapInUse, type Job, type JobResult } from './isolate';
import type { Findings } from './read-table';
import { readSourceHere } from './source';

// Electron's build of better-sqlite3 where the main process uses one (development runs of the app).
useNativeBinding((workerData as { nativeBinding?: string } | null)?.nativeBinding);

// Parsers talk ("Missing Info for XLS Record …"); none of it is for the clerk, and results travel as messages.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => {};

async function run(job: Job): Promise<JobResult> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  try {
    if (job.kind === 'catalog') return { ok: true, kind: 'catalog', catalog: await readCatalogHere(bytes, job.file) };
    const out: Findings = { errors: [], warnings: [], unrecognised: [] };
    const tables = job.tables.flatMap(({ id, title, notes }): TableDef[] => {
      const def = TABLES.get(id);
      return def ? [{ ...def, title, notes }] : [];
    });
    const source = await readSourceHere(bytes, job.file, tables, job.fiscalYear, out);
    return { ok: true, kind: 'source', source, out };
  } catch (error) {
    const known = (error as { kind?: unknown }).kind;
    if (known === 'refused' || known === 'unreadable') return { ok: false, kind: known, message: (error as Error).message };
    return { ok: false, kind: 'unreadable', message: `文件 ${job.file}:文件已损坏或格式异常,无法读取,请在 Excel 中打开后另存再导入` };
  }
}

parentPort!.on('message', (job: Job) => {
  void run(job).then((result) => parentPort!.postMessage({ ...result, heapBytes: heapInUse() }));
});

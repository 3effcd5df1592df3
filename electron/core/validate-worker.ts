/** Worker thread of 汇总 and batch 审核: takes one unit file at a time, answers with what the job read (unit-jobs.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from './store';
import { runUnitJob, type UnitJob } from './unit-jobs';

useNativeBinding((workerData as { nativeBinding?: string } | null)?.nativeBinding);

parentPort!.on('message', async (job: UnitJob) => {
  try {
    parentPort!.postMessage({ ok: await runUnitJob(job) });
  } catch (error) {
    parentPort!.postMessage({ failed: (error as Error).stack ?? String(error) });
  }
});

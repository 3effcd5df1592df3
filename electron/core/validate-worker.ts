/** Worker thread of batch 审核: takes one unit file at a time, answers with its summary (validate-unit.ts). */
import { parentPort } from 'node:worker_threads';
import { summariseUnit, type UnitJob } from './validate-unit';

parentPort!.on('message', async (job: UnitJob) => {
  try {
    parentPort!.postMessage({ ok: await summariseUnit(job) });
  } catch (error) {
    parentPort!.postMessage({ failed: (error as Error).stack ?? String(error) });
  }
});

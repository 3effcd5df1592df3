/** The jobs a unit-file worker does: 审核 of a file, its figures only, or reading it for 汇总. */
import { readUnit } from './consolidate-read';
import { summariseUnit } from './validate-unit';

export type UnitJob = { file: string; kind: 'validate' | 'figures' } | { file: string; kind: 'consolidate'; name: string };

export function runUnitJob(job: UnitJob): Promise<unknown> {
  return job.kind === 'consolidate' ? readUnit(job.name, job.file) : summariseUnit(job);
}

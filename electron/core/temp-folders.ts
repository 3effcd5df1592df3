/**
 * Temporary folders (juesuan-validate-<pid>-…, juesuan-pdf-<pid>-…) belong to the process named in them. A killed run
 * leaves its folder behind; the next start removes folders whose process is gone (and legacy ones
 * without a process id once they are an hour old), never those of a run still going.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = /^juesuan-(import|validate|pdf)-/;
let cleaned = false;

/** A new private temporary folder, named for this process. */
export function makeTempFolder(kind: 'import' | 'validate' | 'pdf'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `juesuan-${kind}-${process.pid}-`));
}

/** Once per process: removes what killed runs left behind. */
export function removeStaleTemp(root = os.tmpdir()): void {
  if (cleaned && root === os.tmpdir()) return;
  cleaned = true;
  let names: string[];
  try {
    names = fs.readdirSync(root).filter((name) => PREFIX.test(name));
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(root, name);
    try {
      const pid = Number(/^juesuan-\w+-(\d+)-/.exec(name)?.[1]);
      const stale = pid ? !processAlive(pid) : Date.now() - fs.statSync(full).mtimeMs > 3_600_000;
      if (stale) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Another user's folder or one removed meanwhile: not ours to worry about.
    }
  }
}

/** Whether process `pid` still runs (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

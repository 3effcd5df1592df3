import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the system temp dir (or `parent`), removed by the returned cleanup. */
export function tempDir(prefix = 'juesuan-', parent = os.tmpdir()): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(parent, prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

import fs from 'node:fs';
import path from 'node:path';
import type { YearInfo } from '../../shared/contract';

/** A listed year file with its last change and size (with SQLite's -wal beside it, where edits land first). */
export function withFileStats(dir: string, info: YearInfo): YearInfo {
  try {
    const file = fs.statSync(path.join(dir, info.file));
    const wal = fs.statSync(path.join(dir, `${info.file}-wal`), { throwIfNoEntry: false });
    const modified = Math.max(file.mtimeMs, wal?.mtimeMs ?? 0);
    return { ...info, modifiedAt: new Date(modified).toISOString(), sizeBytes: file.size + (wal?.size ?? 0) };
  } catch {
    // Gone between listing and stat: listed without the figures.
    return info;
  }
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that the target is either the old file or the whole new one, never a torn
 * mix: the bytes go to a temp file beside the target (same folder, same disk), are flushed to
 * the disk, and only then renamed over the target. A full disk leaves the previous file intact.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx');
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

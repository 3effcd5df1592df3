/**
 * Every file the app writes for the user (exports) is written whole or not at all: to a temporary
 * file beside the target, flushed to disk (fsync), then renamed over the target. A full disk, a
 * file-size limit or a kill leaves the previous good file as it was and no half-made temporary file.
 * The Electron save handler and the CLI both use this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract';
import { processAlive } from './temp-folders';
import { writeFailureKind } from './write-errors';

export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  removeLeftovers(target);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw new ApiError('refused', `未能写入 ${target}:${saveFailure(error)}`);
  }
  syncFolder(path.dirname(target));
}

/** Temporary files of earlier writes to the same target whose process was killed mid-write. */
function removeLeftovers(target: string): void {
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(target)).filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/\.(\d+)-[0-9a-z]+\.tmp$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid)) fs.rmSync(path.join(path.dirname(target), name), { force: true });
  }
}

function saveFailure(error: unknown): string {
  switch (writeFailureKind(error)) {
    case 'full':
      return '磁盘已满,文件未保存;原有文件完好';
    case 'read-only':
      return '文件夹只读或没有写入权限,文件未保存;请换一个文件夹';
    case 'io':
      return '写入磁盘失败,文件未保存;原有文件完好';
    default:
      return (error as { code?: string }).code === 'ENOENT' ? '文件夹不存在' : '无法写入,文件未保存;原有文件完好';
  }
}

/** The rename itself reaches the disk only when the folder is flushed too (where the system allows it). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open folders for fsync; its rename is durable through the file system's journal.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

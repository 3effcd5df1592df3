/**
 * A year file made and filled in one go (a new year from last year's file, an import or load into
 * a file that did not exist, a 汇总) appears under its name only once whole. It is built under a
 * hidden name beside the target and linked into place at the end: a kill or power cut half-way leaves
 * no year file that looks made but holds nothing, only the hidden leftover, which the next build of
 * the same name removes once the process that left it has ended. A plain new year file
 * (YearStore.create, `.<name>.creating-<pid>`) is made the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract';
import { processAlive } from './temp-folders';

const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal'];
const LEFTOVER = /\.(?:building|creating)-(\d+)(?:\.creating-\d+)?(?:-wal|-shm|-journal|\.lock)?$/;

/** Where `target` is built; the name starts with “.” so no year file list shows it. */
export function buildingPathOf(target: string): string {
  removeDeadBuilds(target);
  return path.join(path.dirname(target), `.${path.basename(target)}.building-${process.pid}`);
}

/**
 * Why a hard link could not be made where the file system has none: FAT and exFAT, what most USB
 * sticks are formatted with (Linux says EPERM; Windows' ERROR_INVALID_FUNCTION reaches Node as EISDIR).
 */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EISDIR', 'EXDEV']);

/**
 * Gives a finished file its name, never over a file of that name: a hard link where the file system
 * has them (atomic); elsewhere (a USB stick) the name is checked and the file renamed.
 */
export function linkIntoPlace(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
    return;
  } catch (error) {
    if (!NO_HARD_LINKS.has(String((error as { code?: unknown }).code))) throw error;
  }
  if (fs.existsSync(to)) throw Object.assign(new Error(`EEXIST: ${to}`), { code: 'EEXIST' });
  fs.renameSync(from, to);
}

/** Links the finished build into place (never over a file that appeared meanwhile) and removes the build. */
export function placeBuilt(building: string, target: string): void {
  try {
    linkIntoPlace(building, target);
  } catch (error) {
    discardBuilt(building);
    if ((error as { code?: string }).code === 'EEXIST') throw new ApiError('refused', `文件已存在:${target}`);
    throw error;
  }
  discardBuilt(building);
}

export function discardBuilt(building: string): void {
  for (const suffix of SQLITE_SIDE_FILES) fs.rmSync(building + suffix, { force: true });
}

/** Builds of `target` (and the files SQLite kept beside them) whose process was killed. */
export function removeDeadBuilds(target: string): void {
  const prefixes = [`.${path.basename(target)}.building-`, `..${path.basename(target)}.building-`, `.${path.basename(target)}.creating-`];
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(target)).filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(LEFTOVER.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid)) fs.rmSync(path.join(path.dirname(target), name), { force: true });
  }
}

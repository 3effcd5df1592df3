/**
 * One editor per year file. Two processes writing the same year file each keep their own model
 * and show the clerk different totals (issue 10: 3464.69 in one window, 3202.15 in the other,
 * 3283.04 on disk). Whoever edits a year file holds `<file>.lock` beside it; any other process
 * may still read the file (SQLite WAL keeps readers consistent), but writes are refused with the
 * holder named. A lock whose process has died on this computer, or that was taken before the
 * computer last started, is stale and taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/contract';

export interface LockHolder {
  /** Who edits, in words a clerk understands: 决算通桌面版, 浏览器模式, 命令行. */
  app: string;
  pid: number;
  host: string;
  user: string;
  since: string;
}

export const lockPathOf = (yearFile: string): string => `${yearFile}.lock`;

/** Locks this process holds, by year file path, with how many sessions use each. */
const held = new Map<string, number>();

/** Takes the edit lock of a year file for this process, or throws naming the process that holds it. */
export function acquireYearLock(yearFile: string, app: string): void {
  const key = path.resolve(yearFile);
  const count = held.get(key);
  if (count !== undefined) {
    held.set(key, count + 1);
    return;
  }
  const me: LockHolder = { app, pid: process.pid, host: os.hostname(), user: safeUser(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPathOf(key), JSON.stringify(me), { flag: 'wx' });
      held.set(key, 1);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder where no lock can be made (read-only media, a full disk) cannot be written either:
      // SQLite reports that itself. 'wx' made the file only if it did not exist, so a half-written
      // lock of ours (full disk) goes, and no empty lock is left behind.
      if (code !== 'EEXIST') {
        fs.rmSync(lockPathOf(key), { force: true });
        return;
      }
    }
    const holder = readHolder(key);
    if (holder && holder.host === me.host && holder.pid === me.pid) {
      held.set(key, 1); // left by this very process (a core closed without releasing): ours again
      return;
    }
    if (holder && !isStale(holder)) throw new ApiError('refused', heldMessage(key, holder));
    fs.rmSync(lockPathOf(key), { force: true });
  }
  throw new ApiError('refused', `年度文件 ${path.basename(key)} 正被另一程序同时打开,请稍后再试`);
}

/** Gives up this process's lock once the last session using it closes. */
export function releaseYearLock(yearFile: string): void {
  const key = path.resolve(yearFile);
  const count = held.get(key);
  if (count === undefined) return;
  if (count > 1) {
    held.set(key, count - 1);
    return;
  }
  held.delete(key);
  const holder = readHolder(key);
  if (holder && holder.pid === process.pid && holder.host === os.hostname()) fs.rmSync(lockPathOf(key), { force: true });
}

/** Whether this process holds the edit lock of a year file. */
export const holdsYearLock = (yearFile: string): boolean => held.has(path.resolve(yearFile));

/** Who holds a year file's edit lock right now (null when nobody does or the holder has died). */
export function yearLockHolder(yearFile: string): LockHolder | null {
  const holder = readHolder(path.resolve(yearFile));
  return holder && !isStale(holder) ? holder : null;
}

/** Why this process may only view a year file another live process edits (its holder named), or null when it may edit it. */
export function heldElsewhere(yearFile: string): string | null {
  const key = path.resolve(yearFile);
  const holder = held.has(key) ? null : yearLockHolder(key);
  return holder && !(holder.host === os.hostname() && holder.pid === process.pid) ? heldMessage(key, holder) : null;
}

// A process killed while holding locks leaves them behind; the next start sees the dead pid and takes over.
process.once('exit', () => {
  for (const key of [...held.keys()]) {
    held.set(key, 1);
    releaseYearLock(key);
  }
});

function readHolder(key: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPathOf(key), 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { app: String(parsed.app ?? '另一程序'), pid: parsed.pid, host: parsed.host, user: String(parsed.user ?? ''), since: String(parsed.since ?? '') };
  } catch {
    return null; // unreadable or half written: treated as no lock, like a stale one
  }
}

/**
 * Taken before this computer last started (a power cut, a restart): no process of that start runs any
 * more, whichever process now has its number. Windows reuses process numbers within minutes, so
 * after a power cut the pid alone may name some other live program and keep the clerk out for good.
 * The margin keeps a clock set forward after the lock was taken from passing a live lock for an old one.
 */
const RESTART_MARGIN_MS = 5 * 60_000;
const takenBeforeThisStart = (holder: LockHolder) => Date.parse(holder.since) < Date.now() - os.uptime() * 1000 - RESTART_MARGIN_MS;

/** Only a holder on this computer can be checked; one on another computer (a shared folder) is trusted. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false;
  if (takenBeforeThisStart(holder)) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function heldMessage(key: string, holder: LockHolder): string {
  const since = holder.since ? new Date(holder.since) : null;
  const when = since && !Number.isNaN(since.getTime()) ? `,自 ${since.toLocaleString('zh-CN', { hour12: false })} 起` : '';
  const who = [`计算机 ${holder.host}`, holder.user && `用户 ${holder.user}`, `进程 ${holder.pid}`].filter(Boolean).join(',');
  return (
    `年度文件 ${path.basename(key)} 正由${holder.app}打开编辑(${who}${when}),此处不能修改。` +
    `请先在那里关闭该文件;查看、审核和导出不受影响。如确认那个程序已退出,可删除锁文件 ${lockPathOf(key)}`
  );
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

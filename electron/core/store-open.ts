/** Opening a year file's SQLite database: the native module in use, write access, and the pragmas every handle gets. */
import fs from 'node:fs';
import nodePath from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract';
import { FILE_READ_ONLY, READ_ONLY, failureText, writeFailureKind, type WriteFailure } from './write-errors';

/** Where better-sqlite3's native module lives when it must differ from the Node build (Electron's ABI). */
export let nativeBinding: string | undefined;
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}
/** The binding in use, handed to the parse worker so it opens year files with the same module. */
export const nativeBindingPath = (): string | undefined => nativeBinding;

/**
 * Why a year file cannot be written, or undefined when it can. SQLite in WAL mode writes beside the
 * file (-wal, -shm): both the file and its folder must be writable, and the clerk is told which is not.
 */
export function readOnlyReason(path: string): string | undefined {
  if (!canWrite(nodePath.dirname(path))) return READ_ONLY;
  return canWrite(path) ? undefined : FILE_READ_ONLY;
}

export function canWrite(path: string): boolean {
  try {
    fs.accessSync(path, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function openDatabase(path: string, mustExist: boolean): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: mustExist, nativeBinding });
  } catch (error) {
    const failure = writeFailureKind(error);
    if (failure) throw new CannotWrite(failure);
    // The program's own SQLite module failed to load (a build for another Electron or Node): not the file's fault.
    const code = (error as { code?: string }).code;
    if (nativeBinding && (code === 'ERR_DLOPEN_FAILED' || code === 'MODULE_NOT_FOUND')) throw new Error(`无法加载 SQLite 模块 ${nativeBinding}:${(error as Error).message.split('\n')[0]}`);
    throw new ApiError('unreadable', `无法打开年度文件 ${path}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    const failure = writeFailureKind(error);
    if (failure) throw new CannotWrite(failure);
    throw new ApiError('unreadable', `不是决算通年度文件(无法作为数据库读取):${path}`);
  }
  return db;
}

/** Opening failed for want of space or write access, not because of the file: it can still be read. */
export class CannotWrite extends ApiError {
  constructor(readonly failure: WriteFailure) {
    super('refused', failureText(failure));
  }
}

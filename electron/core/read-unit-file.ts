/**
 * The one place where a unit's submitted file (a year file or a workbook) is opened for reading
 * by 汇总 and batch 审核. A workbook goes through the ordinary import into a temporary year file
 * (its year from the file name, e.g. "2023年…", else as the workbook states it), so every accepted
 * layout is accepted here too.
 * The file is closed (and the temporary copy removed) before this returns.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract';
import { YearSession } from './year-session';
import { YearStore } from './store';
import { nativeBinding } from './store-open';
import { makeTempFolder } from './temp-folders';
import { headerKind } from './year-file-check';

export const WORKBOOK = /\.(xlsx|xls)$/i;

/** Year files and workbooks named directly or found in the named folders, in a stable order. */
export function expandPaths(paths: string[]): string[] {
  return paths.flatMap((target) => {
    const full = path.resolve(target);
    if (fs.existsSync(full) && fs.statSync(full).isDirectory()) {
      return fs
        .readdirSync(full)
        .filter((name) => /\.(sqlite|xlsx|xls)$/i.test(name))
        .sort()
        .map((name) => path.join(full, name));
    }
    return [full];
  });
}

export interface UnitFileStamp {
  /** SHA-256 of the file's bytes, hex: hashed when first asked (汇总 records it; 审核 never asks). */
  readonly sha256: string;
  /** Last modification time, ISO. */
  modifiedAt: string;
  /** A workbook's unit as its "部门:" line names it (the temporary year file only knows the file name). */
  unitName?: string;
}

/**
 * Opens `file`, runs `read` on its session and closes it again. Errors the file itself causes
 * (not a year file, a workbook the import refuses) come back as ApiError('unreadable').
 */
export async function withUnitFile<T>(file: string, read: (session: YearSession, stamp: UnitFileStamp) => T): Promise<T> {
  // One safe read of a file someone else made (size limit, no FIFOs): issue 16's door for untrusted files.
  // Loaded here: it shares its limits with the workbook readers, which year files never need.
  const { readUntrusted } = await import('./untrusted-file');
  const bytes = readUntrusted(file);
  const modifiedAt = fs.statSync(file).mtime.toISOString();
  let sha256: string | undefined;
  const stamp: UnitFileStamp = {
    get sha256() {
      return (sha256 ??= crypto.createHash('sha256').update(bytes).digest('hex'));
    },
    modifiedAt,
  };
  if (!WORKBOOK.test(file)) return readYearFile(file, withLoggedEdits(file, bytes), read, stamp);
  // The import (and @e965/xlsx behind it) loads only when a workbook comes: worker threads reading year files start lighter.
  const { createCore } = await import('./core');
  const temp = makeTempFolder('validate');
  const core = createCore({ resolveFile: (name) => path.join(temp, name) });
  try {
    const dataBase64 = bytes.toString('base64');
    const year = Number(/(20\d\d)/.exec(path.basename(file))?.[1] ?? (await yearOfWorkbook(core, path.basename(file), dataBase64)));
    await core.createYear({ file: 'w.sqlite', fiscalYear: year, unitName: path.basename(file) });
    try {
      const result = await core.importWorkbook({ file: 'w.sqlite', name: path.basename(file), dataBase64 });
      // The workbook's "部门:" line names the unit; the file name stands in when it has none.
      if (result.source.unitName) stamp.unitName = result.source.unitName;
    } catch (error) {
      if (error instanceof ApiError) throw new ApiError('unreadable', error.message);
      throw error;
    }
    core.close();
    return readYearFile(path.join(temp, 'w.sqlite'), fs.readFileSync(path.join(temp, 'w.sqlite')), read, stamp);
  } finally {
    core.close();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * The year a workbook states (a table's heading, or our export's title property) when its file name
 * does not: read through a preview into a scratch year file. Last year when it states none either.
 */
async function yearOfWorkbook(core: Pick<ReturnType<typeof import('./core').createCore>, 'createYear' | 'previewImport'>, name: string, dataBase64: string): Promise<number> {
  const guess = new Date().getFullYear() - 1;
  await core.createYear({ file: 'probe.sqlite', fiscalYear: guess, unitName: name });
  const preview = await core.previewImport({ file: 'probe.sqlite', name, dataBase64 });
  return preview.source.fiscalYear ?? guess;
}

/** Reads a year file from its bytes in memory (YearStore.openReadOnly): the submitted file is never written, not even migrated. */
function readYearFile<T>(file: string, bytes: Buffer, read: (session: YearSession, stamp: UnitFileStamp) => T, stamp: UnitFileStamp): T {
  const store = YearStore.openReadOnly(file, bytes, '报送文件只读');
  try {
    return read(new YearSession(file, store), stamp);
  } finally {
    store.close();
  }
}

/**
 * The year file as SQLite sees it. A program editing it (the app keeps a year open while it runs;
 * one that ended abruptly) holds acknowledged edits in the write-ahead log beside it until the file
 * is closed: the main file's bytes alone would be audited and added up without them. Then the file
 * is read through a read-only connection, which takes the log in, as one consistent snapshot; the
 * file, its log and its editor are left as they are.
 */
export function withLoggedEdits(file: string, bytes: Buffer): Buffer {
  const log = `${file}-wal`;
  if (headerKind(bytes.subarray(0, 100)) !== 'year-file' || !fs.existsSync(log) || !fs.statSync(log).isFile() || fs.statSync(log).size === 0) return bytes;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    return db.serialize();
  } catch {
    throw new ApiError('unreadable', `年度文件还有未合并的修改(可能正由决算通打开,或上次未正常关闭),无法读取:请用决算通打开并关闭该文件后再试:${file}`);
  } finally {
    db?.close();
  }
}

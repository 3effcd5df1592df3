/**
 * Opening a year file someone else made, defensively. A crafted SQLite file can make any query run
 * forever (a table that is really a recursive view), or hold values no 决算通 wrote. So, before any
 * query: the file must be a regular file with the SQLite header and our application_id (read from
 * its first 100 bytes, no database opened), and its schema — read from sqlite_master, which runs no
 * user SQL — may hold only plain tables and indexes, with our tables being tables. Views and
 * triggers are refused outright; schema-embedded functions are not trusted (trusted_schema=OFF) and
 * better-sqlite3 already opens every connection in SQLITE_DBCONFIG_DEFENSIVE mode.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { currentEdition, FIRST_EDITION } from '../../shared/catalog';
import { ApiError } from '../../shared/contract';

/** SQLite application_id marking a 决算通 year file ("JSTX"). */
export const APPLICATION_ID = 0x4a535458;

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What the first 100 bytes say: a 决算通 year file, another SQLite file, or neither. */
export function headerKind(header: Buffer): 'year-file' | 'sqlite' | 'other' {
  if (header.length < 100 || !header.subarray(0, 16).equals(MAGIC)) return 'other';
  return header.readUInt32BE(68) === APPLICATION_ID ? 'year-file' : 'sqlite';
}

/**
 * The first bytes of a file, or null when it is not a regular file. Opened non-blocking and checked by
 * fstat before reading, so a FIFO or a device named "x.sqlite" is refused instead of hanging the reader.
 */
export function readHead(path: string, length = 100): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return null;
    const head = Buffer.alloc(length);
    const read = fs.readSync(fd, head, 0, length, 0);
    return head.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** The tables every year file has had since version 1. */
const REQUIRED = ['meta', 'cells', 'code_rows'];

/** Throws "not a year file" unless the schema is plain tables and indexes and ours are tables. */
export function checkSchema(db: Database.Database, label: string): void {
  db.pragma('trusted_schema = OFF');
  const objects = db.prepare('SELECT type, name FROM sqlite_master').all() as { type: unknown; name: unknown }[];
  const refuse = (why: string): never => {
    throw new ApiError('unreadable', `不是决算通年度文件(${why}):${label}`);
  };
  for (const object of objects) {
    if (object.type !== 'table' && object.type !== 'index') refuse(`含有${object.type === 'view' ? '视图' : object.type === 'trigger' ? '触发器' : '未知对象'}“${String(object.name)}”`);
  }
  const tables = new Set(objects.filter((object) => object.type === 'table').map((object) => object.name));
  for (const name of REQUIRED) if (!tables.has(name)) refuse(`缺少数据表 ${name}`);
}

/**
 * The definitions edition a file records must be one this program knows: a newer 决算通's file may use
 * 科目 and rules this one lacks, so it is refused before anything (even a migration) writes to it.
 */
export function checkEdition(db: Database.Database, label: string): void {
  const recorded = (db.prepare("SELECT value FROM meta WHERE key = 'definitions_edition'").get() as { value: string } | undefined)?.value;
  if (recorded === undefined) return;
  const edition = Number(recorded);
  if (!Number.isInteger(edition) || edition < FIRST_EDITION) throw new ApiError('unreadable', `年度文件已损坏(定义版本“${recorded}”无效):${label}`);
  const known = currentEdition();
  if (edition > known) throw new ApiError('unreadable', `此年度文件由更新版本的决算通创建(定义版本 ${edition},本软件支持到 ${known}),请升级决算通后再打开:${label}`);
}

/**
 * What to say when SQLite finds damage inside a year file whose header and schema looked right (a
 * failing disk or USB stick, a copy cut short): in words, naming the file, instead of "内部错误:
 * database disk image is malformed". Undefined for any other error.
 */
export function damagedFileText(error: unknown, file: unknown): string | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (!code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB') return undefined;
  const named = typeof file === 'string' ? `年度文件 ${file} ` : '年度文件';
  return `${named}已损坏(其中的数据无法读出),未作任何修改。请改用备份的副本,或把最近导出的工作簿导入为新的年度文件;损坏的文件请保留,交技术支持检查`;
}

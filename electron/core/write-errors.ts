/**
 * What a failed write means for the clerk. SQLite and the file system report a full disk, a
 * read-only folder or a failing device by codes; every writer (edits, new year files, exports)
 * turns them into these sentences instead of "内部错误:SqliteError …" with a stack.
 */
export const READ_ONLY = '文件夹只读,只能查看和导出';
/** The folder can be written but the file itself not (Windows “只读” attribute, a copy from a CD, another owner). */
export const FILE_READ_ONLY = '年度文件是只读文件,只能查看和导出;要修改,请在文件属性中取消“只读”,或复制一份再打开';

export type WriteFailure = 'full' | 'read-only' | 'io';

export function writeFailureKind(error: unknown): WriteFailure | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  return undefined;
}

/** For a change to a year file: the change is lost, what was saved before is not. */
export function writeFailure(error: unknown): string | undefined {
  const kind = writeFailureKind(error);
  return kind && failureText(kind);
}

export function failureText(kind: WriteFailure): string {
  switch (kind) {
    case 'full':
      return '磁盘已满,修改未保存,已保存的数据完好';
    case 'read-only':
      return READ_ONLY;
    case 'io':
      return '写入磁盘失败(磁盘已满或无法写入),修改未保存,已保存的数据完好';
  }
}

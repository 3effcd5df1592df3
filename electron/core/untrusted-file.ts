/**
 * Reading a file the user pointed at, which may be anything with any name: only a regular file is
 * read (a FIFO or /dev/zero named "x.xlsx" would block or never end), checked by fstat on the opened
 * descriptor (opened non-blocking, so opening a FIFO cannot hang either), and never more than the
 * size limit.
 */
import fs from 'node:fs';
import { ApiError } from '../../shared/contract';
import { LIMITS } from './xlsx/limits';

export function readUntrusted(file: string, limit = LIMITS.fileBytes): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new ApiError('unreadable', `无法读取文件 ${file}:${code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : '无法打开'}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new ApiError('unreadable', `无法读取文件 ${file}:这是文件夹,不是文件`);
    if (!stat.isFile()) throw new ApiError('unreadable', `无法读取文件 ${file}:不是普通文件(可能是管道或设备),已拒绝`);
    if (stat.size > limit) throw new ApiError('refused', `文件 ${file}:文件过大(${(stat.size / 1048576).toFixed(1)} MB),超过 ${limit / 1048576} MB 的上限`);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const got = fs.readSync(fd, bytes, read, stat.size - read, read);
      if (got === 0) break;
      read += got;
    }
    return bytes.subarray(0, read);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('unreadable', `无法读取文件 ${file}:读取时出错`);
  } finally {
    fs.closeSync(fd);
  }
}

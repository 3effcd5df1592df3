/**
 * Unpacks a zip (an .xlsx) ourselves before any parser sees it, trusting nothing it says about itself:
 * every central-directory entry must match its local header, names must be unique (tools disagree on
 * which of two same-named entries counts, so the file could show one sheet and import another),
 * encrypted and zip64 entries are refused, and inflation itself stops at the byte budget — a directory
 * that lies about sizes cannot make us inflate more than the budget. Sizes and CRCs must then agree
 * with what was inflated. The reader (read-xlsx.ts) reads these checked entries, nothing else.
 */
import zlib from 'node:zlib';

/** Why the zip was refused, in words for a clerk; the caller prefixes the file name. */
export class ZipProblem extends Error {}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** 1980-01-01, the first day a zip can state: every entry carries it, so equal data gives equal bytes. */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
const DAMAGED = '文件不完整或已损坏(压缩包目录与内容不符,可能下载或复制未完成),请重新导出或复制后再试';

/** The entries in directory order, inflated; at most `maxBytes` inflated in total and `maxEntries` entries. */
export function unpackZip(bytes: Buffer, limits: { maxBytes: number; maxEntries: number }): ZipEntry[] {
  const end = findEnd(bytes);
  if (end < 0) throw new ZipProblem('文件不完整或已损坏(压缩包目录缺失,可能下载或复制未完成),请重新导出或复制后再试');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryAt = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryAt === 0xffffffff) throw new ZipProblem('压缩格式(ZIP64)不受支持,不像是决算公开表工作簿');
  if (count > limits.maxEntries) throw new ZipProblem(`压缩包中的条目过多(${count} 个),不像是决算公开表工作簿`);
  if (directoryAt + directorySize > end) throw new ZipProblem(DAMAGED);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let budget = limits.maxBytes;
  let at = directoryAt;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipProblem(DAMAGED);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressed = bytes.readUInt32LE(at + 20);
    const uncompressed = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    if (at + 46 + nameLength > end) throw new ZipProblem(DAMAGED);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = rawName.toString('utf8');
    at += 46 + nameLength + skip;
    if (flags & 1) throw new ZipProblem('工作簿已加密,无法读取。请在 Excel 中取消密码后另存再导入');
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || localAt === 0xffffffff) throw new ZipProblem('压缩格式(ZIP64)不受支持,不像是决算公开表工作簿');
    const key = name.replace(/\\/g, '/').toLowerCase();
    if (seen.has(key)) throw new ZipProblem(`压缩包中有两个同名条目“${name}”,不同软件会显示不同的内容,已拒绝;请在 Excel 中打开后另存再导入`);
    seen.add(key);
    // The local header must agree with the directory: a second, hidden copy of the data is refused.
    if (localAt + 30 > directoryAt || bytes.readUInt32LE(localAt) !== LOCAL) throw new ZipProblem(DAMAGED);
    const localNameLength = bytes.readUInt16LE(localAt + 26);
    const dataAt = localAt + 30 + localNameLength + bytes.readUInt16LE(localAt + 28);
    if (bytes.readUInt16LE(localAt + 8) !== method || !bytes.subarray(localAt + 30, localAt + 30 + localNameLength).equals(rawName)) throw new ZipProblem(DAMAGED);
    if (dataAt + compressed > directoryAt) throw new ZipProblem(DAMAGED);
    if (name.endsWith('/')) continue;
    const data = inflate(bytes.subarray(dataAt, dataAt + compressed), method, budget, limits.maxBytes);
    if (data.length !== uncompressed || zlib.crc32(data) !== crc) throw new ZipProblem(DAMAGED);
    budget -= data.length;
    entries.push({ name, data });
  }
  return entries;
}

function findEnd(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end of the file.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= floor; at--) if (bytes.readUInt32LE(at) === END) return at;
  return -1;
}

function inflate(data: Buffer, method: number, budget: number, limit: number): Buffer {
  const tooLarge = () => new ZipProblem(`工作簿解压后过大,超过 ${limit / 1048576} MB 的上限,不像是决算公开表工作簿`);
  if (method === 0) {
    if (data.length > budget) throw tooLarge();
    return data;
  }
  if (method !== 8) throw new ZipProblem('压缩方式不受支持,请在 Excel 中打开后另存为 .xlsx 再导入');
  try {
    // maxOutputLength stops inflating at the budget, whatever the directory claimed.
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new ZipProblem(DAMAGED);
  }
}

/** An entry ready for the archive: its bytes as stored (method 0) or deflated (method 8), with the CRC of the original. */
export interface PackedEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  size: number;
  packed: Buffer;
}

/** A zip of the given entries, each deflated at `level` except those `stored` picks (already compressed, e.g. pictures). */
export function packZip(entries: ZipEntry[], { level, stored = () => false }: { level: number; stored?: (name: string) => boolean }): Buffer {
  return assembleZip(entries.map(({ name, data }) => (stored(name) ? storedEntry(name, data) : packedEntry(name, data, zlib.deflateRawSync(data, { level })))));
}

/**
 * The entry deflated on libuv's thread pool: a writer that starts each part as soon as its XML is
 * built keeps making the next part while the pool compresses this one (on another core when there is one).
 */
export function deflateEntry(name: string, data: Buffer, level: number): Promise<PackedEntry> {
  // A small part is compressed at once: the pool's per-call machinery costs more than it saves (1,000 form sheets).
  if (data.length < POOLED_MIN_BYTES) return Promise.resolve(packedEntry(name, data, zlib.deflateRawSync(data, { level })));
  return new Promise((resolve, reject) => zlib.deflateRaw(data, { level }, (error, packed) => (error ? reject(error) : resolve(packedEntry(name, data, packed)))));
}

/** Parts at least this large go to the thread pool. */
const POOLED_MIN_BYTES = 256 * 1024;

export const storedEntry = (name: string, data: Buffer): PackedEntry => ({ name, method: 0, crc: zlib.crc32(data), size: data.length, packed: data });
const packedEntry = (name: string, data: Buffer, packed: Buffer): PackedEntry => ({ name, method: 8, crc: zlib.crc32(data), size: data.length, packed });

/** The archive of packed entries in the given order: local headers and data, then the central directory. */
export function assembleZip(entries: readonly PackedEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, method, crc, size, packed } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_DATE_1980, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}

/**
 * Reads a zip file's central directory without inflating anything, so a truncated file or a
 * "zip bomb" (a few kilobytes that inflate to gigabytes) is refused before a parser holds it in memory.
 */

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The entries, or null when the end-of-central-directory record or the directory itself is missing or cut short. */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end of the file.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= floor; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (at + bytes.readUInt32LE(end + 12) > end) return null;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      compressed: bytes.readUInt32LE(at + 20),
      uncompressed: bytes.readUInt32LE(at + 24),
    });
    // Local data must lie before the directory: a file cut inside its data has an offset past the end.
    if (bytes.readUInt32LE(at + 42) >= end) return null;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

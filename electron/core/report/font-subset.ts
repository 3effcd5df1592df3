/**
 * A small copy of a TrueType Chinese font holding only the characters a set of charts draws.
 * Why: resvg-js reads the whole font file from disk again for every glyph it lays out (its font
 * database keeps file paths, not bytes), so a 5 MB (Debian) or 19 MB (Windows) CJK font made each
 * chart label cost milliseconds. A copy of a few hundred KB makes the same reads cheap.
 * Glyph numbers are kept (unused outlines are left empty), so cmap, hmtx and composite glyphs stay
 * valid unchanged; only loca and glyf are rewritten. Tables resvg does not use for plain chart
 * labels (OpenType layout, hinting, bitmaps, vertical metrics, glyph names) are left out.
 * Fonts with CFF outlines or an unreadable structure give `null`: the caller then uses the file itself.
 */

/** Tables copied as they are; loca, glyf and a name-less post are written anew. */
const KEPT = ['OS/2', 'cmap', 'hhea', 'hmtx', 'maxp', 'name'];
const TRUETYPE = 0x00010000;

interface Face {
  bytes: Buffer;
  tables: Map<string, { offset: number; length: number }>;
  glyphCount: number;
  longLoca: boolean;
  /** Glyph number of a character (0 when the font has none). */
  glyphOf(codePoint: number): number;
}

/** The first face of a .ttf or .ttc, if it has TrueType outlines. */
export function readFace(bytes: Buffer): Face | null {
  try {
    const start = bytes.toString('latin1', 0, 4) === 'ttcf' ? bytes.readUInt32BE(12) : 0;
    if (bytes.readUInt32BE(start) !== TRUETYPE) return null;
    const tables = new Map<string, { offset: number; length: number }>();
    for (let i = 0, count = bytes.readUInt16BE(start + 4); i < count; i++) {
      const record = start + 12 + 16 * i;
      tables.set(bytes.toString('latin1', record, record + 4), { offset: bytes.readUInt32BE(record + 8), length: bytes.readUInt32BE(record + 12) });
    }
    if (![...KEPT, 'head', 'loca', 'glyf'].every((tag) => tables.has(tag))) return null;
    const glyphOf = cmapLookup(bytes, tables.get('cmap')!.offset);
    if (!glyphOf) return null;
    return {
      bytes,
      tables,
      glyphCount: bytes.readUInt16BE(tables.get('maxp')!.offset + 4),
      longLoca: bytes.readInt16BE(tables.get('head')!.offset + 50) === 1,
      glyphOf,
    };
  } catch {
    return null; // a truncated or odd file: read past its end
  }
}

/** The Unicode mapping (format 12 preferred, else format 4) as a lookup function. */
function cmapLookup(bytes: Buffer, cmap: number): ((codePoint: number) => number) | null {
  let format4 = -1;
  for (let i = 0, count = bytes.readUInt16BE(cmap + 2); i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = bytes.readUInt16BE(record);
    const encoding = bytes.readUInt16BE(record + 2);
    const at = cmap + bytes.readUInt32BE(record + 4);
    const format = bytes.readUInt16BE(at);
    if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) return format12(bytes, at);
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 = at;
  }
  return format4 < 0 ? null : format4Lookup(bytes, format4);
}

function format12(bytes: Buffer, at: number): (codePoint: number) => number {
  const groups = bytes.readUInt32BE(at + 12);
  return (codePoint) => {
    for (let lo = 0, hi = groups - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      const group = at + 16 + 12 * mid;
      if (codePoint < bytes.readUInt32BE(group)) hi = mid - 1;
      else if (codePoint > bytes.readUInt32BE(group + 4)) lo = mid + 1;
      else return bytes.readUInt32BE(group + 8) + codePoint - bytes.readUInt32BE(group);
    }
    return 0;
  };
}

function format4Lookup(bytes: Buffer, at: number): (codePoint: number) => number {
  const segments = bytes.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (bytes.readUInt16BE(ends + 2 * i) < codePoint) continue;
      const start = bytes.readUInt16BE(starts + 2 * i);
      if (start > codePoint) return 0;
      const delta = bytes.readUInt16BE(deltas + 2 * i);
      const rangeOffset = bytes.readUInt16BE(rangeOffsets + 2 * i);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = bytes.readUInt16BE(rangeOffsets + 2 * i + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** A standalone .ttf with the outlines of `codePoints` (and .notdef and any glyph they are built from). */
export function subsetFont(face: Face, codePoints: Iterable<number>): Buffer {
  const { bytes, tables } = face;
  const loca = tables.get('loca')!.offset;
  const glyf = tables.get('glyf')!.offset;
  const glyphRange = (glyph: number) =>
    face.longLoca
      ? [bytes.readUInt32BE(loca + 4 * glyph), bytes.readUInt32BE(loca + 4 * glyph + 4)]
      : [2 * bytes.readUInt16BE(loca + 2 * glyph), 2 * bytes.readUInt16BE(loca + 2 * glyph + 2)];

  const wanted = new Set([0]);
  const pending = [...codePoints].map(face.glyphOf).filter((glyph) => glyph > 0 && glyph < face.glyphCount);
  while (pending.length) {
    const glyph = pending.pop()!;
    if (wanted.has(glyph)) continue;
    wanted.add(glyph);
    pending.push(...components(bytes, glyf, glyphRange(glyph)));
  }

  const kept = [...wanted].sort((a, b) => a - b);
  const outlines: Buffer[] = [];
  const newLoca = Buffer.alloc(4 * (face.glyphCount + 1));
  let size = 0;
  for (let glyph = 0, next = 0; glyph < face.glyphCount; glyph++) {
    newLoca.writeUInt32BE(size, 4 * glyph);
    if (kept[next] !== glyph) continue;
    next++;
    const [from, to] = glyphRange(glyph);
    const outline = bytes.subarray(glyf + from, glyf + to);
    outlines.push(outline, Buffer.alloc((4 - (outline.length % 4)) % 4)); // glyphs 4-byte aligned in a long loca
    size += outline.length + ((4 - (outline.length % 4)) % 4);
  }
  newLoca.writeUInt32BE(size, 4 * face.glyphCount);

  const head = Buffer.from(slice(face, 'head'));
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set once the file is whole
  head.writeInt16BE(1, 50); // long loca offsets
  const post = Buffer.from(slice(face, 'post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0); // version 3: no glyph names
  const out = new Map<string, Buffer>(KEPT.map((tag) => [tag, slice(face, tag)]));
  out.set('head', head).set('loca', newLoca).set('glyf', Buffer.concat(outlines)).set('post', post);
  return writeSfnt(out);
}

function slice(face: Face, tag: string): Buffer {
  const { offset, length } = face.tables.get(tag)!;
  return face.bytes.subarray(offset, offset + length);
}

/** The glyphs a composite glyph is drawn from (none for a simple glyph). */
function components(bytes: Buffer, glyf: number, [from, to]: number[]): number[] {
  if (to - from < 10 || bytes.readInt16BE(glyf + from) >= 0) return [];
  const found: number[] = [];
  for (let at = glyf + from + 10, more = true; more; ) {
    const flags = bytes.readUInt16BE(at);
    found.push(bytes.readUInt16BE(at + 2));
    at += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
    more = (flags & 0x20) !== 0;
  }
  return found;
}

const checksum = (data: Buffer) => {
  let sum = 0;
  const padded = data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + padded.readUInt32BE(at)) >>> 0;
  return sum;
};

function writeSfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  const directory = Buffer.alloc(12 + 16 * tags.length);
  directory.writeUInt32BE(TRUETYPE, 0);
  directory.writeUInt16BE(tags.length, 4);
  directory.writeUInt16BE(power * 16, 6);
  directory.writeUInt16BE(Math.log2(power), 8);
  directory.writeUInt16BE(tags.length * 16 - power * 16, 10);
  const parts: Buffer[] = [directory];
  let offset = directory.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const record = 12 + 16 * i;
    directory.write(tag, record, 'latin1');
    directory.writeUInt32BE(checksum(data), record + 4);
    directory.writeUInt32BE(offset, record + 8);
    directory.writeUInt32BE(data.length, record + 12);
    const padding = Buffer.alloc((4 - (data.length % 4)) % 4);
    parts.push(data, padding);
    offset += data.length + padding.length;
  });
  const font = Buffer.concat(parts);
  const headAt = directory.readUInt32BE(12 + 16 * tags.indexOf('head') + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headAt + 8);
  return font;
}

/**
 * Reads back the BIFF8 records of an .xls for tests ([MS-XLS]): an independent walk over the
 * Workbook stream, so the styled writer is checked record by record rather than by its own code.
 */
import * as XLSX from '@e965/xlsx';

export interface BiffRecord {
  type: number;
  body: Buffer;
}

export interface BiffSheet {
  name: string;
  hidden: boolean;
  records: BiffRecord[];
  /** Cell records (BLANK/NUMBER/LABELSST/FORMULA) by "row,col" (0-based) → XF index. */
  xfAt: Map<string, number>;
}

export interface BiffBook {
  globals: BiffRecord[];
  sheets: BiffSheet[];
  fonts: { name: string; size: number; bold: boolean }[];
  xfs: Buffer[];
  palette: string[];
}

function records(stream: Buffer, from: number): { list: BiffRecord[]; end: number } {
  const list: BiffRecord[] = [];
  let at = from;
  while (at + 4 <= stream.length) {
    const type = stream.readUInt16LE(at);
    const size = stream.readUInt16LE(at + 2);
    list.push({ type, body: stream.subarray(at + 4, at + 4 + size) });
    at += 4 + size;
    if (type === 0x000a) break;
  }
  return { list, end: at };
}

export function readBiff(bytes: Buffer): BiffBook {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  if (!entry?.content) throw new Error('no Workbook stream');
  const stream = Buffer.from(entry.content as Uint8Array);
  const { list: globals } = records(stream, 0);
  const fonts = globals.filter((r) => r.type === 0x0031).map(({ body }) => ({
    size: body.readUInt16LE(0) / 20,
    bold: body.readUInt16LE(6) >= 700,
    name: body.subarray(16, 16 + 2 * body[14]).toString('utf16le'),
  }));
  const paletteRecord = globals.find((r) => r.type === 0x0092);
  const palette = paletteRecord ? Array.from({ length: paletteRecord.body.readUInt16LE(0) }, (_, i) => paletteRecord.body.subarray(2 + 4 * i, 5 + 4 * i).toString('hex').toUpperCase()) : [];
  const sheets = globals.filter((r) => r.type === 0x0085).map(({ body }) => {
    const { list } = records(stream, body.readUInt32LE(0));
    const xfAt = new Map<string, number>();
    for (const r of list) if ([0x0201, 0x0203, 0x00fd, 0x0006].includes(r.type)) xfAt.set(`${r.body.readUInt16LE(0)},${r.body.readUInt16LE(2)}`, r.body.readUInt16LE(4));
    return { name: body.subarray(8, 8 + 2 * body[6]).toString('utf16le'), hidden: body[4] === 1, records: list, xfAt };
  });
  return { globals, sheets, fonts, xfs: globals.filter((r) => r.type === 0x00e0).map((r) => r.body), palette };
}

/** Font index → FONT record position (index 4 does not exist in BIFF). */
export const fontAt = (book: BiffBook, index: number) => book.fonts[index > 4 ? index - 1 : index];

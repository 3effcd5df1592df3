/**
 * The few BIFF8 building blocks the styled .xls writer needs ([MS-XLS]): records, strings, the
 * shared-string table split over CONTINUE records, formula tokens, the compound-file container and
 * the SummaryInformation property set that carries the document properties.
 */
import * as XLSX from '@e965/xlsx';

/** Record types used (MS-XLS 2.3). */
export const REC = {
  BOF: 0x0809, EOF: 0x000a, CODEPAGE: 0x0042, WINDOW1: 0x003d, FONT: 0x0031, XF: 0x00e0, STYLE: 0x0293, PALETTE: 0x0092,
  BOUNDSHEET: 0x0085, SUPBOOK: 0x01ae, EXTERNSHEET: 0x0017, NAME: 0x0018, SST: 0x00fc, CONTINUE: 0x003c,
  WSBOOL: 0x0081, HORIZONTALPAGEBREAKS: 0x001b, HEADER: 0x0014, FOOTER: 0x0015, HCENTER: 0x0083, LEFTMARGIN: 0x0026, RIGHTMARGIN: 0x0027, TOPMARGIN: 0x0028,
  BOTTOMMARGIN: 0x0029, SETUP: 0x00a1, PROTECT: 0x0012, DEFAULTROWHEIGHT: 0x0225, DEFCOLWIDTH: 0x0055, COLINFO: 0x007d, DIMENSIONS: 0x0200, ROW: 0x0208,
  BLANK: 0x0201, NUMBER: 0x0203, LABELSST: 0x00fd, FORMULA: 0x0006, WINDOW2: 0x023e, PANE: 0x0041, MERGEDCELLS: 0x00e5,
} as const;

/** Largest record body; longer data continues in CONTINUE records. */
const MAX_BODY = 8224;

/** Little-endian byte builder over one growing buffer (a sheet writes tens of thousands of records). */
export class Bytes {
  private data = Buffer.allocUnsafe(64);
  length = 0;
  private room(size: number): number {
    if (this.length + size > this.data.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.length + size));
      this.data.copy(grown, 0, 0, this.length);
      this.data = grown;
    }
    const at = this.length;
    this.length += size;
    return at;
  }
  u8(value: number): this {
    const at = this.room(1); // before reading this.data: room() may replace it
    this.data[at] = value & 0xff;
    return this;
  }
  u16(value: number): this {
    const at = this.room(2);
    this.data.writeUInt16LE(value & 0xffff, at);
    return this;
  }
  u32(value: number): this {
    const at = this.room(4);
    this.data.writeUInt32LE(value >>> 0, at);
    return this;
  }
  f64(value: number): this {
    const at = this.room(8);
    this.data.writeDoubleLE(value, at);
    return this;
  }
  bytes(buffer: Buffer): this {
    const at = this.room(buffer.length);
    buffer.copy(this.data, at);
    return this;
  }
  /** Overwrites the 16-bit value at `at` (a length known only after what follows was written). */
  patch16(at: number, value: number): this {
    this.data.writeUInt16LE(value & 0xffff, at);
    return this;
  }
  /** Appends record `type` whose body `write` appends: no buffer per record (a sheet has tens of thousands). */
  record(type: number, write: (body: this) => void): this {
    this.u16(type);
    const lengthAt = this.length;
    this.u16(0);
    write(this);
    return this.patch16(lengthAt, this.length - lengthAt - 2);
  }
  build(): Buffer {
    return this.data.subarray(0, this.length);
  }
}

export function record(type: number, body: Buffer | Bytes = Buffer.alloc(0)): Buffer {
  const data = body instanceof Bytes ? body.build() : body;
  const out = Buffer.allocUnsafe(4 + data.length);
  out.writeUInt16LE(type, 0);
  out.writeUInt16LE(data.length, 2);
  data.copy(out, 4);
  return out;
}

/** XLUnicodeString: 16-bit length, flags, UTF-16 characters (always the wide form: Chinese text). */
export const wideString = (text: string) => new Bytes().u16(text.length).u8(1).bytes(Buffer.from(text, 'utf16le')).build();
/** ShortXLUnicodeString: 8-bit length (sheet and font names). */
export const shortString = (text: string) => new Bytes().u8(text.length).u8(1).bytes(Buffer.from(text, 'utf16le')).build();

/**
 * The SST record and its CONTINUE records. A string that does not fit continues in the next record,
 * which then starts with the flags byte again (MS-XLS 2.4.58); a string header never splits.
 */
export function sharedStrings(strings: readonly string[], total: number): Buffer {
  const records: Buffer[] = [];
  let body = new Bytes().u32(total).u32(strings.length);
  let type: number = REC.SST;
  const flush = () => {
    records.push(record(type, body));
    type = REC.CONTINUE;
    body = new Bytes();
  };
  for (const text of strings) {
    if (body.length + 3 + 2 > MAX_BODY) flush();
    body.u16(text.length).u8(1);
    let rest = Buffer.from(text, 'utf16le');
    for (;;) {
      const room = (MAX_BODY - body.length) & ~1;
      if (rest.length <= room) {
        body.bytes(rest);
        break;
      }
      body.bytes(rest.subarray(0, room));
      rest = rest.subarray(room);
      flush();
      body.u8(1);
    }
  }
  records.push(record(type, body));
  return Buffer.concat(records);
}

/** Column field of a cell reference: relative row and column, as Excel writes A1 references. */
const relCol = (col: number) => 0xc000 | col;

/** Formula tokens (MS-XLS 2.5.198), appended to `b`: references, SUM over a range, unary minus, + and −. */
export const PTG = {
  ref: (b: Bytes, row: number, col: number) => b.u8(0x44).u16(row).u16(relCol(col)),
  ref3d: (b: Bytes, ixti: number, row: number, col: number) => b.u8(0x5a).u16(ixti).u16(row).u16(relCol(col)),
  area: (b: Bytes, row: number, rowEnd: number, col: number) => b.u8(0x25).u16(row).u16(rowEnd).u16(relCol(col)).u16(relCol(col)),
  area3d: (b: Bytes, ixti: number, row: number, rowEnd: number, col: number) => b.u8(0x3b).u16(ixti).u16(row).u16(rowEnd).u16(relCol(col)).u16(relCol(col)),
  /** Whole rows, absolute (print titles): $first:$last. */
  rows3d: (b: Bytes, ixti: number, first: number, last: number) => b.u8(0x3b).u16(ixti).u16(first).u16(last).u16(0).u16(0xff),
  /** SUM with one argument (tFuncVarV, function 4). */
  sum: (b: Bytes) => b.u8(0x42).u8(1).u16(4),
  add: (b: Bytes) => b.u8(0x03),
  sub: (b: Bytes) => b.u8(0x04),
  minus: (b: Bytes) => b.u8(0x13),
};

/** SummaryInformation (FMTID F29F85E0-4FF9-1068-AB91-08002B27B3D9): code page, title, keywords. */
export function summaryInformation(properties: { title: string; keywords: string }): Buffer {
  const fmtid = Buffer.from('e0859ff2f94f6810ab9108002b27b3d9', 'hex');
  // Strings in UTF-8 (code page 65001) so any Chinese text survives.
  const lpstr = (text: string) => {
    const data = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.alloc(1)]);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    return new Bytes().u32(0x1e).u32(data.length).bytes(padded).build();
  };
  const values: [number, Buffer][] = [
    [1, new Bytes().u32(0x02).u16(65001).u16(0).build()],
    [2, lpstr(properties.title)],
    [5, lpstr(properties.keywords)],
  ];
  const table = new Bytes();
  let offset = 8 + values.length * 8;
  for (const [id, value] of values) {
    table.u32(id).u32(offset);
    offset += value.length;
  }
  const section = new Bytes().u32(offset).u32(values.length).bytes(table.build());
  for (const [, value] of values) section.bytes(value);
  return new Bytes().u16(0xfffe).u16(0).u32(0x00020006).bytes(Buffer.alloc(16)).u32(1).bytes(fmtid).u32(48).bytes(section.build()).build();
}

/** The compound-file container Excel expects around the Workbook stream. */
export function compoundFile(streams: Record<string, Buffer>): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, name, data);
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Uint8Array);
}

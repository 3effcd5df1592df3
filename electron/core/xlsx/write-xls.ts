/**
 * Renders sheet plans as a legacy .xls (BIFF8) workbook that prints like the .xlsx: the fonts,
 * borders, alignment and shading of look.ts as FONT/XF records, A4 landscape fit-to-page (SETUP,
 * WSBOOL), repeated header rows (the built-in Print_Titles name), a 自评表's manual page breaks
 * (HORIZONTALPAGEBREAKS), frozen header (WINDOW2/PANE), live formulas with cached results,
 * optional sheet protection, and the document properties.
 *
 * Written here rather than with a library: no maintained JavaScript writer emits BIFF8 styles
 * (SheetJS community writes none; the styled forks target .xlsx only), and the subset needed is a
 * few dozen fixed-size records. The container comes from SheetJS's CFB module.
 */
import { ApiError } from '../../../shared/contract';
import { Bytes, PTG, REC, compoundFile, record, sharedStrings, shortString, summaryInformation, wideString } from './biff';
import type { CellLogic, Operand } from './formulas';
import { FONT, GRID_LOOK, LOOKS, PAGE, SHADE, TEXT_FORMAT, AMOUNT_FORMAT, type Look, type WriteOptions } from './look';
import { titleRows, type PlanCell, type SheetPlan } from './plan';

/** Kept from the SheetJS-based writer so .xls exports accept the same texts as before. */
export const XLS_MAX_TEXT = 4000;

/** Built-in number formats (MS-XLS 2.5.165): no FORMAT records needed. */
const BUILTIN_FORMAT: Record<string, number> = { [AMOUNT_FORMAT]: 4, [TEXT_FORMAT]: 49 };
const ALIGN_H = { left: 1, center: 2, right: 3 } as const;
const ALIGN_V = { top: 0, middle: 1 } as const;
const BLACK = 8;
const AUTO_COLOR = 0x7fff;
/** Points; the .xlsx writer's default (defaultRowHeight 15), so rows without a set height print alike. */
const DEFAULT_ROW_HEIGHT = 15;
/** The cell XF every workbook starts with (after the 15 style XFs). */
const DEFAULT_XF = 15;

/** One cell format: the look plus grid border, shading and whether the cell stays editable under protection. */
interface Format {
  look: Look;
  border: boolean;
  shade?: string;
  unlocked?: boolean;
}

/** FONT and XF tables, built as cells ask for formats; colours go to a custom palette. */
class Styles {
  private fonts = new Map<string, number>();
  private fontRecords: Buffer[] = [];
  private xfs = new Map<string, number>();
  private xfRecords: Buffer[] = [];
  private palette = ['000000'];

  constructor() {
    // Font 0 is the Normal style's, whose digit width is the unit of column widths: the same Calibri 11
    // as the .xlsx writer's Normal style, so equal widths measure the same and pages scale alike.
    this.font({ size: 11, horizontal: 'left', vertical: 'middle' }, 'Calibri');
  }

  color(rgb: string): number {
    let index = this.palette.indexOf(rgb);
    if (index < 0) index = this.palette.push(rgb) - 1;
    return BLACK + index;
  }

  font(look: Look, name: string = FONT.name): number {
    const key = `${name}|${look.size}|${look.bold ?? false}|${look.color ?? ''}`;
    let index = this.fonts.get(key);
    if (index === undefined) {
      const body = new Bytes().u16(look.size * 20).u16(0).u16(look.color ? this.color(look.color) : AUTO_COLOR).u16(look.bold ? 700 : 400);
      body.u16(0).u8(0).u8(0).u8(name === FONT.name ? FONT.charset : 0).u8(0).bytes(shortString(name));
      this.fontRecords.push(record(REC.FONT, body));
      // Font index 4 does not exist in BIFF: the fifth FONT record is font 5.
      index = this.fontRecords.length - 1 >= 4 ? this.fontRecords.length : this.fontRecords.length - 1;
      this.fonts.set(key, index);
    }
    return index;
  }

  private lookIds = new Map<Look, number>();

  xf(format: Format): number {
    let lookId = this.lookIds.get(format.look);
    if (lookId === undefined) this.lookIds.set(format.look, (lookId = this.lookIds.size));
    const key = `${lookId}|${format.border}|${format.shade ?? ''}|${format.unlocked ?? false}`;
    let index = this.xfs.get(key);
    if (index === undefined) {
      const { look } = format;
      const line = format.border ? 1 : 0;
      const ink = format.border ? BLACK : 0;
      const body = new Bytes()
        .u16(this.font(look))
        .u16(look.numFmt ? BUILTIN_FORMAT[look.numFmt] : 0)
        .u16(format.unlocked ? 0x0000 : 0x0001) // fLocked; parent style XF 0
        .u8(ALIGN_H[look.horizontal] | (look.wrap ? 0x08 : 0) | (ALIGN_V[look.vertical] << 4))
        .u8(0)
        .u8(0)
        .u8(0xfc) // every attribute set here, none inherited
        .u32(line | (line << 4) | (line << 8) | (line << 12) | (ink << 16) | (ink << 23))
        .u32(ink | (ink << 7) | (format.shade ? 1 << 26 : 0))
        .u16((format.shade ? this.color(format.shade) : 0x40) | (0x41 << 7));
      index = DEFAULT_XF + 1 + this.xfRecords.length;
      this.xfRecords.push(record(REC.XF, body));
      this.xfs.set(key, index);
    }
    return index;
  }

  /** FONT, XF (15 style XFs + the default cell XF + ours), STYLE and PALETTE records, in file order. */
  records(): Buffer[] {
    while (this.fontRecords.length < 4) this.fontRecords.push(this.fontRecords[0]);
    const styleXf = new Bytes().u16(0).u16(0).u16(0xfff5).u8(0x20).u8(0).u8(0).u8(0).u32(0).u32(0).u16(0x40 | (0x41 << 7)).build();
    const cellXf = new Bytes().u16(0).u16(0).u16(0x0001).u8(0x20).u8(0).u8(0).u8(0).u32(0).u32(0).u16(0x40 | (0x41 << 7)).build();
    const palette = new Bytes().u16(56);
    for (let i = 0; i < 56; i++) {
      const rgb = this.palette[i] ?? 'FFFFFF';
      palette.u8(parseInt(rgb.slice(0, 2), 16)).u8(parseInt(rgb.slice(2, 4), 16)).u8(parseInt(rgb.slice(4, 6), 16)).u8(0);
    }
    return [
      ...this.fontRecords,
      ...Array.from({ length: 15 }, () => record(REC.XF, styleXf)),
      record(REC.XF, cellXf),
      ...this.xfRecords,
      record(REC.STYLE, new Bytes().u16(0x8000).u8(0).u8(0xff)),
      record(REC.PALETTE, palette),
    ];
  }
}

export function writeXls(plans: SheetPlan[], options: WriteOptions): Buffer {
  for (const plan of plans) {
    const long = plan.cells.find((cell) => typeof cell.value === 'string' && cell.value.length > XLS_MAX_TEXT);
    if (long) {
      throw new ApiError('refused', `工作表“${plan.name}”第${long.row}行有 ${String(long.value).length} 字的文字,超过 .xls 格式单个单元格可保存的 ${XLS_MAX_TEXT} 字;请导出为 .xlsx`);
    }
  }
  const styles = new Styles();
  const strings = new Map<string, number>();
  let stringCount = 0;
  const stringIndex = (text: string) => {
    stringCount++;
    let index = strings.get(text);
    if (index === undefined) strings.set(text, (index = strings.size));
    return index;
  };
  const sheets = plans.map((plan, index) => sheetStream(plan, index, options, styles, stringIndex));

  const visible = plans.findIndex((plan) => !plan.hidden);
  const head = [
    record(REC.BOF, new Bytes().u16(0x0600).u16(0x0005).u16(0x0dbb).u16(0x07cc).u32(0).u32(0x06)),
    record(REC.CODEPAGE, new Bytes().u16(1200)),
    record(REC.WINDOW1, new Bytes().u16(0).u16(0).u16(0x4000).u16(0x2000).u16(0x38).u16(visible).u16(0).u16(1).u16(0x258)),
    ...styles.records(),
  ];
  const boundSheet = (plan: SheetPlan, offset: number) =>
    record(REC.BOUNDSHEET, new Bytes().u32(offset).u8(plan.hidden ? 1 : 0).u8(0).bytes(shortString(plan.name)));
  const tail = [
    // One internal SUPBOOK and one XTI per sheet: cross-sheet formulas and print titles refer to sheet i as XTI i.
    record(REC.SUPBOOK, new Bytes().u16(plans.length).u16(0x0401)),
    record(REC.EXTERNSHEET, plans.reduce((body, _, i) => body.u16(0).u16(i).u16(i), new Bytes().u16(plans.length))),
    ...plans.flatMap((plan, index) => (titleRows(plan) ? [printTitles(index, titleRows(plan)!)] : [])),
    sharedStrings([...strings.keys()], stringCount),
    record(REC.EOF),
  ];
  // BOUNDSHEET records hold each sheet's stream offset: their size is known before the offsets are.
  let offset = [...head, ...tail].reduce((sum, part) => sum + part.length, 0) + plans.reduce((sum, plan) => sum + boundSheet(plan, 0).length, 0);
  const bounds = plans.map((plan, index) => {
    const bound = boundSheet(plan, offset);
    offset += sheets[index].length;
    return bound;
  });
  const workbook = Buffer.concat([...head, ...bounds, ...tail, ...sheets]);
  const streams: Record<string, Buffer> = { Workbook: workbook };
  if (options.properties) streams['\u0005SummaryInformation'] = summaryInformation(options.properties);
  return compoundFile(streams);
}

const hasHeader = (plan: SheetPlan) => plan.header.last >= plan.header.first;

/** Print_Titles (built-in name 7) of sheet `index`: `rows` repeat on every page. */
function printTitles(index: number, rows: { first: number; last: number }): Buffer {
  const formula = PTG.rows3d(new Bytes(), index, rows.first - 1, rows.last - 1).build();
  const body = new Bytes().u16(0x0020).u8(0).u8(1).u16(formula.length).u16(0).u16(index + 1).u32(0).u8(0).u8(0x07).bytes(formula);
  return record(REC.NAME, body);
}

function sheetStream(plan: SheetPlan, index: number, options: WriteOptions, styles: Styles, stringIndex: (text: string) => number): Buffer {
  const out: Buffer[] = [record(REC.BOF, new Bytes().u16(0x0600).u16(0x0010).u16(0x0dbb).u16(0x07cc).u32(0).u32(0x06))];
  const landscape = (plan.orientation ?? 'landscape') === 'landscape';
  out.push(record(REC.WSBOOL, new Bytes().u16(0x04c1 | 0x0100))); // fFitToPage
  if (plan.pageBreaks?.length) {
    // Each break: the first row below it (0-based), across every column.
    const breaks = new Bytes().u16(plan.pageBreaks.length);
    for (const row of plan.pageBreaks) breaks.u16(row - 1).u16(0).u16(255);
    out.push(record(REC.HORIZONTALPAGEBREAKS, breaks));
  }
  // BIFF8 header codes have no colour (&K came with Excel 2007).
  out.push(record(REC.HEADER, options.draft ? wideString(PAGE.draftHeader.replace(/&K[0-9A-F]{6}/, '')) : Buffer.alloc(0)));
  out.push(record(REC.FOOTER, wideString(PAGE.footer)));
  out.push(record(REC.HCENTER, new Bytes().u16(1)));
  const { margins } = PAGE;
  out.push(record(REC.LEFTMARGIN, new Bytes().f64(margins.left)), record(REC.RIGHTMARGIN, new Bytes().f64(margins.right)));
  out.push(record(REC.TOPMARGIN, new Bytes().f64(margins.top)), record(REC.BOTTOMMARGIN, new Bytes().f64(margins.bottom)));
  const setup = new Bytes().u16(9).u16(100).u16(1).u16(1).u16(plan.onePage ? 1 : 0).u16(landscape ? 0 : 0x02).u16(600).u16(600);
  out.push(record(REC.SETUP, setup.f64(margins.header).f64(margins.footer).u16(1)));
  if (options.protect) out.push(record(REC.PROTECT, new Bytes().u16(1)));
  out.push(record(REC.DEFAULTROWHEIGHT, new Bytes().u16(0).u16(DEFAULT_ROW_HEIGHT * 20)));
  out.push(record(REC.DEFCOLWIDTH, new Bytes().u16(8)));
  const hidden = new Set(plan.hiddenColumns ?? []);
  const widths = [...plan.columnWidths];
  for (const col of hidden) widths[col - 1] ??= 10;
  widths.forEach((width, i) => {
    const colinfo = new Bytes().u16(i).u16(i).u16(Math.round((width ?? 8) * 256)).u16(DEFAULT_XF).u16(hidden.has(i + 1) ? 1 : 0).u16(0);
    out.push(record(REC.COLINFO, colinfo));
  });

  // Cells: the bordered grid first, then each plan cell over it.
  const cells = new Map<number, { col: number; xf: number; cell?: PlanCell; logic?: CellLogic }[]>();
  const put = (row: number, col: number, xf: number, cell?: PlanCell, logic?: CellLogic) => {
    const line = cells.get(row) ?? [];
    const at = line.findIndex((other) => other.col === col);
    if (at >= 0) line[at] = { col, xf, cell, logic };
    else line.push({ col, xf, cell, logic });
    cells.set(row, line);
  };
  for (let row = plan.grid.first; row <= plan.grid.last; row++) for (let col = 1; col <= plan.width; col++) put(row, col, styles.xf({ look: GRID_LOOK, border: true }));
  const inGrid = (cell: PlanCell) => cell.row >= plan.grid.first && cell.row <= plan.grid.last && cell.col <= plan.width;
  const sheetLogic = options.logic?.[index];
  plan.cells.forEach((cell, at) => {
    const logic = sheetLogic?.[at];
    const shade = logic?.role === 'computed' || logic?.role === 'linked' ? SHADE[logic.role] : undefined;
    put(cell.row, cell.col, styles.xf({ look: LOOKS[cell.style], border: inGrid(cell), shade, unlocked: logic?.role === 'input' }), cell, logic);
  });
  const rows = [...new Set([...cells.keys(), ...plan.rowHeights.keys()])].sort((a, b) => a - b);
  const lastRow = rows.length ? rows[rows.length - 1] : 1;
  const lastCol = Math.max(plan.width, ...hidden);
  out.push(record(REC.DIMENSIONS, new Bytes().u32(0).u32(lastRow).u16(0).u16(lastCol).u16(0)));
  const body = new Bytes();
  for (const row of rows) {
    const height = plan.rowHeights.get(row);
    const flags = 0x0100 | (height ? 0x0040 : 0); // reserved bit; fUnsynced = custom height
    body.record(REC.ROW, (b) => b.u16(row - 1).u16(0).u16(lastCol).u16(Math.round((height ?? DEFAULT_ROW_HEIGHT) * 20)).u16(0).u16(0).u16(flags).u16(DEFAULT_XF));
  }
  for (const row of rows) {
    for (const { col, xf, cell, logic } of (cells.get(row) ?? []).sort((a, b) => a.col - b.col)) {
      const at = (b: Bytes) => b.u16(row - 1).u16(col - 1).u16(xf);
      const operands = cell && logic?.operands;
      const value = cell?.value;
      if (operands) body.record(REC.FORMULA, (b) => formula(at(b).f64(Number(value ?? 0)).u16(0).u32(0), operands, index));
      else if (typeof value === 'number') body.record(REC.NUMBER, (b) => at(b).f64(value));
      else if (typeof value === 'string') body.record(REC.LABELSST, (b) => at(b).u32(stringIndex(value)));
      else body.record(REC.BLANK, at);
    }
  }
  out.push(body.build());

  // Window: no gridlines, header rows frozen, the first visible sheet selected.
  const frozen = hasHeader(plan);
  const selected = index === 0 ? 0x0600 : 0;
  out.push(record(REC.WINDOW2, new Bytes().u16(0x00b4 | (frozen ? 0x0108 : 0) | selected).u16(0).u16(0).u16(0x40).u16(0).u16(0).u16(0).u32(0)));
  if (frozen) out.push(record(REC.PANE, new Bytes().u16(0).u16(plan.header.last).u16(plan.header.last).u16(0).u8(2).u8(0)));
  for (let i = 0; i < plan.merges.length; i += 1026) {
    const chunk = plan.merges.slice(i, i + 1026);
    const body = new Bytes().u16(chunk.length);
    for (const range of chunk) body.u16(range.top - 1).u16(range.bottom - 1).u16(range.left - 1).u16(range.right - 1);
    out.push(record(REC.MERGEDCELLS, body));
  }
  out.push(record(REC.EOF));
  return Buffer.concat(out);
}

/** A FORMULA record's tokens after its length, in reverse Polish order: a, b, +, c, −, … */
function formula(b: Bytes, operands: readonly Operand[], here: number): void {
  const lengthAt = b.length;
  b.u16(0);
  operands.forEach((operand, i) => {
    const row = operand.row - 1;
    const col = operand.col - 1;
    const range = operand.rowEnd > operand.row;
    if (operand.sheet === here) {
      if (range) PTG.area(b, row, operand.rowEnd - 1, col);
      else PTG.ref(b, row, col);
    } else if (range) PTG.area3d(b, operand.sheet, row, operand.rowEnd - 1, col);
    else PTG.ref3d(b, operand.sheet, row, col);
    if (range) PTG.sum(b);
    if (i > 0) (operand.sign < 0 ? PTG.sub : PTG.add)(b);
    else if (operand.sign < 0) PTG.minus(b);
  });
  b.patch16(lengthAt, b.length - lengthAt - 2);
}

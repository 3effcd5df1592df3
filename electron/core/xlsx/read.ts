/**
 * Turns uploaded bytes into plain grids of cell values, whatever produced them: .xlsx by our own
 * one-pass reader (read-xlsx.ts), legacy .xls (BIFF8) through SheetJS. Everything that can go wrong before the layout is
 * looked at — wrong type, truncated, password-protected, too large — becomes one Chinese message.
 * Memory stays bounded: the file size, the bytes actually inflated (zip-check.ts), the rows and cells
 * per sheet are capped (sanitize.ts), and nothing a sheet declares is ever expanded cell by cell.
 * Callers run this in the parse worker (parse-worker.ts), which bounds memory and time once more.
 */
import * as XLSX from '@e965/xlsx';
import type { FormRegion } from '../../../shared/forms/regions';
import { formRegionIn, unitCodeIn, yearInTitle } from './unit-code';
import { LIMITS } from './limits';
import { readXlsxParts } from './read-xlsx';
import { MAX_MERGE_CELLS, refuseDtd } from './sanitize';
import { ZipProblem, unpackZip } from './zip-check';

export type CellValue =
  /**
   * `text`: the number as the file saved it, kept where that is exactly the number's shortest form
   * (String(value)); readers use it instead of printing the number again (a large year has a
   * hundred thousand of them).
   */
  | { kind: 'number'; value: number; formula?: true; text?: string }
  | { kind: 'text'; value: string; formula?: true }
  /** A formula whose result was never saved (written by a library, not by Excel). */
  | { kind: 'formula' }
  /** An error value (#DIV/0!), a date or a boolean: never an amount. */
  | { kind: 'invalid'; value: string };

export interface SheetGrid {
  name: string;
  /** rows[r - 1][c - 1] with Excel's 1-based r and c; sparse. */
  rows: (CellValue | undefined)[][];
  /** "r,c" of a covered cell of a merged range → its top-left cell. */
  mergedInto: Map<string, [number, number]>;
  /** Columns (1-based) the sheet hides: a hidden copy of an amount column is not what the clerk sees. */
  hiddenCols?: Set<number>;
}

export type SourceKind = 'xlsx' | 'xls' | 'year-file';


/** A problem with the file as a whole; the message names the file and says what to do. */
export class ReadError extends Error {}

export function sniff(bytes: Buffer): 'zip' | 'cfb' | 'sqlite' | 'unknown' {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return 'zip';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'cfb';
  if (bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  return 'unknown';
}

export interface WorkbookRead {
  kind: 'xlsx' | 'xls';
  sheets: SheetGrid[];
  /** The unit code our exports carry in the document keywords (unit-code.ts). */
  unitCode?: string;
  /** The fiscal year our exports carry in the document title (unit-code.ts). */
  fiscalYear?: number;
  /** The 绩效自评 表样 our exports carry in the document keywords (unit-code.ts). */
  formRegion?: FormRegion;
}

type WorkbookParts = Omit<WorkbookRead, 'kind'>;

export async function readWorkbook(bytes: Buffer, file: string): Promise<WorkbookRead> {
  const fail = (reason: string): never => {
    throw new ReadError(`文件 ${file}:${reason}`);
  };
  if (bytes.length === 0) fail('文件是空的');
  if (bytes.length > LIMITS.fileBytes) fail(`文件过大(${(bytes.length / 1048576).toFixed(1)} MB),超过 ${LIMITS.fileBytes / 1048576} MB 的上限`);
  const type = sniff(bytes);
  if (type === 'zip') return { kind: 'xlsx', ...(await readXlsx(bytes, fail)) };
  if (type === 'cfb') {
    // Excel encrypts a password-protected .xlsx into an OLE container holding these two streams.
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')) || bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      fail('工作簿设有打开密码(已加密),无法读取。请在 Excel 中取消密码(文件→信息→保护工作簿→用密码进行加密,清空密码)后另存再导入');
    }
    return { kind: 'xls', ...readXls(bytes, fail) };
  }
  if (/\.xlsx?$/i.test(file)) return fail('文件已损坏或不完整,不是有效的 Excel 工作簿,请重新导出或复制后再试');
  return fail('不是 Excel 工作簿(.xlsx 或 .xls),也不是决算通年度文件');
}

async function readXlsx(bytes: Buffer, fail: (reason: string) => never): Promise<WorkbookParts> {
  try {
    const entries = unpackZip(bytes, { maxBytes: LIMITS.inflatedBytes, maxEntries: LIMITS.zipEntries });
    const names = new Set(entries.map((entry) => entry.name));
    if (names.has('xl/workbook.bin')) fail('这是 .xlsb 二进制工作簿,请在 Excel 中另存为 .xlsx 后再导入');
    if (!names.has('xl/workbook.xml')) fail('不是 Excel 工作簿(压缩包中没有 xl/workbook.xml;如是 WPS/ODS 文件,请另存为 .xlsx)');
    refuseDtd(entries);
    return readXlsxParts(entries, fail);
  } catch (error) {
    if (error instanceof ZipProblem) return fail(error.message);
    throw error;
  }
}

function readXls(bytes: Buffer, fail: (reason: string) => never): WorkbookParts {
  let workbook: XLSX.WorkBook;
  try {
    // sheetRows bounds what is parsed per sheet; !fullref still tells how large the sheet really is.
    // cellNF keeps each number's format, so a date (a number formatted as a date) is recognised as one;
    // cellStyles gives the column widths, where a hidden column is marked.
    workbook = XLSX.read(bytes, { type: 'buffer', dense: true, sheetRows: LIMITS.rows + 1, cellFormula: true, cellDates: false, cellNF: true, cellStyles: true, cellHTML: false, cellText: false });
  } catch (error) {
    const text = String((error as Error).message);
    if (/password/i.test(text)) return fail('工作簿设有打开密码(已加密),无法读取。请在 Excel 中取消密码后另存再导入');
    return fail('不是有效的 Excel 工作簿或文件已损坏,请在 Excel 中打开后另存为 .xlsx 再导入');
  }
  if (workbook.SheetNames.length > LIMITS.sheets) fail(`工作表过多(${workbook.SheetNames.length} 个),超过 ${LIMITS.sheets} 个的上限`);
  try {
    const sheets = workbook.SheetNames.map((name) => xlsSheet(name, workbook.Sheets[name], fail));
    return { sheets, unitCode: unitCodeIn(workbook.Props?.Keywords), fiscalYear: yearInTitle(workbook.Props?.Title), formRegion: formRegionIn(workbook.Props?.Keywords) };
  } catch (error) {
    // A bit-flipped or truncated stream can leave SheetJS with half-built sheets: say so, never a stack.
    if (error instanceof ReadError) throw error;
    return fail('文件已损坏(工作表内容不完整),无法读取,请在 Excel 中打开后另存为 .xlsx 再导入');
  }
}

function xlsSheet(name: string, sheet: XLSX.WorkSheet | undefined, fail: (reason: string) => never): SheetGrid {
  if (!sheet) return fail(`工作表“${name}”已损坏,无法读取,请在 Excel 中打开后另存为 .xlsx 再导入`);
  const grid: SheetGrid = { name, rows: [], mergedInto: new Map() };
  const full = sheet['!fullref'] ?? sheet['!ref'];
  if (full && XLSX.utils.decode_range(full).e.r + 1 > LIMITS.rows) tooLarge(name, 'rows', fail);
  (sheet['!data'] ?? []).forEach((cells: XLSX.CellObject[] | undefined, r: number) =>
    cells?.forEach((cell, c) => {
      const value = cell ? fromSheetJs(cell) : undefined;
      if (value) place(grid, r + 1, c + 1, value, fail);
    }),
  );
  (sheet['!cols'] ?? []).forEach((col, index) => col?.hidden && index < LIMITS.cols && (grid.hiddenCols ??= new Set()).add(index + 1));
  for (const range of sheet['!merges'] ?? []) {
    // Like the .xlsx path (sanitize.ts): a merge larger than any table heading is ignored, never expanded.
    if (range.e.r >= LIMITS.rows || range.e.c >= LIMITS.cols || (range.e.r - range.s.r + 1) * (range.e.c - range.s.c + 1) > MAX_MERGE_CELLS) continue;
    for (let r = range.s.r; r <= range.e.r; r++) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        if (r !== range.s.r || c !== range.s.c) grid.mergedInto.set(`${r + 1},${c + 1}`, [range.s.r + 1, range.s.c + 1]);
      }
    }
  }
  return grid;
}

function fromSheetJs(cell: XLSX.CellObject): CellValue | undefined {
  const formula = cell.f ? { formula: true as const } : {};
  if (cell.t === 'z' || cell.v === undefined || cell.v === null) return cell.f ? { kind: 'formula' } : undefined;
  if (cell.t === 'n' && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) return { kind: 'invalid', value: dateText(cell.z, cell.v as number) };
  if (cell.t === 'n') return { kind: 'number', value: cell.v as number, ...formula };
  if (cell.t === 'd') return { kind: 'invalid', value: String(cell.v) };
  if (cell.t === 's') return { kind: 'text', value: String(cell.v), ...formula };
  return { kind: 'invalid', value: String(cell.w ?? cell.v) };
}

/** A date cell as the sheet shows it (2023-12-31), so the message names what the clerk sees. */
function dateText(format: string, serial: number): string {
  try {
    return XLSX.SSF.format(format, serial);
  } catch {
    return String(serial);
  }
}

function place(grid: SheetGrid, r: number, c: number, value: CellValue, fail: (reason: string) => never): void {
  if (r > LIMITS.rows) tooLarge(grid.name, 'rows', fail);
  if (c > LIMITS.cols) tooLarge(grid.name, 'cols', fail);
  (grid.rows[r - 1] ??= [])[c - 1] = value;
}

function tooLarge(sheet: string, what: 'rows' | 'cols', fail: (reason: string) => never): never {
  return what === 'rows'
    ? fail(`工作表“${sheet}”超过 ${LIMITS.rows} 行的上限,不像是决算公开表;请删除多余的行或只导入公开表所在的工作表`)
    : fail(`工作表“${sheet}”超过 ${LIMITS.cols} 列的上限,不像是决算公开表`);
}

/** The value shown at (r, c), looking through merged ranges to their top-left cell (used for header text). */
export function shownAt(grid: SheetGrid, r: number, c: number): CellValue | undefined {
  const master = grid.mergedInto.get(`${r},${c}`);
  return master ? grid.rows[master[0] - 1]?.[master[1] - 1] : grid.rows[r - 1]?.[c - 1];
}

export function textOf(value: CellValue | undefined): string {
  if (!value) return '';
  if (value.kind === 'number') return value.text ?? String(value.value);
  if (value.kind === 'formula') return '';
  return value.value;
}

import { ApiError } from '../../shared/contract';
import { inWorker } from './xlsx/isolate';
import { readWorkbook, ReadError, type CellValue, type SheetGrid } from './xlsx/read';

export interface CatalogCode {
  code: string;
  name: string;
  kind: 'function' | 'economic';
}

const columnName = (col: number): string => (col > 26 ? columnName(Math.floor((col - 1) / 26)) : '') + String.fromCharCode(65 + ((col - 1) % 26));
const text = (cell: CellValue | undefined): string =>
  !cell ? '' : cell.kind === 'number' ? String(cell.value) : cell.kind === 'text' ? cell.value.replace(/\s+/g, '').normalize('NFKC') : '';

/** Finds the header row holding 科目代码 and 科目名称, wherever the sheet puts it. */
function header(sheet: SheetGrid): { row: number; codeCol: number; nameCol: number } | null {
  for (let r = 0; r < Math.min(sheet.rows.length, 30); r++) {
    const cells = (sheet.rows[r] ?? []).map(text);
    const codeCol = cells.findIndex((value) => value === '科目代码' || value === '科目编码');
    const nameCol = cells.findIndex((value) => value === '科目名称');
    if (codeCol >= 0 && nameCol >= 0) return { row: r, codeCol, nameCol };
  }
  return null;
}

/** Reads an official 科目 table; the workbook is untrusted, so it is parsed in the parse worker. */
export function readCatalogWorkbook(bytes: Buffer, file: string): Promise<{ codes: CatalogCode[]; skipped: number }> {
  return inWorker({ kind: 'catalog', bytes, file });
}

/**
 * What the parse worker runs. Reads an official 政府收支分类科目 workbook: every sheet with a 科目代码 /
 * 科目名称 header row. 支出功能分类 codes (2xx, 3/5/7 digits) and 部门预算支出经济分类 codes (3xx, 3/5
 * digits) are taken; other rows (收入分类, notes) are counted as skipped. Any malformed row refuses the whole file.
 */
export async function readCatalogHere(bytes: Buffer, file: string): Promise<{ codes: CatalogCode[]; skipped: number }> {
  let sheets: SheetGrid[];
  try {
    ({ sheets } = await readWorkbook(bytes, file));
  } catch (error) {
    if (error instanceof ReadError) throw new ApiError('refused', error.message);
    throw error;
  }
  const codes = new Map<string, CatalogCode & { where: string }>();
  let skipped = 0;
  let found = false;
  for (const sheet of sheets) {
    const head = header(sheet);
    if (!head) continue;
    found = true;
    for (let r = head.row + 1; r < sheet.rows.length; r++) {
      const code = text(sheet.rows[r]?.[head.codeCol]);
      const name = text(sheet.rows[r]?.[head.nameCol]);
      const where = `文件 ${file} 工作表“${sheet.name}” 第${r + 1}行`;
      if (!code && !name) continue;
      if (!/^\d+$/.test(code)) {
        throw new ApiError('refused', `${where} ${columnName(head.codeCol + 1)}列:科目代码“${code || '(空)'}”不是数字代码`);
      }
      const kind = code.startsWith('2') && [3, 5, 7].includes(code.length) ? 'function' : code.startsWith('3') && [3, 5].includes(code.length) ? 'economic' : null;
      if (!kind) {
        skipped++;
        continue;
      }
      if (!name) throw new ApiError('refused', `${where} ${columnName(head.nameCol + 1)}列:科目 ${code} 缺少科目名称`);
      const earlier = codes.get(code);
      if (earlier && earlier.name !== name) {
        throw new ApiError('refused', `${where}:科目代码 ${code} 重复,名称“${name}”与${earlier.where}的“${earlier.name}”不同`);
      }
      codes.set(code, { code, name, kind, where });
    }
  }
  if (!found) throw new ApiError('refused', `文件 ${file}:没有找到含“科目代码”“科目名称”表头的工作表`);
  if (!codes.size) throw new ApiError('refused', `文件 ${file}:没有读到支出功能分类或经济分类科目`);
  return { codes: [...codes.values()].map(({ code, name, kind }) => ({ code, name, kind })), skipped };
}

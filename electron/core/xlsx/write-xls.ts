/**
 * Renders sheet plans as a legacy .xls (BIFF8) workbook for systems that still ask for one, with
 * SheetJS (@e965/xlsx, the maintained community build; npm `xlsx` 0.18.5 has known CVEs). The free
 * build writes values, number formats, merges, column widths and hidden columns but no fonts or
 * borders.
 */
import * as XLSX from '@e965/xlsx';
import { ApiError } from '../../../shared/contract';
import type { SheetPlan } from './plan';
import { AMOUNT_FORMAT } from './write-xlsx';

/**
 * SheetJS writes a BIFF8 string inside one record (8224 bytes, about 4100 UTF-16 characters): a
 * longer one hangs the writer, and without the shared-string table it cuts every text at 255.
 */
export const XLS_MAX_TEXT = 4000;

export function writeXls(plans: SheetPlan[]): Buffer {
  for (const plan of plans) {
    const long = plan.cells.find((cell) => typeof cell.value === 'string' && cell.value.length > XLS_MAX_TEXT);
    if (long) {
      throw new ApiError('refused', `工作表“${plan.name}”第${long.row}行有 ${String(long.value).length} 字的文字,超过 .xls 格式单个单元格可保存的 ${XLS_MAX_TEXT} 字;请导出为 .xlsx`);
    }
  }
  const workbook = XLSX.utils.book_new();
  for (const plan of plans) {
    const sheet: XLSX.WorkSheet = {};
    let lastRow = 1;
    for (const item of plan.cells) {
      if (item.value === null) continue;
      const cell: XLSX.CellObject =
        typeof item.value === 'number' ? { t: 'n', v: item.value, z: item.style === 'amount' ? AMOUNT_FORMAT : undefined } : { t: 's', v: item.value };
      sheet[XLSX.utils.encode_cell({ r: item.row - 1, c: item.col - 1 })] = cell;
      lastRow = Math.max(lastRow, item.row);
    }
    sheet['!merges'] = plan.merges.map((range) => ({ s: { r: range.top - 1, c: range.left - 1 }, e: { r: range.bottom - 1, c: range.right - 1 } }));
    const cols: XLSX.ColInfo[] = plan.columnWidths.map((wch) => ({ wch }));
    for (const col of plan.hiddenColumns ?? []) cols[col - 1] = { wch: 10, hidden: true };
    sheet['!cols'] = cols;
    const lastCol = Math.max(plan.width, ...(plan.hiddenColumns ?? []));
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow - 1, c: lastCol - 1 } });
    XLSX.utils.book_append_sheet(workbook, sheet, plan.name);
  }
  // bookSST: texts go to the shared-string table whole (the plain Label record stops at 255 characters).
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xls', bookSST: true }) as Buffer;
}

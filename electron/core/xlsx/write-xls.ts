/**
 * Renders sheet plans as a legacy .xls (BIFF8) workbook for systems that still ask for one, with
 * SheetJS (@e965/xlsx, the maintained community build; npm `xlsx` 0.18.5 has known CVEs). The free
 * build writes values, number formats, merges and column widths but no fonts or borders.
 */
import * as XLSX from '@e965/xlsx';
import type { SheetPlan } from './plan';
import { AMOUNT_FORMAT } from './write-xlsx';

export function writeXls(plans: SheetPlan[]): Buffer {
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
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow - 1, c: plan.width - 1 } });
    sheet['!merges'] = plan.merges.map((range) => ({ s: { r: range.top - 1, c: range.left - 1 }, e: { r: range.bottom - 1, c: range.right - 1 } }));
    sheet['!cols'] = plan.columnWidths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(workbook, sheet, plan.name);
  }
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xls' }) as Buffer;
}

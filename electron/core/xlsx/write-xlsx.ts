/** Renders sheet plans as an .xlsx workbook with exceljs: fonts, borders, number formats, print setup. */
import ExcelJS from 'exceljs';
import type { CellStyle, SheetPlan } from './plan';
import { columnLetter } from './text';

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** Published tables print 2 decimals; the cell keeps the full stored precision (710.8078). */
export const AMOUNT_FORMAT = '#,##0.00';

const STYLES: Record<CellStyle, { font?: Partial<ExcelJS.Font>; alignment: Partial<ExcelJS.Alignment>; numFmt?: string }> = {
  draft: { font: { name: FONT, size: 14, bold: true, color: { argb: 'FFC00000' } }, alignment: { horizontal: 'center', vertical: 'middle' } },
  label: { alignment: { horizontal: 'right', vertical: 'middle' } },
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  unit: { alignment: { horizontal: 'left', vertical: 'middle' } },
  amountUnit: { alignment: { horizontal: 'right', vertical: 'middle' } },
  header: { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  colno: { alignment: { horizontal: 'center', vertical: 'middle' } },
  text: { alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } },
  center: { alignment: { horizontal: 'center', vertical: 'middle' } },
  code: { alignment: { horizontal: 'left', vertical: 'middle' }, numFmt: '@' },
  amount: { alignment: { horizontal: 'right', vertical: 'middle' }, numFmt: AMOUNT_FORMAT },
  note: { alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  number: { alignment: { horizontal: 'right', vertical: 'middle' } },
  data: { font: { name: FONT, size: 8, color: { argb: 'FF808080' } }, alignment: { horizontal: 'left', vertical: 'top', wrapText: false } },
};

export async function writeXlsx(plans: SheetPlan[], options: { draft: boolean; creator: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator;
  // Fixed dates keep the output a function of the data (equal years give equal bytes apart from the zip clock).
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  for (const plan of plans) {
    const hasHeader = plan.header.last >= plan.header.first;
    const sheet = workbook.addWorksheet(plan.name, {
      // A form has no repeated header block: nothing to freeze.
      views: [hasHeader ? { state: 'frozen', ySplit: plan.header.last, xSplit: 0, showGridLines: false } : { state: 'normal', showGridLines: false }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: plan.orientation ?? 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: hasHeader ? `${plan.header.first}:${plan.header.last}` : undefined,
      },
      headerFooter: {
        oddHeader: options.draft ? '&C&"宋体,加粗"&16&KC00000草稿' : '',
        oddFooter: '&C第 &P 页,共 &N 页',
      },
    });
    plan.columnWidths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
    for (const [row, height] of plan.rowHeights) sheet.getRow(row).height = height;
    for (let row = plan.grid.first; row <= plan.grid.last; row++) {
      for (let col = 1; col <= plan.width; col++) {
        const cell = sheet.getCell(row, col);
        cell.border = THIN;
        cell.font = { name: FONT, size: 10 };
      }
    }
    for (const item of plan.cells) {
      const cell = sheet.getCell(item.row, item.col);
      const style = STYLES[item.style];
      cell.value = item.value;
      cell.font = style.font ?? { name: FONT, size: 10 };
      cell.alignment = style.alignment;
      if (style.numFmt) cell.numFmt = style.numFmt;
    }
    for (const range of plan.merges) sheet.mergeCells(range.top, range.left, range.bottom, range.right);
    if (plan.hiddenColumns?.length) {
      for (const col of plan.hiddenColumns) sheet.getColumn(col).hidden = true;
      // The printed page is the form itself, never the hidden data beside it.
      const lastRow = Math.max(1, ...plan.cells.filter((cell) => cell.col <= plan.width).map((cell) => cell.row));
      sheet.pageSetup.printArea = `A1:${columnLetter(plan.width)}${lastRow}`;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

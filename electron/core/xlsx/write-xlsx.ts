/** Renders sheet plans as an .xlsx workbook with exceljs: the look of look.ts, live formulas, print setup. */
import ExcelJS from 'exceljs';
import { formulaText } from './formulas';
import { FONT, GRID_LOOK, LOOKS, PAGE, SHADE, type Look, type WriteOptions } from './look';
import type { SheetPlan } from './plan';
import { columnLetter } from './text';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const font = (look: Look): Partial<ExcelJS.Font> => ({
  name: FONT.name,
  charset: FONT.charset,
  size: look.size,
  ...(look.bold ? { bold: true } : {}),
  ...(look.color ? { color: { argb: `FF${look.color}` } } : {}),
});
const alignment = (look: Look): Partial<ExcelJS.Alignment> => ({ horizontal: look.horizontal, vertical: look.vertical, ...(look.wrap ? { wrapText: true } : {}) });
const fill = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });

export async function writeXlsx(plans: SheetPlan[], options: WriteOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator;
  if (options.properties) Object.assign(workbook, options.properties);
  // Fixed dates keep the output a function of the data (equal years give equal bytes apart from the zip clock).
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  const names = plans.map((plan) => plan.name);
  for (const [index, plan] of plans.entries()) {
    const hasHeader = plan.header.last >= plan.header.first;
    const sheet = workbook.addWorksheet(plan.name, {
      state: plan.hidden ? 'hidden' : 'visible',
      // A form has no repeated header block: nothing to freeze.
      views: [hasHeader ? { state: 'frozen', ySplit: plan.header.last, xSplit: 0, showGridLines: false } : { state: 'normal', showGridLines: false }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: plan.orientation ?? 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: plan.onePage ? 1 : 0,
        horizontalCentered: true,
        margins: { ...PAGE.margins },
        printTitlesRow: hasHeader ? `${plan.header.first}:${plan.header.last}` : undefined,
      },
      headerFooter: { oddHeader: options.draft ? PAGE.draftHeader : '', oddFooter: PAGE.footer },
    });
    plan.columnWidths.forEach((width, col) => (sheet.getColumn(col + 1).width = width));
    for (const [row, height] of plan.rowHeights) sheet.getRow(row).height = height;
    for (let row = plan.grid.first; row <= plan.grid.last; row++) {
      for (let col = 1; col <= plan.width; col++) {
        const cell = sheet.getCell(row, col);
        cell.border = THIN;
        cell.font = font(GRID_LOOK);
      }
    }
    for (const item of plan.cells) {
      const cell = sheet.getCell(item.row, item.col);
      const look = LOOKS[item.style];
      const logic = options.logic?.get(item);
      cell.value = logic?.operands ? { formula: formulaText(logic.operands, names, index), result: item.value ?? 0 } : item.value;
      cell.font = font(look);
      cell.alignment = alignment(look);
      if (look.numFmt) cell.numFmt = look.numFmt;
      if (logic?.role === 'computed' || logic?.role === 'linked') cell.fill = fill(SHADE[logic.role]);
      if (logic?.role === 'input') cell.protection = { locked: false };
    }
    for (const range of plan.merges) sheet.mergeCells(range.top, range.left, range.bottom, range.right);
    if (plan.hiddenColumns?.length) {
      for (const col of plan.hiddenColumns) sheet.getColumn(col).hidden = true;
      // The printed page is the form itself, never the hidden data beside it.
      const lastRow = Math.max(1, ...plan.cells.filter((cell) => cell.col <= plan.width).map((cell) => cell.row));
      sheet.pageSetup.printArea = `A1:${columnLetter(plan.width)}${lastRow}`;
    }
    // Without a password: the point is to keep totals from being typed over, not to hide anything.
    if (options.protect) await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

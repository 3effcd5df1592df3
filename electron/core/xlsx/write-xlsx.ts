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

/**
 * One style object per distinct look, shared by every cell that has it. exceljs dedupes styles by
 * object identity first and by rendering each one to XML otherwise: a fresh style per cell made it
 * render every cell's font, border and fill (most of the export time of a large year). Cells never
 * change a shared style afterwards, they are only given one.
 */
function styleCache() {
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  const cached = (key: string, make: () => Partial<ExcelJS.Style>) => {
    let style = cache.get(key);
    if (!style) cache.set(key, (style = make()));
    return style;
  };
  return {
    grid: () => cached('grid', () => ({ border: THIN, font: font(GRID_LOOK) })),
    of: (name: keyof typeof LOOKS, role: string | undefined, inGrid: boolean) =>
      cached(`${name}|${role ?? ''}|${inGrid}`, () => {
        const look = LOOKS[name];
        const style: Partial<ExcelJS.Style> = { font: font(look), alignment: alignment(look) };
        if (inGrid) style.border = THIN;
        if (look.numFmt) style.numFmt = look.numFmt;
        if (role === 'computed' || role === 'linked') style.fill = fill(SHADE[role]);
        if (role === 'input') style.protection = { locked: false };
        return style;
      }),
  };
}

export async function writeXlsx(plans: SheetPlan[], options: WriteOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const styles = styleCache();
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
    const inGrid = (row: number, col: number) => row >= plan.grid.first && row <= plan.grid.last && col <= plan.width;
    for (let row = plan.grid.first; row <= plan.grid.last; row++) {
      for (let col = 1; col <= plan.width; col++) sheet.getCell(row, col).style = styles.grid();
    }
    for (const item of plan.cells) {
      const cell = sheet.getCell(item.row, item.col);
      const logic = options.logic?.get(item);
      cell.value = logic?.operands ? { formula: formulaText(logic.operands, names, index), result: item.value ?? 0 } : item.value;
      cell.style = styles.of(item.style, logic?.role, inGrid(item.row, item.col));
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
  // Fastest deflate level: the sheets are repetitive XML, so it compresses nearly as well at a fraction of the time.
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }));
}

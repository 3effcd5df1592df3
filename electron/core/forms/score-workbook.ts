/**
 * 自评得分一览.xlsx: the score sheet of a year (shared/forms/score-sheet.ts) as one worksheet, the
 * columns as the app's page shows them. Figures are written as numbers so the sheet sorts and
 * sums in Excel; the rules, caps, deductions and missing reasons as wrapped text.
 */
import ExcelJS from 'exceljs';
import { SCORE_COLUMNS, type ScoreSheetRow } from '../../../shared/forms/score-sheet';

const NUMBER_FORMATS: Readonly<Record<string, string>> = {
  budget: '#,##0.00',
  actual: '#,##0.00',
  rate: '0.00%',
};

/** The display text of a figure column as a number for the cell (display only: the sheet is a report, never read back). */
function cellValue(key: string, text: string): string | number | null {
  if (text === '') return null;
  if (key === 'rate') return Number(text.replace('%', '')) / 100;
  return Number(text.replace(/,/g, ''));
}

export async function scoreWorkbook(rows: readonly ScoreSheetRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('自评得分一览', { views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }] });
  sheet.mergeCells(1, 1, 1, SCORE_COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = sheet.getRow(2);
  SCORE_COLUMNS.forEach((column, i) => {
    header.getCell(i + 1).value = column.header;
    sheet.getColumn(i + 1).width = column.width;
  });
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const row of rows) {
    const line = sheet.addRow(SCORE_COLUMNS.map((column) => (column.numeric ? cellValue(column.key, column.text(row)) : column.text(row))));
    SCORE_COLUMNS.forEach((column, i) => {
      const cell = line.getCell(i + 1);
      cell.alignment = { vertical: 'top', wrapText: !column.numeric, horizontal: column.numeric ? 'right' : 'left' };
      if (column.numeric) cell.numFmt = NUMBER_FORMATS[column.key] ?? '0.0#';
    });
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: SCORE_COLUMNS.length } };
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

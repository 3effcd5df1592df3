/**
 * The 决算公开资料 sheet (shared/report/inputs.ts) as a sheet plan: a title, one header row, then one
 * line per input — amounts and counts as numbers, texts as written, the "上年原因,请核实" mark beside
 * a carried text — and each line's key in a hidden column for the importer (inputs-read.ts).
 */
import { SCALE, parseAmount } from '../../../shared/money';
import { DRAFT_MARK, INPUTS_SHEET, INPUTS_TITLE, INPUT_COLUMNS, KEY_COLUMN, KEY_MARKER, type InputLine } from '../../../shared/report';
import { lineCount, type CellStyle, type PlanCell, type Range, type SheetPlan } from './plan';
import { DRAFT } from './text';

const FIRST_LINE = 3;

/** The sheet's name in a workbook (drafts mark every sheet). */
export const inputsSheetName = (draft: boolean) => (draft ? `${INPUTS_SHEET}(${DRAFT})` : INPUTS_SHEET);

function valueCell(line: InputLine): { value: string | number | null; style: CellStyle } {
  if (line.text === null) return { value: null, style: line.kind === 'amount' ? 'amount' : 'text' };
  // Stored texts were checked when saved; an amount or count prints as a number the sheet can add up.
  if (line.kind === 'amount') return { value: parseAmount(line.text)! / SCALE, style: 'amount' };
  if (line.kind === 'count') return { value: Number(line.text), style: 'number' };
  return { value: line.text, style: 'text' };
}

/** Lines a text takes in a column `width` characters wide (its own line breaks included). */
const linesOf = (text: string, width: number) => text.split('\n').reduce((sum, part) => sum + lineCount(part, width), 0);

export function planInputs(lines: readonly InputLine[], draft: boolean): SheetPlan {
  const width = INPUT_COLUMNS.length;
  const widths = INPUT_COLUMNS.map((column) => column.width);
  const cells: PlanCell[] = [{ row: 1, col: 1, value: draft ? `${INPUTS_TITLE}(${DRAFT})` : INPUTS_TITLE, style: 'title' }];
  const merges: Range[] = [{ top: 1, left: 1, bottom: 1, right: width }];
  const rowHeights = new Map([[1, 28]]);
  INPUT_COLUMNS.forEach((column, i) => cells.push({ row: 2, col: i + 1, value: column.header, style: 'header' }));
  cells.push({ row: 2, col: KEY_COLUMN, value: KEY_MARKER, style: 'data' });

  let sectionStart = FIRST_LINE;
  lines.forEach((line, i) => {
    const row = FIRST_LINE + i;
    if (i === 0 || lines[i - 1].section !== line.section) {
      if (row - 1 > sectionStart) merges.push({ top: sectionStart, left: 1, bottom: row - 1, right: 1 });
      sectionStart = row;
      cells.push({ row, col: 1, value: line.section, style: 'text' });
    }
    cells.push({ row, col: 2, value: line.label, style: 'text' });
    cells.push({ row, col: 3, ...valueCell(line) });
    if (line.draft) cells.push({ row, col: 4, value: DRAFT_MARK, style: 'center' });
    cells.push({ row, col: KEY_COLUMN, value: line.key, style: 'data' });
    const tall = Math.max(linesOf(line.label, widths[1]), line.kind === 'text' && line.text ? linesOf(line.text, widths[2]) : 1);
    // Excel's tallest row is 409 points; a longer text scrolls inside its cell.
    if (tall > 1) rowHeights.set(row, Math.min(409, 15 * tall + 3));
  });
  const last = FIRST_LINE + lines.length - 1;
  if (last > sectionStart) merges.push({ top: sectionStart, left: 1, bottom: last, right: 1 });

  return {
    name: inputsSheetName(draft),
    table: INPUTS_SHEET,
    width,
    cells,
    merges,
    columnWidths: widths,
    rowHeights,
    header: { first: 2, last: 2 },
    grid: { first: 2, last },
    orientation: 'portrait',
    hiddenColumns: [KEY_COLUMN],
  };
}

import type { CellEdit, YearChange } from '../../../shared/contract';
import { codeLevel, type PrintedLayout, type TableDef, type YearModel } from '../../../shared/tables';

export interface PastePlan {
  change: YearChange;
  /** Pasted cells that landed on computed, linked or label cells and were left alone. */
  skipped: number;
  /** Code rows the paste creates. */
  newCodes: string[];
}

const CODE = /^\d{7}$/;

/**
 * Maps a pasted block onto the table from the focused cell. In a functional table a block whose
 * first column holds 科目代码, pasted on the code column, creates those rows and fills the value
 * columns after the name column; otherwise cells map one to one onto the printed lines.
 */
export function planPaste(def: TableDef, layout: PrintedLayout, model: YearModel, start: { line: number; columnId: string }, block: string[][]): PastePlan {
  const startColumn = layout.columns.findIndex((column) => column.id === start.columnId);
  const cells: CellEdit[] = [];
  const newCodes: string[] = [];
  let skipped = 0;
  const valueText = (text: string) => (text.trim() === '' ? null : text.trim());

  const codeMode = def.kind === 'functional' && layout.columns[startColumn]?.kind === 'code' && block.some((row) => CODE.test(row[0]?.trim() ?? ''));
  if (codeMode) {
    const valueColumns = layout.columns.filter((column) => column.kind === 'value');
    for (const row of block) {
      const code = row[0]?.trim() ?? '';
      // A block copied from a printed table carries the 科目名称 after the code; skip it when it is text.
      const values = row.length > valueColumns.length + 1 || (row[1] !== undefined && /[^\d.,\s()-]/.test(row[1])) ? row.slice(2) : row.slice(1);
      if (!CODE.test(code)) {
        skipped += values.filter((text) => text.trim() !== '').length;
        continue;
      }
      if (!model.tableInputs(def.id).codes.has(code) && !newCodes.includes(code)) newCodes.push(code);
      values.forEach((text, i) => {
        const column = valueColumns[i];
        if (!column?.col) return;
        if (def.kind === 'functional' && def.leaf[column.col]?.role === 'input') cells.push({ table: def.id, row: code, col: column.col, value: valueText(text) });
        else if (text.trim() !== '') skipped++;
      });
    }
    return { change: { addCodes: newCodes.map((code) => ({ table: def.id, code })), cells }, skipped, newCodes };
  }

  block.forEach((row, i) => {
    const line = layout.lines[start.line + i];
    row.forEach((text, j) => {
      const column = layout.columns[startColumn + j];
      const key = line && column ? line[column.side] : null;
      const rule = key && column?.col ? model.rule(def.id, key, column.col) : undefined;
      if (rule?.role === 'input' && key && column.col && !(def.kind === 'functional' && codeLevel(key) !== 3)) {
        cells.push({ table: def.id, row: key, col: column.col, value: valueText(text) });
      } else if (text.trim() !== '') skipped++;
    });
  });
  return { change: { cells }, skipped, newCodes };
}

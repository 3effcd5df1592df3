/**
 * Live totals in exported workbooks: every printed computed or linked amount becomes a spreadsheet
 * formula over the printed cells it adds up, taken from the engine's own operands (the table
 * declarations), so a clerk who corrects one figure in Excel/WPS sees 合计/小计/总计 follow. The
 * writers store the engine's value beside the formula as its cached result.
 */
import type { YearModel } from '../../../shared/tables';
import type { SheetPlan } from './plan';
import { columnLetter } from './text';

/** One addend: a cell, or a run of rows in one column (rowEnd), on sheet `sheet` (index into the plans). */
export interface Operand {
  sheet: number;
  row: number;
  rowEnd: number;
  col: number;
  sign: 1 | -1;
}

export interface CellLogic {
  role: 'input' | 'computed' | 'linked';
  /** The formula's addends; absent when the cell is written as a plain number (nothing printed to add up). */
  operands?: Operand[];
}

/** Runs of at least this many adjacent rows print as SUM(C5:C9) rather than C5+C6+C7+C8+C9. */
const RANGE_MIN = 3;

/**
 * Per sheet, per plan cell (same index as `plan.cells`): its logic, or undefined for a cell that is
 * no amount. Arrays by position, not a Map keyed by cell: a large year has a hundred thousand amount
 * cells, and hashing each one in and out again was a fifth of the export.
 */
export type SheetLogic = ReadonlyArray<ReadonlyArray<CellLogic | undefined> | undefined>;

/** Shared by every input cell and every cell written as a plain number: no object per cell. */
const PLAIN: Record<CellLogic['role'], CellLogic> = { input: { role: 'input' }, computed: { role: 'computed' }, linked: { role: 'linked' } };

/** The role and formula of every amount cell of the annex-table sheets. */
export function cellLogic(plans: readonly SheetPlan[], model: YearModel): SheetLogic {
  // table → row key → 栏次 → where it prints (nested maps: no key strings built per lookup).
  const where = new Map<string, Map<string, Map<string, { sheet: number; row: number; col: number }>>>();
  plans.forEach((plan, sheet) => {
    const rows = where.get(plan.table) ?? new Map<string, Map<string, { sheet: number; row: number; col: number }>>();
    where.set(plan.table, rows);
    for (const cell of plan.cells) {
      if (!cell.ref) continue;
      const cols = rows.get(cell.ref.row) ?? new Map<string, { sheet: number; row: number; col: number }>();
      rows.set(cell.ref.row, cols);
      cols.set(cell.ref.col, { sheet, row: cell.row, col: cell.col });
    }
  });
  return plans.map((plan) => {
    const logic: (CellLogic | undefined)[] = new Array(plan.cells.length);
    plan.cells.forEach((cell, index) => {
      if (!cell.ref) return;
      const rule = model.rule(plan.table, cell.ref.row, cell.ref.col);
      if (!rule || rule.role === 'input') {
        logic[index] = PLAIN.input;
        return;
      }
      // An empty total over printed (empty) cells is a formula too, cached as 0: it follows the first figure typed in.
      // A balance the source stated (plan.ts) stays the number it printed.
      const operands = cell.stated ? undefined : operandsOf(plan.table, cell.ref);
      logic[index] = operands ? { role: rule.role, operands } : PLAIN[rule.role];
    });
    return logic;
  });

  /** Unprinted operands are all-zero 项 rows and drop out; one that is missing yet non-zero leaves the plain value. */
  function operandsOf(table: string, ref: { row: string; col: string }): Operand[] | undefined {
    const cells: Operand[] = [];
    for (const term of model.operands(table, ref.row, ref.col)) {
      const at = where.get(term.table)?.get(term.row)?.get(term.col);
      if (at) cells.push({ sheet: at.sheet, row: at.row, rowEnd: at.row, col: at.col, sign: term.sign });
      else if ((model.value(term.table, term.row, term.col) ?? 0) !== 0) return undefined;
    }
    return cells.length ? runs(cells) : undefined;
  }
}

/**
 * Adjacent rows of one column, sheet and sign merge into one range operand, in one pass that reuses
 * operandsOf's fresh objects: a large year has tens of thousands of totals, and copying every
 * operand twice was a third of the export's formula time.
 */
function runs(cells: Operand[]): Operand[] {
  const out: Operand[] = [];
  let start = 0;
  for (let i = 1; i <= cells.length; i++) {
    const last = cells[i - 1];
    const next = cells[i];
    if (next && next.sheet === last.sheet && next.col === last.col && next.sign === last.sign && next.row === last.row + 1) continue;
    if (i - start >= RANGE_MIN) {
      cells[start].rowEnd = last.row;
      out.push(cells[start]);
    } else for (let k = start; k < i; k++) out.push(cells[k]);
    start = i;
  }
  return out;
}

/** The A1 formula (without "="), e.g. `SUM(C6:C13)`, `C5+C6-C7`, `'公开04表'!D9`. */
export function formulaText(operands: readonly Operand[], sheetNames: readonly string[], here: number): string {
  // A plain loop: this runs once per computed cell, tens of thousands of times in a large year.
  let text = '';
  for (let index = 0; index < operands.length; index++) {
    const operand = operands[index];
    const prefix = operand.sheet === here ? '' : `'${sheetNames[operand.sheet].replace(/'/g, "''")}'!`;
    const letter = columnLetter(operand.col);
    const sign = operand.sign < 0 ? '-' : index ? '+' : '';
    text += operand.rowEnd > operand.row ? `${sign}SUM(${prefix}${letter}${operand.row}:${letter}${operand.rowEnd})` : `${sign}${prefix}${letter}${operand.row}`;
  }
  return text;
}

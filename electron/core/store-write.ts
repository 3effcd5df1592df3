/** The statements of a year file's writes; YearStore runs them inside its transactions (store.ts). */
import type Database from 'better-sqlite3';
import type { Amount } from '../../shared/money';
import { writeFrameworks, type FrameworksChange } from './frameworks-store';
import { writePrintedNames, type PrintedNamesChange } from './printed-names-store';
import { applyReportTexts, type ReportTextRow } from './store-texts';
import { applyForms, type FormsChange } from './store-forms';

export interface StoredCell {
  table: string;
  row: string;
  col: string;
  value: Amount | null;
}

/** A batch of already validated changes, written by YearStore.write in one transaction. */
export interface YearChangeSet {
  cells?: StoredCell[];
  addCodes?: { table: string; code: string; name?: string }[];
  removeCodes?: { table: string; code: string }[];
  replaceAll?: boolean;
  meta?: Record<string, string>;
  /** Last year's values: replaces the stored baseline as a whole, in the same transaction. */
  baseline?: StoredCell[];
  /** Forms written with the cells (an import's forms), in the same transaction. */
  forms?: FormsChange;
  /** Printed values of computed cells: replaces those of `tables` (an import's tables). */
  printed?: { tables: string[]; cells: StoredCell[] };
  /** Printed values to forget (ones their details now reproduce), in the same transaction. */
  settledPrinted?: { table: string; row: string; col: string }[];
  /** Printed values put back (the undo of 采用计算值), in the same transaction. */
  restoredPrinted?: StoredCell[];
  /** 科目 names as printed that contradict the catalog (R-I02), in the same transaction. */
  printedNames?: PrintedNamesChange;
  /** 决算公开 texts written with the rest (an import's): `replaceAll` first clears every text. */
  reportTexts?: { texts: Record<string, ReportTextRow>; replaceAll: boolean };
  /** The scored frameworks (frameworks-store.ts), in the same transaction. */
  frameworks?: FrameworksChange;
}

/** Writes `change`; the caller runs it inside its transaction. */
export function applyChange(db: Database.Database, change: YearChangeSet): void {
  const upsert = db.prepare(
    'INSERT INTO cells (table_id, row_key, col, value) VALUES (?, ?, ?, ?) ON CONFLICT (table_id, row_key, col) DO UPDATE SET value = excluded.value',
  );
  const clear = db.prepare('DELETE FROM cells WHERE table_id = ? AND row_key = ? AND col = ?');
  const addCode = db.prepare('INSERT INTO code_rows (table_id, code, custom_name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const removeCode = db.prepare('DELETE FROM code_rows WHERE table_id = ? AND code = ?');
  const removeCodeCells = db.prepare('DELETE FROM cells WHERE table_id = ? AND row_key = ?');
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(change.meta ?? {})) setMeta.run(key, value);
  if (change.replaceAll) db.exec('DELETE FROM cells; DELETE FROM code_rows;');
  for (const code of change.addCodes ?? []) addCode.run(code.table, code.code, code.name ?? null);
  for (const code of change.removeCodes ?? []) {
    removeCode.run(code.table, code.code);
    removeCodeCells.run(code.table, code.code);
  }
  for (const cell of change.cells ?? []) {
    if (cell.value === null) clear.run(cell.table, cell.row, cell.col);
    else upsert.run(cell.table, cell.row, cell.col, cell.value);
  }
  if (change.baseline) {
    db.exec('DELETE FROM baseline_cells');
    const insert = db.prepare('INSERT INTO baseline_cells (table_id, row_key, col, value) VALUES (?, ?, ?, ?)');
    for (const cell of change.baseline) if (cell.value !== null) insert.run(cell.table, cell.row, cell.col, cell.value);
  }
  if (change.forms) applyForms(db, change.forms);
  if (change.printed) replacePrinted(db, change.printed);
  if (change.settledPrinted?.length) {
    const forget = db.prepare('DELETE FROM printed_cells WHERE table_id = ? AND row_key = ? AND col = ?');
    for (const cell of change.settledPrinted) forget.run(cell.table, cell.row, cell.col);
  }
  if (change.restoredPrinted?.length) {
    const restore = db.prepare('INSERT INTO printed_cells (table_id, row_key, col, value) VALUES (?, ?, ?, ?) ON CONFLICT (table_id, row_key, col) DO UPDATE SET value = excluded.value');
    for (const cell of change.restoredPrinted) restore.run(cell.table, cell.row, cell.col, cell.value);
  }
  if (change.printedNames) writePrintedNames(db, change.printedNames);
  if (change.reportTexts) applyReportTexts(db, change.reportTexts.texts, change.reportTexts.replaceAll);
  if (change.frameworks) writeFrameworks(db, change.frameworks);
}

function replacePrinted(db: Database.Database, { tables, cells }: { tables: string[]; cells: StoredCell[] }): void {
  const clear = db.prepare('DELETE FROM printed_cells WHERE table_id = ?');
  for (const table of tables) clear.run(table);
  const insert = db.prepare('INSERT INTO printed_cells (table_id, row_key, col, value) VALUES (?, ?, ?, ?)');
  for (const cell of cells) if (cell.value !== null) insert.run(cell.table, cell.row, cell.col, cell.value);
}

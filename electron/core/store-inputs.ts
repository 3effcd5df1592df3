/** Reading a year file's stored amounts into memory, refusing any cell the program cannot compute with. */
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract';
import { MAX_AMOUNT, type Amount } from '../../shared/money';
import { CELL_KEY_SEPARATOR, cellKey, emptyInputs, type YearInputs } from '../../shared/tables';

/** A cell of the wrong types (SQL). */
const MISTYPED_CELL = "(typeof(row_key) <> 'text' OR typeof(col) <> 'text' OR typeof(value) <> 'integer')";

/**
 * Whether a table's keys are all text and its values all integers (SQL aggregate), by SQLite's order
 * of types (numbers < text < blobs) and sum(), which stays an integer only over integers: asking
 * typeof() of three columns per cell was half of reading a large year.
 */
const WELL_TYPED = "min(row_key) >= '' AND max(row_key) < x'' AND min(col) >= '' AND max(col) < x'' AND typeof(sum(value)) = 'integer'";

/** A cell a year file cannot hold (SQL, parameters MAX_AMOUNT and −MAX_AMOUNT): wrong types, out of range, a key with a separator. */
const INVALID_CELL = `(${MISTYPED_CELL} OR value > ? OR value < ? OR instr(row_key || col, char(30)) OR instr(row_key || col, char(31)))`;

/**
 * Every input, one row per table: SQLite joins a table's cell keys into one string and their values
 * into another, which JS splits natively. Handing over one JS array per cell was most of the cost of
 * opening a large year (65,000 cells: about half the CPU time); cutting one joined string per cell
 * in a JS loop was still most of what remained.
 */
export function readInputs(db: Database.Database, path: string): YearInputs {
  const inputs: YearInputs = {};
  const tableOf = (id: string) => (inputs[id] ??= emptyInputs());
  // One pass per table: SQLite checks the types, JS the rest while it splits (a second scan with the
  // checks in SQL was a quarter of the load). A key holding the record separator splits into more
  // keys than the table has cells; one holding the unit separator (the old cell separator) is found
  // in the joined keys.
  let joined: [unknown, string | null, string | null, number, number][];
  try {
    joined = db.prepare(`SELECT table_id, group_concat(row_key || '${CELL_KEY_SEPARATOR}' || col, char(30)), group_concat(value, ','), count(*), ${WELL_TYPED} FROM cells GROUP BY table_id`).raw().all() as typeof joined;
  } catch {
    // sum() overflowing 64 bits: amounts no year file can hold.
    refuseInvalidCell(db, path);
  }
  for (const [id, keyText, valueText, count, wellTyped] of joined) {
    if (!wellTyped || typeof id !== 'string' || keyText === null || valueText === null || keyText.includes('\x1f')) refuseInvalidCell(db, path);
    const keys = keyText.split('\x1e');
    const values = valueText.split(',');
    if (keys.length !== count || values.length !== count) refuseInvalidCell(db, path);
    const cells = (tableOf(id).cells = new Map<string, Amount>());
    for (let i = 0; i < count; i++) {
      const value = Number(values[i]);
      if (!Number.isInteger(value) || value > MAX_AMOUNT || value < -MAX_AMOUNT) refuseInvalidCell(db, path);
      cells.set(keys[i], value);
    }
  }
  const codesOf = db.prepare('SELECT code FROM code_rows WHERE table_id = ?').pluck();
  for (const id of db.prepare('SELECT DISTINCT table_id FROM code_rows').pluck().all() as string[]) {
    tableOf(id).codes = new Set(codesOf.all(id) as string[]);
  }
  return inputs;
}

/** A file from elsewhere may hold anything SQLite allows: the first invalid cell is named, nothing is computed with it. */
function refuseInvalidCell(db: Database.Database, path: string): never {
  const bad = db
    .prepare(`SELECT table_id, row_key, col, value FROM cells WHERE typeof(table_id) <> 'text' OR ${INVALID_CELL} LIMIT 1`)
    .get(MAX_AMOUNT, -MAX_AMOUNT) as { table_id: unknown; row_key: unknown; col: unknown; value: unknown } | undefined;
  if (!bad) throw new ApiError('unreadable', `年度文件已损坏(单元格数据无法读取):${path}`);
  throw new ApiError('unreadable', `年度文件已损坏:${String(bad.table_id).slice(0, 20)} ${String(bad.row_key).slice(0, 20)} 第 ${String(bad.col).slice(0, 10)} 栏的数值“${String(bad.value).slice(0, 30)}”无效:${path}`);
}

/** Amounts of a keyed cell table (printed_cells, baseline_cells) by table, then cellKey(row, col). */
export function readKeyedCells(db: Database.Database, table: 'printed_cells' | 'baseline_cells'): Map<string, Map<string, Amount>> {
  const tables = new Map<string, Map<string, Amount>>();
  for (const cell of db.prepare(`SELECT table_id, row_key, col, value FROM ${table}`).iterate() as Iterable<{ table_id: string; row_key: string; col: string; value: number }>) {
    if (!tables.has(cell.table_id)) tables.set(cell.table_id, new Map());
    tables.get(cell.table_id)!.set(cellKey(cell.row_key, cell.col), cell.value);
  }
  return tables;
}

/** Reading a year file's stored amounts into memory, refusing any cell the program cannot compute with. */
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract';
import { MAX_AMOUNT, type Amount } from '../../shared/money';
import { CELL_KEY_SEPARATOR, cellKey, type PackedCells, type TableInputs, type YearInputs } from '../../shared/tables';

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
 * A table's inputs as read: the cells stay packed in arrays until something asks for the Map
 * (an edit, a view, an export); `validate` never does, and the model places the packed cells
 * straight into its own arrays (YearModel). Making 65,000 cellKey strings and Map entries was a
 * third of opening a large year, and looking each up again a large part of its first 审核.
 */
class PackedInputs implements TableInputs {
  private map?: Map<string, Amount>;
  private arrays?: PackedCells;

  constructor(
    packed: PackedCells,
    public codes: Set<string>,
  ) {
    this.arrays = packed;
  }

  get packed(): PackedCells | undefined {
    return this.arrays;
  }

  /** The cells by cellKey, in the file's order; from now on the Map, which callers change, is the truth. */
  get cells(): Map<string, Amount> {
    return this.map ?? this.unpack();
  }

  unpack(): Map<string, Amount> {
    const { rows, cols, values } = this.arrays!;
    this.map = new Map();
    for (let i = 0; i < rows.length; i++) this.map.set(cellKey(rows[i], cols[i]), values[i]);
    this.arrays = undefined;
    return this.map;
  }
}

/**
 * Every input, one row per table: SQLite joins a table's row keys into one string, its columns into
 * another and its values into a third, which JS splits natively. Handing over one JS array per cell
 * was most of the cost of opening a large year (65,000 cells: about half the CPU time).
 */
export function readInputs(db: Database.Database, path: string): YearInputs {
  // One pass per table: SQLite checks the types, JS the rest while it splits (a second scan with the
  // checks in SQL was a quarter of the load). A key holding the record separator splits into more
  // parts than the table has cells; one holding the unit separator (the old cell separator) is found
  // in the joined keys.
  let joined: [unknown, string | null, string | null, string | null, number, number][];
  try {
    joined = db.prepare(`SELECT table_id, group_concat(row_key, char(30)), group_concat(col, char(30)), group_concat(value, ','), count(*), ${WELL_TYPED} FROM cells GROUP BY table_id`).raw().all() as typeof joined;
  } catch {
    // sum() overflowing 64 bits: amounts no year file can hold.
    refuseInvalidCell(db, path);
  }
  const packed = new Map<string, PackedCells>();
  // A key with the separator in it could name another cell's key (cellKey): such a table is read into the Map, as cellKey makes it.
  const ambiguous = new Set<string>();
  for (const [id, rowText, colText, valueText, count, wellTyped] of joined) {
    if (!wellTyped || typeof id !== 'string' || rowText === null || colText === null || valueText === null || rowText.includes('\x1f') || colText.includes('\x1f')) refuseInvalidCell(db, path);
    if (rowText.includes(CELL_KEY_SEPARATOR) || colText.includes(CELL_KEY_SEPARATOR)) ambiguous.add(id);
    const rows = rowText.split('\x1e');
    const cols = colText.split('\x1e');
    const texts = valueText.split(',');
    if (rows.length !== count || cols.length !== count || texts.length !== count) refuseInvalidCell(db, path);
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const value = Number(texts[i]);
      if (!Number.isInteger(value) || value > MAX_AMOUNT || value < -MAX_AMOUNT) refuseInvalidCell(db, path);
      values[i] = value;
    }
    packed.set(id, { rows, cols, values });
  }
  const codes = new Map<string, Set<string>>();
  const codesOf = db.prepare('SELECT code FROM code_rows WHERE table_id = ?').pluck();
  for (const id of db.prepare('SELECT DISTINCT table_id FROM code_rows').pluck().all() as string[]) codes.set(id, new Set(codesOf.all(id) as string[]));
  const inputs: YearInputs = {};
  for (const id of new Set([...packed.keys(), ...codes.keys()])) {
    const cells = packed.get(id) ?? { rows: [], cols: [], values: new Float64Array(0) };
    const table = new PackedInputs(cells, codes.get(id) ?? new Set());
    if (ambiguous.has(id)) table.unpack();
    inputs[id] = table;
  }
  return inputs;
}

/**
 * A user-defined code's name. The code is named once per table that has it; the Map keeps the last
 * of the repeats. Codes and names come joined, like the cells (one JS array per row was half the
 * cost); a file whose names hold the separator, or are not text, is read row by row.
 */
export function readCustomNames(db: Database.Database): Map<string, string> {
  const [codeText, nameText, count, allText] = db
    .prepare("SELECT group_concat(code, char(30)), group_concat(custom_name, char(30)), count(*), count(*) = sum(typeof(code) = 'text' AND typeof(custom_name) = 'text') FROM code_rows WHERE custom_name IS NOT NULL")
    .raw()
    .get() as [string | null, string | null, number, number | null];
  const names = new Map<string, string>();
  if (count === 0) return names;
  const codes = allText ? codeText!.split('\x1e') : [];
  const texts = allText ? nameText!.split('\x1e') : [];
  if (codes.length !== count || texts.length !== count) {
    return new Map(db.prepare('SELECT code, custom_name FROM code_rows WHERE custom_name IS NOT NULL').raw().all() as [string, string][]);
  }
  for (let i = 0; i < count; i++) names.set(codes[i], texts[i]);
  return names;
}

/**
 * The inputs as plain Maps and Sets, for what crosses threads (汇总's unit reads, the parse worker's
 * year files): a structured clone keeps own data, not the getter that makes a packed table's Map.
 */
export function plainInputs(inputs: YearInputs): YearInputs {
  return Object.fromEntries(Object.entries(inputs).map(([table, { cells, codes }]) => [table, { cells, codes }]));
}

/** A file from elsewhere may hold anything SQLite allows: the first invalid cell is named, nothing is computed with it. */
function refuseInvalidCell(db: Database.Database, path: string): never {
  const bad = db
    .prepare(`SELECT table_id, row_key, col, value FROM cells WHERE typeof(table_id) <> 'text' OR ${INVALID_CELL} LIMIT 1`)
    .get(MAX_AMOUNT, -MAX_AMOUNT) as { table_id: unknown; row_key: unknown; col: unknown; value: unknown } | undefined;
  if (!bad) throw new ApiError('unreadable', `年度文件已损坏(单元格数据无法读取):${path}`);
  throw new ApiError('unreadable', `年度文件已损坏:${String(bad.table_id).slice(0, 20)} ${String(bad.row_key).slice(0, 20)} 第 ${String(bad.col).slice(0, 10)} 栏的数值“${String(bad.value).slice(0, 30)}”无效:${path}`);
}

/**
 * Amounts of a keyed cell table (printed_cells, baseline_cells) by table, then cellKey(row, col).
 * Joined per table like the inputs (a year with 上年数 has as many baseline cells as inputs: one
 * object per row made reading them twice as slow as opening the year); a table holding anything but
 * text keys and integer amounts is read row by row, as stored.
 */
export function readKeyedCells(db: Database.Database, table: 'printed_cells' | 'baseline_cells'): Map<string, Map<string, Amount>> {
  const tables = new Map<string, Map<string, Amount>>();
  const joined = db
    .prepare(
      `SELECT table_id, group_concat(row_key || '${CELL_KEY_SEPARATOR}' || col, char(30)), group_concat(value, ','), count(*), count(*) = sum(typeof(table_id) = 'text' AND typeof(row_key) = 'text' AND typeof(col) = 'text' AND typeof(value) = 'integer') FROM ${table} GROUP BY table_id`,
    )
    .raw()
    .all() as [string, string, string, number, number][];
  for (const [id, keyText, valueText, count, wellTyped] of joined) {
    const keys = wellTyped ? keyText.split('\x1e') : [];
    const values = wellTyped ? valueText.split(',') : [];
    if (keys.length !== count || values.length !== count) return readKeyedCellsByRow(db, table);
    const cells = new Map<string, Amount>();
    for (let i = 0; i < count; i++) cells.set(keys[i], Number(values[i]));
    tables.set(id, cells);
  }
  return tables;
}

function readKeyedCellsByRow(db: Database.Database, table: 'printed_cells' | 'baseline_cells'): Map<string, Map<string, Amount>> {
  const tables = new Map<string, Map<string, Amount>>();
  for (const cell of db.prepare(`SELECT table_id, row_key, col, value FROM ${table}`).iterate() as Iterable<{ table_id: string; row_key: string; col: string; value: number }>) {
    if (!tables.has(cell.table_id)) tables.set(cell.table_id, new Map());
    tables.get(cell.table_id)!.set(cellKey(cell.row_key, cell.col), cell.value);
  }
  return tables;
}

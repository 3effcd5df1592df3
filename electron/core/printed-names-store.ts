/**
 * The year file's printed_names (migration 11): 科目 names an imported file printed that contradict
 * the catalog (R-I02). Written inside YearStore.write's transaction; read for every 审核.
 */
import type Database from 'better-sqlite3';
import type { PrintedNames } from '../../shared/rules';

export interface PrintedNamesChange {
  /** Tables whose printed names are replaced as a whole (an import of those tables); 'all' for a load. */
  replace?: string[] | 'all';
  /** name null forgets the row's printed name (采用目录名称); a name sets it. */
  entries: { table: string; code: string; name: string | null }[];
}

export function writePrintedNames(db: Database.Database, change: PrintedNamesChange): void {
  if (change.replace === 'all') db.exec('DELETE FROM printed_names');
  else for (const table of change.replace ?? []) db.prepare('DELETE FROM printed_names WHERE table_id = ?').run(table);
  const set = db.prepare('INSERT INTO printed_names (table_id, code, name) VALUES (?, ?, ?) ON CONFLICT (table_id, code) DO UPDATE SET name = excluded.name');
  const forget = db.prepare('DELETE FROM printed_names WHERE table_id = ? AND code = ?');
  for (const { table, code, name } of change.entries) {
    if (name === null) forget.run(table, code);
    else set.run(table, code, name);
  }
}

export function loadPrintedNames(db: Database.Database): PrintedNames {
  const names: PrintedNames = new Map();
  for (const row of db.prepare('SELECT table_id, code, name FROM printed_names ORDER BY table_id, code').iterate() as Iterable<{ table_id: string; code: string; name: string }>) {
    if (!names.has(row.table_id)) names.set(row.table_id, new Map());
    names.get(row.table_id)!.set(row.code, row.name);
  }
  return names;
}

/**
 * The year file's frameworks table (migration 12): the scored frameworks (附件1.1, 附件2, 大通湖 附件5)
 * as interchange JSON. Written inside YearStore.write's transaction (a load or an import writes them
 * with everything else, all or nothing); read whole, they are few and small.
 */
import type Database from 'better-sqlite3';
import type { FrameworkDoc } from '../../shared/forms/framework-entry';
import type { FrameworkJson } from '../../shared/forms/framework';

export interface FrameworksChange {
  /** Clears every stored framework first (load, an import that carries frameworks). */
  replaceAll?: boolean;
  save?: { kind: string; doc: FrameworkDoc }[];
  remove?: { kind: string; subject_code: string }[];
}

export function writeFrameworks(db: Database.Database, change: FrameworksChange): void {
  if (change.replaceAll) db.exec('DELETE FROM frameworks');
  const save = db.prepare(
    'INSERT INTO frameworks (kind, subject_code, json, draft, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, subject_code) DO UPDATE SET json = excluded.json, draft = excluded.draft, updated_at = excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM frameworks WHERE kind = ? AND subject_code = ?');
  const now = new Date().toISOString();
  for (const { kind, subject_code } of change.remove ?? []) remove.run(kind, subject_code);
  for (const { kind, doc } of change.save ?? []) save.run(kind, doc.subject_code, JSON.stringify(doc.framework), doc.draft ? 1 : 0, now);
}

/** Every stored framework, department ones (subject_code '') first, then by kind and project code. */
export function loadFrameworks(db: Database.Database): FrameworkDoc[] {
  const rows = db.prepare('SELECT subject_code, json, draft FROM frameworks ORDER BY subject_code, kind').all() as { subject_code: string; json: string; draft: number }[];
  return rows.map((row) => ({ subject_code: row.subject_code, ...(row.draft ? { draft: true } : {}), framework: JSON.parse(row.json) as FrameworkJson }));
}

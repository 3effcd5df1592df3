/** The year file's 绩效自评 forms as stored (interchange JSON per form): the reads and writes YearStore runs (store.ts). */
import type Database from 'better-sqlite3';

/** Forms to save (replacing any under the same key) and to remove, by (subject_type, subject_code). */
export interface FormsChange {
  save?: { subject_type: string; subject_code: string; json: unknown }[];
  remove?: { subject_type: string; subject_code: string }[];
}

/** The stored forms' JSON texts: project forms by code, then the department form. */
export function readFormTexts(db: Database.Database): string[] {
  return (db.prepare('SELECT json FROM forms ORDER BY subject_type DESC, subject_code').pluck().all() as unknown[]).map(String);
}

/** Whether a form is stored under this key, and how many forms there are: without parsing any. */
export function formStats(db: Database.Database, key: { subject_type: string; subject_code: string }): { exists: boolean; count: number } {
  const row = db
    .prepare('SELECT COUNT(*) AS count, COALESCE(SUM(subject_type = ? AND subject_code = ?), 0) AS same FROM forms')
    .get(key.subject_type, key.subject_code) as { count: number; same: number };
  return { exists: row.same > 0, count: row.count };
}

/** Removes, then saves forms; the caller runs it inside its transaction. */
export function applyForms(db: Database.Database, change: FormsChange): void {
  const save = db.prepare(
    'INSERT INTO forms (subject_type, subject_code, json, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (subject_type, subject_code) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM forms WHERE subject_type = ? AND subject_code = ?');
  const now = new Date().toISOString();
  for (const form of change.remove ?? []) remove.run(form.subject_type, form.subject_code);
  for (const form of change.save ?? []) save.run(form.subject_type, form.subject_code, JSON.stringify(form.json), now);
}

/**
 * The texts a year file keeps beside its figures: 出错说明 by finding key, and the 决算公开 texts
 * (reasons, 概况, 名词解释) by key. YearStore runs the writes inside its guard and transactions (store.ts).
 */
import type Database from 'better-sqlite3';

/** A 决算公开 text as stored; `draft` = carried from last year and not yet confirmed. */
export interface ReportTextRow {
  text: string;
  draft: boolean;
}

/** 出错说明 by finding key. */
export function readExplanations(db: Database.Database): Record<string, string> {
  const rows = db.prepare('SELECT finding_key, text FROM explanations').all() as { finding_key: string; text: string }[];
  return Object.fromEntries(rows.map((row) => [row.finding_key, row.text]));
}

/** Writes (null: removes) one 出错说明. */
export function writeExplanation(db: Database.Database, key: string, text: string | null): void {
  if (text === null) db.prepare('DELETE FROM explanations WHERE finding_key = ?').run(key);
  else
    db.prepare('INSERT INTO explanations (finding_key, text, updated_at) VALUES (?, ?, ?) ON CONFLICT (finding_key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at').run(
      key,
      text,
      new Date().toISOString(),
    );
}

export function readReportTexts(db: Database.Database): Record<string, ReportTextRow> {
  const rows = db.prepare('SELECT key, text, draft FROM report_texts').all() as { key: string; text: string; draft: number }[];
  return Object.fromEntries(rows.map((row) => [row.key, { text: row.text, draft: row.draft === 1 }]));
}

/** Writes (null: removes) 决算公开 texts; `replaceAll` first clears every text (load). The caller runs it inside its transaction. */
export function applyReportTexts(db: Database.Database, texts: Record<string, ReportTextRow | null>, replaceAll: boolean): void {
  const upsert = db.prepare(
    'INSERT INTO report_texts (key, text, draft, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET text = excluded.text, draft = excluded.draft, updated_at = excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM report_texts WHERE key = ?');
  const now = new Date().toISOString();
  if (replaceAll) db.exec('DELETE FROM report_texts');
  for (const [key, value] of Object.entries(texts)) {
    if (value === null) remove.run(key);
    else upsert.run(key, value.text, value.draft ? 1 : 0, now);
  }
}

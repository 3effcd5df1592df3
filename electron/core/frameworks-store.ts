/**
 * The year file's frameworks table (migration 12): the scored frameworks (附件1.1, 附件2, 大通湖 附件5)
 * as interchange JSON. Written inside YearStore.write's transaction (a load or an import writes them
 * with everything else, all or nothing); read whole and checked, they are few and small.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract';
import { acceptFramework, FRAMEWORK_DEFS, type FrameworkDoc } from '../../shared/forms/framework-entry';
import { FRAMEWORK_KINDS, type FrameworkJson, type FrameworkKind } from '../../shared/forms/framework';
import { FormParseError } from '../../shared/forms/model';

export interface FrameworksChange {
  /** Clears every stored framework first (load, an import that carries frameworks). */
  replaceAll?: boolean;
  save?: { kind: string; doc: FrameworkDoc }[];
  remove?: { kind: string; subject_code: string }[];
}

/**
 * Writes the change inside the caller's transaction. Every way in has checked its frameworks by then,
 * each naming its own place (frameworks.ts: the page and load; xlsx/framework-sheet.ts: a workbook
 * sheet, cell by cell; loadFrameworks below: a year file read as a source), and a carried draft only
 * clears judgements of a checked one (xlsx/framework-import.ts).
 */
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

/**
 * Every stored framework, department ones (subject_code '') first, then by kind and project code.
 * A file from elsewhere may hold anything SQLite allows: a framework that is not one the declarations
 * accept is refused by name, as a damaged cell is (store.ts), rather than failing every later read.
 */
export function loadFrameworks(db: Database.Database, file: string): FrameworkDoc[] {
  const rows = db.prepare('SELECT kind, subject_code, json, draft FROM frameworks ORDER BY subject_code, kind').all() as StoredRow[];
  return rows.map((row) => ({ subject_code: String(row.subject_code), ...(row.draft ? { draft: true } : {}), framework: storedFramework(row, file) }));
}

interface StoredRow {
  kind: unknown;
  subject_code: unknown;
  json: unknown;
  draft: unknown;
}

function storedFramework(row: StoredRow, file: string): FrameworkJson {
  const refuse = (reason: string): never => {
    throw new ApiError('unreadable', `年度文件已损坏:评价指标体系“${frameworkName(row.kind, row.subject_code)}”无法读取(${reason}):${file}`);
  };
  if (typeof row.subject_code !== 'string' || typeof row.json !== 'string') return refuse('内容不是文字');
  let json: unknown;
  try {
    json = JSON.parse(row.json);
  } catch {
    return refuse('内容不是有效的数据');
  }
  const problem = frameworkProblem(row.kind, json);
  return problem ? refuse(problem) : (json as FrameworkJson);
}

const knownKind = (kind: unknown): kind is FrameworkKind => typeof kind === 'string' && (FRAMEWORK_KINDS as readonly string[]).includes(kind);

/** 附件2-项目编码, as the workbook names its sheet. */
function frameworkName(kind: unknown, subjectCode: unknown): string {
  return `${knownKind(kind) ? FRAMEWORK_DEFS[kind].attachment : String(kind).slice(0, 20)}${subjectCode ? `-${String(subjectCode).slice(0, 30)}` : ''}`;
}

/** Why `framework` cannot be stored as a framework of `kind`, in the clerk's words; null when it can. */
function frameworkProblem(kind: unknown, framework: unknown): string | null {
  if (!knownKind(kind)) return '不是决算通的评价指标体系';
  try {
    return acceptFramework(framework, []).framework.framework === kind ? null : '内容与表名不符';
  } catch (error) {
    if (error instanceof FormParseError || error instanceof RangeError) return error.message;
    throw error;
  }
}

/**
 * Forward-only schema migrations. Each runs once, in order, inside the transaction that
 * records it in `schema_migrations`; a file whose newest migration is unknown here was
 * written by a newer 决算通 and is refused rather than guessed at.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract';

export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      -- Input cells only; computed and linked cells are derived from the declarations.
      -- value: integer count of 0.0001 万元 (1 元).
      CREATE TABLE cells (
        table_id TEXT NOT NULL, row_key TEXT NOT NULL, col TEXT NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (table_id, row_key, col)
      ) WITHOUT ROWID;
      -- The 项 codes chosen in each functional table; custom_name for codes the catalog lacks.
      CREATE TABLE code_rows (
        table_id TEXT NOT NULL, code TEXT NOT NULL, custom_name TEXT,
        PRIMARY KEY (table_id, code)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    sql: `
      -- 出错说明 written on warnings, under the finding's stable key (rule|table|row|col).
      CREATE TABLE explanations (finding_key TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;
      -- 绩效自评 forms in their interchange form (SPEC §3.8 field names, amounts as decimal strings):
      -- one per project (subject_code = 项目编码) and one department form (subject_code = '').
      CREATE TABLE forms (
        subject_type TEXT NOT NULL CHECK (subject_type IN ('project', 'department')),
        subject_code TEXT NOT NULL,
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (subject_type, subject_code)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    sql: `
      -- Last year's values (上年数, SPEC §5.1) for every cell, inputs and computed alike, as last year
      -- printed them; read-only here, replaced as a whole by each baseline import. Where they came from
      -- (year, unit, source file) is kept in meta under baseline_*.
      CREATE TABLE baseline_cells (
        table_id TEXT NOT NULL, row_key TEXT NOT NULL, col TEXT NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (table_id, row_key, col)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    sql: `
      -- The year's official 科目 table imported from a workbook (科目代码, 科目名称): names here come
      -- before the built-in catalog's. kind: 功能分类 (2xx) or 经济分类 (3xx).
      CREATE TABLE catalog_codes (
        code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('function', 'economic'))
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    sql: `
      -- Computed and linked cells as the imported workbook printed them (issue 17): kept so that a
      -- printed total the details do not reproduce stays a finding (R-I01) until the clerk accepts
      -- the computed value (the row is deleted). Replaced per table by each import of that table.
      CREATE TABLE printed_cells (
        table_id TEXT NOT NULL, row_key TEXT NOT NULL, col TEXT NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (table_id, row_key, col)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    sql: `
      -- The 决算公开 document's own words: 主要原因 per sentence (reason.<sentence>), 概况 (profile.*),
      -- 名词解释 (glossary). draft = 1: carried from last year's file, not yet confirmed by the clerk.
      CREATE TABLE report_texts (key TEXT PRIMARY KEY, text TEXT NOT NULL, draft INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    sql: `
      -- 汇总 (consolidate*.ts): a file whose meta has key "consolidation" is a 汇总 of the units below;
      -- its summed tables are read-only (YearStore.write refuses) and it is rebuilt from these rows.
      -- seq orders the units as given; parent is the seq of the 节点汇总 file a member came in (NULL: given directly).
      CREATE TABLE consolidation_units (
        seq INTEGER PRIMARY KEY, parent INTEGER, file TEXT NOT NULL, unit_name TEXT NOT NULL, unit_code TEXT NOT NULL,
        sha256 TEXT NOT NULL, modified_at TEXT NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,
        forms TEXT NOT NULL
      );
      -- Each directly given unit's input cells as it reported them (before offsets), for drill-down.
      CREATE TABLE consolidation_cells (
        seq INTEGER NOT NULL, table_id TEXT NOT NULL, row_key TEXT NOT NULL, col TEXT NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (seq, table_id, row_key, col)
      ) WITHOUT ROWID;
      -- The offsets (调整表) applied: amount in 0.0001 万元 taken off the payer and the receiver cell.
      CREATE TABLE consolidation_offsets (
        id INTEGER PRIMARY KEY, flow TEXT NOT NULL, amount INTEGER NOT NULL, origin TEXT NOT NULL,
        payer_file TEXT NOT NULL, payer_table TEXT NOT NULL, payer_row TEXT NOT NULL, payer_col TEXT NOT NULL,
        receiver_file TEXT NOT NULL, receiver_table TEXT NOT NULL, receiver_row TEXT NOT NULL, receiver_col TEXT NOT NULL
      );
    `,
  },
  {
    version: 11,
    sql: `
      -- 科目 names as an imported workbook or interchange document printed them, where they name
      -- another 科目 than the code does (issue 17 item 11): kept so that the contradiction stays a
      -- finding (R-I02) until the clerk takes the catalog name (the row is deleted). Replaced per
      -- table by each import of that table.
      CREATE TABLE printed_names (
        table_id TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
        PRIMARY KEY (table_id, code)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 12,
    sql: `
      -- The scored frameworks (issue 15: 附件1.1, 附件2, 大通湖 附件5) in their interchange JSON, scores as
      -- exact decimal strings. subject_code: '' for a department framework, the 项目编码 for 附件2.
      -- draft = 1: carried from last year's file, not yet touched this year.
      CREATE TABLE frameworks (
        kind TEXT NOT NULL, subject_code TEXT NOT NULL, json TEXT NOT NULL, draft INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL,
        PRIMARY KEY (kind, subject_code)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 13,
    sql: `
      -- A 汇总's units' scored frameworks (issue 15): each unit's list of {unitName, unitCode, doc} as
      -- JSON, kept whole and labelled by unit (scores are not added up); '[]' in 汇总 made before.
      ALTER TABLE consolidation_units ADD COLUMN frameworks TEXT NOT NULL DEFAULT '[]';
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The newest migration applied to the file (0 for a new file). */
export function schemaVersion(db: Database.Database): number {
  return (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}

/** Brings the file `label` up to SCHEMA_VERSION, one transaction per migration. */
export function migrate(db: Database.Database, label: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new ApiError('unreadable', `此年度文件由更新版本的决算通创建(数据结构版本 ${current},本软件支持到 ${SCHEMA_VERSION}),请升级决算通后再打开:${label}`);
  }
  for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
    })();
  }
}

import { loadPrintedNames } from './printed-names-store';
import type { PrintedNames } from '../../shared/rules';
import fs from 'node:fs';
import nodePath from 'node:path';
import Database from 'better-sqlite3';
import { currentEdition, FIRST_EDITION } from '../../shared/catalog';
import { ApiError, type Numbering, type TemplateSet, type YearInfo } from '../../shared/contract';
import { type Amount } from '../../shared/money';
import { DEFAULT_FORM_REGION, type FormRegion } from '../../shared/forms/regions';
import type { YearInputs } from '../../shared/tables';
import { migrate, schemaVersion } from './migrations';
import { APPLICATION_ID, checkEdition, checkSchema, damagedFileText, headerKind, readHead } from './year-file-check';
import { READ_ONLY, writeFailure, writeFailureKind } from './write-errors';
import { CannotWrite, canWrite, nativeBinding, openDatabase, readOnlyReason } from './store-open';
import { linkIntoPlace, removeDeadBuilds } from './year-file-place';
import { readCustomNames, readInputs, readKeyedCells } from './store-inputs';
import { applyChange, type YearChangeSet } from './store-write';
import { applyForms, formStats, readFormTexts, type FormsChange } from './store-forms';
import { applyReportTexts, readExplanations, readReportTexts, writeExplanation, type ReportTextRow } from './store-texts';

export { nativeBindingPath, useNativeBinding } from './store-open';
export type { StoredCell } from './store-write';
export type { FormsChange } from './store-forms';
export type { ReportTextRow } from './store-texts';

/** A year file is about 1 MB; peeking reads larger ones only through SQLite. */
const PEEK_IN_MEMORY = 64 * 1024 * 1024;

export interface NewYear {
  fiscalYear: number;
  unitName: string;
  unitCode: string;
  template: TemplateSet;
  numbering: Numbering;
}

/**
 * One fiscal year's SQLite file. Every write runs in its own transaction with
 * synchronous=FULL in WAL mode, so an acknowledged edit survives a crash or power cut.
 */
export class YearStore {
  private revisionValue = 0;
  /** Bumped by every write that may change a form, so the forms' 审核 can tell nothing changed without reading them. */
  private formsVersionValue = 0;

  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
    /** Why writes are refused (a read-only folder or file, a foreign file read for import); undefined when writable. */
    readonly readOnly?: string,
  ) {}

  /**
   * Builds the new file under a temporary name beside the target and links it into place only when
   * complete, so a full disk or a kill leaves no half-made year file that can then be neither created
   * ("文件已存在") nor opened.
   */
  static create(path: string, year: NewYear): YearStore {
    if (fs.existsSync(path)) throw new ApiError('refused', `文件已存在:${path}`);
    if (fs.existsSync(nodePath.dirname(path)) && !canWrite(nodePath.dirname(path))) throw new ApiError('refused', `未能新建年度文件 ${path}:文件夹只读`);
    const temp = nodePath.join(nodePath.dirname(path), `.${nodePath.basename(path)}.creating-${process.pid}`);
    const removeTemp = () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
    };
    removeDeadBuilds(path);
    removeTemp();
    try {
      const db = openDatabase(temp, false);
      try {
        db.pragma(`application_id = ${APPLICATION_ID}`);
        migrate(db, path);
        const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        db.transaction(() => {
          insert.run('fiscal_year', String(year.fiscalYear));
          insert.run('unit_name', year.unitName);
          insert.run('unit_code', year.unitCode);
          insert.run('template', year.template);
          insert.run('numbering', year.numbering);
          insert.run('created_at', new Date().toISOString());
          // Pins the 科目 catalog and rule set versions: later definitions never change this file's meaning.
          insert.run('definitions_edition', String(currentEdition()));
        })();
        // Fold the WAL in: the file linked into place is complete on its own.
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      // link, unlike rename, never replaces a file that appeared meanwhile (year-file-place.ts).
      linkIntoPlace(temp, path);
    } catch (error) {
      removeTemp();
      const failure = error instanceof CannotWrite ? error.failure : writeFailureKind(error);
      if (failure) throw new ApiError('refused', `未能新建年度文件 ${path}:${failure === 'read-only' ? '文件夹只读' : '磁盘已满或无法写入'},没有留下不完整的文件`);
      if ((error as { code?: string }).code === 'EEXIST') throw new ApiError('refused', `文件已存在:${path}`);
      throw error;
    }
    removeTemp();
    return YearStore.open(path);
  }

  static open(path: string): YearStore {
    if (!fs.existsSync(path)) throw new ApiError('unreadable', `找不到年度文件:${path}`);
    const head = readHead(path);
    if (!head) throw new ApiError('unreadable', `不是决算通年度文件(不是普通文件):${path}`);
    if (headerKind(head) !== 'year-file') throw new ApiError('unreadable', `不是决算通年度文件:${path}`);
    const cannotWrite = readOnlyReason(path);
    if (cannotWrite) return YearStore.openReadOnlyFile(path, cannotWrite);
    let db: Database.Database;
    try {
      db = openDatabase(path, true);
    } catch (error) {
      // A full disk cannot even take the WAL's index: the file is still shown and exported, not written.
      if (error instanceof CannotWrite) return YearStore.openReadOnlyFile(path, error.message);
      throw error;
    }
    return YearStore.checked(path, db);
  }

  /** The file as it is on disk, in memory; refused while a WAL holds edits not yet folded in (they would be missed). */
  private static openReadOnlyFile(path: string, reason: string): YearStore {
    const wal = `${path}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw new ApiError('refused', `${reason};文件还有未合并的修改,请先腾出磁盘空间或改为可写后再打开:${path}`);
    return YearStore.openReadOnly(path, fs.readFileSync(path), reason);
  }

  /**
   * A year file held in memory (a foreign file being imported, or one in a read-only folder): the
   * same checks and migrations as on disk, then no writes at all (query_only).
   */
  static openReadOnly(label: string, bytes: Buffer, reason: string): YearStore {
    if (headerKind(bytes.subarray(0, 100)) !== 'year-file') throw new ApiError('unreadable', `不是决算通年度文件:${label}`);
    const image = Buffer.from(bytes);
    // An in-memory database cannot be in WAL mode: mark the image as a rollback-journal file.
    image[18] = 1;
    image[19] = 1;
    let db: Database.Database;
    try {
      db = new Database(image, { nativeBinding });
    } catch {
      throw new ApiError('unreadable', `不是决算通年度文件(无法作为数据库读取):${label}`);
    }
    const store = YearStore.checked(label, db, reason);
    db.pragma('query_only = ON');
    return store;
  }

  /** Schema checked before any other query, then migrated; the handle is closed on any failure. */
  private static checked(label: string, db: Database.Database, readOnly?: string): YearStore {
    try {
      checkSchema(db, label);
      checkEdition(db, label);
      // Damage inside (a failing disk or USB stick, a copy cut short) is found before anything is migrated, read or written.
      if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new ApiError('unreadable', damagedFileText({ code: 'SQLITE_CORRUPT' }, label)!);
      migrate(db, label);
      return new YearStore(label, db, readOnly);
    } catch (error) {
      db.close();
      if (error instanceof ApiError) throw error;
      const damaged = damagedFileText(error, label);
      if (damaged) throw new ApiError('unreadable', damaged);
      throw new ApiError('unreadable', `不是决算通年度文件(无法作为数据库读取):${label}`);
    }
  }

  /** Year, unit and version without loading the year (listing the data folder); null when it is no year file. */
  static peek(path: string, file: string): YearInfo | null {
    const head = readHead(path);
    if (!head || headerKind(head) !== 'year-file') return null;
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
      checkSchema(db, path);
      return new YearStore(path, db, READ_ONLY).info(file);
    } catch {
      // A read-only folder without the WAL's shared-memory file: read a small file in memory instead.
      if (fs.statSync(path).size > PEEK_IN_MEMORY) return null;
      let store: YearStore | undefined;
      try {
        store = YearStore.openReadOnly(path, fs.readFileSync(path), READ_ONLY);
        return store.info(file);
      } catch {
        return null;
      } finally {
        store?.close();
      }
    } finally {
      db?.close();
    }
  }

  close(): void {
    this.db.close();
  }

  /** Runs a write; a read-only store refuses it, a full disk or failing device is said in words. */
  private guard<T>(write: () => T): T {
    if (this.readOnly) throw new ApiError('refused', this.readOnly);
    try {
      return write();
    } catch (error) {
      const failure = writeFailure(error);
      if (failure) throw new ApiError('refused', failure);
      throw error;
    }
  }

  /** Folds the WAL into the main file, so a copy of the file alone holds every committed edit. */
  checkpoint(): void {
    if (!this.readOnly) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Counts acknowledged writes while this handle is open; the renderer uses it to order responses. */
  get revision(): number {
    return this.revisionValue;
  }

  /**
   * The meta table as last read: info is asked for on every table lookup (per edited cell of an
   * import, per sheet of an export), and meta changes only through write/writeForms, which drop it.
   */
  private metaCache: { values: Record<string, string>; schemaVersion: number } | null = null;

  info(file: string): YearInfo {
    this.metaCache ??= {
      values: Object.fromEntries(this.db.prepare('SELECT key, value FROM meta').raw().all() as [string, string][]),
      schemaVersion: schemaVersion(this.db),
    };
    const meta = this.metaCache.values;
    const fiscalYear = Number(meta.fiscal_year);
    if (!Number.isInteger(fiscalYear) || typeof meta.unit_name !== 'string') throw new ApiError('unreadable', `年度文件已损坏(年度或单位无效):${this.path}`);
    return {
      file,
      fiscalYear,
      unitName: meta.unit_name,
      unitCode: meta.unit_code ?? '',
      template: (meta.template ?? '9') as TemplateSet,
      numbering: (meta.numbering ?? '公开') as Numbering,
      formRegion: (meta.form_region ?? DEFAULT_FORM_REGION) as FormRegion,
      schemaVersion: this.metaCache.schemaVersion,
      definitionsEdition: Number(meta.definitions_edition ?? FIRST_EDITION),
    };
  }

  /** Every input, one row per table (store-inputs.ts). */
  loadInputs(): YearInputs {
    return readInputs(this.db, this.path);
  }

  /** User-defined codes' names (store-inputs.ts). */
  customNames(): Map<string, string> {
    return readCustomNames(this.db);
  }

  /** Writes a batch of already validated changes in one transaction. */
  write(change: YearChangeSet): number {
    // 上年数 are not the summed tables: a 汇总 takes last year's 汇总 as its baseline (import --baseline).
    const touchesTables = change.cells?.length || change.addCodes?.length || change.removeCodes?.length || change.replaceAll || change.printedNames?.entries.length;
    if (touchesTables && this.meta('consolidation') !== undefined) {
      throw new ApiError('refused', `${this.path} 是汇总结果,汇总的表只读:请修改单位文件后重新汇总`);
    }
    this.metaCache = null;
    return this.guard(() => {
      if (change.forms) this.formsVersionValue++;
      this.db.transaction(() => applyChange(this.db, change))();
      return ++this.revisionValue;
    });
  }

  /** Printed values of computed cells kept from imports, by table, then cellKey(row, col). */
  loadPrinted(): Map<string, Map<string, Amount>> {
    return readKeyedCells(this.db, 'printed_cells');
  }

  /** 科目 names as imported files printed them, where they contradict the catalog (R-I02). */
  loadPrintedNames(): PrintedNames {
    return loadPrintedNames(this.db);
  }

  /** Last year's values (上年数) by table, then cellKey(row, col); empty when no baseline was imported. */
  loadBaseline(): Map<string, Map<string, Amount>> {
    return readKeyedCells(this.db, 'baseline_cells');
  }

  /** The connection, for modules that own tables of their own (consolidate-store.ts keeps its SQL there). */
  get database(): Database.Database {
    return this.db;
  }

  /** Meta entries, e.g. baseline_fiscal_year. */
  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  /** The year's 绩效自评 forms as stored (interchange JSON), project forms by code, then the department form. */
  formDocs(): unknown[] {
    return this.formTexts().map((text) => this.parseFormText(text));
  }

  /** One stored form's JSON; a damaged one makes the file unreadable, by name. */
  parseFormText(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError('unreadable', `年度文件已损坏(绩效自评表数据无法读取):${this.path}`);
    }
  }

  /** The stored forms' JSON texts, in formDocs order: unchanged forms keep their text, so it keys their cached checks. */
  formTexts(): string[] {
    return readFormTexts(this.db);
  }

  get formsVersion(): number {
    return this.formsVersionValue;
  }

  /** Whether a form is stored under this key, and how many forms there are: without parsing any. */
  formStats(key: { subject_type: string; subject_code: string }): { exists: boolean; count: number } {
    return formStats(this.db, key);
  }

  /** Writes forms (replacing any under the same key) and removes others, in one transaction. */
  writeForms(change: FormsChange & { replaceAll?: boolean; meta?: Record<string, string> }): number {
    this.formsVersionValue++;
    this.metaCache = null;
    return this.guard(() => {
      const setMeta = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      this.db.transaction(() => {
        if (change.replaceAll) this.db.exec('DELETE FROM forms');
        for (const [key, value] of Object.entries(change.meta ?? {})) setMeta.run(key, value);
        this.formsVersionValue++;
        applyForms(this.db, change);
      })();
      return ++this.revisionValue;
    });
  }

  /** Replaces every input and every form at once (load, import): one transaction, all or nothing. */
  writeAll(change: YearChangeSet, forms: { subject_type: string; subject_code: string; json: unknown }[]): number {
    return this.guard(() => {
      this.db.transaction(() => {
        this.write(change);
        this.writeForms({ replaceAll: true, save: forms });
      })();
      return this.revisionValue;
    });
  }

  /** The imported official 科目 table: code → name, by kind. */
  catalogCodes(): { code: string; name: string; kind: 'function' | 'economic' }[] {
    return this.db.prepare('SELECT code, name, kind FROM catalog_codes ORDER BY code').all() as { code: string; name: string; kind: 'function' | 'economic' }[];
  }

  /** Replaces the imported 科目 table as a whole. */
  replaceCatalog(codes: { code: string; name: string; kind: 'function' | 'economic' }[]): number {
    return this.guard(() => {
      const insert = this.db.prepare('INSERT INTO catalog_codes (code, name, kind) VALUES (?, ?, ?)');
      this.db.transaction(() => {
        this.db.exec('DELETE FROM catalog_codes');
        for (const code of codes) insert.run(code.code, code.name, code.kind);
      })();
      return ++this.revisionValue;
    });
  }

  /** 出错说明 by finding key. */
  explanations(): Record<string, string> {
    return readExplanations(this.db);
  }

  setExplanation(key: string, text: string | null): number {
    return this.guard(() => {
      writeExplanation(this.db, key, text);
      return ++this.revisionValue;
    });
  }

  /** The 决算公开 texts (reasons, 概况, 名词解释) by key. */
  reportTexts(): Record<string, ReportTextRow> {
    return readReportTexts(this.db);
  }

  /** Writes (null: removes) 决算公开 texts in one transaction; `replaceAll` first clears every text (load); `meta` entries ride along (null: removed). */
  writeReportTexts(texts: Record<string, ReportTextRow | null>, replaceAll = false, meta: Record<string, string | null> = {}): number {
    this.metaCache = null;
    return this.guard(() => {
      this.db.transaction(() => {
        applyReportTexts(this.db, texts, replaceAll);
        for (const [key, value] of Object.entries(meta)) {
          if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
          else this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
        }
      })();
      return ++this.revisionValue;
    });
  }
}

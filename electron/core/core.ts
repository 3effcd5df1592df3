import fs from 'node:fs';
import path from 'node:path';
import { yearFileNameProblem } from '../../shared/file-name';
import { ApiError, checkCall, type Api, type Args, type MethodName, type Results } from '../../shared/contract';
import { canSubmit } from '../../shared/rules';
import { withPrintedLabels } from '../../shared/tables';
import { groupApi } from './consolidate-api';
import { isConsolidation } from './consolidate-store';
import { YearSession } from './year-session';
import { currentFindings, freshFindings } from './latest-findings';
import { YearStore, type NewYear } from './store';
import { buildingPathOf, discardBuilt, placeBuilt } from './year-file-place';
import { damagedFileText } from './year-file-check';
import { acquireYearLock, heldElsewhere, releaseYearLock } from './file-lock';
import { removeStaleTemp } from './temp-folders';
import { withFileStats } from './file-stats';
import { setReportText } from './report/source';
import { scoreSheet } from '../../shared/forms/score-sheet';
import { deleteFramework, saveFramework, scoredFrameworks } from './frameworks';
import type { PdfPrinter } from './report/pdf-page';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Workbook readers and writers (@e965/xlsx for .xls) load when a call needs them, not at start-up:
// `validate` of a year file and the CLI's `help` never pay for them (test/integration/cli-lazy-start.test.ts).
const workbookImport = () => import('./xlsx/import');

/** An edit's refusal names tables as the year prints them (四川: “表六 科目 …”, not the inner “公开05表”). */
function inPrintedNames<T>(session: YearSession, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ApiError) throw new ApiError(error.kind, withPrintedLabels(error.message, session.info.template, session.info.numbering));
    throw error;
  }
}

export interface CoreOptions {
  /** Turns the `file` argument into a path: any path for the CLI, names inside one folder for the app hosts. */
  resolveFile(file: string): string;
  /**
   * Turns a unit file read for a 汇总 into a path (default: resolveFile). `recordedIn` is the 汇总
   * whose record names it, when it is read for that 汇总's re-汇总: the desktop app then reaches
   * exactly the files the record names, even by full path outside the data folder (a CLI-made 汇总).
   */
  resolveUnitFile?(file: string, recordedIn?: string): string;
  /** The folder listed by listYears (app hosts only). */
  dataDir?: string;
  /** How other processes name this one while it edits a year file (决算通桌面版, 浏览器模式, 命令行). */
  editor?: string;
  /** Prints the 决算公开 PDF; the desktop app passes its own Chromium's (default: Chromium through playwright-core). */
  printPdf?: PdfPrinter;
}

/** Year files in the app's data folder are plain names (shared/file-name.ts): no folders, no way out of it. */
export function inDataDir(dataDir: string) {
  return (file: string): string => {
    const problem = yearFileNameProblem(file);
    if (problem) throw new ApiError('refused', `年度文件名“${JSON.stringify(file).slice(1, -1)}”无效:${problem}`);
    return path.join(dataDir, file);
  };
}

/** The one implementation of the contract; every host wraps it. */
export function createCore(options: CoreOptions): Api & { call(method: unknown, args: unknown): Promise<unknown>; close(): void } {
  /** Year files this core edits, each holding the file's edit lock (file-lock.ts). */
  const sessions = new Map<string, YearSession>();
  const editor = options.editor ?? '决算通';
  removeStaleTemp();

  /** The session to change a year file through: takes the file's edit lock first, so another editor is named, never raced. */
  const editing = (file: string): YearSession => {
    const fullPath = options.resolveFile(file);
    let open = sessions.get(fullPath);
    if (!open) {
      acquireYearLock(fullPath, editor);
      let store: YearStore | null = null;
      try {
        store = YearStore.open(fullPath);
        open = new YearSession(file, store);
      } catch (error) {
        store?.close();
        releaseYearLock(fullPath);
        throw error;
      }
      sessions.set(fullPath, open);
    }
    return open;
  };

  /** Closes the session of a year file this core edits (writing back its log) and gives up its edit lock. */
  const release = (fullPath: string): boolean => {
    const open = sessions.get(fullPath);
    if (!open) return false;
    open.store.close();
    sessions.delete(fullPath);
    releaseYearLock(fullPath);
    return true;
  };

  /**
   * Reading needs no lock: the file this core edits is read through its session; any other file is
   * opened fresh for this one call (another process may be editing it) and closed again.
   */
  const reading = async <T>(file: string, read: (open: YearSession) => T | Promise<T>): Promise<T> => {
    const fullPath = options.resolveFile(file);
    const edited = sessions.get(fullPath);
    if (edited) return read(edited);
    const store = YearStore.open(fullPath);
    try {
      return await read(new YearSession(file, store));
    } finally {
      store.close();
    }
  };

  /**
   * Forgets the printed totals an older import kept that the details reproduce (YearSession). It is
   * tidying, not the clerk's edit: a file that cannot be written (read-only folder, full disk) still
   * opens to be viewed and exported, and is tidied at an opening that can write.
   */
  const tidyPrinted = (open: YearSession) => {
    if (open.store.readOnly) return;
    try {
      open.forgetReproducedPrinted();
    } catch (error) {
      if (!(error instanceof ApiError && error.kind === 'refused')) throw error;
    }
  };

  /** Last year's year file as the baseline of a new one (the same import as 导入上年数据); its warnings are returned. */
  const startFrom = async (created: YearSession, source: string): Promise<string[]> => {
    const sourcePath = options.resolveFile(source);
    sessions.get(sourcePath)?.store.checkpoint();
    if (!fs.existsSync(sourcePath)) throw new ApiError('unreadable', `找不到上年年度文件:${source}`);
    const { readUntrusted } = await import('./untrusted-file');
    // Another program may have it open: its acknowledged edits count (read-unit-file.ts).
    const { withLoggedEdits } = await import('./read-unit-file');
    const bytes = withLoggedEdits(sourcePath, readUntrusted(sourcePath, Number.MAX_SAFE_INTEGER));
    const { commitImport } = await workbookImport();
    return (await commitImport(created, { name: path.basename(source), bytes, baseline: true })).warnings;
  };

  /** A new year with last year's file as its baseline, appearing under its name only once both are in (year-file-place.ts). */
  const builtFrom = async (file: string, fullPath: string, year: NewYear, source: string): Promise<{ store: YearStore; warnings: string[] }> => {
    const building = buildingPathOf(fullPath);
    const store = YearStore.create(building, year);
    let warnings: string[];
    try {
      warnings = await startFrom(new YearSession(file, store), source);
      store.checkpoint();
    } catch (error) {
      store.close();
      discardBuilt(building);
      throw error;
    }
    store.close();
    placeBuilt(building, fullPath);
    return { store: YearStore.open(fullPath), warnings };
  };

  const api: Api = {
    async listYears() {
      const dir = options.dataDir;
      if (!dir) throw new ApiError('refused', 'listYears 只在应用中可用');
      const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => !yearFileNameProblem(name)).sort() : [];
      const infos = [];
      for (const name of names) {
        // Open files answer from memory; the others are only peeked at (header, schema, meta), never
        // loaded: a crafted or huge file in the folder cannot stall the list the app shows at every start.
        const open = sessions.get(path.join(dir, name));
        const info = open ? open.info : YearStore.peek(path.join(dir, name), name);
        if (info) infos.push(info);
      }
      return infos.map((info) => withFileStats(dir, info));
    },
    async createYear(args) {
      const fullPath = options.resolveFile(args.file);
      fs.mkdirSync(path.dirname(fullPath), { recursive: true });
      acquireYearLock(fullPath, editor);
      let store: YearStore;
      let warnings: string[] = [];
      try {
        if (fs.existsSync(fullPath)) throw new ApiError('refused', `文件已存在:${fullPath}`);
        const year = {
          fiscalYear: args.fiscalYear,
          unitName: args.unitName.trim(),
          unitCode: args.unitCode?.trim() ?? '',
          template: args.template ?? '9',
          numbering: args.numbering ?? '公开',
        };
        if (args.baselineFrom) ({ store, warnings } = await builtFrom(args.file, fullPath, year, args.baselineFrom));
        else store = YearStore.create(fullPath, year);
      } catch (error) {
        releaseYearLock(fullPath);
        throw error;
      }
      const created = new YearSession(args.file, store);
      sessions.set(fullPath, created);
      return warnings.length ? { ...created.info, baselineWarnings: warnings } : created.info;
    },
    // Opening a year in the app is opening it for editing: the lock is taken now, not at the first keystroke.
    // A year another program edits opens to be viewed, checked and exported; its edits are refused naming that program.
    async openYear({ file }) {
      const viewOnly = heldElsewhere(options.resolveFile(file));
      if (viewOnly) return reading(file, (open) => ({ ...open.snapshot(), readOnly: viewOnly }));
      const open = editing(file);
      tidyPrinted(open);
      const readOnly = open.store.readOnly;
      return readOnly ? { ...open.snapshot(), readOnly } : open.snapshot();
    },
    async getTable({ file, table }) {
      return reading(file, (open) => open.view(table));
    },
    async setCells({ file, edits }) {
      const session = editing(file);
      return { revision: inPrintedNames(session, () => session.edit({ cells: edits })) };
    },
    async edit({ file, ...change }) {
      const session = editing(file);
      return { revision: inPrintedNames(session, () => session.edit(change)) };
    },
    async saveForm({ file, form, replace }) {
      return editing(file).saveForm(form, replace);
    },
    async deleteForm({ file, subject_type, subject_code }) {
      return { revision: editing(file).deleteForm({ subject_type, subject_code }) };
    },
    async setSupplementary({ file, values }) {
      return { revision: editing(file).setSupplementary(values) };
    },
    async setFormRegion({ file, region }) {
      return { revision: editing(file).setFormRegion(region) };
    },
    async importCatalog({ file, name, dataBase64 }) {
      const open = editing(file);
      const { readCatalogWorkbook } = await import('./catalog-import');
      const { codes, skipped } = await readCatalogWorkbook(Buffer.from(dataBase64, 'base64'), name);
      const count = (kind: string) => codes.filter((entry) => entry.kind === kind).length;
      return { revision: open.importCatalog(codes), function: count('function'), economic: count('economic'), skipped };
    },
    async validate({ file }) {
      const findings = await reading(file, freshFindings);
      return { findings, canSubmit: canSubmit(findings) };
    },
    async explain({ file, key, text }) {
      return { revision: editing(file).explain(key, text) };
    },
    async exportWorkbook({ file, format = 'xlsx', draft = false, protect = false, printAudit = false }) {
      const { exportWorkbook } = await import('./xlsx/export');
      const { yearInputLines } = await import('./report/inputs-source');
      const { frameworkSheets } = await import('./xlsx/framework-sheet');
      const workbook = await reading(file, (open) => {
        // 审核 decides what may go out as final: an error blocks it (SPEC §0.4); a draft always may, marked as such.
        const findings = currentFindings(open);
        const errors = findings.filter((finding) => finding.severity === 'error').length;
        if (!draft && errors) {
          // A 汇总's amounts are read-only here: its errors are corrected in the unit files its 审核 names.
          const fix = isConsolidation(open.store) ? '请按审核面板所列在单位文件中改正,按原汇总重新汇总后再导出' : '请修正后再导出';
          throw new ApiError('refused', `审核还有 ${errors} 个错误,不能导出正式报表:${fix},或导出草稿`);
        }
        return exportWorkbook(open, { format, draft, audit: findings, protect, printAudit, inputs: yearInputLines(open), frameworks: (d, taken) => frameworkSheets(open, d, taken) });
      });
      return { name: workbook.name, mime: workbook.mime, dataBase64: workbook.bytes.toString('base64') };
    },
    async previewImport({ file, name, dataBase64, baseline = false, partial = false }) {
      const { previewImport } = await workbookImport();
      return reading(file, (open) => previewImport(open, { name, bytes: Buffer.from(dataBase64, 'base64'), baseline, partial }));
    },
    async importWorkbook({ file, name, dataBase64, baseline = false, partial = false }) {
      const { commitImport } = await workbookImport();
      return commitImport(editing(file), { name, bytes: Buffer.from(dataBase64, 'base64'), baseline, partial });
    },
    async dump({ file }) {
      return reading(file, (open) => open.dump());
    },
    async load({ file, doc }) {
      return editing(file).load(doc);
    },
    async setReportText({ file, key, text }) {
      return { revision: setReportText(editing(file), key, text) };
    },
    async scoreSheet({ file }) {
      return reading(file, (open) => scoreSheet(open.forms(), open.findings(), scoredFrameworks(open)));
    },
    async exportScoreSheet({ file }) {
      const { scoreWorkbook } = await import('./forms/score-workbook');
      const { rows, info } = await reading(file, (open) => ({ rows: scoreSheet(open.forms(), open.findings(), scoredFrameworks(open)), info: open.info }));
      const bytes = await scoreWorkbook(rows, `${info.fiscalYear}年度${info.unitName} 绩效自评得分一览`);
      return { name: `${info.fiscalYear}年度绩效自评得分一览.xlsx`, mime: XLSX_MIME, dataBase64: bytes.toString('base64') };
    },
    async saveFramework({ file, subject_code, framework }) {
      return saveFramework(editing(file), { subject_code, framework });
    },
    async deleteFramework({ file, kind, subject_code }) {
      return { revision: deleteFramework(editing(file), kind, subject_code) };
    },
    async exportReport({ file, format, draft = false }) {
      // Word, charts and PDF libraries load only when a document is asked for (CLI start-up stays quick).
      const { exportReport } = await import('./report/export');
      const report = await reading(file, (open) => exportReport(open, format, draft, options.printPdf));
      return { name: report.name, mime: report.mime, dataBase64: report.bytes.toString('base64') };
    },
    async closeYear({ file }) {
      return { closed: release(options.resolveFile(file)) };
    },
    ...groupApi(options, {
      settle: (fullPath) => sessions.get(fullPath)?.store.checkpoint(),
      release,
    }),
  };

  return {
    ...api,
    /** The door every host uses: checks the call against the contract, then runs it. */
    async call(method: unknown, args: unknown) {
      const checked = checkCall(method, args);
      const handler = api[checked.method] as (args: Args<MethodName>) => Promise<Results[MethodName]>;
      try {
        return await handler(checked.args as Args<MethodName>);
      } catch (error) {
        const file = (checked.args as { file?: unknown }).file;
        const damaged = damagedFileText(error, file);
        if (!damaged) throw error;
        // A damaged file is not kept open for editing: nothing more is read from or written to it.
        if (typeof file === 'string') release(options.resolveFile(file));
        throw new ApiError('unreadable', damaged);
      }
    },
    close() {
      for (const [fullPath, open] of sessions) {
        open.store.close();
        releaseYearLock(fullPath);
      }
      sessions.clear();
    },
  };
}

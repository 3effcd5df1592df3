/**
 * The one API between the renderer (or CLI, or a test) and the core. Every door —
 * Electron IPC, the browser-mode host, the CLI and direct calls — dispatches through
 * `METHODS`, whose schemas check the arguments before the core runs.
 */
import type { PerfFormJson } from './forms/model';
import { FORM_REGIONS, type FormRegion } from './forms/regions';
import type { ConsolidationPlan, DrillDown, FlowId, Offset, UnitFramework, ValidationReport } from './consolidation';
import type { Finding, FixIn } from './rules/types';
import type { ScoreSheetRow } from './forms/score-sheet';
import type { FrameworkDoc } from './forms/framework-entry';
import { FRAMEWORK_KINDS } from './forms/framework';
import { REPORT_TEXT_KEY } from './report/types';
import type { ConsolidatedName } from './report/organisation';
import { TEMPLATE_SET_IDS, type TemplateSet } from './tables/sets';
import { array, bool, int, json, literal, nullable, object, optional, record, str, type Schema } from './schema';

/** The most 绩效自评 forms one year file holds: every door and the workbook reader agree on it. */
export const MAX_FORMS = 2_000;

/** Where a year file lives: a path for the CLI, a bare file name inside the data folder for the app hosts. */
const file = str({ max: 1000, label: '年度文件名' });
const tableName = str({ max: 40, label: '表名' });
const cellValue = nullable(str({ max: 60 }));

export type { TemplateSet } from './tables/sets';
/** How tables are numbered in print: 公开01表… (荆门 style) or 表一… (玉林/四川 style). */
export type Numbering = '公开' | '表';

/** What a year file records about itself. */
export interface YearInfo {
  file: string;
  fiscalYear: number;
  unitName: string;
  unitCode: string;
  template: TemplateSet;
  numbering: Numbering;
  /** Which region's 绩效自评 forms the year uses (shared/forms/regions.ts). */
  formRegion: FormRegion;
  schemaVersion: number;
  /** The file's last change (ISO time) and size in bytes, for the start page's list (listYears only). */
  modifiedAt?: string;
  sizeBytes?: number;
  /** The definitions edition (科目 catalog and rule set versions) the file was created with; 1 for files older than editions. */
  definitionsEdition: number;
}

/** The stored inputs of one table in canonical decimal strings (万元): rows → 栏次 → value. */
export interface TableInputsDoc {
  /** 项 codes of a functional table, in code order (also implied by the cell keys). */
  codes?: string[];
  /** User-defined names for codes missing from the catalog. */
  names?: Record<string, string>;
  cells: Record<string, Record<string, string>>;
}

/** Everything the renderer needs to show and recompute a year live. */
export interface YearSnapshot {
  info: YearInfo;
  tables: Record<string, TableInputsDoc>;
  /** 出错说明 by finding key. */
  explanations: Record<string, string>;
  /** The 绩效自评 forms in interchange form (SPEC §3.8 field names). */
  forms: PerfFormJson[];
  /** The year's official 科目 table, when one was imported (names take precedence over the built-in catalog). */
  catalog: { code: string; name: string; kind: 'function' | 'economic' }[];
  /** 补充信息 (SPEC §1.12) as entered: field key (shared/rules/supplementary.ts) → text. */
  supplementary: Record<string, string>;
  /** Last year's values (上年数) imported as the baseline: table → "row|col" → amount; null when none. */
  baseline: Record<string, Record<string, string>> | null;
  /** Computed cells as an imported workbook printed them (R-I01): table → "row|col" → amount; absent when none. */
  printed?: Record<string, Record<string, string>>;
  /** 科目 names as an imported file printed them where they contradict the catalog (R-I02): table → code → name; absent when none. */
  printedNames?: Record<string, Record<string, string>>;
  revision: number;
  /** 决算公开 texts: reason.<sentence>, profile.*, glossary → text, draft = carried from last year unconfirmed. */
  reportTexts: Record<string, ReportTextDoc>;
  /** The scored frameworks (附件1.1, 附件2, 大通湖 附件5) as stored. */
  frameworks: FrameworkDoc[];
  /** A 汇总 file's units as consolidated (its 决算单位构成 is drafted from them); absent for a unit's own year. */
  consolidatedUnits?: ConsolidatedName[];
  /** The units a 汇总's 决算单位构成 was confirmed for (P-07 flags a re-汇总 with others); absent until confirmed. */
  confirmedOrganisation?: ConsolidatedName[];
  /**
   * A 汇总 file's errors on its summed amounts, by finding key: the unit files they are fixed in, as the
   * core worked them out from its units' figures (only the core reads those). The renderer's 审核 words them so.
   */
  unitFixes?: Record<string, FixIn>;
  /** Set when another program edits the file: this window may only view, check and export it; says who holds it. */
  readOnly?: string;
}

/** One stored text of the 决算公开 document. */
export interface ReportTextDoc {
  text: string;
  draft: boolean;
}

/**
 * One change of a year's inputs, applied in one transaction: code rows added (a name only for
 * codes the catalog lacks, stored as user-defined), cells set, code rows removed with their cells.
 */
export interface YearChange {
  addCodes?: { table: string; code: string; name?: string }[];
  cells?: CellEdit[];
  removeCodes?: { table: string; code: string }[];
  /** 科目 names as an imported file printed them (R-I02): name null forgets one (采用目录名称), a name restores it (its undo). */
  printedNames?: { table: string; code: string; name: string | null }[];
  /**
   * Computed cells as an imported workbook printed them (R-I01): value null forgets one (采用计算值,
   * one cell or 全部采用计算值 all at once), an amount puts it back (their undo).
   */
  printed?: { table: string; row: string; col: string; value: string | null }[];
}

/** One cell change; value null clears the cell. */
export interface CellEdit {
  table: string;
  row: string;
  col: string;
  value: string | null;
}

/** A table with computed and linked cells filled, as `get` prints it. */
export interface TableView {
  table: string;
  /** The table as the year's set prints it (四川 13: “表六” for 公开05表). */
  label: string;
  title: string;
  rows: { row: string; label: string; cells: Record<string, string | null> }[];
}

/** The interchange document (README "交换格式"). */
export interface InterchangeDoc {
  format: 'juesuan/1';
  fiscalYear: number;
  unit: { name: string; code: string };
  template?: TemplateSet;
  /** 表号样式 (公开01表 … or 表一 …): a file `load` creates prints its tables as the dumped one did. */
  numbering?: Numbering;
  tables: Record<string, Record<string, Record<string, string | null>>>;
  /** Forms with SPEC §3.8 field names; `dump` adds the computed exec_rate, budget_exec_score, total_score and grade. */
  forms: unknown[];
  formRegion?: FormRegion;
  /** 补充信息 (SPEC §1.12): field key → text. */
  supplementary?: Record<string, string>;
  /** 决算公开 texts (reasons, 概况, 名词解释) by key. */
  reportTexts?: Record<string, ReportTextDoc>;
  /** 科目 names a source printed that contradict the catalog (R-I02): table → code → name. */
  printedNames?: Record<string, Record<string, string>>;
  /** The scored frameworks; `dump` writes each 合计得分 as computed. */
  frameworks?: FrameworkDoc[];
}

/** A workbook for download: the app saves it through a dialog, the browser mode downloads it. */
export interface ExportedWorkbook {
  name: string;
  mime: string;
  dataBase64: string;
}

/**
 * What an import would do (previewImport) or did (importWorkbook). Nothing is written while
 * `errors` is not empty; every message names the file, sheet, row and cell.
 */
export interface ImportPreview {
  source: { name: string; kind: 'xlsx' | 'xls' | 'year-file'; fiscalYear?: number; unitName?: string; unitCode?: string };
  /** replace: each table found replaces that table's inputs; baseline: the source is last year (上年数). */
  mode: 'replace' | 'baseline';
  /** Per table found: its sheet, cells read (inputs and printed totals) and 项 codes; tableLabel is the table as this year prints it (表十, not 滇10表). */
  recognised: { table: string; tableLabel: string; sheet: string; cells: number; codes: number }[];
  /** Tables of this year's template that the source lacks (left as they are), as this year prints them. */
  missing: string[];
  /** Content skipped: row and cell as Excel shows them (row 0 = the whole sheet). */
  unrecognised: { sheet: string; row: number; cell: string; reason: string }[];
  warnings: string[];
  errors: string[];
  /** Scored frameworks found in the source (附件1.1, 附件2, 大通湖 附件5): a sheet each. */
  frameworks?: { sheet: string; title: string; subject_code: string }[];
  /** 绩效自评 forms found in the source (a form sheet each, or a year file's forms); subject_code '' for the department form. */
  forms: { sheet: string; subject_type: 'project' | 'department'; subject_code: string; subject_name: string }[];
  /** forms: forms written (replace: found forms; baseline: drafts carried from last year). */
  effect: { cells: number; cleared: number; addCodes: number; removeCodes: number; baselineCells: number; prefilled: number; forms: number };
  /** The workbook's 决算公开资料 sheet: 补充信息 fields and 决算公开 texts it holds (replace: they replace the year's; baseline: its texts come as drafts). */
  reportInputs?: { sheet: string; fields: number; texts: number };
  /**
   * Tables found but not readable, each with every reason (sheet, row, cell). Without `partial` these
   * reasons are errors too; with it the other tables are imported and these stay as they are.
   */
  notImported?: { table: string; tableLabel: string; sheet: string; reasons: string[] }[];
  /** Every printed total (computed cell) that the imported details do not reproduce, side by side. */
  mismatches?: { table: string; tableLabel: string; sheet: string; row: string; col: string; label: string; printed: string; computed: string }[];
}

/** Uploaded workbook or year file: the file name as picked, the bytes as base64 (at most 20 MB). */
const upload = {
  file,
  name: str({ max: 260, pattern: /\S/, label: '导入文件名' }),
  dataBase64: str({ max: 28_000_000, pattern: /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, label: 'base64 编码的文件内容(不超过 20 MB)' }),
  baseline: optional(bool),
  /** Import the readable tables and leave the unreadable ones (listed in the preview) as they are. */
  partial: optional(bool),
};

const reportTextKey = str({ max: 120, pattern: REPORT_TEXT_KEY, label: '决算公开文字的键(reason.…、profile.… 或 glossary)' });
const reportText = object({ text: str({ max: 20_000 }), draft: optional(bool) });
const unitCell = object({ file, table: tableName, row: str({ max: 40 }), col: str({ max: 10 }) });
/** What to consolidate: the unit files, the 汇总 unit, and the offsets as the clerk edited them (else proposed when adjust is auto). */
const consolidation = {
  files: array(file, 2_000),
  unitName: str({ max: 200, pattern: /\S/, label: '汇总单位名称' }),
  unitCode: optional(str({ max: 40 })),
  adjust: literal('auto', 'none'),
  offsets: optional(
    array(object({ flow: literal<FlowId>('补助', '上缴'), amount: str({ max: 60 }), payer: unitCell, receiver: unitCell, origin: literal('auto', 'manual') }), 10_000),
  ),
};

const edit = object({ table: tableName, row: str({ max: 40 }), col: str({ max: 10 }), value: cellValue });

export const METHODS = {
  listYears: object({}),
  createYear: object({
    file,
    fiscalYear: int(2000, 2100),
    unitName: str({ max: 200, pattern: /\S/, label: '单位名称' }),
    unitCode: optional(str({ max: 40 })),
    template: optional(literal<TemplateSet>(...TEMPLATE_SET_IDS)),
    numbering: optional(literal<Numbering>('公开', '表')),
    /** Another year file (last year's) to start from: its values become 上年数 and carry forward (SPEC §5.1). */
    baselineFrom: optional(file),
  }),
  openYear: object({ file }),
  /** The clerk leaves the year (切换年度文件): its file is closed and its edit lock released, so the CLI or a colleague can edit it. */
  closeYear: object({ file }),
  getTable: object({ file, table: tableName }),
  setCells: object({ file, edits: array(edit, 50_000) }),
  edit: object({
    file,
    addCodes: optional(array(object({ table: tableName, code: str({ max: 12, pattern: /^\d{7}$/, label: '7 位功能分类科目代码' }), name: optional(str({ max: 100, pattern: /\S/, label: '科目名称' })) }), 5_000)),
    cells: optional(array(edit, 50_000)),
    removeCodes: optional(array(object({ table: tableName, code: str({ max: 12 }) }), 5_000)),
    printedNames: optional(array(object({ table: tableName, code: str({ max: 12, pattern: /^\d{3}(\d{2}){0,2}$/, label: '功能分类科目代码' }), name: nullable(str({ max: 100 })) }), 5_000)),
    printed: optional(array(edit, 50_000)),
  }),
  saveForm: object({ file, form: json, replace: optional(object({ subject_type: literal('project', 'department'), subject_code: str({ max: 60 }) })) }),
  deleteForm: object({ file, subject_type: literal('project', 'department'), subject_code: str({ max: 60 }) }),
  setSupplementary: object({ file, values: record(nullable(str({ max: 60 }))) }),
  setFormRegion: object({ file, region: literal(...(Object.keys(FORM_REGIONS) as FormRegion[])) }),
  validate: object({ file }),
  explain: object({ file, key: str({ max: 200 }), text: nullable(str({ max: 2000 })) }),
  dump: object({ file }),
  load: object({
    file,
    doc: object({
      format: literal('juesuan/1'),
      fiscalYear: int(2000, 2100),
      unit: object({ name: str({ max: 200 }), code: optional(str({ max: 40 })) }),
      template: optional(literal<TemplateSet>(...TEMPLATE_SET_IDS)),
      numbering: optional(literal<Numbering>('公开', '表')),
      tables: record(record(record(cellValue))),
      forms: optional(array(json, MAX_FORMS)),
      formRegion: optional(literal(...(Object.keys(FORM_REGIONS) as FormRegion[]))),
      supplementary: optional(record(nullable(str({ max: 60 })))),
      reportTexts: optional(record(reportText)),
      printedNames: optional(record(record(str({ max: 100 })))),
      frameworks: optional(array(json, MAX_FORMS)),
    }),
  }),
  importCatalog: object({ file, name: upload.name, dataBase64: upload.dataBase64 }),
  exportWorkbook: object({ file, format: optional(literal('xlsx', 'xls')), draft: optional(bool), protect: optional(bool), printAudit: optional(bool) }),
  previewImport: object(upload),
  importWorkbook: object(upload),
  /** Saves (text null: removes) one 决算公开 text; saving confirms a draft carried from last year. */
  setReportText: object({ file, key: reportTextKey, text: nullable(str({ max: 20_000 })) }),
  /** The 决算公开 document: docx / md / html / pdf (printed by Chromium where one is installed); json = every sentence with its source cells. */
  exportReport: object({ file, format: literal('docx', 'md', 'html', 'json', 'pdf'), draft: optional(bool) }),
  // 汇总 and batch 审核 (issue 14): files are year files of the data folder.
  planConsolidation: object(consolidation),
  consolidate: object({ ...consolidation, out: file }),
  drillDown: object({ file, table: tableName, row: str({ max: 40 }), col: str({ max: 10 }) }),
  /** A 汇总 result's record (`out`, as consolidate names it: not a year opened here) as a request to 汇总 again: its unit files, unit and offsets, and which unit files changed since. */
  consolidationRecord: object({ out: file }),
  validateFolder: object({}),
  exportValidationReport: object({}),
  // 自评得分一览 (issue 15): every 绩效自评 form of the year with its score and what made it.
  scoreSheet: object({ file }),
  exportScoreSheet: object({ file }),
  // The scored frameworks (issue 15): one per department (subject_code '') or per project (附件2).
  saveFramework: object({ file, subject_code: str({ max: 60 }), framework: json }),
  deleteFramework: object({ file, kind: literal(...FRAMEWORK_KINDS), subject_code: str({ max: 60 }) }),
  /** One unit's framework as a 汇总 file keeps it (read-only): the unit by 编码 (by 名称 when it has none). */
  unitFramework: object({ file, unitCode: str({ max: 40 }), unitName: str({ max: 200 }), kind: literal(...FRAMEWORK_KINDS), subject_code: str({ max: 60 }) }),
} satisfies Record<string, Schema<unknown>>;

export type MethodName = keyof typeof METHODS;
export type Args<M extends MethodName> = ReturnType<(typeof METHODS)[M]['check']>;

/** What each call returns. */
export interface Results {
  listYears: YearInfo[];
  /** baselineWarnings: what starting from last year's file left behind or changed (as 导入上年数据's preview lists it); absent when none. */
  createYear: YearInfo & { baselineWarnings?: string[] };
  openYear: YearSnapshot;
  closeYear: { closed: boolean };
  getTable: TableView;
  setCells: { revision: number };
  edit: { revision: number };
  saveForm: { revision: number; form: PerfFormJson };
  deleteForm: { revision: number };
  setSupplementary: { revision: number };
  setFormRegion: { revision: number };
  validate: { findings: Finding[]; canSubmit: boolean };
  explain: { revision: number };
  dump: InterchangeDoc;
  load: { cells: number; ignored: number };
  importCatalog: { revision: number; function: number; economic: number; skipped: number };
  exportWorkbook: ExportedWorkbook;
  previewImport: ImportPreview;
  importWorkbook: ImportPreview & { revision: number };
  setReportText: { revision: number };
  exportReport: ExportedWorkbook;
  planConsolidation: ConsolidationPlan;
  consolidate: { plan: ConsolidationPlan; info: YearInfo };
  drillDown: DrillDown;
  consolidationRecord: { files: string[]; unitName: string; unitCode: string; offsets: Offset[]; changed: string[] };
  validateFolder: ValidationReport[];
  exportValidationReport: ExportedWorkbook;
  scoreSheet: ScoreSheetRow[];
  exportScoreSheet: ExportedWorkbook;
  saveFramework: { revision: number; doc: FrameworkDoc };
  deleteFramework: { revision: number };
  unitFramework: UnitFramework;
}

export type Api = { [M in MethodName]: (args: Args<M>) => Promise<Results[M]> };

/**
 * Why a call failed: refused input (exit 1) or an unreadable file (exit 2); in browser mode also
 * 'elsewhere': the year is held by another tab, so this page must leave it (electron/core/web-host.ts).
 */
export type ErrorKind = 'refused' | 'unreadable' | 'elsewhere';

export interface ApiErrorBody {
  kind: ErrorKind;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(METHODS, name);
}

/** Checks a call's method name and arguments at a door; throws ApiError('refused') in Chinese. */
export function checkCall(method: unknown, args: unknown): { method: MethodName; args: unknown } {
  if (!isMethod(method)) throw new ApiError('refused', `未知的调用:${String(method).slice(0, 40)}`);
  try {
    return { method, args: METHODS[method].check(args ?? {}, method) };
  } catch (error) {
    throw new ApiError('refused', (error as Error).message);
  }
}

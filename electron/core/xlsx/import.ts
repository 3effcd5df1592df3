/**
 * Import of a workbook (or a year file) into an open year: first a preview of what was recognised,
 * what was not and why, then — only when there is no error — one all-or-nothing transaction:
 *  - replace: every table found in the source replaces that table's inputs (tables the source
 *    lacks are left as they are, and the preview lists them);
 *  - baseline: the source is last year (SPEC §5.1, see baseline.ts).
 * 绩效自评 forms ride in the same transaction (form-carry.ts): found forms replace this year's under
 * the same key, or, as baseline, continue as this year's drafts.
 * Computed and linked cells are never imported; their printed values are compared with what the
 * imported inputs compute to, and differences are reported as warnings.
 */
import { planFrameworkCarry, planFrameworkReplace } from './framework-import';
import { FRAMEWORK_DEFS } from '../../../shared/forms/framework-entry';
import { catalogFor, functionName } from '../../../shared/catalog';
import { ApiError, type ImportPreview } from '../../../shared/contract';
import { formatAmount, type Amount } from '../../../shared/money';
import { CELL_KEY_SEPARATOR, TABLES, TEMPLATE_SETS, TOTAL, YearModel, describeCell, printedLabel, withPrintedLabels, type YearInputs } from '../../../shared/tables';
import { formKey } from '../../../shared/forms/year-check';
import type { FormRegion } from '../../../shared/forms/regions';
import { isConsolidation } from '../consolidate-store';
import type { StoredCell } from '../store';
import type { PrintedNamesChange } from '../printed-names-store';
import { namesContradict } from '../../../shared/rules';
import type { EditExtra, SessionChange, YearSession } from '../year-session';
import { planBaseline } from './baseline';
import { carriedTexts } from '../report/source';
import { planFormCarry, planFormReplace, regionAfterReplace } from './form-carry';
import type { Findings } from './read-table';
import { message, norm } from './text';
import { readSource, type SourceYear } from './source';

export interface ImportRequest {
  /** The file name as the user picked it; every message names it. */
  name: string;
  bytes: Buffer;
  baseline: boolean;
  /** Import the readable tables; the unreadable ones (listed in the preview) stay as they are. */
  partial?: boolean;
}

/** Compared totals that differ by at least this much (0.01 万元) are reported; less is rounding. */
const MISMATCH = 100;

interface Plan {
  preview: ImportPreview;
  change?: SessionChange;
  extra?: EditExtra;
}

export async function previewImport(session: YearSession, request: ImportRequest): Promise<ImportPreview> {
  return (await plan(session, request)).preview;
}

/** Writes the import in one transaction, or throws with every error and writes nothing. */
export async function commitImport(session: YearSession, request: ImportRequest): Promise<ImportPreview & { revision: number }> {
  const { preview, change, extra } = await plan(session, request);
  if (preview.errors.length || !change) {
    const tableErrors = new Set((preview.notImported ?? []).flatMap((table) => table.reasons));
    const readable = preview.recognised.length > 0 && preview.errors.every((text) => tableErrors.has(text));
    const hint = readable ? '\n以上错误都属于无法读取的表;如要只导入其余能读取的表,请在导入预览中选择“只导入能读取的表”(命令行加 --partial)' : '';
    throw new ApiError('refused', `未导入任何数据,年度文件保持不变:\n${preview.errors.join('\n')}${hint}`);
  }
  return { ...preview, revision: session.edit(change, extra) };
}

/**
 * A table as the clerk knows it (表十, not 滇10表): as this year prints it; a table of a year file's
 * set that this year lacks, as that file prints it.
 */
function tableLabels(session: YearSession, source: SourceYear | null): (table: string) => string {
  const { template, numbering } = session.info;
  return (table) => {
    if ((TEMPLATE_SETS[template] as readonly string[]).includes(table)) return printedLabel(table, template, numbering);
    const theirs = source?.layout;
    return theirs && (TEMPLATE_SETS[theirs.template] as readonly string[]).includes(table) ? printedLabel(table, theirs.template, theirs.numbering) : table;
  };
}

async function plan(session: YearSession, request: ImportRequest): Promise<Plan> {
  const planned = await planAsRead(session, request);
  const { template, numbering } = session.info;
  // The reader names tables by id (川07表, 滇10表); the clerk knows them as this year prints them. A quoted
  // “…” is the file's own text (a sheet name) and stays as it is. Where a printed label is another table's
  // id (陕西9 by 公开NN表: its 公开07表 is 陕07表) the text could not be read either way: it stays by id.
  const ids: readonly string[] = TEMPLATE_SETS[template];
  if (ids.some((id) => printedLabel(id, template, numbering) !== id && ids.includes(printedLabel(id, template, numbering)))) return planned;
  const relabel = (text: string) => text.split(/(“[^”]*”)/).map((part, i) => (i % 2 ? part : withPrintedLabels(part, template, numbering))).join('');
  const preview = planned.preview;
  preview.errors = preview.errors.map(relabel);
  preview.warnings = preview.warnings.map(relabel);
  preview.unrecognised = preview.unrecognised.map((item) => ({ ...item, reason: relabel(item.reason) }));
  preview.notImported = preview.notImported?.map((table) => ({ ...table, reasons: table.reasons.map(relabel) }));
  return planned;
}

async function planAsRead(session: YearSession, request: ImportRequest): Promise<Plan> {
  const info = session.info;
  const out: Findings = { errors: [], warnings: [], unrecognised: [] };
  const source = await readSource(request.bytes, request.name, session.tables(), info.fiscalYear, out);
  const failed = source?.failed ?? [];
  if (request.partial && failed.length) {
    // The clerk chose to import the readable tables: the unreadable ones are listed, not errors.
    const skipped = new Set(failed.flatMap((table) => table.reasons));
    out.errors = out.errors.filter((text) => !skipped.has(text));
    if (!source!.tables.size && !source!.forms.length) out.errors.push(`文件 ${request.name}:没有能读取的表`);
  }
  const labelOf = tableLabels(session, source);
  const preview: ImportPreview = {
    source: { name: request.name, kind: source?.kind ?? 'xlsx', fiscalYear: source?.fiscalYear, unitName: source?.unitName, unitCode: source?.unitCode },
    mode: request.baseline ? 'baseline' : 'replace',
    recognised: [...(source?.tables.values() ?? [])].map((table) => ({
      table: table.table,
      tableLabel: labelOf(table.table),
      sheet: table.sheet,
      cells: table.inputs.size + table.printed.size,
      codes: table.codes.size,
    })),
    missing: session.tables().map((def) => def.id).filter((id) => !source?.tables.has(id) && !failed.some((table) => table.table === id)).map(labelOf),
    notImported: failed.map((table) => ({ ...table, tableLabel: labelOf(table.table) })),
    mismatches: [],
    unrecognised: out.unrecognised,
    warnings: out.warnings,
    errors: out.errors,
    forms: (source?.forms ?? []).map(({ sheet, form }) => ({ sheet, ...formKey(form), subject_name: form.subject_name })),
    effect: { cells: 0, cleared: 0, addCodes: 0, removeCodes: 0, baselineCells: 0, prefilled: 0, forms: 0 },
  };
  if (source?.frameworks?.length) preview.frameworks = source.frameworks.map(({ sheet, kind, doc }) => ({ sheet, title: FRAMEWORK_DEFS[kind].title, subject_code: doc.subject_code }));
  const inputs = source?.inputs;
  if (inputs) preview.reportInputs = { sheet: inputs.sheet, fields: Object.keys(inputs.supplementary).length, texts: Object.keys(inputs.reportTexts).length };
  if (!source || out.errors.length) return { preview };
  if (request.baseline) {
    const baseline = planBaseline(session, source, request.name, out);
    if (isConsolidation(session.store)) summedStay(baseline, request.name, out);
    // A workbook of form sheets only has no 上年数: the baseline stored earlier stays.
    const cells = source.tables.size ? { meta: baseline.meta, baseline: baseline.baseline } : {};
    // The drafts take the 表样 the year has after this import: last year's, when the year adopts it.
    const region = (cells.meta?.form_region as FormRegion | undefined) ?? info.formRegion;
    const forms = { save: planFormCarry(session, source, out, region) };
    Object.assign(preview.effect, { baselineCells: baseline.baseline.length, prefilled: baseline.prefilled, addCodes: baseline.change.addCodes?.length ?? 0, forms: forms.save.length });
    // Last year's 概况 and reasons (a year file's, or a workbook's 决算公开资料) come as this year's drafts.
    const lastTexts = source.inputs?.reportTexts ?? source.reportTexts;
    const reportTexts = lastTexts ? { texts: carriedTexts(session.store.reportTexts(), lastTexts), replaceAll: false } : undefined;
    const frameworks = planFrameworkCarry(session, source, out);
    return out.errors.length ? { preview } : { preview, change: baseline.change, extra: { ...cells, forms, reportTexts, frameworks } };
  }
  const forms = { save: planFormReplace(session, source) };
  preview.effect.forms = forms.save.length;
  const { printedNames, ...change } = planReplace(session, source, request.name, out);
  Object.assign(preview.effect, {
    cells: change.cells!.filter((cell) => cell.value !== null).length,
    cleared: change.cells!.filter((cell) => cell.value === null).length,
    addCodes: change.addCodes!.length,
    removeCodes: change.removeCodes!.length,
  });
  const totals = source.kind !== 'year-file' ? compareTotals(session, source, request.name, out, labelOf) : undefined;
  if (totals) preview.mismatches = totals.mismatches;
  // A year file without a unit code takes the one the workbook carries.
  const meta: Record<string, string> = !info.unitCode && source.unitCode ? { unit_code: source.unitCode } : {};
  const names: PrintedNamesChange = { replace: [...source.tables.keys()], entries: printedNames };
  // The workbook's 决算公开资料 replaces the year's 补充信息 and texts, like a table replaces its inputs.
  if (source.inputs) meta.supplementary = JSON.stringify(source.inputs.supplementary);
  const region = regionAfterReplace(session, source, out);
  if (region) meta.form_region = region;
  const reportTexts = source.inputs ? { texts: source.inputs.reportTexts, replaceAll: true } : undefined;
  const frameworks = planFrameworkReplace(session, source);
  return out.errors.length ? { preview } : { preview, change, extra: { forms, meta, printed: printedCells(source, totals?.differing), printedNames: names, reportTexts, frameworks } };
}

/**
 * A 汇总 takes last year's figures as its 上年数 only: its own cells are its units' sums, so the
 * 年初结转 and 科目 rows an ordinary year carries from last year come through the units instead.
 */
function summedStay(baseline: ReturnType<typeof planBaseline>, file: string, out: Findings): void {
  if (baseline.prefilled || baseline.change.addCodes?.length || baseline.change.cells?.length) {
    out.warnings.push(`文件 ${file}:汇总结果只导入上年数和上年文字,年初结转和科目行不带入(由各单位文件带入后重新汇总)`);
  }
  baseline.change = {};
  baseline.prefilled = 0;
}

/** Each table found replaces that table's inputs: cells and 项 rows the source lacks are removed. */
function planReplace(session: YearSession, source: SourceYear, file: string, out: Findings): Required<SessionChange> {
  const info = session.info;
  if (source.fiscalYear !== undefined && source.fiscalYear !== info.fiscalYear) {
    const text = `文件 ${file}:是 ${source.fiscalYear} 年度的数据,本年度文件为 ${info.fiscalYear} 年度`;
    // A year file says its year for certain; a workbook's heading or title may be a date in passing, or
    // last year's workbook refilled with this year's figures: a warning the preview shows before writing.
    (source.kind === 'year-file' ? out.errors : out.warnings).push(`${text};如要作为上年数导入,请用“导入 › 上年数据”(命令行加 --baseline)`);
  }
  if (source.unitName && norm(source.unitName) !== norm(info.unitName)) {
    out.warnings.push(`文件 ${file}:单位“${source.unitName}”与本年度文件的“${info.unitName}”不同`);
  }
  if (source.unitCode && info.unitCode && source.unitCode !== info.unitCode) {
    out.warnings.push(`文件 ${file}:单位代码 ${source.unitCode} 与本年度文件的 ${info.unitCode} 不同`);
  }
  const customNames = new Map<string, string>();
  for (const doc of Object.values(session.snapshot().tables)) for (const [code, name] of Object.entries(doc.names ?? {})) customNames.set(code, name);
  const change: Required<SessionChange> = { addCodes: [], cells: [], removeCodes: [], printedNames: [] };
  for (const [table, extracted] of source.tables) {
    const current = session.model.tableInputs(table);
    // A printed name that names another 科目 is kept: 审核 reports it (R-I02) until the catalog name is taken.
    // So is the name of a 类 or 款 no catalog names (21208 above a custom 项): it names that row.
    for (const [code, { name }] of extracted.names ?? []) {
      if (name && !session.nameOf(code)) change.printedNames.push({ table, code, name });
    }
    for (const [code, { name, row }] of [...extracted.codes, ...(extracted.names ?? [])]) {
      const official = session.nameOf(code);
      if (!official || !name || !namesContradict(name, official)) continue;
      change.printedNames.push({ table, code, name });
      if (row) out.warnings.push(message({ file, sheet: extracted.sheet, row }, `科目代码 ${code} 旁印的名称“${name}”与科目表中的“${official}”不同,请核对代码是否写错(按代码 ${code} 导入)`));
    }
    for (const [code, { name, row }] of extracted.codes) {
      if (current.codes.has(code)) continue;
      const known = functionName(code, info.fiscalYear) !== undefined || customNames.has(code);
      if (!known && !name) {
        out.errors.push(`文件 ${file} 工作表“${extracted.sheet}”${row ? ` 第${row}行` : ''}:科目代码 ${code} 不在 ${info.fiscalYear} 年功能分类科目表中,且没有科目名称`);
        continue;
      }
      const meant = known ? undefined : namedLike(code, name, info.fiscalYear);
      if (meant) {
        const where = `文件 ${file} 工作表“${extracted.sheet}”${row ? ` 第${row}行` : ''}`;
        out.errors.push(`${where}:科目代码 ${code} 不在 ${info.fiscalYear} 年功能分类科目表中,旁边的名称“${name}”是科目 ${meant} 的名称,请核对代码`);
        continue;
      }
      change.addCodes.push(known ? { table, code } : { table, code, name });
      if (!known) out.warnings.push(`${table}:科目 ${code}“${name}”不在功能分类科目表中,作为自定义科目导入`);
    }
    // A 科目 row the file lacks goes with its amounts: each one is named, never removed unseen.
    // The amounts are grouped by row in one pass (searching all cells per removed row was quadratic).
    const removedAmounts = new Map<string, string[]>();
    for (const [key, value] of current.cells) {
      const [row, col] = splitKey(key);
      if (value === 0 || extracted.codes.has(row) || !current.codes.has(row)) continue;
      const amounts = removedAmounts.get(row) ?? removedAmounts.set(row, []).get(row)!;
      amounts.push(`第 ${col} 栏 ${formatAmount(value)}`);
    }
    for (const code of current.codes) {
      if (extracted.codes.has(code)) continue;
      change.removeCodes.push({ table, code });
      const amounts = removedAmounts.get(code);
      if (amounts) out.warnings.push(`${table}:文件中没有科目 ${code} ${session.nameOf(code) ?? ''},导入后删除此行及其金额(${amounts.join('、')})`);
    }
    // Pushed one by one: a large table has tens of thousands of cells, too many to spread into one call.
    // The exact amounts read go in as they are (no round trip through text).
    const edits = change.cells;
    for (const [key, value] of extracted.inputs) {
      if (value === null) continue;
      const [row, col] = splitKey(key);
      edits.push({ table, row, col, value });
    }
    for (const key of current.cells.keys()) {
      const [row, col] = splitKey(key);
      // Cells of removed 项 rows go with their rows.
      if (extracted.inputs.get(key) == null && (extracted.codes.has(row) || !current.codes.has(row))) edits.push({ table, row, col, value: null });
    }
  }
  return change;
}

/**
 * The catalog 项 a code unknown to the catalog was most likely meant to be: the one of its own 款, or the
 * only one of its 类, that bears the printed name (a mistyped digit; a real custom 科目 has a name of its own).
 */
function namedLike(code: string, name: string, year: number): string | undefined {
  const printed = norm(name);
  const named = catalogFor(year).functionCodes.filter((entry) => entry.level === '项' && entry.code.startsWith(code.slice(0, 3)) && norm(entry.name) === printed);
  const sameKuan = named.filter((entry) => entry.code.startsWith(code.slice(0, 5)));
  return (sameKuan.length === 1 ? sameKuan : named.length === 1 ? named : [])[0]?.code;
}

/**
 * The computed cells the workbook printed otherwise than its details give (compareTotals), kept per
 * replaced table (R-I01 compares them with the details until the clerk accepts the computed value).
 * A printed value the details reproduce says nothing more, and kept it would turn stale at the
 * clerk's next edit (an R-I01 error on every total moved, and the export printing the old number).
 * A year file prints nothing: its tables' printed values are cleared.
 */
function printedCells(source: SourceYear, differing: StoredCell[] = []): { tables: string[]; cells: StoredCell[] } {
  return { tables: [...source.tables.keys()], cells: differing };
}

/** Printed totals against what the imported inputs compute to: a difference usually means a typing or layout mistake. All are listed. */
function compareTotals(session: YearSession, source: SourceYear, file: string, out: Findings, labelOf: (table: string) => string): { mismatches: NonNullable<ImportPreview['mismatches']>; differing: StoredCell[] } {
  const inputs: YearInputs = {};
  for (const def of session.tables()) {
    const extracted = source.tables.get(def.id);
    // A table the source lacks keeps its inputs (this model only reads them).
    inputs[def.id] = extracted ? { cells: amountsRead(extracted.inputs), codes: new Set(extracted.codes.keys()) } : session.model.tableInputs(def.id);
  }
  const model = new YearModel(TABLES, inputs, () => undefined);
  const mismatches: NonNullable<ImportPreview['mismatches']> = [];
  // Printed cells that differ from their details at all (the listed mismatches are those of 0.01 or more).
  const differing: StoredCell[] = [];
  for (const [table, extracted] of source.tables) {
    const def = TABLES.get(table)!;
    for (const [key, printed] of extracted.printed) {
      const [row, col] = splitKey(key);
      // A printed 类 / 款 line with no 项 line under it has no row after the import: its details are 0.
      if (!model.rule(table, row, col) && !(def.kind === 'functional' && printed)) continue;
      const computed = model.rule(table, row, col) ? model.value(table, row, col) ?? 0 : 0;
      if (computed !== printed) differing.push({ table, row, col, value: printed });
      if (Math.abs(computed - printed) >= MISMATCH) {
        const name = def.kind === 'functional' && row !== TOTAL ? model.row(table, row)?.label ?? '' : '';
        mismatches.push({ table, tableLabel: labelOf(table), sheet: extracted.sheet, row, col, label: `${describeCell(def, row)} ${name}`.trim(), printed: formatAmount(printed)!, computed: formatAmount(computed)! });
      }
    }
  }
  if (mismatches.length) out.warnings.push(`文件 ${file}:${mismatches.length} 个合计数与明细不符(导入后按明细重新计算),逐项列在“合计数与明细不符”中`);
  return { mismatches, differing };
}

/**
 * The amounts read as the engine's input cells, without the blank ones (null). Without any blank,
 * the read map itself, not a copy: a large year has tens of thousands of them, and this model only
 * reads it.
 */
function amountsRead(read: ReadonlyMap<string, Amount | null>): Map<string, Amount> {
  for (const value of read.values()) {
    if (value === null) return new Map([...read].filter((entry): entry is [string, Amount] => entry[1] !== null));
  }
  return read as Map<string, Amount>;
}

/** A cell key "row|col" (shared/tables cellKey) as its row and column. */
function splitKey(key: string): [string, string] {
  const at = key.indexOf(CELL_KEY_SEPARATOR);
  return [key.slice(0, at), key.slice(at + CELL_KEY_SEPARATOR.length)];
}

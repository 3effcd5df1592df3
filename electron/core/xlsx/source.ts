/**
 * What an import reads, whatever it came as: a workbook (.xlsx / .xls, ours or another tool's or
 * hand-made) or a 决算通 year file. Either way the result is the same shape: per table its input
 * cells, 项 codes and printed (computed) values, the 绩效自评 forms, plus the year and unit the
 * source states.
 */
import { ApiError, type Numbering, type TemplateSet } from '../../../shared/contract';
import type { FormRegion } from '../../../shared/forms/regions';
import { TABLES, YearModel, cellKey, describeCell, printedLabel, type TableDef, type YearInputs } from '../../../shared/tables';
import { formKey } from '../../../shared/forms/year-check';
import { YearSession } from '../year-session';
import { YearStore } from '../store';
import { AUDIT_SHEET } from './export';
import { readFormSheet, type FoundForm } from './form-import';
import { readInputsSheet, type ReadInputs } from './inputs-read';
import { readFrameworkSheet, type FoundFramework } from './framework-sheet';
import { FRAMEWORK_DEFS } from '../../../shared/forms/framework-entry';
import { formSheetNames } from './form-geometry';
import { findBlocks } from './locate';
import { ReadError, readWorkbook, sniff, type SourceKind } from './read';
import { readTable, type Extracted, type Findings } from './read-table';
import { message, withoutDraft } from './text';
import { inWorker } from './isolate';
import { plainInputs } from '../store-inputs';

export interface SourceYear {
  kind: SourceKind;
  fiscalYear?: number;
  unitName?: string;
  unitCode?: string;
  /** A year file's own table set and numbering: a year made from it is laid out the same (a workbook's is guessed). */
  layout?: { template: TemplateSet; numbering: Numbering; formRegion: FormRegion };
  /** The 绩效自评 表样 a workbook names in its document keywords (our exports do, unit-code.ts). */
  formRegion?: FormRegion;
  tables: Map<string, Extracted>;
  /** 绩效自评 forms: one per form sheet, or a year file's forms (named by the sheet they would export to). */
  forms: FoundForm[];
  /** A year file's own model: exact computed values for every cell (baseline mode). */
  model?: YearModel;
  /** A year file's 决算公开 texts (reasons, 概况), carried into the next year as drafts. */
  reportTexts?: Record<string, { text: string; draft: boolean }>;
  /** A year file's 补充信息 (of which only the unit's own 单位性质 continues into the next year). */
  supplementary?: Record<string, string>;
  /** The 决算公开资料 sheet of a workbook: 补充信息 and 决算公开 texts, replacing the year's own (inputs-read.ts). */
  inputs?: ReadInputs;
  /** The inputs that model is built from (what crosses from the parse worker; the model itself is rebuilt). */
  modelInputs?: YearInputs;
  /** Tables found but not readable, with their errors (also in the findings' errors). */
  failed: { table: string; sheet: string; reasons: string[] }[];
  /** The scored frameworks (附件1.1, 附件2, 大通湖 附件5): a sheet each, or a year file's stored ones. */
  frameworks?: FoundFramework[];
}

/**
 * Reads the source; problems go to `out` (errors stop the import, nothing is written). Null when nothing
 * usable was read. The bytes are untrusted: they are parsed in the parse worker (isolate.ts), so the
 * worst file costs a refused import with a message, never the calling process.
 */
export async function readSource(bytes: Buffer, file: string, tables: readonly TableDef[], fiscalYear: number, out: Findings): Promise<SourceYear | null> {
  const result = await inWorker({ kind: 'source', bytes, file, tables: tables.map(({ id, title, notes }) => ({ id, title, notes })), fiscalYear });
  out.errors.push(...result.out.errors);
  out.warnings.push(...result.out.warnings);
  out.unrecognised.push(...result.out.unrecognised);
  const source = result.source;
  if (source?.modelInputs) source.model = new YearModel(TABLES, source.modelInputs, () => undefined);
  return source;
}

/** What the parse worker runs: readSource in the thread that calls it. */
export async function readSourceHere(bytes: Buffer, file: string, tables: readonly TableDef[], fiscalYear: number, out: Findings): Promise<SourceYear | null> {
  try {
    if (sniff(bytes) === 'sqlite') return readYearFile(bytes, file);
    const workbook = await readWorkbook(bytes, file);
    const source: SourceYear = { kind: workbook.kind, unitCode: workbook.unitCode, formRegion: workbook.formRegion, tables: new Map(), forms: [], failed: [] };
    for (const grid of workbook.sheets) {
      // Our own 审核说明 sheet names tables in its lines; it is a report, not a table.
      if (withoutDraft(grid.name) === AUDIT_SHEET) continue;
      const framework = readFrameworkSheet(grid, file, fiscalYear, out);
      if (framework !== undefined) {
        if (framework) addFramework(source, framework, file, out);
        continue;
      }
      const inputs = readInputsSheet(grid, file, out);
      if (inputs !== undefined) {
        if (inputs && source.inputs) out.errors.push(message({ file, sheet: grid.name }, `决算公开资料出现了两次(另一处在工作表“${source.inputs.sheet}”)`));
        else if (inputs) source.inputs = inputs;
        continue;
      }
      // A form sheet is never also read as an annex table (its texts could look like a table's title).
      const form = readFormSheet(grid, file, out);
      if (form !== undefined) {
        if (form) addForm(source, form, file, out);
        continue;
      }
      const blocks = findBlocks(grid, tables);
      if (!blocks.length) {
        if (grid.rows.some((row) => row?.some(Boolean))) {
          out.unrecognised.push({ sheet: grid.name, row: 0, cell: '', reason: '未找到表号(如“公开01表”“表一”)或表名,已跳过此工作表' });
        }
        continue;
      }
      for (const block of blocks) {
        const earlier = source.tables.get(block.def.id);
        if (earlier) {
          out.errors.push(message({ file, sheet: grid.name, row: block.start }, `${block.def.id}出现了两次(另一处在工作表“${earlier.sheet}”)`));
          continue;
        }
        const before = out.errors.length;
        const read = readTable(block, file, fiscalYear, out);
        if (!read || out.errors.length > before) {
          source.failed.push({ table: block.def.id, sheet: grid.name, reasons: out.errors.slice(before) });
          continue;
        }
        source.tables.set(block.def.id, read.table);
        source.unitName ??= read.info.unitName;
        source.fiscalYear ??= read.info.fiscalYear;
      }
    }
    if (!source.tables.size && !source.forms.length && !source.inputs && !source.frameworks?.length && !out.errors.length) out.errors.push(`文件 ${file}:没有找到任何决算公开表(未识别到“公开01表”“表一”等表号或表名)或绩效自评表`);
    source.fiscalYear ??= source.forms.find((found) => found.fiscalYear !== undefined)?.fiscalYear;
    // What the sheets print comes first (a clerk edits it); the title property is our export's own word.
    source.fiscalYear ??= workbook.fiscalYear;
    return source;
  } catch (error) {
    if (error instanceof ReadError || error instanceof ApiError) {
      out.errors.push(error.message);
      return null;
    }
    throw error;
  }
}

/** One sheet per framework and project: a second one is an error. */
function addFramework(source: SourceYear, found: FoundFramework, file: string, out: Findings): void {
  const earlier = source.frameworks?.find((other) => other.kind === found.kind && other.doc.subject_code === found.doc.subject_code);
  if (earlier) out.errors.push(message({ file, sheet: found.sheet }, `${FRAMEWORK_DEFS[found.kind].title}出现了两次(另一处在工作表“${earlier.sheet}”)`));
  else (source.frameworks ??= []).push(found);
}

/** One form per 项目编码 (and one department form): a second sheet for the same key is an error. */
function addForm(source: SourceYear, found: FoundForm, file: string, out: Findings): void {
  const key = formKey(found.form);
  const earlier = source.forms.find((other) => {
    const otherKey = formKey(other.form);
    return otherKey.subject_type === key.subject_type && otherKey.subject_code === key.subject_code;
  });
  if (earlier) {
    const what = key.subject_type === 'project' ? `项目编码 ${key.subject_code} 的自评表` : '部门整体支出绩效自评表';
    out.errors.push(message({ file, sheet: found.sheet }, `${what}出现了两次(另一处在工作表“${earlier.sheet}”)`));
    return;
  }
  source.forms.push(found);
}

/**
 * A year file arrives as bytes (the app uploads it). It is opened in memory, after the header and
 * schema checks (year-file-check.ts), read-only: no temporary copy on disk to leave behind. Its inputs
 * are taken as they are; its computed and linked cells as "printed" values.
 */
function readYearFile(bytes: Buffer, file: string): SourceYear {
  let store: YearStore;
  try {
    store = YearStore.openReadOnly(file, bytes, `文件 ${file} 只用于读取`);
  } catch (error) {
    throw new ApiError('refused', `文件 ${file}:${error instanceof ApiError ? error.message.replace(new RegExp(`[::]?${escapeRegExp(file)}$`), '') : '无法读取'}`);
  }
  try {
    const session = new YearSession(file, store);
    const info = session.info;
    const snapshot = session.snapshot();
    const forms = session.forms();
    const names = formSheetNames(forms, [], false);
    const source: SourceYear = {
      kind: 'year-file', failed: [], fiscalYear: info.fiscalYear, unitName: info.unitName, unitCode: info.unitCode,
      layout: { template: info.template, numbering: info.numbering, formRegion: info.formRegion }, tables: new Map(), modelInputs: plainInputs(session.model.inputs),
      forms: forms.map((form, i) => ({ sheet: names[i], form, fiscalYear: info.fiscalYear })),
      reportTexts: snapshot.reportTexts,
      supplementary: snapshot.supplementary,
      frameworks: snapshot.frameworks.map((doc) => ({ sheet: file, kind: doc.framework.framework, doc })),
    };
    for (const def of session.tables()) {
      const inputs = session.model.tableInputs(def.id);
      const names = snapshot.tables[def.id]?.names ?? {};
      for (const key of inputs.cells.keys()) {
        const [row, col] = key.split('|');
        // Only input cells are stored; anything else was written by something other than 决算通.
        if (session.model.rule(def.id, row, col)?.role !== 'input') throw new ApiError('refused', `文件 ${file}:${def.id} ${describeCell(def, row)} 第 ${col} 栏不是录入单元格,却存有数值;年度文件已损坏`);
      }
      // Messages name the table as that year printed it (表十, not 滇10表).
      const table: Extracted = { table: def.id, sheet: printedLabel(def.id, info.template, info.numbering), inputs: new Map(inputs.cells), codes: new Map(), printed: new Map() };
      // Each 项 by the name the year shows it with: custom, its imported official 科目表's, or its catalog's.
      for (const code of inputs.codes) table.codes.set(code, { name: names[code] ?? session.nameOf(code) ?? '', row: 0 });
      // Names the year file kept from an earlier import (R-I02) travel with it.
      const kept = Object.entries(snapshot.printedNames?.[def.id] ?? {});
      if (kept.length) table.names = new Map(kept.map(([code, name]) => [code, { name, row: 0 }]));
      // So does a 类/款 name only its official 科目表 gave (21704 above 2170404): the built-in catalog has none.
      for (const parent of new Set([...inputs.codes].flatMap((code) => [code.slice(0, 3), code.slice(0, 5)]))) {
        const name = session.catalog.functionName(parent) === undefined ? session.nameOf(parent) : undefined;
        if (name && !table.names?.has(parent)) (table.names ??= new Map()).set(parent, { name, row: 0 });
      }
      for (const row of session.model.rows(def.id)) {
        for (const [col, rule] of Object.entries(row.rules)) {
          const value = rule.role === 'input' ? null : session.model.value(def.id, row.key, col);
          if (value !== null) table.printed.set(cellKey(row.key, col), value);
        }
      }
      source.tables.set(def.id, table);
    }
    return source;
  } finally {
    store.close();
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

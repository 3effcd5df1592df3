import { ApiError, MAX_FORMS, type CellEdit, type InterchangeDoc, type YearChange, type TableView, type YearSnapshot } from '../../shared/contract';
import { catalogFor, type Catalog } from '../../shared/catalog';
import type { Amount } from '../../shared/money';
import { TABLES, TOTAL, YearModel, applyToModel, codeLevel, printedLabel, resolveTableName, tableIn, templateTables, type TableDef } from '../../shared/tables';
import { SuppError, baselineView, nameByCode, parseSupplementary, reproducedPrinted, type Finding, type UnitFixes } from '../../shared/rules';
import type { PrintedNamesChange } from './printed-names-store';
import { auditYear } from '../../shared/audit';
import { FormParseError, parseForm, serializeForm, type PerfForm, type PerfFormJson, type SubjectType } from '../../shared/forms/model';
import type { FormRegion } from '../../shared/forms/regions';
import { formKey } from '../../shared/forms/year-check';
import { FormChecks } from './form-checks';
import type { CatalogCode } from './catalog-import';
import type { StoredCell, YearStore } from './store';
import { reportSupp, textsFromDoc } from './report/source';
import { frameworksFromDoc } from './frameworks';
import { executionsOf } from '../../shared/forms/framework-entry';
import { dumpOf, snapshotOf, tableView } from './year-session-views';
import { checkPrinted } from './printed-change';
import { sessionUnitFixes } from './consolidate-fixes';
import { functionalOf, parseInput, parseValue, pendingCodes, pendingKey, ruleOrThrow, type PendingCodes } from './year-session-inputs';

/** What an import writes beside the cells, in the same transaction. */
export type EditExtra = Pick<Parameters<YearStore['write']>[0], 'meta' | 'baseline' | 'forms' | 'printed' | 'printedNames' | 'reportTexts' | 'frameworks'>;

/** A change as the core makes it: an import passes the exact amounts it read (Amount), not text to parse again. */
export type SessionChange = Omit<YearChange, 'cells' | 'printed'> & { cells?: (Omit<CellEdit, 'value'> & { value: CellEdit['value'] | Amount })[] };

/** An open year file with its live model: the one place that turns API calls into stored changes. */
export class YearSession {
  readonly model: YearModel;
  /** The forms' 审核, kept per form between runs. */
  private readonly formChecks: FormChecks;
  private customNames: Map<string, string>;
  /** The year's imported official 科目 table. */
  private officialNames: Map<string, string>;
  /** Names imported files printed beside codes (printed_names): the name of a code no catalog names. */
  private namesAsPrinted: Map<string, string>;
  /** The built-in catalog of the file's fiscal year and definitions edition. */
  readonly catalog: Catalog;
  /** A 汇总's: where its errors on summed amounts are fixed, worked out once per error while the file is open. */
  private readonly unitFixes?: UnitFixes;

  constructor(
    readonly file: string,
    readonly store: YearStore,
  ) {
    this.formChecks = new FormChecks(store);
    this.customNames = store.customNames();
    this.officialNames = new Map(store.catalogCodes().map((entry) => [entry.code, entry.name]));
    this.namesAsPrinted = nameByCode(store.loadPrintedNames());
    const info = store.info(file);
    this.catalog = catalogFor(info.fiscalYear, info.definitionsEdition);
    this.model = new YearModel(TABLES, store.loadInputs(), (code) => this.nameOf(code));
    this.unitFixes = sessionUnitFixes(store, (code) => this.nameOf(code), { template: info.template, fiscalYear: info.fiscalYear, edition: info.definitionsEdition });
  }

  /** A user-defined code's name (undefined for catalog codes). */
  customName(code: string): string | undefined {
    return this.customNames.get(code);
  }

  /**
   * A code's name: user-defined, then the imported official table, then the built-in catalog, then
   * as an imported file printed it (a 类 or 款 none of the others names, e.g. 21208 above a custom 项).
   */
  nameOf(code: string): string | undefined {
    return this.customNames.get(code) ?? this.officialNames.get(code) ?? this.catalog.functionName(code) ?? this.namesAsPrinted.get(code);
  }

  /** After printed names change (an import, a load, 采用目录名称), rows named by them follow at once. */
  private reloadNamesAsPrinted(): void {
    this.namesAsPrinted = nameByCode(this.store.loadPrintedNames());
    for (const def of this.tables()) this.model.invalidate(def.id);
  }

  /** Replaces the year's official 科目 table; names of existing rows follow it at once. */
  importCatalog(codes: CatalogCode[]): number {
    const revision = this.store.replaceCatalog(codes);
    this.officialNames = new Map(codes.map((entry) => [entry.code, entry.name]));
    for (const def of this.tables()) this.model.invalidate(def.id);
    return revision;
  }

  get info() {
    return this.store.info(this.file);
  }

  tables(): TableDef[] {
    return templateTables(this.info.template);
  }

  /** Accepts the canonical id, the title or a printed label (公开01表, 表一, …) of this file's template. */
  table(name: string): TableDef {
    const template = this.info.template;
    const id = resolveTableName(name, template);
    if (!id) throw new ApiError('refused', `未知的表:“${name}”。本年度文件的表有:${this.tables().map((t) => printedLabel(t.id, template, this.info.numbering)).join('、')}`);
    return tableIn(template, id);
  }

  /** Everything the renderer shows of the year (year-session-views.ts). */
  snapshot(): YearSnapshot {
    return snapshotOf(this);
  }

  view(tableName: string): TableView {
    return tableView(this, tableName);
  }

  /** Validates the whole change first; writes all of it or nothing, in one transaction. */
  edit(change: SessionChange & Pick<YearChange, 'printed'>, extra: EditExtra = {}): number {
    const addCodes: PendingCodes = pendingCodes();
    const removeCodes: { table: string; code: string }[] = [];
    const add = (entry: { table: string; code: string; name?: string }) => {
      addCodes.push(entry);
      addCodes.keys.add(pendingKey(entry.table, entry.code));
    };
    // A change names each table many times (an import: every cell); the name is resolved once per name.
    const tableNamed = new Map<string, TableDef>();
    const tableOf = (name: string) => tableNamed.get(name) ?? tableNamed.set(name, this.table(name)).get(name)!;
    for (const { table, code, name } of change.addCodes ?? []) {
      const def = functionalOf(tableOf(table));
      if (this.model.tableInputs(def.id).codes.has(code) || addCodes.keys.has(pendingKey(def.id, code))) continue;
      this.requireKnownCode(def, code, name);
      add({ table: def.id, code, name: this.officialNames.has(code) || this.catalog.functionName(code) ? undefined : name });
    }
    const cells: StoredCell[] = [];
    for (const edit of change.cells ?? []) {
      const def = tableOf(edit.table);
      if (def.kind === 'functional' && codeLevel(edit.row) === 3 && !this.model.tableInputs(def.id).codes.has(edit.row) && !addCodes.keys.has(pendingKey(def.id, edit.row))) {
        this.requireKnownCode(def, edit.row);
        add({ table: def.id, code: edit.row });
      }
      cells.push({ table: def.id, row: edit.row, col: edit.col, value: parseInput(this.model, def, edit.row, edit.col, edit.value, addCodes) });
    }
    for (const { table, code } of change.removeCodes ?? []) {
      const def = functionalOf(tableOf(table));
      if (!this.model.tableInputs(def.id).codes.has(code)) throw new ApiError('refused', `${def.id} 中没有科目行 ${code}`);
      removeCodes.push({ table: def.id, code });
    }
    const names = (change.printedNames ?? []).map(({ table, code, name }) => ({ table: functionalOf(this.table(table)).id, code, name }));
    const printedNames = extra.printedNames ?? (names.length ? { entries: names } : undefined);
    const printed = change.printed?.length ? checkPrinted(change.printed, this.model, this.store.loadPrinted(), tableOf) : undefined;
    // `extra` (meta, last year's values, forms already parsed by the caller) rides in the same transaction: an import writes all or nothing.
    const revision = this.store.write({ cells, addCodes, removeCodes, ...extra, printedNames, settledPrinted: printed?.settled, restoredPrinted: printed?.restored });
    for (const { code, name } of addCodes) if (name) this.customNames.set(code, name);
    this.apply(cells, addCodes, removeCodes);
    if (printedNames?.entries.length || printedNames?.replace) this.reloadNamesAsPrinted();
    return revision;
  }

  /** The year's 审核 findings (tables and forms), with the 出错说明 written on warnings. */
  findings(): Finding[] {
    const info = this.info;
    const { forms, checkedBefore } = this.formChecks.current();
    const stored = this.store.loadBaseline();
    const baseline = stored.size ? baselineView(stored) : undefined;
    const supp = { ...parseSupplementary(this.supplementary()), report: reportSupp(this) };
    return auditYear(this.model, {
      template: info.template,
      numbering: info.numbering,
      fiscalYear: info.fiscalYear,
      edition: info.definitionsEdition,
      explanations: this.store.explanations(),
      baseline,
      supp,
      printed: this.store.loadPrinted(),
      printedNames: this.store.loadPrintedNames(),
      forms,
      checkedBefore,
      unitFixes: this.unitFixes,
    });
  }

  /** Computed cells as imported workbooks printed them: table → "row|col" → amount. */
  printed(): Map<string, Map<string, Amount>> {
    return this.store.loadPrinted();
  }

  /**
   * Forgets the printed values of computed cells that their details reproduce: nothing is left to
   * reconcile, and kept they would turn stale at the clerk's next edit (an R-I01 error on every
   * total moved, the export printing the old number). Imports keep only disagreeing values; files
   * imported before that are cleaned when the app opens them for editing.
   */
  forgetReproducedPrinted(): void {
    const reproduced = reproducedPrinted(this.model, this.store.loadPrinted());
    if (reproduced.length) this.store.write({ settledPrinted: reproduced });
  }

  /** The 绩效自评 forms, parsed (they were checked when saved). */
  forms(): PerfForm[] {
    return this.store.formDocs().map((doc) => parseForm(doc));
  }

  /**
   * Saves one form after parsing it strictly. `replace` names the form being edited (its code may
   * change); without it the form is new and its 项目编码 must not be taken.
   */
  saveForm(json: unknown, replace?: { subject_type: SubjectType; subject_code: string }): { revision: number; form: PerfFormJson } {
    const form = this.parseFormInput(json);
    const key = formKey(form);
    if (form.subject_type === 'project' && !key.subject_code.trim()) throw new ApiError('refused', `项目“${form.subject_name}”缺少项目编码`);
    // Checked in SQL: parsing every stored form on each save made saving slow in a year with many projects.
    const { exists, count } = this.store.formStats(key);
    if (exists && !(replace && sameKey(replace, key))) {
      throw new ApiError('refused', form.subject_type === 'project' ? `项目编码 ${key.subject_code} 已有自评表` : '本年度已有部门整体支出绩效自评表');
    }
    if (!exists && !replace && count >= MAX_FORMS) throw new ApiError('refused', `一个年度文件最多 ${MAX_FORMS} 张自评表`);
    const serialized = serializeForm(form);
    const remove = replace && !sameKey(replace, key) ? [replace] : [];
    const revision = this.store.writeForms({ save: [{ ...key, json: serialized }], remove });
    return { revision, form: serialized };
  }

  deleteForm(key: { subject_type: SubjectType; subject_code: string }): number {
    if (!this.forms().some((form) => sameKey(formKey(form), key))) throw new ApiError('refused', `没有这张自评表:${key.subject_code || '部门整体'}`);
    return this.store.writeForms({ remove: [key] });
  }

  /** The 补充信息 as entered (field key → text). */
  supplementary(): Record<string, string> {
    return JSON.parse(this.store.meta('supplementary') ?? '{}');
  }

  /** Replaces the 补充信息 after checking every field; empty fields are dropped. */
  setSupplementary(values: Record<string, string | null>): number {
    try {
      parseSupplementary(values);
    } catch (error) {
      if (error instanceof SuppError) throw new ApiError('refused', `补充信息:${error.message}`);
      throw error;
    }
    const kept = Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => !!entry[1]?.trim()).map(([key, text]) => [key, text.trim()]));
    return this.store.writeForms({ meta: { supplementary: JSON.stringify(kept) } });
  }

  setFormRegion(region: FormRegion): number {
    return this.store.writeForms({ meta: { form_region: region } });
  }

  private parseFormInput(json: unknown): PerfForm {
    try {
      const form = parseForm(json);
      form.fiscal_year = this.info.fiscalYear;
      return form;
    } catch (error) {
      if (error instanceof FormParseError) throw new ApiError('refused', `绩效自评表:${error.message}`);
      throw error;
    }
  }

  /** Stores (or, with null, removes) the 出错说明 of a current warning; errors must be fixed, not explained. */
  explain(key: string, text: string | null): number {
    const finding = this.findings().find((candidate) => candidate.key === key);
    if (text !== null && !finding) throw new ApiError('refused', `当前没有这条审核结果:${key}`);
    if (text !== null && finding!.severity === 'error') throw new ApiError('refused', `“${finding!.message}”是错误,必须修正,不能以说明代替`);
    return this.store.setExplanation(key, text === null || text.trim() === '' ? null : text.trim());
  }

  /** The interchange document of the year (year-session-views.ts). */
  dump(): InterchangeDoc {
    return dumpOf(this);
  }

  /** Replaces every input of the file with the document's; computed and linked cells in it are ignored. */
  load(doc: {
    fiscalYear: number;
    unit: { name: string; code?: string };
    tables: InterchangeDoc['tables'];
    forms?: unknown[];
    formRegion?: FormRegion;
    supplementary?: Record<string, string | null>;
    reportTexts?: Record<string, { text: string; draft?: boolean }>;
    printedNames?: Record<string, Record<string, string>>;
    frameworks?: unknown[];
  }): { cells: number; ignored: number } {
    const info = this.info;
    if (doc.fiscalYear !== info.fiscalYear) {
      throw new ApiError('refused', `文档年度 ${doc.fiscalYear} 与年度文件的年度 ${info.fiscalYear} 不一致`);
    }
    const cells: StoredCell[] = [];
    const codes: PendingCodes = pendingCodes();
    let ignored = 0;
    for (const [tableName, rows] of Object.entries(doc.tables)) {
      const def = this.table(tableName);
      for (const [row, values] of Object.entries(rows)) {
        if (def.kind === 'functional') {
          if (row === TOTAL || codeLevel(row) !== 3) {
            if (row !== TOTAL && codeLevel(row) === null) throw new ApiError('refused', `${def.id} 的行“${row}”不是功能分类科目代码`);
            ignored += Object.keys(values).length;
            continue;
          }
          this.requireKnownCode(def, row);
          codes.push({ table: def.id, code: row });
          codes.keys.add(pendingKey(def.id, row));
        }
        for (const [col, text] of Object.entries(values)) {
          const rule = ruleOrThrow(this.model, def, row, col, codes);
          if (rule.role !== 'input') {
            ignored++;
            continue;
          }
          const value = parseValue(def, row, col, text);
          if (value !== null) cells.push({ table: def.id, row, col, value });
        }
      }
    }
    const forms = (doc.forms ?? []).map((json, i) => {
      // dump's computed values are not part of a form; the recorded total_score and grade stay.
      const { exec_rate: _rate, budget_exec_score: _score, ...stored } = json as Record<string, unknown>;
      try {
        return this.parseFormInput(stored);
      } catch (error) {
        throw new ApiError('refused', `forms[${i}] ${(error as Error).message}`);
      }
    });
    const keys = new Set<string>();
    for (const form of forms) {
      const key = formKey(form);
      const id = `${key.subject_type}|${key.subject_code}`;
      if (keys.has(id)) throw new ApiError('refused', `交换文档中有重复的自评表:${key.subject_code || '部门整体'}`);
      keys.add(id);
    }
    const meta: Record<string, string> = { unit_name: doc.unit.name };
    if (doc.unit.code !== undefined) meta.unit_code = doc.unit.code;
    if (doc.formRegion) meta.form_region = doc.formRegion;
    if (doc.supplementary) {
      try {
        parseSupplementary(doc.supplementary);
      } catch (error) {
        if (error instanceof SuppError) throw new ApiError('refused', `supplementary:${error.message}`);
        throw error;
      }
      meta.supplementary = JSON.stringify(Object.fromEntries(Object.entries(doc.supplementary).filter(([, text]) => text?.trim())));
    }
    const reportTexts = textsFromDoc(doc.reportTexts);
    const names = Object.entries(doc.printedNames ?? {}).flatMap(([table, byCode]) => {
      const def = functionalOf(this.table(table));
      return Object.entries(byCode).map(([code, name]) => {
        if (codeLevel(code) === null) throw new ApiError('refused', `printedNames:${def.id} 的“${code}”不是功能分类科目代码`);
        return { table: def.id, code, name };
      });
    });
    const printedNames: PrintedNamesChange = { replace: 'all', entries: names };
    // Texts in the same transaction: a load writes all of the document or nothing.
    this.store.writeAll(
      { cells, addCodes: codes, replaceAll: true, meta, printedNames, reportTexts: { texts: reportTexts, replaceAll: true }, frameworks: frameworksFromDoc(doc.frameworks, executionsOf(forms)) },
      forms.map((form) => ({ ...formKey(form), json: serializeForm(form) })),
    );
    for (const def of this.tables()) {
      const inputs = this.model.tableInputs(def.id);
      inputs.cells.clear();
      inputs.codes.clear();
    }
    this.apply(cells, codes, []);
    this.reloadNamesAsPrinted();
    return { cells: cells.length, ignored };
  }

  private apply(cells: StoredCell[], addCodes: { table: string; code: string }[], removeCodes: { table: string; code: string }[]): void {
    applyToModel(this.model, { cells, addCodes, removeCodes });
  }

  /** A 项 code must be in the year's catalog, or come with a name as a user-defined code. */
  private requireKnownCode(def: TableDef, code: string, customName?: string): void {
    if (codeLevel(code) !== 3) throw new ApiError('refused', `${def.id}:科目代码“${code}”不是 7 位的项级代码`);
    if (!this.nameOf(code) && !customName) {
      if (this.catalog.isUnnamed(code)) {
        throw new ApiError('refused', `${def.id}:科目代码 ${code} 是有效的科目代码,内置科目表尚无其名称(名称待核);请填写科目名称,或先导入本年度官方科目表`);
      }
      throw new ApiError('refused', `${def.id}:科目代码 ${code} 不在本年度功能分类科目表中;如确需使用,请同时填写科目名称作为自定义科目`);
    }
  }
}

function sameKey(a: { subject_type: string; subject_code: string }, b: { subject_type: string; subject_code: string }): boolean {
  return a.subject_type === b.subject_type && a.subject_code === b.subject_code;
}

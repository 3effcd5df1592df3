import { create } from 'zustand';
import type { CellEdit, ReportTextDoc, YearChange, YearInfo, YearSnapshot } from '../../../shared/contract';
import { AmountError, parseAmount } from '../../../shared/money';
import { TABLES, YearModel, applyToModel, describeCell, inputsFromDocs, printedLabel, templateTables } from '../../../shared/tables';
import { CallError, call, onHeldElsewhere } from '../api';
import { baselineFromDoc, baselineView, type Finding, type ModelView, type PrintedCells, type PrintedNames, type UnitFixes } from '../../../shared/rules';
import { printedActions, printedAfter, printedOf, renamed, type PrintedActions } from './printed-actions';
import { textActions, type TextActions } from './text-actions';
import { auditYear } from '../../../shared/audit';
import { parseForm, type PerfForm, type PerfFormJson } from '../../../shared/forms/model';
import type { FrameworkDoc } from '../../../shared/forms/framework-entry';
import { CodeBook } from './code-book';
import { inverseOf, takeBackAll } from './history';
import { suppFor } from '../features/report/report-supp';
import { describeChange, placeOf } from './history-label';
import { afterPaint } from './after-paint';
import { fileNameFor, type NewYearForm } from '../features/start/new-year-form';

/**
 * A step of another page in the same history (a 绩效自评 form edit, features/forms/form-history.ts):
 * it undoes and redoes itself, showing its place first; false when it no longer can (its form was deleted).
 */
export interface PageStep {
  undo(): boolean;
  redo(): boolean;
}

type HistoryEntry =
  | {
      forward: YearChange;
      backward: YearChange;
      /** The step as the clerk made it (history-label.ts), shown on the undo and redo buttons. */
      label: string;
      page?: undefined;
    }
  | { label: string; page: PageStep };

interface YearState extends PrintedActions, TextActions {
  years: YearInfo[];
  info: YearInfo | null;
  model: YearModel | null;
  /** The 功能分类 codes this file knows: user-defined, imported official table, built-in catalog. */
  codes: CodeBook;
  tableId: string;
  /** Bumped whenever the model changes, so views re-read it. */
  version: number;
  /** Changes sent but not yet acknowledged by the core. */
  unsaved: number;
  savedAt: Date | null;
  error: string | null;
  /** Another program edits the open year: it is only viewed, checked and exported here (who holds it, in words). */
  readOnly: string | null;
  notice: string | null;
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  /**
   * 审核 findings of the open year: the whole year re-audited after every change, as the core audits
   * it, once the change is on screen (after-paint.ts): a keystroke never waits for the 审核.
   */
  findings: Finding[];
  /** False from opening a year until its first 审核 is in (the panel says it is still checking). */
  audited: boolean;
  /** The 绩效自评 forms the audit reads (the forms store keeps them as the clerk types). */
  forms: PerfForm[];
  /** The forms as the year file held them when it was opened: the forms store starts its drafts from these. */
  openedForms: PerfFormJson[];
  /** The scored frameworks as the year file held them when it was opened (the frameworks store starts from these). */
  openedFrameworks: FrameworkDoc[];
  explanations: Record<string, string>;
  /** Last year's values (上年数) for the cross-year rules, when a baseline was imported. */
  baseline: ModelView | undefined;
  /** 补充信息 as entered (field key → text). */
  supplementary: Record<string, string>;
  /** 决算公开 texts (reasons, 概况, 名词解释) by key. */
  reportTexts: Record<string, ReportTextDoc>;
  /** A 汇总 file's units as consolidated (its 决算单位构成 draft is built from them); undefined for a unit's year. */
  consolidatedUnits: YearSnapshot['consolidatedUnits'];
  /** The units a 汇总's 决算单位构成 was confirmed for: set again as the clerk saves it (P-07). */
  confirmedOrganisation: YearSnapshot['confirmedOrganisation'];
  /** A 汇总's: the unit files its errors on summed amounts are fixed in, as the core pointed them; undefined for a unit's year. */
  unitFixes: UnitFixes | undefined;
  /** Computed cells as an imported workbook printed them, until the clerk accepts the computed value (R-I01). */
  printed: PrintedCells;
  /** 科目 names an imported file printed against the catalog (R-I02), until the clerk takes the catalog name. */
  printedNames: PrintedNames;
  /** A cell the grid should scroll to and focus (from a click on a finding); seq makes repeats count. */
  focusRequest: { table: string; row: string; col: string; seq: number } | null;
  /** Lists the year files; `asked` is the core's answer when it was already asked for (at start). */
  loadYears(asked?: Promise<YearInfo[]>): Promise<void>;
  createYear(form: NewYearForm): Promise<void>;
  /** Opens a year file; `asked` is the core's answer when it was already asked for (at start, beside the year list). */
  openYear(file: string, asked?: Promise<YearSnapshot>): Promise<void>;
  closeYear(): void;
  selectTable(id: string): void;
  /** One user action (an edit, a paste, adding a row): applied at once, persisted, one undo step. */
  change(change: YearChange): Promise<boolean>;
  editCells(edits: CellEdit[]): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Records a page step as the newest undo step, or relabels it while it is still the newest (typing into one field). */
  recordPageStep(step: PageStep, label: string): void;
  /** Takes back a page step that came to nothing (typed, then put back as it was). */
  dropPageStep(step: PageStep): void;
  showNotice(text: string | null): void;
  dismissError(): void;
  /** Opens the table at a cell (a finding's, or a linked cell's source) and focuses it (col '' = the row's label). */
  goToFinding(at: Pick<Finding, 'table' | 'row' | 'col'>): void;
  /** Shows a table and focuses a cell in it: the same as goToFinding, for places that are not findings. */
  showCell(place: { table: string; row: string; col: string }): void;
  /** The forms changed: they are audited with the year from now on. */
  setForms(forms: PerfForm[]): void;
  /** A table's grid has the focus in one of its cells: the first 审核 of a year just opened runs after this frame. */
  gridShown(): void;
}

/** The first 审核 of an opened year runs once its grid has the focus, or after this long when none takes it (another page). */
const FIRST_AUDIT_DELAY = 2000;

function modelFrom(snapshot: YearSnapshot): { model: YearModel; codes: CodeBook; unitFixes: UnitFixes | undefined } {
  const codes = CodeBook.fromSnapshot(snapshot);
  const fixes = snapshot.unitFixes && new Map(Object.entries(snapshot.unitFixes));
  return { model: new YearModel(TABLES, inputsFromDocs(snapshot.tables), (code) => codes.name(code)), codes, unitFixes: fixes && (() => fixes) };
}

/** Changes reach the core strictly in order; each is committed before the next is sent. */
let queue: Promise<unknown> = Promise.resolve();
/** Changes on screen whose save has not come back yet, oldest first, each with the change that takes it back. */
let pending: { backward: YearChange }[] = [];

export const useYearStore = create<YearState>((set, get) => {
  /** The 审核 of the year as the store holds it now (with `next` about to be set), the same one the core runs. */
  const audit = (): Finding[] => {
    const { model, info, explanations, baseline, supplementary, reportTexts, forms, printed, printedNames, unitFixes } = get();
    if (!model || !info) return [];
    const supp = suppFor(info, supplementary, reportTexts, get());
    return auditYear(model, { template: info.template, numbering: info.numbering, fiscalYear: info.fiscalYear, edition: info.definitionsEdition, explanations, baseline, supp, printed, printedNames, forms, unitFixes });
  };
  /** Every change asks for the 审核 again; changes within one frame share one run, after the frame is painted. */
  const findingsAfterPaint = afterPaint(() => set({ findings: audit(), audited: true }));
  const reaudit = findingsAfterPaint.request;

  /** Parses, applies locally at once, then persists; a refusal reloads the stored state. */
  async function apply(change: YearChange, record: 'new' | 'undo' | 'redo', recordedLabel?: string): Promise<boolean> {
    const { model, info, readOnly } = get();
    if (!model || !info) return false;
    if (readOnly) {
      set({ error: readOnly });
      return false;
    }
    const cells = [];
    for (const edit of change.cells ?? []) {
      try {
        cells.push({ ...edit, value: edit.value === null ? null : parseAmount(edit.value) });
      } catch (error) {
        if (!(error instanceof AmountError)) throw error;
        set({ error: `${edit.table} ${describeCell(model.table(edit.table), edit.row)} 第 ${edit.col} 栏:${error.message}` });
        return false;
      }
    }
    const { printed, printedNames, backward: printedBackward } = printedAfter(get(), change);
    const backward = { ...inverseOf(model, change), ...printedBackward };
    const label = recordedLabel ?? describeChange(model, change, (table) => printedLabel(table, info.template, info.numbering));
    for (const { code, name } of change.addCodes ?? []) if (name) get().codes.addCustom(code, name);
    if (change.printedNames?.length) renamed(model, get().codes, printedNames);
    const implicitCodes = cells.filter((cell) => /^\d{7}$/.test(cell.row) && model.table(cell.table).kind === 'functional').map((cell) => ({ table: cell.table, code: cell.row }));
    applyToModel(model, { addCodes: [...(change.addCodes ?? []), ...implicitCodes], cells, removeCodes: change.removeCodes ?? [] });
    // Undoing or redoing an entry applies its backward change, whose own inverse lands on the other stack.
    const entry = { forward: change, backward, label };
    const history =
      record === 'undo'
        ? { redoStack: [...get().redoStack, entry] }
        : { undoStack: [...get().undoStack, entry].slice(-500), ...(record === 'new' ? { redoStack: [] } : {}) };
    set({ ...history, printedNames, printed, version: get().version + 1, unsaved: get().unsaved + 1, error: null });
    reaudit();
    const mine = { backward };
    pending.push(mine);
    const sent = queue.then(() => call('edit', { file: info.file, ...change }));
    queue = sent.catch(() => undefined);
    try {
      await sent;
      pending = pending.filter((entry) => entry !== mine);
      set({ unsaved: get().unsaved - 1, savedAt: new Date() });
      return true;
    } catch (error) {
      set({ unsaved: get().unsaved - 1, error: (error as Error).message });
      // Another tab holds the year: this page has left it; reopening it here would take it from that tab.
      if (error instanceof CallError && error.body.kind === 'elsewhere') return false;
      try {
        const snapshot = await call('openYear', { file: info.file });
        pending = pending.filter((entry) => entry !== mine);
        const restored = modelFrom(snapshot);
        set({ ...restored, ...printedOf(snapshot), explanations: snapshot.explanations, version: get().version + 1, undoStack: [], redoStack: [] });
      } catch {
        // The core is out of reach (the browser mode's program stopped): this change and those typed after it
        // will not be saved; the screen goes back to what the file holds, so no unsaved figure looks saved.
        takeBack(mine);
      }
      reaudit();
      return false;
    }
  }

  /** Takes a change that failed, and every change shown after it, off the screen, newest first. */
  function takeBack(failed: { backward: YearChange }): void {
    const model = get().model;
    const from = pending.indexOf(failed);
    if (!model || from < 0) return;
    takeBackAll(model, pending.splice(from).map((entry) => entry.backward));
    set({ version: get().version + 1, undoStack: [], redoStack: [] });
  }

  /** Undoing a step in another table than the one on screen first brings that table and cell into view. */
  function showPlaceOf(change: YearChange): void {
    const place = placeOf(change);
    if (place) get().showCell(place);
  }

  /** Back to the start page. Notices speak of this year ("已导出 …", "已从 … 导入"): they do not follow the clerk into the next one. */
  function leaveYear() {
    set({ info: null, model: null, forms: [], openedForms: [], openedFrameworks: [], findings: [], undoStack: [], redoStack: [], notice: null, readOnly: null });
    void get().loadYears();
  }
  // Browser mode: another tab opened this year. The page leaves it (no closeYear: the file is that tab's now).
  onHeldElsewhere((message) => {
    leaveYear();
    set({ error: message });
  });

  return {
    years: [],
    info: null,
    model: null,
    codes: new CodeBook(),
    tableId: '公开01表',
    version: 0,
    unsaved: 0,
    savedAt: null,
    error: null,
    readOnly: null,
    notice: null,
    undoStack: [],
    redoStack: [],
    findings: [],
    audited: false,
    forms: [],
    openedForms: [],
    openedFrameworks: [],
    explanations: {},
    baseline: undefined,
    supplementary: {},
    reportTexts: {},
    consolidatedUnits: undefined,
    confirmedOrganisation: undefined,
    unitFixes: undefined,
    printed: new Map(),
    printedNames: new Map(),
    focusRequest: null,

    async loadYears(asked) {
      try {
        set({ years: await (asked ?? call('listYears', {})) });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },

    async createYear(form) {
      try {
        const info = await call('createYear', { file: fileNameFor(form), ...form, unitCode: form.unitCode || undefined, baselineFrom: form.baselineFrom || undefined });
        await get().openYear(info.file);
        // What last year's file could not give this year (a retired 科目, a one-off project), once the year shows.
        if (info.baselineWarnings) get().showNotice(`以上年年度文件为基数:${info.baselineWarnings.join(';')}`);
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },

    async openYear(file, asked) {
      try {
        const snapshot = await (asked ?? call('openYear', { file }));
        const first = templateTables(snapshot.info.template)[0].id;
        const opened = modelFrom(snapshot);
        const baseline = snapshot.baseline ? baselineView(baselineFromDoc(snapshot.baseline)) : undefined;
        const supplementary = snapshot.supplementary;
        const reportTexts = snapshot.reportTexts;
        // The forms store reads the forms again and keeps them as drafts; until then the stored ones count.
        const forms = snapshot.forms.map((json) => parseForm(json));
        // The grid is drawn and takes the focus first (gridShown); the year's 审核 follows (the panel says it is checking).
        set({ info: snapshot.info, ...opened, forms, openedForms: snapshot.forms, openedFrameworks: snapshot.frameworks, findings: [], audited: false, baseline, supplementary, reportTexts, consolidatedUnits: snapshot.consolidatedUnits, confirmedOrganisation: snapshot.confirmedOrganisation, ...printedOf(snapshot), explanations: snapshot.explanations, tableId: first, version: get().version + 1, error: null, readOnly: snapshot.readOnly ?? null, savedAt: null, undoStack: [], redoStack: [] });
        findingsAfterPaint.requestBy(FIRST_AUDIT_DELAY);
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },

    closeYear() {
      // After the edits already sent, the core closes the file and frees its edit lock for the CLI or a colleague.
      const file = get().info?.file;
      if (file) queue = queue.then(() => call('closeYear', { file })).catch(() => undefined);
      leaveYear();
    },

    selectTable(id) {
      set({ tableId: id, notice: null });
    },

    change: (change) => apply(change, 'new'),
    editCells: (edits) => apply({ cells: edits }, 'new'),

    async undo() {
      const entry = get().undoStack.at(-1);
      if (!entry) return set({ notice: '没有可撤销的操作' });
      set({ undoStack: get().undoStack.slice(0, -1) });
      if (entry.page) {
        if (entry.page.undo()) set({ redoStack: [...get().redoStack, entry] });
        return;
      }
      showPlaceOf(entry.backward);
      await apply(entry.backward, 'undo', entry.label);
    },

    async redo() {
      const entry = get().redoStack.at(-1);
      if (!entry) return set({ notice: '没有可恢复的操作' });
      set({ redoStack: get().redoStack.slice(0, -1) });
      if (entry.page) {
        if (entry.page.redo()) set({ undoStack: [...get().undoStack, entry] });
        return;
      }
      showPlaceOf(entry.backward);
      await apply(entry.backward, 'redo', entry.label);
    },

    recordPageStep(step, label) {
      const stack = get().undoStack;
      if (stack.at(-1)?.page === step) set({ undoStack: [...stack.slice(0, -1), { label, page: step }] });
      else set({ undoStack: [...stack, { label, page: step }].slice(-500), redoStack: [] });
    },

    dropPageStep(step) {
      if (get().undoStack.at(-1)?.page === step) set({ undoStack: get().undoStack.slice(0, -1) });
    },

    showNotice(text) {
      set({ notice: text });
    },

    dismissError() {
      set({ error: null });
    },

    ...printedActions(get),

    ...textActions(get, set, reaudit),

    setForms(forms) {
      set({ forms });
      // Until the year's first 审核 has run (it reads the forms as they are then), nothing to redo.
      if (get().audited) reaudit();
    },

    gridShown() {
      if (!get().audited) reaudit();
    },

    showCell(place) {
      get().goToFinding(place);
    },

    goToFinding({ table, row, col }) {
      set({ tableId: table, focusRequest: { table, row, col, seq: (get().focusRequest?.seq ?? 0) + 1 } });
    },
  };
});

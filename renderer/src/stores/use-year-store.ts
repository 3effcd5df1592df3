import { create } from 'zustand';
import type { CellEdit, TemplateSet, Numbering, YearInfo, YearSnapshot } from '../../../shared/contract';
import { functionName } from '../../../shared/catalog';
import { AmountError, parseAmount } from '../../../shared/money';
import { TABLES, YearModel, cellKey, emptyInputs, templateTables, type YearInputs } from '../../../shared/tables';
import { call } from '../api';

export interface NewYearForm {
  fiscalYear: number;
  unitName: string;
  unitCode: string;
  template: TemplateSet;
  numbering: Numbering;
}

interface YearState {
  years: YearInfo[];
  info: YearInfo | null;
  model: YearModel | null;
  tableId: string;
  /** Bumped whenever the model changes, so views re-read it. */
  version: number;
  /** Edits sent but not yet acknowledged by the core. */
  unsaved: number;
  savedAt: Date | null;
  error: string | null;
  loadYears(): Promise<void>;
  createYear(form: NewYearForm): Promise<void>;
  openYear(file: string): Promise<void>;
  closeYear(): void;
  selectTable(id: string): void;
  editCells(edits: CellEdit[]): Promise<boolean>;
  dismissError(): void;
}

function modelFrom(snapshot: YearSnapshot): YearModel {
  const inputs: YearInputs = {};
  const names = new Map<string, string>();
  for (const [id, doc] of Object.entries(snapshot.tables)) {
    const table = (inputs[id] = emptyInputs());
    for (const code of doc.codes ?? []) table.codes.add(code);
    for (const [code, name] of Object.entries(doc.names ?? {})) names.set(code, name);
    for (const [row, cols] of Object.entries(doc.cells)) {
      for (const [col, text] of Object.entries(cols)) table.cells.set(cellKey(row, col), parseAmount(text)!);
    }
  }
  return new YearModel(TABLES, inputs, (code) => names.get(code) ?? functionName(code));
}

function fileNameFor(form: NewYearForm): string {
  return `${form.fiscalYear}-${form.unitName.replace(/[\\/:*?"<>|\s]+/g, '')}.sqlite`;
}

/** Edits reach the core strictly in order; each is committed before the next is sent. */
let queue: Promise<unknown> = Promise.resolve();

export const useYearStore = create<YearState>((set, get) => ({
  years: [],
  info: null,
  model: null,
  tableId: '公开01表',
  version: 0,
  unsaved: 0,
  savedAt: null,
  error: null,

  async loadYears() {
    try {
      set({ years: await call('listYears', {}) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },

  async createYear(form) {
    try {
      const info = await call('createYear', { file: fileNameFor(form), ...form, unitCode: form.unitCode || undefined });
      await get().openYear(info.file);
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },

  async openYear(file) {
    try {
      const snapshot = await call('openYear', { file });
      const first = templateTables(snapshot.info.template)[0].id;
      set({ info: snapshot.info, model: modelFrom(snapshot), tableId: first, version: get().version + 1, error: null, savedAt: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },

  closeYear() {
    set({ info: null, model: null });
    void get().loadYears();
  },

  selectTable(id) {
    set({ tableId: id });
  },

  /** Applies edits to the live model at once, then persists them; a refusal restores the stored state. */
  async editCells(edits) {
    const { model, info } = get();
    if (!model || !info) return false;
    const parsed: { key: string; table: string; value: number | null }[] = [];
    for (const edit of edits) {
      try {
        parsed.push({ table: edit.table, key: cellKey(edit.row, edit.col), value: edit.value === null ? null : parseAmount(edit.value) });
      } catch (error) {
        if (error instanceof AmountError) {
          set({ error: `${edit.table} ${edit.row} 行第 ${edit.col} 栏:${error.message}` });
          return false;
        }
        throw error;
      }
    }
    for (const { table, key, value } of parsed) {
      const cells = model.tableInputs(table).cells;
      if (value === null) cells.delete(key);
      else cells.set(key, value);
    }
    model.invalidate();
    set({ version: get().version + 1, unsaved: get().unsaved + 1, error: null });
    const sent = queue.then(() => call('setCells', { file: info.file, edits }));
    queue = sent.catch(() => undefined);
    try {
      await sent;
      set({ unsaved: get().unsaved - 1, savedAt: new Date() });
      return true;
    } catch (error) {
      set({ unsaved: get().unsaved - 1, error: (error as Error).message });
      const snapshot = await call('openYear', { file: info.file });
      set({ model: modelFrom(snapshot), version: get().version + 1 });
      return false;
    }
  },

  dismissError() {
    set({ error: null });
  },
}));

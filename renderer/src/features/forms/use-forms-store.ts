/**
 * The 绩效自评 forms of the open year: drafts as the clerk types them, saved one form at a time
 * through saveForm. Edits apply locally at once (scores, the list and findings follow every
 * keystroke) and reach the core debounced, strictly in order; a refusal shows the core's message
 * and reloads what is stored, as table edits do.
 *
 * The year store owns the 审核 panel and the header's save status; this store hands it the forms
 * to audit with the year after every edit and counts its pending saves in the same `unsaved`
 * counter, so there is one audit and one 已保存/保存中… for the whole year file.
 */
import { create } from 'zustand';
import type { PerfForm, PerfFormJson } from '../../../../shared/forms/model';
import { prefillDepartment } from '../../../../shared/forms/department-prefill';
import { variantFor, type FormRegion } from '../../../../shared/forms/regions';
import { call } from '../../api';
import { useYearStore } from '../../stores/use-year-store';
import { computeForm, keyOf, normalise, savable, sameKey, type FormKey } from './form-draft';

export interface FormEntry {
  /** Local identity: a project's code (its stored key) may change while it is edited. */
  id: number;
  json: PerfFormJson;
}

interface FormsState {
  file: string | null;
  loading: boolean;
  entries: FormEntry[];
  /** The project form open in the editor (the list shows when null). */
  openId: number | null;
  /** A region chosen in 地区表样 that waits for 改用 / 取消 (forms already filled would be re-laid out). */
  regionPending: FormRegion | null;
  askRegion(region: FormRegion | null): void;
  /** Reads the year's forms: from `stored` when the caller already holds them (the year just opened), else from the core. */
  load(file: string, stored?: PerfFormJson[]): Promise<void>;
  update(id: number, recipe: (json: PerfFormJson) => PerfFormJson): void;
  /**
   * Saves a new form at once; null when the core refuses it (the message is shown). `restoring` puts
   * a deleted form back (undo) under its old id and place in the list, so its undo steps find it.
   */
  create(json: PerfFormJson, restoring?: { id: number; at: number }): Promise<number | null>;
  /** A form that exists only locally until its first edit (the department form before it is filled). */
  draft(json: PerfFormJson): number;
  remove(id: number): Promise<void>;
  open(id: number | null): void;
  setRegion(region: FormRegion): Promise<void>;
  flush(): Promise<void>;
  reset(): void;
}

const DEBOUNCE_MS = 300;
let nextId = 1;
/** What each entry is stored under in the core; absent until first saved. An id is reused only by the same form, deleted and put back. */
const savedKeys = new Map<number, FormKey>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const dirty = new Set<number>();
/** Saves and deletes reach the core one after another, in the order they were made. */
let queue: Promise<unknown> = Promise.resolve();

/** A form shown but neither stored nor edited (the department form before its first entry). */
export function isUntouchedDraft(id: number): boolean {
  return !savedKeys.has(id) && !dirty.has(id);
}

function bumpUnsaved(delta: number, saved = false): void {
  useYearStore.setState((state) => ({ unsaved: Math.max(0, state.unsaved + delta), ...(saved ? { savedAt: new Date() } : {}) }));
}

function showError(message: string): void {
  useYearStore.setState({ error: message });
}

function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job);
  queue = run.catch(() => undefined);
  return run;
}

export const useFormsStore = create<FormsState>((set, get) => {
  function entriesFrom(forms: PerfFormJson[]): FormEntry[] {
    const previous = get().entries;
    return forms.map((json) => {
      const key = keyOf(json);
      // Reuse the id of the entry stored under the same key, so an open editor stays open after a reload.
      const reused = previous.find((entry) => savedKeys.has(entry.id) && sameKey(savedKeys.get(entry.id)!, key));
      const id = reused?.id ?? nextId++;
      savedKeys.set(id, key);
      return { id, json: normalise(json) };
    });
  }

  function adopt(forms: PerfFormJson[]): void {
    const entries = entriesFrom(forms);
    set({ entries, openId: entries.some((entry) => entry.id === get().openId) ? get().openId : null });
  }

  async function reload(): Promise<void> {
    const file = get().file;
    if (!file) return;
    try {
      const snapshot = await call('openYear', { file });
      // Another year was opened meanwhile: this answer is about a file no longer shown.
      if (get().file !== file) return;
      adopt(snapshot.forms);
    } catch (error) {
      showError((error as Error).message);
    }
    syncFindings();
  }

  function send(id: number): Promise<void> {
    clearTimeout(timers.get(id));
    timers.delete(id);
    if (!dirty.has(id)) return queue.then(() => undefined);
    dirty.delete(id);
    // What is sent is the draft as it is now; a later edit schedules its own save behind this one.
    const file = get().file;
    const entry = get().entries.find((candidate) => candidate.id === id);
    if (!entry || !file) {
      bumpUnsaved(-1);
      return queue.then(() => undefined);
    }
    return enqueue(async () => {
      try {
        const replace = savedKeys.get(id);
        const result = await call('saveForm', { file, form: savable(entry.json).payload, ...(replace ? { replace } : {}) });
        savedKeys.set(id, keyOf(result.form));
        bumpUnsaved(-1, true);
      } catch (error) {
        bumpUnsaved(-1);
        showError((error as Error).message);
        await reload();
      }
    });
  }

  return {
    file: null,
    loading: false,
    entries: [],
    openId: null,
    regionPending: null,

    async load(file, stored) {
      if (get().file !== file) {
        set({ file, entries: [], openId: null, regionPending: null, loading: true });
      }
      if (stored) {
        adopt(stored);
        syncFindings();
      } else await reload();
      set({ loading: false });
    },

    update(id, recipe) {
      const entries = get().entries.map((entry) => (entry.id === id ? { ...entry, json: recipe(entry.json) } : entry));
      set({ entries });
      if (!dirty.has(id)) {
        dirty.add(id);
        bumpUnsaved(1);
      }
      clearTimeout(timers.get(id));
      timers.set(id, setTimeout(() => void send(id), DEBOUNCE_MS));
      syncFindings();
    },

    async create(json, restoring) {
      const file = get().file;
      if (!file) return null;
      bumpUnsaved(1);
      let stored: PerfFormJson;
      try {
        stored = normalise((await enqueue(() => call('saveForm', { file, form: json }))).form);
      } catch (error) {
        bumpUnsaved(-1);
        showError((error as Error).message);
        return null;
      }
      bumpUnsaved(-1, true);
      const id = restoring?.id ?? nextId++;
      savedKeys.set(id, keyOf(stored));
      const entries = [...get().entries];
      entries.splice(restoring?.at ?? entries.length, 0, { id, json: stored });
      set({ entries });
      syncFindings();
      return id;
    },

    draft(json) {
      const id = nextId++;
      set({ entries: [...get().entries, { id, json }] });
      return id;
    },

    async remove(id) {
      const file = get().file;
      clearTimeout(timers.get(id));
      timers.delete(id);
      if (dirty.delete(id)) bumpUnsaved(-1);
      set({ entries: get().entries.filter((entry) => entry.id !== id), openId: get().openId === id ? null : get().openId });
      syncFindings();
      if (!file) return;
      await enqueue(async () => {
        const key = savedKeys.get(id);
        if (!key) return;
        try {
          await call('deleteForm', { file, ...key });
          savedKeys.delete(id);
          useYearStore.setState({ savedAt: new Date() });
        } catch (error) {
          showError((error as Error).message);
          await reload();
        }
      });
    },

    askRegion(region) {
      set({ regionPending: region });
    },

    open(id) {
      void get().flush();
      set({ openId: id });
    },

    async setRegion(region) {
      const { file } = get();
      const info = useYearStore.getState().info;
      if (!file || !info) return;
      try {
        await enqueue(() => call('setFormRegion', { file, region }));
      } catch (error) {
        showError((error as Error).message);
        return;
      }
      useYearStore.setState({ info: { ...info, formRegion: region }, savedAt: new Date() });
      // The region chooses the 决算公开 outline P-05 reads: the year is audited again even when no form changes layout.
      syncFindings();
      // Every variant renders the same model, so switching a form's profile keeps all it holds.
      for (const entry of get().entries) {
        const variant = variantFor(region, entry.json.subject_type);
        if (entry.json.variant === variant) continue;
        // A department form nobody has filled yet stays a local draft: it is re-laid out (and filled where the new layout has room), not created.
        if (isUntouchedDraft(entry.id)) {
          const model = useYearStore.getState().model;
          const json = model && entry.json.subject_type === 'department' ? prefillDepartment({ ...entry.json, variant }, model) : { ...entry.json, variant };
          set({ entries: get().entries.map((e) => (e.id === entry.id ? { ...e, json } : e)) });
        }
        else get().update(entry.id, (json) => ({ ...json, variant }));
      }
    },

    async flush() {
      await Promise.all([...dirty].map((id) => send(id)));
    },

    reset() {
      void get().flush();
      set({ file: null, entries: [], openId: null, regionPending: null });
    },
  };
});

// ---------------------------------------------------------------- the forms the year's 审核 reads

/** The drafts as they are now (so findings follow the keyboard); a form nobody has touched yet is not part of the year. */
function auditedForms(): PerfForm[] {
  return useFormsStore
    .getState()
    .entries.filter((entry) => !isUntouchedDraft(entry.id))
    .map((entry) => computeForm(entry.json))
    .filter((form) => form !== null);
}

function syncFindings(): void {
  const year = useYearStore.getState();
  if (year.info && useFormsStore.getState().file === year.info.file) year.setForms(auditedForms());
}

useYearStore.subscribe((state, previous) => {
  const file = state.info?.file ?? null;
  // A year was opened, or opened again after an import or load replaced its forms: its forms count
  // from the start. The snapshot that opened the year carries them (reading the whole year again for
  // them delayed the first grid); a new snapshot of the same file means its forms may have changed.
  if (file && state.openedForms !== previous.openedForms) void useFormsStore.getState().load(file, state.openedForms);
  else if (!file && previous.info) useFormsStore.getState().reset();
});

// Leaving the page (reload, window closed) sends whatever the debounce still holds.
window.addEventListener('pagehide', () => void useFormsStore.getState().flush());

/**
 * The scored frameworks of the open year (附件1.1, 附件2, 大通湖 附件5): what is stored, and the
 * clerk's edits applied at once and saved debounced through saveFramework, strictly in order. Each
 * committed change is one step of the page-wide undo history (the UndoBar, Ctrl+Z, Ctrl+Y).
 */
import { create } from 'zustand';
import type { FrameworkJson, FrameworkKind } from '../../../../../shared/forms/framework';
import type { FrameworkDoc } from '../../../../../shared/forms/framework-entry';
import { call } from '../../../api';
import { useYearStore, type PageStep } from '../../../stores/use-year-store';
import { frameworkPage } from '../pages';
import { changeThenFocus } from '../focus-after-change';

/** kind|subject_code: subject_code '' for a department framework, the 项目编码 for 附件2. */
export const frameworkKey = (kind: FrameworkKind, subjectCode: string) => `${kind}|${subjectCode}`;

interface FrameworksState {
  file: string | null;
  /** Stored or edited frameworks by key. */
  docs: Record<string, FrameworkDoc>;
  /** The project whose 附件2 is shown ('' : the first project). */
  project: string;
  /** Shows a framework's page (附件2: of one project). */
  show(kind: FrameworkKind, subjectCode: string): void;
  /** Reads the year's frameworks; `stored` is the answer the year was opened with, when there is one. */
  load(file: string, stored?: FrameworkDoc[]): Promise<void>;
  /** Applies a change of one framework and saves it; `label` names the undo step. `field` is focused on undo. */
  edit(kind: FrameworkKind, subjectCode: string, before: FrameworkJson, after: FrameworkJson, label: string, field: string): void;
  /** Deletes a stored framework (the page shows the blank template again). */
  remove(kind: FrameworkKind, subjectCode: string): Promise<void>;
  flush(): Promise<void>;
}

const DEBOUNCE_MS = 300;
const timers = new Map<string, ReturnType<typeof setTimeout>>();
let queue: Promise<unknown> = Promise.resolve();


export const useFrameworksStore = create<FrameworksState>((set, get) => {
  function put(kind: FrameworkKind, subjectCode: string, framework: FrameworkJson): void {
    const key = frameworkKey(kind, subjectCode);
    set({ docs: { ...get().docs, [key]: { subject_code: subjectCode, framework } } });
    if (!timers.has(key)) useYearStore.setState((state) => ({ unsaved: state.unsaved + 1 }));
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => void send(key), DEBOUNCE_MS));
  }

  function send(key: string): Promise<unknown> {
    if (!timers.has(key)) return queue;
    clearTimeout(timers.get(key));
    timers.delete(key);
    const file = get().file;
    const doc = get().docs[key];
    const run = queue.then(async () => {
      try {
        if (!file || !doc) return;
        const saved = await call('saveFramework', { file, subject_code: doc.subject_code, framework: doc.framework });
        // The stored one carries the settled totals; the draft mark is gone once the clerk saved it.
        if (get().file === file && get().docs[key] === doc) set({ docs: { ...get().docs, [key]: saved.doc } });
        useYearStore.setState((state) => ({ unsaved: Math.max(0, state.unsaved - 1), savedAt: new Date() }));
      } catch (error) {
        useYearStore.setState((state) => ({ unsaved: Math.max(0, state.unsaved - 1), error: (error as Error).message }));
        await get().load(file!);
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    file: null,
    docs: {},
    project: '',
    show(kind, subjectCode) {
      if (subjectCode) set({ project: subjectCode });
      useYearStore.getState().selectTable(frameworkPage(kind));
    },
    async load(file, opened) {
      if (get().file !== file) set({ file, docs: {} });
      try {
        const frameworks = opened ?? (await call('openYear', { file })).frameworks;
        if (get().file !== file) return;
        const stored = Object.fromEntries(frameworks.map((doc) => [frameworkKey(doc.framework.framework, doc.subject_code), doc]));
        // An edit still waiting for its save stays as typed; it reaches the core behind this read.
        const pending = Object.fromEntries([...timers.keys()].filter((key) => get().docs[key]).map((key) => [key, get().docs[key]]));
        set({ docs: { ...stored, ...pending } });
      } catch (error) {
        useYearStore.setState({ error: (error as Error).message });
      }
    },
    edit(kind, subjectCode, before, after, label, field) {
      // The first entry stores the framework: undoing it takes the framework away again, so one that
      // holds nothing is not counted 已填 nor listed in the 得分一览 and the workbook.
      const created = !get().docs[frameworkKey(kind, subjectCode)];
      put(kind, subjectCode, after);
      const restore = (framework: FrameworkJson | null) => {
        // Undoing shows where the change was, with the field focused.
        changeThenFocus(
          () => {
            if (framework) put(kind, subjectCode, framework);
            else void get().remove(kind, subjectCode);
            get().show(kind, subjectCode);
          },
          () => document.querySelector<HTMLElement>(`.fw-sheet [data-field="${CSS.escape(field)}"]`),
        );
        return true;
      };
      const step: PageStep = { undo: () => restore(created ? null : before), redo: () => restore(after) };
      useYearStore.getState().recordPageStep(step, label);
    },
    remove(kind, subjectCode) {
      const key = frameworkKey(kind, subjectCode);
      const file = get().file;
      if (!file || !get().docs[key]) return queue.then(() => undefined);
      // A save still waiting goes first, so the delete finds what it removes; the page shows the
      // blank template at once (an undo focuses its field right away, which must not show the old score).
      void send(key);
      const { [key]: _removed, ...docs } = get().docs;
      set({ docs });
      const run = queue.then(async () => {
        try {
          await call('deleteFramework', { file, kind, subject_code: subjectCode });
          useYearStore.setState({ savedAt: new Date() });
        } catch (error) {
          useYearStore.setState({ error: (error as Error).message });
          await get().load(file);
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async flush() {
      await Promise.all([...timers.keys()].map((key) => send(key)));
    },
  };
});

// A year opened, or opened again after an import or load replaced its contents: its frameworks are read.
// The snapshot that opened the year carries them: reading the whole year again delayed the first grid.
useYearStore.subscribe((state, previous) => {
  if (state.info === previous.info) return;
  const file = state.info?.file ?? null;
  const opened = state.openedFrameworks !== previous.openedFrameworks ? state.openedFrameworks : undefined;
  if (file) void useFrameworksStore.getState().load(file, opened);
  else useFrameworksStore.setState({ file: null, docs: {}, project: '' });
});

window.addEventListener('pagehide', () => void useFrameworksStore.getState().flush());

/**
 * Undo and redo for the 绩效自评 forms, in the page-wide history the tables use (the UndoBar, Ctrl+Z
 * and Ctrl+Y). Every committed change of a field is one step: what is typed into one field while it
 * keeps the focus (the forms apply each keystroke) grows one step, and leaving the field closes it;
 * adding, removing or moving an indicator row is a step of its own.
 *
 * A step keeps the form's top-level fields it changed, before and after, so undoing it puts back
 * only those (a region switch in between, which is no step, stays). Undoing or redoing first shows
 * the form and focuses the field, as the tables show the cell.
 */
import { formLabel, type IndicatorJson, type PerfFormJson } from '../../../../shared/forms/model';
import { FORMS_TABLE } from '../../../../shared/forms/year-check';
import { useYearStore, type PageStep } from '../../stores/use-year-store';
import { currentReadOnlyReason, READ_ONLY_REFUSAL } from '../../stores/read-only';
import { computeForm, keyOf, sameKey } from './form-draft';
import { useFormsStore } from './use-forms-store';

type Fields = Partial<PerfFormJson>;

interface FormStep extends PageStep {
  formId: number;
  before: Fields;
  after: Fields;
  /** The field to focus when the step is undone or redone (a finding's path, e.g. "indicators[2].actual_raw"). */
  field: string | null;
}

/** The step still growing: the field being typed into. */
let growing: { step: FormStep; element: Control } | null = null;
/** The cell being left: a key field (项目编码, 名称) commits on leaving it, when the focus is already nowhere. */
let leaving: Control | null = null;

document.addEventListener('focusout', (event) => (leaving = controlIn(event.target)), true);
// Leaving a field closes its step (the field's own blur handler, which commits a key field, runs before this).
document.addEventListener('focusout', () => {
  growing = null;
  leaving = null;
});

/**
 * Applies a change of a form the clerk made (FormEditor's every edit) and records it as an undo step;
 * `words`, when given, make it a step of its own with that name (a pasted block is no typing to grow).
 */
export function editForm(id: number, recipe: (json: PerfFormJson) => PerfFormJson, words?: string): void {
  // Keyboard shortcuts (Ctrl+Enter, Alt+↑) reach here even while every control is disabled.
  if (currentReadOnlyReason()) return useYearStore.getState().showNotice(READ_ONLY_REFUSAL);
  const forms = useFormsStore.getState();
  const before = forms.entries.find((entry) => entry.id === id)?.json;
  forms.update(id, recipe);
  const after = useFormsStore.getState().entries.find((entry) => entry.id === id)?.json;
  if (before && after) record(id, before, after, words);
}

/**
 * Deletes a project's form as one undo step: undoing saves it back whole, as it was when deleted,
 * unless another form took its 项目编码 in between (that one is never overwritten).
 */
export function removeForm(id: number): void {
  const entries = useFormsStore.getState().entries;
  const at = entries.findIndex((entry) => entry.id === id);
  if (at < 0) return;
  const json = entries[at].json;
  void useFormsStore.getState().remove(id);
  const step: PageStep = {
    undo: () => {
      const forms = useFormsStore.getState();
      const taken = forms.entries.find((entry) => sameKey(keyOf(entry.json), keyOf(json)));
      if (taken) {
        useYearStore.getState().showNotice(`项目编码 ${json.subject_code ?? ''} 已有自评表《${taken.json.subject_name}》,不能恢复删除的《${json.subject_name}》`);
        return false;
      }
      void forms.create(json, { id, at: Math.min(at, forms.entries.length) });
      return true;
    },
    redo: () => {
      if (!useFormsStore.getState().entries.some((entry) => entry.id === id)) return false;
      void useFormsStore.getState().remove(id);
      return true;
    },
  };
  useYearStore.getState().recordPageStep(step, `删除${formTitle(json)}`);
}

function record(id: number, before: PerfFormJson, after: PerfFormJson, words?: string): void {
  const keys = (Object.keys({ ...before, ...after }) as (keyof PerfFormJson)[]).filter((key) => before[key] !== after[key]);
  if (!keys.length) return;
  const year = useYearStore.getState();
  if (words) {
    growing = null;
    year.recordPageStep(formStep(id, pick(before, keys), pick(after, keys), focusedControl()?.getAttribute('data-field') ?? null), `${formTitle(after)} ${words}`);
    return;
  }
  const rows = rowChange(before.indicators, after.indicators);
  const element = focusedControl();
  if (!rows && element && growing?.element === element && growing.step.formId === id) {
    const step = growing.step;
    for (const key of keys) if (!(key in step.before)) Object.assign(step.before, { [key]: before[key] });
    step.after = pick(after, Object.keys(step.before) as (keyof PerfFormJson)[]);
    // Typed and put back (Escape, or a refused text left): nothing is left to undo.
    if (sameFields(step.before, step.after)) {
      year.dropPageStep(step);
      growing = null;
    } else year.recordPageStep(step, `${formTitle(after)} ${fieldWords(element)}`);
    return;
  }
  const step = formStep(id, pick(before, keys), pick(after, keys), rows ? rows.field : element?.getAttribute('data-field') ?? null);
  growing = !rows && element ? { step, element } : null;
  year.recordPageStep(step, `${formTitle(after)} ${rows ? rows.words : element ? fieldWords(element) : activeWords()}`);
}

function formStep(formId: number, before: Fields, after: Fields, field: string | null): FormStep {
  const step: FormStep = {
    formId,
    before,
    after,
    field,
    undo: () => restore(step, step.before),
    redo: () => restore(step, step.after),
  };
  return step;
}

/** Puts one side of a step back and shows the form with the field focused; false when the form is gone. */
function restore(step: FormStep, fields: Fields): boolean {
  growing = null;
  const forms = useFormsStore.getState();
  if (!forms.entries.some((entry) => entry.id === step.formId)) {
    useYearStore.getState().showNotice('这张绩效自评表已删除,这一步不能再撤销或恢复');
    return false;
  }
  forms.update(step.formId, (json) => ({ ...json, ...fields }));
  const json = useFormsStore.getState().entries.find((entry) => entry.id === step.formId)!.json;
  const form = computeForm(json);
  if (form) useYearStore.getState().goToFinding({ table: FORMS_TABLE, row: formLabel(form), col: step.field ?? '' });
  return true;
}

/** Equal but for empty entries: putting a blank back writes null where the field had no entry at all. */
function sameFields(a: Fields, b: Fields): boolean {
  const withoutEmpty = (_key: string, value: unknown) => (value === null ? undefined : value);
  return JSON.stringify(a, withoutEmpty) === JSON.stringify(b, withoutEmpty);
}

function pick(json: PerfFormJson, keys: (keyof PerfFormJson)[]): Fields {
  return Object.fromEntries(keys.map((key) => [key, json[key]]));
}

/** 项目支出绩效自评表《名称》 / 部门整体支出绩效自评表. */
function formTitle(json: PerfFormJson): string {
  return json.subject_type === 'department' ? '部门整体支出绩效自评表' : `项目支出绩效自评表《${json.subject_name.trim() || '未命名'}》`;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The form's input, text or choice cell that has the focus (or is being left), if any. */
function focusedControl(): Control | null {
  return controlIn(document.activeElement) ?? leaving;
}

function controlIn(target: EventTarget | null): Control | null {
  const control = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ? target : null;
  return control?.closest('.form-sheet') ? control : null;
}

/** "第 2 条指标 实际完成值 改为 95%": the cell's name (its accessible name or label) and what it now shows. */
function fieldWords(control: Control): string {
  const label = control.closest('label');
  if (control instanceof HTMLInputElement && control.type === 'radio') {
    return `${control.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? ''} 选择 ${label?.textContent?.trim() ?? ''}`;
  }
  const labelText = label?.firstChild?.nodeType === Node.TEXT_NODE ? label.firstChild.textContent?.trim() : undefined;
  const name = control.getAttribute('aria-label') ?? labelText ?? control.getAttribute('data-field') ?? '';
  const value = control instanceof HTMLSelectElement ? (control.selectedOptions[0]?.textContent ?? '') : control.value;
  const shown = value.replace(/\s+/g, ' ').trim();
  return `${name} ${shown === '' ? '清空' : `改为 ${shown.length > 20 ? `${shown.slice(0, 20)}…` : shown}`}`;
}

/** A change made by a button (a list item added or removed): the button's words. */
function activeWords(): string {
  const active = document.activeElement?.closest('.form-page') ? document.activeElement : null;
  return (active?.getAttribute('aria-label') ?? active?.textContent ?? '修改').replace(/^[＋+]\s*/, '').replace(/^确认/, '').trim();
}

/** An indicator row added, removed or moved: the words for the step and the row to focus. */
function rowChange(before: IndicatorJson[], after: IndicatorJson[]): { words: string; field: string | null } | null {
  if (before === after) return null;
  const at = firstDifference(before, after);
  if (before.length === after.length) {
    const moved = before.some((row) => !after.includes(row)) ? null : at;
    return moved === null ? null : { words: `移动第 ${position(after, moved)} 条指标`, field: `indicators[${moved}]` };
  }
  const focus = Math.min(at, after.length - 1);
  const field = focus < 0 ? null : `indicators[${focus}]`;
  if (after.length > before.length) return { words: `添加第 ${position(after, at)} 条指标`, field };
  const name = before[at]?.name.trim();
  return { words: `删除第 ${position(before, at)} 条指标${name ? `“${name}”` : ''}`, field };
}

function firstDifference(before: IndicatorJson[], after: IndicatorJson[]): number {
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  return i;
}

/** 1-based position of a row among the rows of its horizon, as the table numbers them. */
function position(rows: IndicatorJson[], index: number): number {
  const horizon = rows[index]?.horizon;
  return rows.slice(0, index).filter((row) => row.horizon === horizon).length + 1;
}

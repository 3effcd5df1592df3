import { useEffect, useRef } from 'react';
import { formLabel } from '../../../../shared/forms/model';
import { FORMS_TABLE } from '../../../../shared/forms/year-check';
import { useYearStore } from '../../stores/use-year-store';
import { DepartmentPage } from './DepartmentPage';
import { computeForm } from './form-draft';
import { FormEditor } from './FormEditor';
import { DEPARTMENT_PAGE, PROJECT_PAGE, SCORES_PAGE, frameworkOfPage } from './pages';
import { FrameworkPage } from './framework/FrameworkPage';
import { ProjectList } from './ProjectList';
import { RegionSelect } from './RegionSelect';
import { ScoresPage } from './ScoresPage';
import { useFormsStore } from './use-forms-store';

/** Focuses the cell a finding names, or the nearest enclosing one ("indicators[3]" → its first cell). */
function focusField(field: string): boolean {
  const sheet = document.querySelector('.form-page');
  if (!sheet) return false;
  const exact = sheet.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
  const target = exact ?? sheet.querySelector<HTMLElement>(`[data-field^="${CSS.escape(field)}"]`);
  if (!target) return false;
  target.scrollIntoView({ block: 'center' });
  target.focus();
  return true;
}

/** The 预算绩效自评 pages: the project list or one project's form, and the department form. */
export function FormsPage({ page }: { page: string }) {
  const focusRequest = useYearStore((state) => state.focusRequest);
  const selectTable = useYearStore((state) => state.selectTable);
  const entries = useFormsStore((state) => state.entries);
  const openId = useFormsStore((state) => state.openId);
  const open = useFormsStore((state) => state.open);
  const flush = useFormsStore((state) => state.flush);
  const pendingFocus = useRef<string | null>(null);
  const framework = frameworkOfPage(page);
  const scroller = useRef<HTMLElement>(null);
  const projects = entries.filter((entry) => entry.json.subject_type === 'project');
  const editing = page === PROJECT_PAGE ? projects.find((entry) => entry.id === openId) : undefined;

  // Another page or form starts at its top (a finding's focus, below, may then scroll to its cell).
  useEffect(() => {
    scroller.current?.scrollTo(0, 0);
  }, [page, editing?.id]);

  // The button that switched between the list and a form (创建并填写, a project's name, ← 项目列表)
  // went with the view it was in, and the focus with it: the keys go on in the view shown, in the
  // form's first field or, back in the list, on the project just left.
  const shownId = useRef(editing?.id ?? null);
  useEffect(() => {
    const left = shownId.current;
    shownId.current = editing?.id ?? null;
    const view = scroller.current;
    if (!view || left === shownId.current || (document.activeElement && document.activeElement !== document.body)) return;
    const leftCode = entries.find((entry) => entry.id === left)?.json.subject_code;
    const row = !editing && leftCode != null ? view.querySelector<HTMLElement>(`tr[data-code="${CSS.escape(leftCode)}"] .form-link`) : null;
    const page = view.querySelector<HTMLElement>('[data-first-field]');
    (row ?? (page ? page.querySelector<HTMLElement>(page.dataset.firstField!) : null))?.focus();
  }, [editing?.id]);

  // Leaving the forms sends what is still waiting for its debounce.
  useEffect(() => () => void flush(), [flush]);

  // A click on a form finding: open the form it names, then focus the cell.
  useEffect(() => {
    if (!focusRequest || focusRequest.table !== FORMS_TABLE) return;
    const entry = entries.find((candidate) => {
      const form = computeForm(candidate.json);
      return form !== null && formLabel(form) === focusRequest.row;
    });
    if (entry?.json.subject_type === 'department') {
      selectTable(DEPARTMENT_PAGE);
    } else {
      selectTable(PROJECT_PAGE);
      open(entry?.id ?? null);
    }
    pendingFocus.current = entry ? focusRequest.col : null;
    // Only a new request moves the focus; entries changing as the clerk types must not.
  }, [focusRequest]);
  useEffect(() => {
    if (pendingFocus.current && focusField(pendingFocus.current)) pendingFocus.current = null;
  });

  return (
    <section ref={scroller} className="form-page" aria-label="预算绩效自评">
      <RegionSelect />
      {framework ? (
        <FrameworkPage key={framework} kind={framework} />
      ) : page === DEPARTMENT_PAGE ? (
        <DepartmentPage />
      ) : page === SCORES_PAGE ? (
        <ScoresPage />
      ) : editing ? (
        <FormEditor
          id={editing.id}
          seq={projects.indexOf(editing) + 1}
          toolbar={
            <button type="button" className="form-back" onClick={() => open(null)}>
              ← 项目列表
            </button>
          }
        />
      ) : (
        page === PROJECT_PAGE && <ProjectList />
      )}
    </section>
  );
}

import { parseForm, type PerfForm } from '../../shared/forms/model';
import { checkProjectForm, type FormFinding } from '../../shared/forms/year-check';
import type { YearStore } from './store';

/**
 * The 审核 of a year's 绩效自评 forms, re-run per form only when that form changed: a form is kept
 * parsed under its stored JSON text with its own findings, so saving one form re-parses and
 * re-checks that form alone, and with no form written since the last run not even the texts are
 * read. The set rule (R-X22) and the department form's comparison with the tables run every time.
 * Results equal a full run's (test/integration/form-checks.test.ts).
 */
export class FormChecks {
  private byText = new Map<string, PerfForm>();
  private forms: PerfForm[] = [];
  private readonly ownFindings = new WeakMap<PerfForm, FormFinding[]>();
  private version = -1;

  constructor(private readonly store: YearStore) {}

  /** The forms as stored, parsed, and their own findings where known (for auditYear). */
  current(): { forms: PerfForm[]; checkedBefore: (form: PerfForm) => FormFinding[] } {
    if (this.version !== this.store.formsVersion) this.reload();
    return {
      forms: this.forms,
      checkedBefore: (form) => {
        let findings = this.ownFindings.get(form);
        if (!findings) this.ownFindings.set(form, (findings = checkProjectForm(form)));
        return findings;
      },
    };
  }

  private reload(): void {
    this.version = this.store.formsVersion;
    const next = new Map<string, PerfForm>();
    this.forms = this.store.formTexts().map((text) => {
      const form = this.byText.get(text) ?? next.get(text) ?? parseForm(this.store.parseFormText(text));
      next.set(text, form);
      return form;
    });
    this.byText = next;
  }
}

import { summarise } from '../../../../shared/rules';
import { FORMS_TABLE } from '../../../../shared/forms/year-check';
import { useYearStore } from '../../stores/use-year-store';
import { DEPARTMENT_PAGE, PROJECT_PAGE, SCORES_PAGE, frameworkPage } from './pages';
import { FRAMEWORK_DEFS, frameworksOfRegion, type FrameworkDef, type FrameworkDoc } from '../../../../shared/forms/framework-entry';
import { DEFAULT_FORM_REGION } from '../../../../shared/forms/regions';
import { useFrameworksStore } from './framework/use-frameworks-store';
import { isUntouchedDraft, useFormsStore } from './use-forms-store';
import { goToPage } from '../shell/page-focus';

/** The side list's 预算绩效自评 section, with each page's 审核 counts like the tables'. */
export function FormsSideEntries() {
  const tableId = useYearStore((state) => state.tableId);
  const findings = useYearStore((state) => state.findings);
  const entries = useFormsStore((state) => state.entries);
  const open = useFormsStore((state) => state.open);
  const info = useYearStore((state) => state.info);
  const frameworks = useFrameworksStore((state) => state.docs);
  const department = entries.find((entry) => entry.json.subject_type === 'department');
  const departmentLabel = department ? (department.json.subject_code ?? department.json.subject_name) : null;
  const forms = findings.filter((finding) => finding.table === FORMS_TABLE);
  const projectCodes = entries.filter((entry) => entry.json.subject_type === 'project').map((entry) => entry.json.subject_code ?? '');
  const items = [
    {
      id: PROJECT_PAGE,
      title: '项目支出绩效自评',
      note: `${projectCodes.length} 个项目`,
      count: summarise(forms.filter((finding) => finding.row !== departmentLabel)).total,
    },
    {
      id: DEPARTMENT_PAGE,
      title: '部门整体支出绩效自评',
      note: department && !isUntouchedDraft(department.id) ? '已填写' : '未填写',
      count: summarise(forms.filter((finding) => finding.row === departmentLabel)).total,
    },
    // The region's frameworks, and any stored under another region's (still reachable after a switch).
    ...Object.values(FRAMEWORK_DEFS).filter((def) => frameworksOfRegion(info?.formRegion ?? DEFAULT_FORM_REGION).includes(def) || Object.values(frameworks).some((doc) => doc.framework.framework === def.kind)).map((def) => ({
      id: frameworkPage(def.kind),
      title: `${def.attachment} ${def.title}`,
      note: frameworkNote(def, Object.values(frameworks), projectCodes),
      count: { error: 0, warning: 0 },
    })),
    { id: SCORES_PAGE, title: '自评得分一览', note: `${entries.filter((entry) => !isUntouchedDraft(entry.id)).length} 张表`, count: { error: 0, warning: 0 } },
  ];
  return (
    <>
      <div className="side-section">预算绩效自评</div>
      {items.map((item) => {
        const active = tableId === item.id;
        const count = item.count;
        return (
          <button
            key={item.id}
            type="button"
            className={active ? 'side-item active' : 'side-item'}
            aria-current={active ? 'page' : undefined}
            onClick={(event) => {
              // The project entry always lands on the list, also when a form was open before.
              if (item.id === PROJECT_PAGE) open(null);
              goToPage(item.id, event.currentTarget);
            }}
          >
            <span className="side-label">{item.title}</span>
            <span className="side-title">{item.note}</span>
            {(count.error > 0 || count.warning > 0) && (
              <span className="side-counts" aria-label={`${item.title} 审核结果`}>
                {count.error > 0 && <span className="badge error">{count.error}</span>}
                {count.warning > 0 && <span className="badge warning">{count.warning}</span>}
              </span>
            )}
          </button>
        );
      })}
    </>
  );
}

/**
 * 已填写 / 未填写 (a department framework); for 附件2, filled per project: the projects its page
 * offers (the year's project forms, one shown from the start) and how many of them have theirs
 * filled. Counting the stored ones alone said “0 个项目” beside a page showing a project.
 */
function frameworkNote(def: FrameworkDef, docs: FrameworkDoc[], projectCodes: string[]): string {
  const own = docs.filter((doc) => doc.framework.framework === def.kind);
  if (def.subject === 'project') {
    const filled = projectCodes.filter((code) => own.some((doc) => doc.subject_code === code && !doc.draft)).length;
    return `${projectCodes.length} 个项目,已填 ${filled} 个`;
  }
  return own.length ? (own[0].draft ? '上年草稿' : '已填写') : '未填写';
}

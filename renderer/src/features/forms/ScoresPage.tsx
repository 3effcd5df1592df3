import { executionsOf, settleFramework } from '../../../../shared/forms/framework-entry';
import { parseFramework } from '../../../../shared/forms/framework';
import { useFrameworksStore } from './framework/use-frameworks-store';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { frameworkScoreRow, SCORE_COLUMNS, scoreSheetRow, sortScoreRows, type ScoreSheetRow } from '../../../../shared/forms/score-sheet';
import { call } from '../../api';
import { useYearStore } from '../../stores/use-year-store';
import { deliver } from '../exchange/files';
import { computeForm } from './form-draft';
import { profileFor } from '../../../../shared/forms/profiles';
import { DEPARTMENT_PAGE, PROJECT_PAGE } from './pages';
import { isUntouchedDraft, useFormsStore } from './use-forms-store';

/** Long texts (caps, missing reasons) wrap; the figures stay on one line. */
const WRAPPED = new Set(['name', 'unit', 'adjustments', 'missing']);

/**
 * The page states the 计分规则 once above the table, a line per set of rules with the forms that
 * follow it: repeated in every row (as the Excel keeps them) they made each row four lines tall and
 * pushed 缺少的说明 out of the window, so a year's forms could not be read on one screen.
 */
const PAGE_COLUMNS = SCORE_COLUMNS.filter((column) => column.key !== 'rules');

function ruleSets(rows: readonly ScoreSheetRow[]): string[] {
  const sets = new Map<string, Set<string>>();
  for (const row of rows) {
    const rules = row.rules.join(';');
    if (!sets.has(rules)) sets.set(rules, new Set());
    if (row.variant) sets.get(rules)!.add(profileFor(row.variant).name);
  }
  return [...sets].map(([rules, whose]) => (whose.size ? `${[...whose].join('、')}:${rules}` : rules));
}

/**
 * 自评得分一览: every form of the year with its score as the clerk's drafts stand (computed live,
 * like the project list), sortable by any column. ↑/↓ move between rows, Enter or a click opens
 * the form; the same columns go to Excel through the core.
 */
export function ScoresPage() {
  const entries = useFormsStore((state) => state.entries);
  const open = useFormsStore((state) => state.open);
  const frameworks = useFrameworksStore((state) => state.docs);
  const showFramework = useFrameworksStore((state) => state.show);
  const flush = useFormsStore((state) => state.flush);
  const findings = useYearStore((state) => state.findings);
  const selectTable = useYearStore((state) => state.selectTable);
  const file = useYearStore((state) => state.info?.file);
  const showNotice = useYearStore((state) => state.showNotice);
  const [sort, setSort] = useState<{ key: string; descending: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  // The forms of the year, as the core exports them: a department form nobody has filled is only shown on its page.
  const yearEntries = useMemo(() => entries.filter((entry) => !isUntouchedDraft(entry.id)), [entries]);
  const rows = useMemo(() => {
    const computed = yearEntries.map((entry) => ({ entry, form: computeForm(entry.json) }));
    const ordered = [...computed.filter((c) => c.entry.json.subject_type === 'project'), ...computed.filter((c) => c.entry.json.subject_type === 'department')];
    const forms = ordered.flatMap(({ entry, form }) => (form ? [{ id: String(entry.id), row: scoreSheetRow(form, findings) }] : []));
    // The scored frameworks after the forms, settled as their pages settle them.
    const projects = executionsOf(computed.flatMap(({ form }) => (form ? [form] : [])));
    const names = new Map(computed.map(({ form }) => [form?.subject_code ?? '', form?.subject_name ?? '']));
    const scored = Object.entries(frameworks).map(([key, doc]) => ({
      id: key,
      row: frameworkScoreRow(doc.subject_code, settleFramework(parseFramework(doc.framework), projects), doc.subject_code ? (names.get(doc.subject_code) ?? null) : null),
    }));
    return [...forms, ...scored];
  }, [yearEntries, findings, frameworks]);
  const scoredCount = rows.filter(({ row }) => row.framework).length;
  const unreadable = yearEntries.length - rows.filter(({ row }) => !row.framework).length;
  const shown = useMemo(() => {
    const column = sort && PAGE_COLUMNS.find((candidate) => candidate.key === sort.key);
    if (!column) return rows;
    return sortScoreRows(rows, (item) => item.row, column, sort.descending);
  }, [rows, sort]);

  const openForm = (id: string, row: ScoreSheetRow) => {
    if (row.framework) showFramework(row.framework, row.code ?? '');
    else if (row.subjectType === 'department') {
      selectTable(DEPARTMENT_PAGE);
    } else {
      selectTable(PROJECT_PAGE);
      open(Number(id));
    }
  };

  const move = (event: KeyboardEvent<HTMLTableRowElement>, id: string, row: ScoreSheetRow) => {
    const target = event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.key === 'ArrowUp' ? event.currentTarget.previousElementSibling : null;
    if (target instanceof HTMLElement) {
      event.preventDefault();
      target.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openForm(id, row);
    }
  };

  const download = async () => {
    if (!file) return;
    try {
      // What is still waiting for its debounce goes to the core first, so the workbook shows what the page shows.
      await flush();
      const workbook = await call('exportScoreSheet', { file });
      const saved = await deliver(workbook.name, workbook.mime, workbook.dataBase64);
      if (saved) showNotice(`已导出:${saved}`);
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  return (
    <section className="form-list-page" aria-label="自评得分一览">
      <div className="form-toolbar">
        <h1 className="form-page-title">自评得分一览</h1>
        <button type="button" onClick={() => void download()} disabled={rows.length === 0}>
          导出得分一览(Excel)
        </button>
      </div>
      <p className="form-hint">
        共 {rows.length - scoredCount} 张自评表{scoredCount > 0 && `、${scoredCount} 份评价指标体系`}{unreadable > 0 && `(另有 ${unreadable} 张内容无法计算,未列出)`}。点击表头排序;↑/↓ 选择一行,回车或点击名称打开该表。
      </p>
      {rows.length > 0 && (
        <ul className="form-score-rules" aria-label="计分规则">
          {ruleSets(rows.map(({ row }) => row)).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {failure && <p className="message-bar error-bar">{failure}</p>}
      <div className="form-table-wrap">
        <table className="form-grid form-scores-table">
          <thead>
            <tr>
              {PAGE_COLUMNS.map((column) => {
                const active = sort?.key === column.key;
                return (
                  <th key={column.key} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    <button
                      type="button"
                      className="form-link"
                      onClick={() => setSort(active ? { key: column.key, descending: !sort.descending } : { key: column.key, descending: column.numeric })}
                    >
                      {column.header}
                      {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={PAGE_COLUMNS.length} className="form-empty">
                  还没有绩效自评表。
                </td>
              </tr>
            )}
            {shown.map(({ id, row }) => (
              <tr key={id} tabIndex={0} data-label={row.label} onKeyDown={(event) => move(event, id, row)} aria-label={`${row.name} 自评得分 ${row.total ?? '—'}`}>
                {PAGE_COLUMNS.map((column) => (
                  <td key={column.key} data-col={column.key} className={column.numeric ? 'form-amount' : WRAPPED.has(column.key) ? 'form-wrap' : undefined}>
                    {column.key === 'name' ? (
                      <button type="button" className="form-link" tabIndex={-1} onClick={() => openForm(id, row)} title="打开自评表">
                        {column.text(row)}
                      </button>
                    ) : column.key === 'missing' || column.key === 'adjustments' ? (
                      <ul className="form-score-notes">
                        {(column.key === 'missing' ? row.missing : row.adjustments).map((text) => (
                          <li key={text}>{text}</li>
                        ))}
                      </ul>
                    ) : (
                      column.text(row)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { Suspense, useEffect } from 'react';
import { printedLabel, templateTables } from '../../../../shared/tables';
import { TableGrid } from '../../grid/TableGrid';
import { useYearStore } from '../../stores/use-year-store';
import { ExchangeBar } from '../exchange/ExchangeBar';
import { FindingsPanel } from '../findings/FindingsPanel';
import { FormsSideEntries } from '../forms/FormsSideEntries';
import { isFormsPage } from '../forms/pages';
import { StartPage } from '../start/StartPage';
import { SUPP_TABLE, TEXT_TABLE, summarise } from '../../../../shared/rules';
import { GroupTools } from '../group/GroupTools';
import { SaveStatus } from './SaveStatus';
import { TablePage } from './TablePage';
import { UndoBar } from '../history/UndoBar';
import { FindBox } from '../find/FindBox';
import { rememberWhereLeftOff } from '../start/last-opened';
import { usePageZoom } from './zoom';
import { FormsPage, ReportPage, SupplementaryPage, preloadPages } from './lazy-pages';
import { useKeptTables } from './kept-tables';
import { TABLE_SWITCH_HINT, goToTable } from '../../grid/table-switch';
import { SIDE_LIST_HINT, goToPage, useSideListKey } from './page-focus';


const NO_YEAR = {};

/** The app shell: header with the year and unit, the year's tables on the side, the chosen table. */
export function App() {
  const info = useYearStore((state) => state.info);
  const readOnly = useYearStore((state) => state.readOnly);
  const tableId = useYearStore((state) => state.tableId);
  const closeYear = useYearStore((state) => state.closeYear);
  const error = useYearStore((state) => state.error);
  const dismissError = useYearStore((state) => state.dismissError);
  const notice = useYearStore((state) => state.notice);
  const showNotice = useYearStore((state) => state.showNotice);
  const findings = useYearStore((state) => state.findings);
  const model = useYearStore((state) => state.model);

  useEffect(rememberWhereLeftOff, []);
  useEffect(() => {
    if (info) preloadPages();
  }, [info]);
  usePageZoom();
  useSideListKey();

  useEffect(() => {
    document.title = info ? `决算通 - ${info.fiscalYear}年度 ${info.unitName}` : '决算通';
  }, [info]);

  const errorBar = error ? (
    <div className="message-bar error-bar" role="alert">
      <span>{error}</span>
      <button type="button" onClick={dismissError} aria-label="关闭提示">
        ×
      </button>
    </div>
  ) : notice ? (
    <div className="message-bar notice-bar" role="status">
      <span>{notice}</span>
      <button type="button" onClick={() => showNotice(null)} aria-label="关闭提示">
        ×
      </button>
    </div>
  ) : (
    readOnly && (
      <div className="message-bar read-only-bar" role="status">
        <span>只读打开:{readOnly}</span>
      </div>
    )
  );

  const tables = info ? templateTables(info.template) : [];
  const current = tables.find((def) => def.id === tableId) ?? tables[0];
  const formsPage = isFormsPage(tableId);
  const suppPage = tableId === SUPP_TABLE;
  const reportPage = tableId === TEXT_TABLE;
  const otherPage = formsPage || suppPage || reportPage;
  const shown = current && !otherPage ? current.id : null;
  const kept = useKeptTables(shown, model ?? NO_YEAR);

  if (!info) {
    return (
      <>
        {errorBar}
        <StartPage />
        <GroupTools />
      </>
    );
  }
  const counts = summarise(findings).byTable;

  return (
    <div className="shell">
      <header className="app-header">
        <span className="brand">决算通</span>
        <span className="year">{info.fiscalYear}年度部门决算</span>
        <span className="unit" title={info.unitCode ? `${info.unitName}(${info.unitCode})` : info.unitName}>
          {info.unitName}
          {info.unitCode && <span className="unit-code">({info.unitCode})</span>}
        </span>
        <FindBox />
        <UndoBar />
        <ExchangeBar />
        {readOnly ? (
          <span className="read-only-mark" title={readOnly}>
            只读
          </span>
        ) : (
          <SaveStatus />
        )}
        <button type="button" className="link-button" onClick={closeYear}>
          切换年度文件
        </button>
      </header>
      {errorBar}
      <nav className="side-list" aria-label="报表列表" title={SIDE_LIST_HINT} aria-keyshortcuts="F6">
        <div className="side-section" title={`${TABLE_SWITCH_HINT},${SIDE_LIST_HINT}`}>
          {info.template === '9' ? '部门决算公开表' : `部门决算公开表(${tables.length} 张)`}
        </div>
        {tables.map((def) => (
          <button
            key={def.id}
            type="button"
            className={def.id === current.id && !otherPage ? 'side-item active' : 'side-item'}
            onClick={() => goToTable(def.id)}
            title={`${def.title}(${TABLE_SWITCH_HINT},${SIDE_LIST_HINT})`}
            aria-current={def.id === current.id && !otherPage ? 'page' : undefined}
          >
            <span className="side-label">{printedLabel(def.id, info.template, info.numbering)}</span>
            <span className="side-title">{def.title}</span>
            {counts[def.id] && (counts[def.id].error > 0 || counts[def.id].warning > 0) && (
              <span className="side-counts" aria-label={`${printedLabel(def.id, info.template, info.numbering)} 审核结果`}>
                {counts[def.id].error > 0 && <span className="badge error">{counts[def.id].error}</span>}
                {counts[def.id].warning > 0 && <span className="badge warning">{counts[def.id].warning}</span>}
              </span>
            )}
          </button>
        ))}
        <FormsSideEntries />
        <div className="side-section">其他</div>
        <button type="button" className={suppPage ? 'side-item active' : 'side-item'} onClick={(event) => goToPage(SUPP_TABLE, event.currentTarget)} aria-current={suppPage ? 'page' : undefined}>
          <span className="side-label">补充信息</span>
          <span className="side-title">机关运行经费、政府采购、车辆等</span>
          {counts[SUPP_TABLE] && (
            <span className="side-counts">
              {counts[SUPP_TABLE].error > 0 && <span className="badge error">{counts[SUPP_TABLE].error}</span>}
              {counts[SUPP_TABLE].warning > 0 && <span className="badge warning">{counts[SUPP_TABLE].warning}</span>}
            </span>
          )}
        </button>
        <button type="button" className={reportPage ? 'side-item active' : 'side-item'} onClick={(event) => goToPage(TEXT_TABLE, event.currentTarget)} aria-current={reportPage ? 'page' : undefined}>
          <span className="side-label">决算公开</span>
          <span className="side-title">概况、情况说明、图表,导出 Word / PDF</span>
          {counts[TEXT_TABLE]?.warning > 0 && (
            <span className="side-counts">
              <span className="badge warning">{counts[TEXT_TABLE].warning}</span>
            </span>
          )}
        </button>
      </nav>
      <main className="content">
        {otherPage && (
          <Suspense fallback={<p className="muted">{reportPage ? '正在载入决算公开页…' : '正在载入…'}</p>}>{formsPage ? <FormsPage page={tableId} /> : suppPage ? <SupplementaryPage /> : <ReportPage />}</Suspense>
        )}
        {/* Kept tables lie on top of each other in the set's order: showing another moves or resizes no grid. */}
        <div className="table-stack" hidden={shown === null}>
          {tables
            .filter((def) => kept.includes(def.id))
            .map((def) => (
              <TablePage key={def.id} def={def} label={printedLabel(def.id, info.template, info.numbering)} unitName={info.unitName} shown={def.id === shown}>
                <TableGrid def={def} shown={def.id === shown} />
              </TablePage>
            ))}
        </div>
        <FindingsPanel />
      </main>
    </div>
  );
}

import { useRef, useState } from 'react';
import { NAME_RULE_ID, PRINTED_RULE_ID, UNNAMED_ROW_RULE_ID, summarise, type Finding } from '../../../../shared/rules';
import { REASON_PREFIX } from '../../../../shared/report';
import { printedLabel, templateTables } from '../../../../shared/tables';
import { useYearStore } from '../../stores/use-year-store';
import { useReadOnlyReason } from '../../stores/read-only';
import { AcceptAllComputed } from './AcceptAllComputed';
import { FixInUnits } from './FixInUnits';

/**
 * The 审核 panel: findings grouped by table, errors first. A click opens the table at the cell;
 * a warning takes a 出错说明, an error must be fixed.
 */
export function FindingsPanel() {
  const info = useYearStore((state) => state.info)!;
  const findings = useYearStore((state) => state.findings);
  const audited = useYearStore((state) => state.audited);
  const goToFinding = useYearStore((state) => state.goToFinding);
  const [open, setOpen] = useState(true);
  const [showAll, setShowAll] = useState<ReadonlySet<string>>(new Set());
  const toggle = useRef<HTMLButtonElement>(null);
  const { total } = summarise(findings);
  const order = templateTables(info.template).map((def) => def.id);
  const label = (table: string) => (order.includes(table) ? printedLabel(table, info.template, info.numbering) : table);
  const groups = new Map<string, Finding[]>();
  for (const finding of [...findings].sort((a, b) => rank(a, order) - rank(b, order))) {
    if (!groups.has(finding.table)) groups.set(finding.table, []);
    groups.get(finding.table)!.push(finding);
  }

  return (
    <section className={open ? 'findings open' : 'findings'} aria-label="审核结果">
      <button type="button" ref={toggle} className="findings-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        <strong>审核</strong>
        <span className={total.error ? 'count error' : 'count'}>错误 {total.error}</span>
        <span className={total.warning ? 'count warning' : 'count'}>警告 {total.warning}</span>
        {total.explained > 0 && <span className="count">已说明 {total.explained}</span>}
        <span className="findings-hint">{!audited ? '正在审核…' : total.error ? '有错误时只能导出草稿' : findings.length ? '警告请核实并填写说明' : '全部审核通过'}</span>
        <span className="chevron">{open ? '▾' : '▴'}</span>
      </button>
      {open && (
        <div className="findings-body">
          <AcceptAllComputed findings={findings} label={label} onDone={() => toggle.current?.focus()} />
          {[...groups].map(([table, items]) => (
            <div key={table} className="findings-group">
              <div className="findings-group-title">
                {label(table)}
                <span className="muted"> {items.length} 条</span>
              </div>
              {(showAll.has(table) ? items : items.slice(0, SHOWN_PER_TABLE)).map((finding) => (
                <FindingItem key={finding.key} finding={finding} onOpen={() => goToFinding(finding)} />
              ))}
              {items.length > SHOWN_PER_TABLE && !showAll.has(table) && (
                <button type="button" className="link-button findings-more" onClick={() => setShowAll(new Set([...showAll, table]))}>
                  显示其余 {items.length - SHOWN_PER_TABLE} 条
                </button>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * A table's first findings are listed at once, the rest on request: a year with thousands of
 * findings otherwise kept thousands of rows in the page, and every frame of scrolling a grid paid
 * for painting them.
 */
const SHOWN_PER_TABLE = 100;

/** The 决算公开 missing-reason rule (shared/rules/report-rules.ts). */
const REASON_RULE_ID = 'P-05';

function rank(finding: Finding, order: string[]): number {
  const table = order.indexOf(finding.table);
  return (table < 0 ? order.length : table) * 2 + (finding.severity === 'error' ? 0 : 1);
}

/** A printed total the details do not reproduce (R-I01): the clerk may take the computed value instead. */
function AcceptComputed({ finding }: { finding: Finding }) {
  const accept = useYearStore((state) => state.acceptComputed);
  const readOnly = useReadOnlyReason();
  return (
    <button type="button" className="accept-computed" disabled={readOnly !== null} title={readOnly ?? '不再保留导入文件印出的数,以按明细计算的结果为准'} onClick={() => void accept(finding.table, finding.row, finding.col)}>
      采用计算值
    </button>
  );
}

/** A 科目 row printed with another name than its code's (R-I02): the clerk may take the catalog's name. */
function AcceptCatalogName({ finding }: { finding: Finding }) {
  const accept = useYearStore((state) => state.acceptCatalogName);
  const readOnly = useReadOnlyReason();
  return (
    <button type="button" className="accept-computed" disabled={readOnly !== null} title={readOnly ?? '不再保留导入文件印出的名称,以科目表中的名称为准(可撤销)'} onClick={() => void accept(finding.table, finding.row)}>
      采用目录名称
    </button>
  );
}

/**
 * The text box beside a finding (出错说明, 主要原因, a 科目's name): kept as typed, saved on leaving
 * it or on Enter, read-only with the reason while the year is. `save` says whether the text is due.
 */
function FindingBox({ label, placeholder, hint, initial = '', save }: { label: string; placeholder: string; hint?: string; initial?: string; save(draft: string, enter: boolean): void }) {
  const readOnly = useYearStore((state) => state.readOnly);
  const [draft, setDraft] = useState(initial);
  return (
    <input
      className="explanation"
      readOnly={readOnly !== null}
      title={readOnly ?? hint}
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => save(draft, false)}
      onKeyDown={(event) => event.key === 'Enter' && save(draft, true)}
    />
  );
}

/**
 * A 类/款 row no catalog names (R-I03) is named here, as the official 科目表 names it: the name is
 * printed in every table (one undo step); importing the official 科目表 does the same for all rows.
 */
function CodeNameInput({ finding }: { finding: Finding }) {
  const nameCode = useYearStore((state) => state.nameCode);
  return (
    <FindingBox
      label={`科目 ${finding.row} 的名称`}
      placeholder={`填写科目 ${finding.row} 的名称(按官方科目表)`}
      hint="按本年度官方科目表填写,印入各表(可撤销)"
      save={(draft) => draft.trim() && void nameCode(finding.table, finding.row, draft)}
    />
  );
}

/**
 * A missing or carried 主要原因 of the 决算公开 (P-05) is written here as the reason itself, not as an
 * 出错说明: it is printed, and it clears the 审核's note on the same change (P-03) with it. Enter
 * also confirms a reason carried from last year as it stands.
 */
function ReasonInput({ finding }: { finding: Finding }) {
  const key = REASON_PREFIX + finding.row;
  const stored = useYearStore((state) => state.reportTexts[key]?.text ?? '');
  const saveReportText = useYearStore((state) => state.saveReportText);
  return (
    <FindingBox
      label={`主要原因:${finding.message}`}
      placeholder="填写主要原因(印入决算公开)"
      initial={stored}
      save={(draft, enter) => (enter ? draft.trim() : draft.trim() !== stored) && void saveReportText(key, draft)}
    />
  );
}

/** A warning's 出错说明, stored under the finding's key. */
function ExplanationInput({ finding }: { finding: Finding }) {
  const explain = useYearStore((state) => state.explain);
  const stored = finding.explanation ?? '';
  return (
    <FindingBox
      label={`出错说明:${finding.message}`}
      placeholder="填写出错说明(如:财政收回、尾数误差)"
      initial={stored}
      save={(draft) => draft.trim() !== stored && void explain(finding.key, draft)}
    />
  );
}

function FindingItem({ finding, onOpen }: { finding: Finding; onOpen: () => void }) {
  const consolidated = useYearStore((state) => state.consolidatedUnits !== undefined);
  const text = (
    <>
      <span className="severity">{finding.severity === 'error' ? '错误' : '警告'}</span>
      <span className="message">{finding.message}</span>
      <span className="rule">{finding.rule}</span>
    </>
  );
  return (
    <div className={`finding ${finding.severity}`} data-rule={finding.rule}>
      {finding.fixIn ? (
        // A 汇总's summed amount is read-only here: the finding offers its unit files instead of the cell.
        <div className="finding-open finding-summed">{text}</div>
      ) : (
        <button type="button" className="finding-open" onClick={onOpen} title={`定位到单元格(审核规则 ${finding.rule})`}>
          {text}
        </button>
      )}
      {finding.fixIn && <FixInUnits finding={finding} fixIn={finding.fixIn} />}
      {finding.rule === PRINTED_RULE_ID && <AcceptComputed finding={finding} />}
      {finding.rule === NAME_RULE_ID && <AcceptCatalogName finding={finding} />}
      {finding.rule === REASON_RULE_ID ? (
        <ReasonInput finding={finding} />
      ) : finding.rule === UNNAMED_ROW_RULE_ID && !consolidated ? (
        // A 汇总's tables are read-only: there the name comes from a unit file or the official 科目表.
        <CodeNameInput finding={finding} />
      ) : (
        finding.severity === 'warning' && <ExplanationInput finding={finding} />
      )}
    </div>
  );
}

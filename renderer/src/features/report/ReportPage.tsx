import { useEffect, useMemo, useRef, useState } from 'react';
import { SUPP_TABLE, TEXT_TABLE, parseSupplementary } from '../../../../shared/rules';
import * as echarts from 'echarts';
import { chartSvg } from '../../../../shared/report/chart-svg';
import { buildReport, outlineFor, performanceOf, printedParts, REASON_PREFIX, MISSING_REASON, ORGANISATION_KEY, type Block, type Figure, type Sentence } from '../../../../shared/report';
import { OrganisationChanged } from './OrganisationChanged';
import { useYearStore } from '../../stores/use-year-store';
import { useReadOnlyReason } from '../../stores/read-only';
import { useFormsStore } from '../forms/use-forms-store';
import { parseForm, type PerfForm, type PerfFormJson } from '../../../../shared/forms/model';
import { BudgetTable } from './BudgetTable';
import { ReportExport } from './ReportExport';

/**
 * 决算公开: the whole document as it will print, regenerated from the year at every change. Every
 * generated number is highlighted and jumps to the cell it comes from; the reasons and the 概况 are
 * the clerk's words, edited in place and saved as they are left.
 */
export function ReportPage() {
  const info = useYearStore((state) => state.info)!;
  const model = useYearStore((state) => state.model)!;
  const version = useYearStore((state) => state.version);
  const baseline = useYearStore((state) => state.baseline);
  const supplementary = useYearStore((state) => state.supplementary);
  const reportTexts = useYearStore((state) => state.reportTexts);
  const consolidatedUnits = useYearStore((state) => state.consolidatedUnits);
  const focusRequest = useYearStore((state) => state.focusRequest);
  const formEntries = useFormsStore((state) => (state.file === info.file ? state.entries : null));
  const root = useRef<HTMLElement>(null);

  // 预算绩效 reads this year's 自评 forms, loaded as the forms pages load them.
  useEffect(() => {
    if (useFormsStore.getState().file !== info.file) void useFormsStore.getState().load(info.file);
  }, [info.file]);

  const report = useMemo(() => {
    const supp = parseSupplementary(supplementary);
    const performance = performanceOf((formEntries ?? []).flatMap((entry) => parsed(entry.json)));
    return buildReport(
      {
        fiscalYear: info.fiscalYear,
        unitName: info.unitName,
        model,
        lastYear: baseline,
        supp,
        texts: reportTexts,
        performance,
        consolidated: consolidatedUnits && { unitCode: info.unitCode, units: consolidatedUnits },
      },
      outlineFor(info.template, info.formRegion),
      { template: info.template, numbering: info.numbering },
    );
    // `version` changes with every edit of the model, which is mutated in place.
  }, [info, model, version, baseline, supplementary, reportTexts, consolidatedUnits, formEntries]);

  // A click on a P-05 (P-07) finding lands here: show the reason (the 决算单位构成) it asks for.
  useEffect(() => {
    if (!focusRequest || focusRequest.table !== TEXT_TABLE) return;
    const key = CSS.escape(focusRequest.row);
    const field = root.current?.querySelector<HTMLTextAreaElement>(`[data-reason="${key}"], [data-text="${key}"]`);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, [focusRequest]);

  return (
    <section className="report-page" aria-label="决算公开" ref={root} data-first-field="textarea">
      <div className="report-toolbar">
        <h1 className="table-title">决算公开</h1>
        <span className="muted">按“{outlineFor(info.template, info.formRegion).name}”格式生成;蓝色数字取自报表,点击可跳到对应单元格</span>
        <ReportExport doc={report.doc} />
      </div>
      <article className="report-doc">
        <h1 className="report-cover">{report.doc.title}</h1>
        {report.doc.blocks.map((block, i) => (
          <DocBlock key={i} block={block} charts={report.charts} />
        ))}
        <BudgetTable />
      </article>
    </section>
  );
}

/** A form as saved (checked by the core); one being typed that does not parse yet is left out. */
function parsed(json: PerfFormJson): PerfForm[] {
  try {
    return [parseForm(json)];
  } catch {
    return [];
  }
}

function DocBlock({ block, charts }: { block: Block; charts: ReturnType<typeof buildReport>['charts'] }) {
  switch (block.kind) {
    case 'toc':
      return null;
    case 'heading': {
      const Tag = (['h2', 'h3', 'h4'] as const)[block.level - 1];
      const heading = <Tag className={`report-h${block.level}`}>{block.text}</Tag>;
      // The clerk is told which wording is the program's guess (README 地区表套); the documents do not print it.
      return block.inferred ? (
        <>
          {heading}
          <p className="table-inferred report-inferred" role="note">
            {block.inferred}
          </p>
        </>
      ) : (
        heading
      );
    }
    case 'paragraph':
      return (
        <>
          {block.sentences.map((sentence) => (
            <SentenceView key={sentence.id} sentence={sentence} />
          ))}
        </>
      );
    case 'text':
      return <TextField textKey={block.key} label={block.label} text={block.text} draft={block.draft} generated={!!block.generated} />;
    case 'table':
      return (
        <p className="report-table-ref">
          <TableLink table={block.table} label={`${block.label} ${block.title}`} />
        </p>
      );
    case 'chart': {
      const data = charts.get(block.chart);
      return (
        <figure className="report-chart">
          {/* Our own ECharts SVG string, drawn from numbers of the year model. */}
          {data && <div dangerouslySetInnerHTML={{ __html: chartSvg(echarts, data) }} />}
          <figcaption>{block.caption}</figcaption>
        </figure>
      );
    }
  }
}

function TableLink({ table, label }: { table: string; label: string }) {
  return (
    <button type="button" className="link-like" onClick={() => useYearStore.getState().selectTable(table)}>
      {label}
    </button>
  );
}

function jumpTo(figure: Figure) {
  const cell = figure.cells.find((candidate) => !candidate.lastYear) ?? figure.cells[0];
  if (!cell) return;
  const state = useYearStore.getState();
  if (cell.table === SUPP_TABLE || !state.model?.defs.has(cell.table)) {
    state.selectTable(cell.table === SUPP_TABLE ? SUPP_TABLE : state.tableId);
    return;
  }
  useYearStore.setState({ tableId: cell.table, focusRequest: { table: cell.table, row: cell.row, col: cell.col, seq: (state.focusRequest?.seq ?? 0) + 1 } });
}

function SentenceView({ sentence }: { sentence: Sentence }) {
  const parts = printedParts({ ...sentence, reason: undefined });
  const reason = sentence.reason;
  const showReason = reason && (reason.needed || reason.text);
  if (!parts.length && !showReason) return null;
  const body = showReason && parts.length ? parts.slice(0, -1) : parts;
  return (
    <p className="report-sentence" data-sentence={sentence.id}>
      {body.map((part, i) =>
        typeof part === 'string' ? (
          <span key={i}>{part}</span>
        ) : (
          <button key={i} type="button" className={`report-figure ${part.cells.some((cell) => cell.lastYear) ? 'derived' : ''}`} title={sourceTitle(part)} onClick={() => jumpTo(part)}>
            {part.text}
          </button>
        ),
      )}
      {showReason && (
        <>
          <span>{parts.length ? ',' : ''}{reason.lead}</span>
          <ReasonField reasonKey={reason.key} text={reason.text ?? ''} needed={reason.needed} draft={reason.draft} />
        </>
      )}
    </p>
  );
}

function sourceTitle(figure: Figure): string {
  return figure.cells.map((cell) => `${cell.lastYear ? '上年' : ''}${cell.table} ${cell.row}${cell.col ? ` 第${cell.col}栏` : ''}`).join(' 与 ');
}

function ReasonField({ reasonKey, text, needed, draft }: { reasonKey: string; text: string; needed: boolean; draft: boolean }) {
  const save = useYearStore((state) => state.saveReportText);
  const readOnly = useReadOnlyReason();
  const [value, setValue] = useEditedText(text);
  return (
    <span className={`report-reason ${!text && needed ? 'missing' : ''} ${draft ? 'draft' : ''}`}>
      <textarea
        data-reason={reasonKey}
        aria-label={`主要原因 ${reasonKey}`}
        rows={1}
        readOnly={readOnly !== null}
        title={readOnly ?? undefined}
        placeholder={MISSING_REASON}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onBlur={() => value.trim() !== text && void save(REASON_PREFIX + reasonKey, value)}
      />
      {draft && (
        <button type="button" className="draft-badge" disabled={readOnly !== null} title={readOnly ?? '沿用上年的原因,核实后点击确认'} onClick={() => void save(REASON_PREFIX + reasonKey, value)}>
          上年原因,请核实(确认)
        </button>
      )}
    </span>
  );
}

/** A 概况 text; a draft (carried from last year, or written by the program from the 汇总's units) is saved (confirmed) by its badge or by an edit. */
function TextField({ textKey, label, text, draft, generated }: { textKey: string; label: string; text: string; draft: boolean; generated: boolean }) {
  const save = useYearStore((state) => state.saveReportText);
  const readOnly = useReadOnlyReason();
  const [value, setValue] = useEditedText(text);
  return (
    <div className={`report-text ${draft ? 'draft' : ''}`}>
      <textarea data-text={textKey} aria-label={label} readOnly={readOnly !== null} title={readOnly ?? undefined} rows={Math.max(3, value.split('\n').length)} placeholder={`请填写${label}`} value={value} onChange={(event) => setValue(event.target.value)} onBlur={() => value.trim() !== text.trim() && void save(textKey, value)} />
      {draft && !generated && (
        <button type="button" className="draft-badge" disabled={readOnly !== null} title={readOnly ?? '沿用上年的文字,核实后点击确认(报送版只印确认或修改过的文字)'} onClick={() => void save(textKey, value)}>
          上年文字,请核实(确认)
        </button>
      )}
      {generated && (
        <button type="button" className="draft-badge" disabled={readOnly !== null} title={readOnly ?? "按汇总的单位生成的草稿,核实后点击确认(确认或修改后以所填文字为准)"} onClick={() => void save(textKey, value)}>
          按汇总单位生成的草稿,请核实(确认)
        </button>
      )}
      {textKey === ORGANISATION_KEY && !generated && <OrganisationChanged onConfirm={() => void save(textKey, value)} onTakeDraft={() => void save(textKey, '')} />}
    </div>
  );
}

/**
 * The text being edited in a field, shown as stored again when the stored text changes (saved,
 * undone, imported). Followed while rendering, not in an effect: an effect also ran after the first
 * render and overwrote what was typed before it ran (keys typed on the way to the page land at once).
 */
function useEditedText(text: string): [string, (value: string) => void] {
  const [value, setValue] = useState(text);
  const [stored, setStored] = useState(text);
  if (text !== stored) {
    setStored(text);
    setValue(text);
  }
  return [value, setValue];
}

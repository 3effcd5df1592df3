import { useMemo, type ReactNode } from 'react';
import { formLabel, type PerfFormJson } from '../../../../shared/forms/model';
import { fillTemplate, profileFor, type Block } from '../../../../shared/forms/profiles';
import { scoreForm } from '../../../../shared/forms/scoring';
import { FORMS_TABLE } from '../../../../shared/forms/year-check';
import { chineseNumber } from '../../../../shared/tables';
import { useYearStore } from '../../stores/use-year-store';
import { BaseDataTable, InternalControl } from './BaseDataBlocks';
import { computeForm, keyOf, savable } from './form-draft';
import { editForm } from './form-history';
import { FundingTable } from './FundingTable';
import { CheckboxBlock, FieldsBlock, SignatureBlock } from './HeaderBlocks';
import { IndicatorTable } from './IndicatorTable';
import { FieldMarks } from './inputs';
import { RegistryFields } from './RegistryFields';
import { ScoreBar, ScoreSummary } from './ScoreBar';
import { ListSection, TextSection } from './TextBlocks';
import { useFormsStore } from './use-forms-store';

interface Props {
  id: number;
  /** 1-based position among the project forms (JM-P numbers its reports). */
  seq: number;
  /** Controls above the form (back to the list, delete). */
  toolbar?: ReactNode;
}

/**
 * One form, top to bottom as its region's profile lays it out. Nothing here knows a region: each
 * block kind has one component, and the profile decides which appear, in what order, with what labels.
 */
export function FormEditor({ id, seq, toolbar }: Props) {
  const entry = useFormsStore((state) => state.entries.find((candidate) => candidate.id === id));
  const entries = useFormsStore((state) => state.entries);
  const info = useYearStore((state) => state.info)!;
  const findings = useYearStore((state) => state.findings);
  const json = entry?.json;
  const profile = json ? profileFor(json.variant) : null;
  const computed = useMemo(() => (json ? computeForm(json) : null), [json]);
  const score = useMemo(() => (computed && profile ? scoreForm(computed, profile) : null), [computed, profile]);
  const label = computed ? formLabel(computed) : null;
  const marks = useMemo(() => {
    const map = new Map<string, 'error' | 'warning'>();
    for (const finding of findings) {
      if (finding.table !== FORMS_TABLE || finding.row !== label) continue;
      if (map.get(finding.col) !== 'error') map.set(finding.col, finding.severity);
    }
    return map;
  }, [findings, label]);
  if (!json || !profile) return null;

  // Every change the clerk makes here is a step in the page's undo history.
  const onChange = (recipe: (current: PerfFormJson) => PerfFormJson, words?: string) => editForm(id, recipe, words);
  const codeTaken = (code: string) => entries.some((other) => other.id !== id && other.json.subject_type === 'project' && keyOf(other.json).subject_code === code);
  const waiting = savable(json).waiting;
  const common = { json, onChange };

  let previousPrefix = '';
  const render = (block: Block, i: number): ReactNode => {
    switch (block.kind) {
      case 'title':
        return (
          <h2 key={i} className="form-title">
            {fillTemplate(block.text, { year: info.fiscalYear, subject_name: json.subject_name })}
          </h2>
        );
      case 'heading':
        return (
          <h2 key={i} className="form-heading">
            {fillTemplate(block.text, { year: info.fiscalYear, subject_name: json.subject_name, seq: chineseNumber(seq) })}
          </h2>
        );
      case 'section':
        return (
          <h3 key={i} className="form-section">
            {block.text}
          </h3>
        );
      case 'fields':
        return <FieldsBlock key={i} block={block} {...common} codeTaken={codeTaken} />;
      case 'checkboxes':
        return <CheckboxBlock key={i} block={block} {...common} />;
      case 'text':
      case 'list': {
        const prefix = block.label.slice(0, -1).join('|');
        const shown = prefix !== previousPrefix;
        previousPrefix = prefix;
        return block.kind === 'text' ? <TextSection key={i} block={block} prefixShown={shown} {...common} /> : <ListSection key={i} block={block} prefixShown={shown} {...common} />;
      }
      case 'funding':
        return <FundingTable key={i} block={block} profile={profile} computed={computed} score={score} {...common} />;
      case 'score-summary':
        return <ScoreSummary key={i} block={block} score={score} />;
      case 'indicators':
        return <IndicatorTable key={i} block={block} profile={profile} score={score} {...common} />;
      case 'base-data':
        return <BaseDataTable key={i} block={block} year={info.fiscalYear} {...common} />;
      case 'internal-control':
        return <InternalControl key={i} block={block} {...common} />;
      case 'signatures':
        return <SignatureBlock key={i} block={block} {...common} />;
      case 'notes':
        return (
          <div key={i} className="form-notes">
            {block.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        );
    }
  };

  return (
    <FieldMarks.Provider value={marks}>
      <div className="form-editor-top">
        {toolbar}
        <span className="form-profile" title="表样由地区决定">
          {profile.name}
        </span>
        <ScoreBar profile={profile} score={score} />
      </div>
      {waiting > 0 && <div className="form-waiting">有 {waiting} 条指标还没有填写三级指标,填写后才会保存这几条。</div>}
      <article className="form-sheet" aria-label={`${json.subject_name} 绩效自评表`} data-first-field=":is(input, textarea, select)[data-field]">
        {json.subject_type === 'project' && <RegistryFields profile={profile} {...common} />}
        {profile.layout.map(render)}
      </article>
    </FieldMarks.Provider>
  );
}


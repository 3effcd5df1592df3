import { decToString, formatPoints } from '../../../../shared/forms/decimal';
import { LEVEL1, defaultComparator, normaliseLevel1, normaliseLevel2, parseIndicatorValue, type IndicatorValue } from '../../../../shared/forms/indicators';
import { NATURES, type IndicatorJson, type PerfFormJson } from '../../../../shared/forms/model';
import type { IndicatorColumn, Profile } from '../../../../shared/forms/profiles';
import { canonicalLevel2, type IndicatorAssessment } from '../../../../shared/forms/scoring';
import { level2Options, setIndicatorField, type IndicatorField } from './form-draft';
import { useContext } from 'react';
import { ChoiceSelect } from './ChoiceSelect';
import { FieldMarks, PointsCell, TextCell, gridKeyDown, type GridPos } from './inputs';
import { disabledWhile, useReadOnlyReason } from '../../stores/read-only';

interface Props {
  value: Exclude<IndicatorColumn['value'], 'goal' | 'horizon'>;
  header: string;
  ind: IndicatorJson;
  /** The row above, to dim repeated 一级 / 二级 the way the print merges them. */
  previous: IndicatorJson | undefined;
  index: number;
  nav: GridPos;
  profile: Profile;
  assessment: IndicatorAssessment | null;
  onChange(recipe: (json: PerfFormJson) => PerfFormJson): void;
}

/** What the value grammar (SPEC §3.10) reads in a cell, for the cell's tooltip. */
export function describeValue(value: IndicatorValue, level2: string | null): string {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'number': {
      const op = value.op ?? `${defaultComparator(level2, value.unit)}(默认)`;
      return `按数值比较:${op} ${decToString(value.num)}${value.unit ?? ''}`;
    }
    case 'date':
      return `日期:${value.text}`;
    case 'text':
      return value.embedded ? `文字,其中数值 ${value.embedded.op ?? ''}${decToString(value.embedded.num)}${value.embedded.unit ?? ''}` : '文字(定性)';
  }
}

/** One cell of an indicator row, by the column's value. */
export function IndicatorCell({ value, header, ind, previous, index, nav, profile, assessment, onChange }: Props) {
  const readOnly = useReadOnlyReason();
  const marks = useContext(FieldMarks);
  const field = `indicators[${index}].${value}`;
  const label = `第 ${nav.row + 1} 条指标 ${header}`;
  const set = (text: string | null) => onChange((current) => setIndicatorField(current, profile, index, value as IndicatorField, text));
  const mark = marks.get(field);
  const selectClass = `form-select${mark ? ` form-finding-${mark}` : ''}`;

  if (value === 'level1' || value === 'level2') {
    const options = value === 'level1' ? [...LEVEL1] : level2Options(ind.level1, profile);
    const written = ind[value];
    const canonical = value === 'level1' ? normaliseLevel1(written)?.canonical : normaliseLevel2(written)?.canonical;
    const repeated = previous !== undefined && previous.level1 === ind.level1 && (value === 'level1' || previous.level2 === ind.level2);
    // A written alias stays as written (re-export reproduces the document); the list shows what it means, marked *.
    const choices = [
      ...(options.includes(written) ? [] : [{ value: written, label: canonical ? `${canonical}*` : `${written || '(未选)'}(不在指标体系中)` }]),
      ...options.map((option) => ({ value: option, label: option })),
    ];
    return (
      <ChoiceSelect
        {...{ 'data-grid': nav.grid, 'data-r': nav.row, 'data-c': nav.col }}
        data-field={field}
        aria-label={label}
        className={`${selectClass}${repeated ? ' form-repeat' : ''}`}
        title={options.includes(written) ? undefined : `原表写作“${written}”`}
        value={written}
        choices={choices}
        onChoose={set}
        {...disabledWhile(readOnly)}
        onKeyDown={gridKeyDown}
      />
    );
  }
  if (value === 'nature') {
    return (
      <ChoiceSelect
        {...{ 'data-grid': nav.grid, 'data-r': nav.row, 'data-c': nav.col }}
        data-field={field}
        aria-label={label}
        className={selectClass}
        value={ind.nature ?? ''}
        choices={[{ value: '', label: '' }, ...NATURES.map((nature) => ({ value: nature, label: nature }))]}
        onChoose={(chosen) => set(chosen || null)}
        {...disabledWhile(readOnly)}
        onKeyDown={gridKeyDown}
      />
    );
  }
  if (value === 'weight' || value === 'score') {
    const suggested = value === 'score' && ind.score == null ? formatPoints(assessment?.suggested ?? null) : null;
    return (
      <PointsCell
        field={field}
        label={label}
        nav={nav}
        value={ind[value]}
        placeholder={suggested ?? undefined}
        onValue={set}
      />
    );
  }
  const level2 = canonicalLevel2(ind);
  const text = (
    <TextCell
      singleLine
      field={field}
      label={label}
      nav={nav}
      value={ind[value]}
      title={value === 'target_raw' || value === 'actual_raw' ? describeValue(parseIndicatorValue(ind[value], ind.unit), level2) : undefined}
      onValue={set}
    />
  );
  if (value !== 'actual_raw') return text;
  // The wrapper is always there: swapping it in when the chip appears would remount the cell being typed in.
  const met = assessment?.met ?? 'unknown';
  return (
    <div className="form-with-chip">
      {text}
      {met !== 'unknown' && (
        <span className={met === 'met' ? 'form-chip form-met' : 'form-chip form-not-met'} aria-label={`第 ${nav.row + 1} 条指标完成情况`}>
          {met === 'met' ? '达成' : '未达成'}
        </span>
      )}
    </div>
  );
}

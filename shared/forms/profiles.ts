/**
 * Region profiles (SPEC §3.1–3.7), one per form variant: the registry and the lookups every
 * reader of a layout uses. The shape is in profile-types.ts, the declarations per region in
 * profiles-*.ts.
 */
import type { Variant } from './form-types';
import type { BaseDataGroup, Block, FundingRow, Profile } from './profile-types';
import { GENERIC, GENERIC_D, YTH_P } from './profiles-generic';
import { DTH_D, YL_D, YL_P } from './profiles-guangxi-hunan';
import { JM_P, MS_P } from './profiles-sichuan-hubei';

export type * from './profile-types';
export { MS_P_RESULT_PROMPT } from './profiles-sichuan-hubei';

export const PROFILES: Readonly<Record<Variant, Profile>> = {
  'MS-P': MS_P,
  'JM-P': JM_P,
  'YL-P': YL_P,
  'YL-D': YL_D,
  'DTH-D': DTH_D,
  GENERIC,
  'GENERIC-D': GENERIC_D,
  // After GENERIC: a workbook title shared by both reads as GENERIC unless the sheet carries its form data.
  'YTH-P': YTH_P,
};

export function profileFor(variant: Variant): Profile {
  return PROFILES[variant];
}

export type TextSection = Extract<Block, { kind: 'text' } | { kind: 'list' }>;

/**
 * Derived once per profile: the form checks ask for these per form and per line (50 forms: ~2,000
 * times a run), and declarations never change at run time. Callers only read the arrays.
 */
function derived<T>(build: (profile: Profile) => T[]): (profile: Profile) => T[] {
  const cache = new WeakMap<Profile, T[]>();
  return (profile) => {
    let value = cache.get(profile);
    if (!value) cache.set(profile, (value = build(profile)));
    return value;
  };
}

/** The narrative fields a profile shows, with their limits: derived from the layout, not declared twice. */
export const textSections = derived((profile): TextSection[] => profile.layout.filter((b): b is TextSection => b.kind === 'text' || b.kind === 'list'));

/** The funding rows a profile prints, in order. */
export const fundingRows = derived((profile): FundingRow[] => profile.layout.flatMap((b) => (b.kind === 'funding' ? b.rows : [])));

export const baseDataGroups = derived((profile): BaseDataGroup[] => profile.layout.flatMap((b) => (b.kind === 'base-data' ? b.groups : [])));

/** Fills "{year}", "{seq}", "{subject_name}" in a title or label. */
export function fillTemplate(template: string, values: { year?: number | null; seq?: string; subject_name?: string }): string {
  return template
    .replace(/\{year\}/g, values.year ? String(values.year) : '')
    .replace(/\{seq\}/g, values.seq ?? '')
    // "{subject_name}项目…" takes a name already ending in 项目 as it is: no "…项目项目绩效评价报告".
    .replace(/\{subject_name\}(项目)?/g, (_, suffix: string | undefined) => {
      const name = values.subject_name ?? '';
      return name.endsWith('项目') ? name : name + (suffix ?? '');
    });
}

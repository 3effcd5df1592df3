/**
 * What a 绩效自评 form sheet prints in its few non-obvious cells, shared by the exporter
 * (form-plan.ts) and the importer (form-read.ts) so that what one writes the other reads:
 * checkbox groups, "编码-名称" cells, 是/否, titles, the hidden copy of the form, label matching.
 */
import { PROFILES, type Block, type Profile } from '../../../shared/forms/profiles';
import type { PerfFormJson } from '../../../shared/forms/model';
import { norm, withoutDraft } from './text';

/** Row 1 of the hidden column that carries the form as data; the JSON follows in the cells below. */
export const FORM_DATA_MARKER = '决算通·绩效自评表数据(请勿修改)';
/** Short chunks: a cell holds 32767 characters in Excel, but SheetJS' .xls writer only about 4000. */
const CHUNK = 1000;

/**
 * The form as JSON in chunks. "_" is written as \u005f: Excel's XML escapes ("_x000D_") would
 * otherwise be decoded out of a text that happens to contain one.
 */
export function encodeFormData(form: PerfFormJson): string[] {
  const json = JSON.stringify({ format: 'juesuan-form/1', form }).replace(/_/g, '\\u005f');
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  return chunks;
}

/** The embedded form, or null when the chunks are not ours (edited, cut short). */
export function decodeFormData(chunks: string[]): unknown | null {
  try {
    const data = JSON.parse(chunks.join('')) as { format?: unknown; form?: unknown };
    return data && data.format === 'juesuan-form/1' && typeof data.form === 'object' ? data.form : null;
  } catch {
    return null;
  }
}

/** Checked and unchecked glyphs; seed 002 printed Wingdings "R" (checked) and "£" / "□" (unchecked). */
const CHECKED = '☑';
const UNCHECKED = '□';

export function checkboxText(options: readonly string[], selected: string | null | undefined): string {
  return options.map((option, i) => `${i + 1}.${option}${option === selected ? CHECKED : UNCHECKED}`).join('  ');
}

/** The checked option, null when none, or an error text when several are checked. */
export function parseCheckbox(text: string, options: readonly string[]): { value: string | null } | { error: string } {
  const checked = options.filter((option) => {
    const at = text.indexOf(option);
    if (at < 0) return false;
    const mark = text.slice(at + option.length).trimStart()[0];
    return mark !== undefined && /[☑☒✓✔√■RrＲ]/.test(mark);
  });
  if (checked.length > 1) return { error: `勾选了多项(${checked.join('、')}),只能选一项` };
  return { value: checked[0] ?? null };
}

/** MS-P's 项目名称 cell: "{项目编码}-{项目名称}", or the name alone when there is no code. */
export function codeName(form: Pick<PerfFormJson, 'subject_code' | 'subject_name'>): string {
  return form.subject_code ? `${form.subject_code}-${form.subject_name}` : form.subject_name;
}

/**
 * splitCodedName (shared/forms/model.ts) for a printed cell, whose name may run over several lines:
 * "51140022T000000254621-眉山市…" → code and name; a cell without a code is all name.
 */
export function splitCodeName(cell: string): { code: string | null; name: string } {
  const match = /^\s*([0-9A-Z]{6,})\s*[-—]\s*([\s\S]+)$/.exec(cell);
  return match ? { code: match[1], name: match[2].trim() } : { code: null, name: cell.trim() };
}

export const YES = '是';
export const NO = '否';

/** Title and heading templates as patterns: "{year}" is a four-digit year, the name anything. */
const patterns = new Map<string, RegExp>();

/** The pattern of a template, compiled once: labels are matched against every cell of every form sheet. */
function templatePattern(template: string): RegExp {
  let pattern = patterns.get(template);
  if (!pattern) patterns.set(template, (pattern = compileTemplate(template)));
  return pattern;
}

function compileTemplate(template: string): RegExp {
  const escaped = norm(template).replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const source = escaped
    .replace(/\\?\{seq\\?\}、/g, '(?:[一二三四五六七八九十\\d]+、)?')
    .replace(/\\?\{year\\?\}/g, '(\\d{4})')
    .replace(/\\?\{subject_name\\?\}/g, '.+?');
  return new RegExp(`^${source}$`);
}

/** The title (or JM-P heading) block of a profile. */
export function titleBlock(profile: Profile): Extract<Block, { kind: 'title' | 'heading' }> | undefined {
  return profile.layout.find((block): block is Extract<Block, { kind: 'title' | 'heading' }> => block.kind === 'title' || block.kind === 'heading');
}

/** The profile whose title a cell shows, with the year in it; drafts' "(草稿)" is ignored. */
export function profileByTitle(text: string): { profile: Profile; year: number | null } | undefined {
  const shown = norm(withoutDraft(text));
  for (const profile of Object.values(PROFILES)) {
    const block = titleBlock(profile);
    const match = block && templatePattern(block.text).exec(shown);
    if (match) return { profile, year: match[1] ? Number(match[1]) : null };
  }
  return undefined;
}

/** A label template with "{year}" as a pattern ("{year}年编制人数" matches "2020年编制人数"). */
export function labelPattern(label: string): RegExp {
  return templatePattern(label);
}

/** Without a trailing note in brackets or a colon: "实施单位(盖章)" ~ "实施单位", "项目负责人:" ~ "项目负责人". */
const loose = (text: string) => text.replace(/[::]$/, '').replace(/\([^()]*\)$/, '');

/** Whether a cell's text is the label: exact after normalising, else without the trailing note. */
export function labelMatches(cell: string, label: string): boolean {
  const a = norm(cell);
  const b = norm(label);
  if (!a || !b) return false;
  return a === b || loose(a) === loose(b) || (label.includes('{year}') && labelPattern(label).test(a));
}

/**
 * Text as it survives a workbook: Excel's XML turns CR LF into LF and drops control characters,
 * and an empty cell cannot be told from an empty text. Two texts with equal `shownText` print alike.
 */
export function shownText(text: string | null | undefined): string {
  return (text ?? '').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

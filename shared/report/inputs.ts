/**
 * The 决算公开 inputs that are not annex-table cells — 补充信息 (三公 年初预算 and statistics, 国有资产,
 * 政府采购, …), 一般公共预算 年初预算 per 科目, 概况 and 名词解释, and the 主要原因 with their
 * "上年原因,请核实" mark — as the lines of one workbook sheet, declared once here: the exporter
 * prints these lines, the importer reads them back by the key each line carries.
 */
import { SUPP_FIELDS, suppFieldOf, type SuppKind } from '../rules/supplementary';
import { GLOSSARY_KEY } from './glossary';
import { OUTLINES } from './outline';
import { BUDGET_KEY } from './sections-gpb';
import { REPORT_TEXT_KEY } from './types';
import { REASON_PREFIX, type ReportText } from './writer';

export const INPUTS_SHEET = '决算公开资料';
export const INPUTS_TITLE = '决算公开资料(补充信息、年初预算、概况与主要原因)';

/** Printed columns, then (one column apart, hidden) the key of each line. */
export const INPUT_COLUMNS = [
  { header: '类别', width: 14 },
  { header: '项目', width: 40 },
  { header: '填报内容', width: 44 },
  { header: '核实', width: 13 },
] as const;
export const KEY_COLUMN = INPUT_COLUMNS.length + 2;
/** Heads the hidden key column, so the importer knows the sheet is ours whatever its name became. */
export const KEY_MARKER = '决算通:决算公开资料键';

/** Written beside a text carried from last year's file and not yet confirmed; clearing it confirms the text. */
export const DRAFT_MARK = '上年原因,请核实';

export type InputKind = SuppKind | 'text';

export interface InputLine {
  section: string;
  label: string;
  /** A 补充信息 field key (shared/rules/supplementary.ts) or a 决算公开 text key (reason.*, profile.*, glossary). */
  key: string;
  kind: InputKind;
  text: string | null;
  draft: boolean;
}

export interface InputsSource {
  /** 补充信息 as stored: field key → text. */
  supplementary: Readonly<Record<string, string>>;
  texts: Readonly<Record<string, ReportText>>;
  /** 公开05表 rows a 年初预算 can be entered for (合计, 类, 款, 项), in printed order. */
  budgetRows: readonly { code: string; name: string }[];
  /** The sentences of this year's document that ask for a reason, or have one. */
  reasons: readonly { key: string; sentence: string }[];
  /** The year's outline (ReportDoc.outline): only its 概况 texts are offered (every outline's when absent). */
  outline?: string;
}

/** The 概况 texts the outline (every outline, without one) declares, and 名词解释, with their labels. */
function textFields(outlineId: string | undefined): { key: string; label: string }[] {
  const fields = new Map<string, string>();
  for (const outline of Object.values(OUTLINES).filter((outline) => !outlineId || outline.id === outlineId)) {
    for (const part of outline.parts) for (const section of part.sections) for (const content of section.content) if (content.kind === 'text') fields.set(content.key, content.label);
  }
  fields.set(GLOSSARY_KEY, '名词解释(不填写时使用标准文字)');
  return [...fields].map(([key, label]) => ({ key, label }));
}

/** Every line of the sheet: all declared fields (empty ones too, so the sheet can be filled in), then what is stored beyond them. */
export function inputLines(source: InputsSource): InputLine[] {
  const lines: InputLine[] = [];
  const seen = new Set<string>();
  const supp = (key: string, section: string, label: string, kind: InputKind) => {
    seen.add(key);
    lines.push({ section, label, key, kind, text: source.supplementary[key] ?? null, draft: false });
  };
  const text = (key: string, section: string, label: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const stored = source.texts[key];
    lines.push({ section, label, key, kind: 'text', text: stored?.text ?? null, draft: !!stored?.draft });
  };
  for (const field of SUPP_FIELDS) supp(field.key, field.group, field.label, field.kind);
  const budgetSection = '一般公共预算财政拨款年初预算';
  for (const row of source.budgetRows) supp(`${BUDGET_KEY}.${row.code}`, budgetSection, row.name && row.name !== row.code ? `${row.code} ${row.name}` : row.code, 'amount');
  for (const key of Object.keys(source.supplementary).sort()) if (!seen.has(key)) supp(key, budgetSection, key.slice(BUDGET_KEY.length + 1), 'amount');
  for (const field of textFields(source.outline)) text(field.key, '部门概况与名词解释', field.label);
  for (const reason of source.reasons) text(REASON_PREFIX + reason.key, '主要原因', reason.sentence);
  for (const key of Object.keys(source.texts).sort()) if (!seen.has(key)) text(key, '主要原因', '(本年文档中已无此句)');
  return lines;
}

/** What kind of value a key holds, or undefined when it is no input of the sheet. */
export function inputKind(key: string): InputKind | undefined {
  if (REPORT_TEXT_KEY.test(key)) return 'text';
  return suppFieldOf(key)?.kind;
}

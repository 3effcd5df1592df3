/**
 * The geometry and cell values of a 绩效自评 form sheet (form-plan.ts walks the layout with them):
 * the sheets' names, which columns the label area and each table block take and how wide they are,
 * and what a header, funding or indicator cell shows. form-read.ts finds the same columns on import.
 */
import type { Amount } from '../../../shared/money';
import { formatPoints, type Points } from '../../../shared/forms/decimal';
import type { FundingLine, Indicator, PerfForm } from '../../../shared/forms/model';
import type { Block, FundingColumn, HeaderValue, IndicatorColumn, Profile } from '../../../shared/forms/profiles';
import { formatRate, lineRateBp, type FormScore } from '../../../shared/forms/scoring';
import { codeName } from './form-cells';
import { excelNumber, type CellStyle, type PlanCell } from './plan';
import { DRAFT, uniqueSheetName } from './text';

/** The sheet names of a year's forms: "自评-<项目编码或名称>" / "部门整体自评", unique, ≤ 31 characters, Excel-safe. */
export function formSheetNames(forms: readonly Pick<PerfForm, 'subject_type' | 'subject_code' | 'subject_name'>[], taken: Iterable<string>, draft: boolean): string[] {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const suffix = draft ? `(${DRAFT})` : '';
  return forms.map((form) => uniqueSheetName(form.subject_type === 'department' ? '部门整体自评' : `自评-${form.subject_code || form.subject_name}`, suffix, used));
}

/** Chinese numerals for JM-P headings (一、二、…). */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

type TextLike = Extract<Block, { kind: 'text' | 'list' }>;

/** Columns of the label area of text-like blocks: the deepest label path, at least one. */
export function labelColumns(profile: Profile): number {
  return Math.max(1, ...profile.layout.filter((b): b is TextLike => b.kind === 'text' || b.kind === 'list').map((b) => b.label.length));
}

/** Row-label columns of a funding block: none where the profile prints no label header (JM-P). */
export function fundingLabelColumns(block: Extract<Block, { kind: 'funding' }>): number {
  return block.labelHeader === null ? 0 : Math.max(1, ...block.rows.map((row) => row.label.length));
}

const FUNDING_WIDTH: Record<FundingColumn['value'], number> = {
  budget_initial: 13, budget_adjustment: 13, budget_adjusted: 13, actual: 13, exec_rate: 10, weight: 7, score: 7, reason: 20, unit: 7,
};
const INDICATOR_WIDTH: Partial<Record<IndicatorColumn['value'], number>> = {
  goal: 8, level1: 10, level2: 11, name: 26, nature: 7, target_raw: 12, unit: 8, target_basis: 18, actual_raw: 12,
  weight: 7, score: 7, completion_desc: 16, deviation: 20,
};

/** Sheet width and column widths, from the blocks' needs. */
export function geometry(profile: Profile): { width: number; widths: number[] } {
  const lt = labelColumns(profile);
  const needs: number[] = [];
  const need = (col: number, width: number) => (needs[col - 1] = Math.max(needs[col - 1] ?? 8, width));
  for (let col = 1; col <= lt; col++) need(col, lt === 1 ? 16 : 11);
  need(lt + 1, 12);
  for (const block of profile.layout) {
    if (block.kind === 'funding') {
      const lead = block.label.length;
      const rowCols = fundingLabelColumns(block);
      if (lead) need(1, 8);
      for (let i = 0; i < rowCols; i++) need(lead + 1 + i, rowCols === 1 ? 18 : 14);
      block.columns.forEach((column, j) => need(lead + rowCols + 1 + j, FUNDING_WIDTH[column.value]));
    } else if (block.kind === 'indicators') {
      const lead = block.label.length;
      if (lead) need(1, 8);
      block.columns.forEach((column, j) => need(lead + 1 + j, INDICATOR_WIDTH[column.value] ?? 12));
    } else if (block.kind === 'base-data') {
      [16, 14, 9, 14, 9, 10, 9].forEach((width, i) => need(i + 1, width));
    } else if (block.kind === 'score-summary') {
      need(4, 8); // label | score | label | score at least
    }
  }
  return { width: needs.length, widths: Array.from({ length: needs.length }, (_, i) => needs[i] ?? 10) };
}

/** The Excel number for a stored amount (full precision: 710.8078 stays 710.8078). */
export const amountCell = (value: Amount | null) => (value === null ? null : excelNumber(value));
export const pointsCell = (value: Points | null) => (value === null ? null : Number(formatPoints(value)));

export function headerValue(form: PerfForm, value: HeaderValue): string | null {
  return value === 'subject_code_name' ? codeName(form) : form[value];
}

export function styleOf(value: FundingColumn['value']): CellStyle {
  if (value === 'weight' || value === 'score') return 'number';
  if (value === 'exec_rate' || value === 'unit') return 'center';
  return 'amount';
}

/** A funding cell: amounts and the line's fields as stored; 执行率 and 得分 as computed. */
export function fundingValue(column: FundingColumn, line: FundingLine | undefined, score: FormScore): PlanCell['value'] {
  if (!line) return null;
  switch (column.value) {
    case 'exec_rate':
      return line.budget_adjusted === null && line.actual === null ? null : formatRate(lineRateBp(line));
    case 'score':
      return line.key === 'TOTAL' ? pointsCell(score.budgetScore) : null;
    case 'weight':
      return pointsCell(line.weight);
    case 'reason':
    case 'unit':
      return line[column.value];
    default:
      return amountCell(line[column.value]);
  }
}

export function indicatorValue(ind: Indicator, value: Exclude<IndicatorColumn['value'], 'goal'>): PlanCell['value'] {
  if (value === 'weight' || value === 'score') return pointsCell(ind[value]);
  const text = ind[value as keyof Indicator];
  return typeof text === 'string' ? text : null;
}

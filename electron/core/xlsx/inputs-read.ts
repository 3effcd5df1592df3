/**
 * Reads the 决算公开资料 sheet (inputs-plan.ts) back: each line by the key in its hidden column, its
 * value checked as the 补充信息 page and the 决算公开 page check it. Every problem names the file,
 * sheet, row and cell; one problem refuses the whole import (the caller writes nothing).
 */
import { formatAmount } from '../../../shared/money';
import { KEY_MARKER, inputKind } from '../../../shared/report';
import { SuppError, parseSupplementary, suppFieldOf } from '../../../shared/rules';
import { cellAmount } from './cell-amount';
import { shownAt, textOf, type SheetGrid } from './read';
import type { Findings } from './read-table';
import { message } from './text';

export interface ReadInputs {
  sheet: string;
  supplementary: Record<string, string>;
  reportTexts: Record<string, { text: string; draft: boolean }>;
}

const LABEL_COL = 2;
const VALUE_COL = 3;
const DRAFT_COL = 4;

/** undefined: not this sheet; null: this sheet, unreadable (the reasons are in `out.errors`). */
export function readInputsSheet(grid: SheetGrid, file: string, out: Findings): ReadInputs | null | undefined {
  const marker = findMarker(grid);
  if (!marker) return undefined;
  const read: ReadInputs = { sheet: grid.name, supplementary: {}, reportTexts: {} };
  const keyRows = new Map<string, number>();
  const errors = out.errors.length;
  const fail = (row: number, col: number, reason: string) => out.errors.push(message({ file, sheet: grid.name, row, col }, reason));
  for (let row = marker.row + 1; row <= grid.rows.length; row++) {
    const key = textOf(grid.rows[row - 1]?.[marker.col - 1]).trim();
    const value = shownAt(grid, row, VALUE_COL);
    if (!key) {
      if (textOf(value).trim()) fail(row, VALUE_COL, '这一行没有隐藏列中的编号,无法确定填的是哪一项;请在决算通导出的“决算公开资料”表中对应的行填写');
      continue;
    }
    const kind = inputKind(key);
    if (!kind) {
      fail(row, marker.col, `“${key}”不是决算公开资料中的项目`);
      continue;
    }
    if (keyRows.has(key)) {
      fail(row, marker.col, `此项与第${keyRows.get(key)}行重复`);
      continue;
    }
    keyRows.set(key, row);
    const field = suppFieldOf(key);
    // Named as the 补充信息 page names it (and as parseSupplementary's messages do).
    const label = field ? `${field.group}·${field.label}` : textOf(shownAt(grid, row, LABEL_COL)).trim() || key;
    if (value?.kind === 'formula') {
      fail(row, VALUE_COL, `${label}:是公式,但文件中没有保存计算结果;请在 Excel 中打开并保存后再导入`);
      continue;
    }
    if (kind === 'text') {
      const text = textOf(value).trim();
      if (text) read.reportTexts[key] = { text, draft: textOf(shownAt(grid, row, DRAFT_COL)).trim() !== '' };
      continue;
    }
    let text = textOf(value).trim();
    if (kind === 'amount') {
      const amount = cellAmount(value);
      if (!amount.ok) {
        fail(row, VALUE_COL, `${label}:${amount.reason}`);
        continue;
      }
      if (amount.rounded) out.warnings.push(message({ file, sheet: grid.name, row, col: VALUE_COL }, `${label}:金额超过 4 位小数,已四舍五入`));
      text = formatAmount(amount.value) ?? '';
    }
    if (!text) continue;
    try {
      parseSupplementary({ [key]: text });
    } catch (error) {
      if (!(error instanceof SuppError)) throw error;
      fail(row, VALUE_COL, error.message);
      continue;
    }
    read.supplementary[key] = text;
  }
  return out.errors.length > errors ? null : read;
}

/** The hidden key column's heading: the sheet is ours, whatever name it was given. */
function findMarker(grid: SheetGrid): { row: number; col: number } | undefined {
  for (let r = 0; r < Math.min(grid.rows.length, 5); r++) {
    const c = grid.rows[r]?.findIndex((cell) => textOf(cell) === KEY_MARKER) ?? -1;
    if (c >= 0) return { row: r + 1, col: c + 1 };
  }
  return undefined;
}


import type { CellEdit, YearChange } from '../../../shared/contract';
import { AmountError, parseAmount } from '../../../shared/money';
import { cellAmountText } from './amount-text';
import { codeLevel, describeCell, type PrintedLayout, type TableDef, type YearModel } from '../../../shared/tables';
import type { CodeBook } from '../stores/code-book';

export interface PastePlan {
  change: YearChange;
  /** Pasted values that landed on computed or linked cells and were left alone (labels, codes and names are not counted). */
  skipped: number;
  /** Pasted cells whose text is not an amount: left alone, each with where and why. */
  rejected: { where: string; text: string; reason: string }[];
  /** Code rows the paste creates. */
  newCodes: string[];
  /** The 科目名称 pasted beside each new code, where the block carries one. */
  pastedNames: Record<string, string>;
  /** Pasted values that landed on the read-only 上年数 columns shown beside the amounts (grid/last-year-columns.ts). */
  onLastYear: number;
  /** Pasted amounts that fell beyond the table's last line or column, or on a 项目/行次/科目 cell that shows something else. */
  misplaced: number;
}

const CODE = /^\d{7}$/;

/**
 * Maps a pasted block onto the table from the focused cell. In a functional table a block whose
 * first column holds 科目代码, pasted on the code column, creates those rows and fills the value
 * columns after the name column; otherwise cells map one to one onto the printed lines.
 */
export function planPaste(def: TableDef, layout: PrintedLayout, model: YearModel, start: { line: number; columnId: string }, block: string[][]): PastePlan {
  const startColumn = layout.columns.findIndex((column) => column.id === start.columnId);
  const cells: CellEdit[] = [];
  const newCodes: string[] = [];
  const pastedNames: Record<string, string> = {};
  let skipped = 0;
  let onLastYear = 0;
  let misplaced = 0;
  const rejected: PastePlan['rejected'] = [];
  /** An amount where no amount goes: not pasted, but counted, so no figure of the block vanishes unsaid. */
  const isAmount = (text: string) => {
    try {
      return parseAmount(cellAmountText(text) ?? '') !== null;
    } catch {
      return false;
    }
  };
  /** One pasted value into an input cell; a text that is no amount is reported, not pasted. */
  const put = (row: string, col: string, text: string) => {
    const value = cellAmountText(text);
    try {
      parseAmount(value ?? '');
      cells.push({ table: def.id, row, col, value });
    } catch (error) {
      if (!(error instanceof AmountError)) throw error;
      rejected.push({ where: `${describeCell(def, row)} 第${col}栏`, text: text.trim(), reason: error.message });
    }
  };

  const codeMode = def.kind === 'functional' && layout.columns[startColumn]?.kind === 'code' && block.some((row) => CODE.test(row[0]?.trim() ?? ''));
  if (codeMode) {
    const valueColumns = layout.columns.filter((column) => column.kind === 'value');
    for (const row of block) {
      const code = row[0]?.trim() ?? '';
      // A block copied from a printed table carries the 科目名称 after the code; skip it when it is text.
      const named = row.length > valueColumns.length + 1 || (row[1] !== undefined && /[^\d.,\s()-]/.test(row[1]));
      const values = named ? row.slice(2) : row.slice(1);
      if (CODE.test(code) && named && row[1].trim()) pastedNames[code] = row[1].trim();
      if (!CODE.test(code)) {
        skipped += values.filter((text) => text.trim() !== '').length;
        continue;
      }
      if (!model.tableInputs(def.id).codes.has(code) && !newCodes.includes(code)) newCodes.push(code);
      values.forEach((text, i) => {
        const column = valueColumns[i];
        if (!column && isAmount(text)) misplaced++;
        if (column && !column.col && text.trim() !== '') onLastYear++;
        if (!column?.col) return;
        if (def.kind === 'functional' && def.leaf[column.col]?.role === 'input') put(code, column.col, text);
        else if (text.trim() !== '') skipped++;
      });
    }
    return { change: { addCodes: newCodes.map((code) => ({ table: def.id, code })), cells }, skipped, rejected, newCodes, pastedNames, onLastYear, misplaced };
  }

  block.forEach((row, i) => {
    const line = layout.lines[start.line + i];
    row.forEach((text, j) => {
      const column = layout.columns[startColumn + j];
      const key = line && column ? line[column.side] : null;
      const rule = key && column?.col ? model.rule(def.id, key, column.col) : undefined;
      if (rule?.role === 'input' && key && column.col && !(def.kind === 'functional' && codeLevel(key) !== 3)) put(key, column.col, text);
      // Labels, 行次, codes and names copied along with the amounts are not values: not counted.
      else if (column?.kind === 'value' && rule && text.trim() !== '') skipped++;
      else if (column?.kind === 'value' && !column.col && text.trim() !== '') onLastYear++;
      // A 行次 or 科目代码 copied along with the amounts is that line's own: only another number is out of place.
      else if ((!key || column?.kind !== 'value') && isAmount(text) && !(key && [key, model.row(def.id, key)?.code].includes(text.trim()))) misplaced++;
    });
  });
  return { change: { cells }, skipped, rejected, newCodes, pastedNames, onLastYear, misplaced };
}

/**
 * New code rows the catalog lacks become user-defined codes under the name pasted beside them, as
 * 添加科目 and the workbook import make them; a code pasted without a name cannot be, nor one whose
 * name is another 项 of the same 款 (a mistyped code, like 2010396 政务公开审批 for 2010306). Returns the
 * words refusing the paste, or null with the plan's new rows named.
 */
export function nameCustomCodes(plan: PastePlan, codes: Pick<CodeBook, 'name' | 'search'>): string | null {
  const unknown = plan.newCodes.filter((code) => !codes.name(code));
  const unnamed = unknown.filter((code) => !plan.pastedNames[code]);
  if (unnamed.length) return `科目表中没有 ${unnamed.join('、')},粘贴的内容中也没有它的科目名称:请先用“添加科目”作为自定义科目添加后再粘贴`;
  for (const code of unknown) {
    const name = plan.pastedNames[code];
    const meant = codes.search(name, 40).find((entry) => entry.level === '项' && entry.name === name && entry.code.slice(0, 5) === code.slice(0, 5));
    if (meant) return `科目表中没有 ${code};粘贴的名称“${name}”是科目 ${meant.code} 的名称,多半是代码有误:请核对后再粘贴`;
  }
  plan.change.addCodes = plan.change.addCodes?.map((entry) => (unknown.includes(entry.code) ? { ...entry, name: plan.pastedNames[entry.code] } : entry));
  return null;
}

/** What a paste did, in one line: pasted, new code rows, values on computed cells, and each cell refused with where and why. */
export function pasteReport(plan: PastePlan): string {
  const count = plan.change.cells?.length ?? 0;
  /** Figures that had no amount cell to go to, each kind in its own words. */
  const nowhere = [
    plan.onLastYear ? `${plan.onLastYear} 个数值落在只读的上年数栏` : '',
    plan.misplaced ? `${plan.misplaced} 个数值超出表格或落在项目、行次、科目栏` : '',
  ].filter(Boolean);
  if (!count && !plan.newCodes.length && !plan.rejected.length) {
    if (plan.skipped) return `粘贴的 ${plan.skipped} 个数值${nowhere.length ? '' : '都'}落在计算或链接单元格上${nowhere.map((part) => `,${part}`).join('')},未做修改`;
    return nowhere.length ? `${nowhere.join(',')},未粘贴` : '剪贴板中没有可粘贴的内容';
  }
  const parts = [count ? `已粘贴 ${count} 个单元格` : '没有粘贴任何单元格'];
  if (plan.newCodes.length) parts.push(`新增科目行 ${plan.newCodes.length} 个`);
  if (plan.skipped) parts.push(`跳过计算或链接单元格 ${plan.skipped} 个`);
  parts.push(...nowhere.map((part) => `${part},未粘贴`));
  if (plan.rejected.length) {
    const shown = plan.rejected.slice(0, 5).map((cell) => `${cell.where}:${cell.reason}`);
    parts.push(`未粘贴 ${plan.rejected.length} 个不是金额的单元格(${shown.join(';')}${plan.rejected.length > shown.length ? ' 等' : ''}),请改正后再录入`);
  }
  return parts.join(',');
}

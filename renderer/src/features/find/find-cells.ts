import { AmountError, displayAmount, parseAmount } from '../../../../shared/money';
import type { TableDef, YearModel } from '../../../../shared/tables';

export interface FoundCell {
  table: string;
  row: string;
  /** '' when the row matched by code or name (the grid then focuses the row's label). */
  col: string;
  /** What matched, in the clerk's words: "2010301 行政运行", "第31行 总 计 第1栏 3,383.79". */
  text: string;
}

/**
 * Ctrl+F across the year's tables: a 科目 or row by code (prefix) or by any part of its name
 * (spaces ignored), and an amount by its shown value ("3383.79", "3,383.79").
 */
export function findCells(model: YearModel, tables: readonly TableDef[], query: string, limit = 50): FoundCell[] {
  const text = query.replace(/\s+/g, '');
  if (!text) return [];
  const amount = amountOf(text);
  const found: FoundCell[] = [];
  for (const def of tables) {
    for (const row of model.rows(def.id)) {
      if (row.blank) continue;
      const name = row.label.replace(/\s+/g, '');
      const code = row.code ?? '';
      const title = `${code ? `${code} ` : /^\d{1,2}$/.test(row.key) ? `第${row.key}行 ` : ''}${row.label}`;
      if ((/^\d+$/.test(text) && code.startsWith(text)) || name.includes(text)) found.push({ table: def.id, row: row.key, col: '', text: title });
      if (amount !== null) {
        for (const col of Object.keys(row.rules)) {
          const value = model.value(def.id, row.key, col);
          if (value !== null && displayAmount(value) === amount) found.push({ table: def.id, row: row.key, col, text: `${title} 第${col}栏 ${amount}` });
        }
      }
      if (found.length >= limit) return found.slice(0, limit);
    }
  }
  return found;
}

/** The query as a shown amount, when it reads as one. */
function amountOf(text: string): string | null {
  try {
    return displayAmount(parseAmount(text));
  } catch (error) {
    if (error instanceof AmountError) return null;
    throw error;
  }
}

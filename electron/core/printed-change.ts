/**
 * The clerk's changes to the totals an imported workbook printed (R-I01), checked before the year
 * session writes them with the rest of its change: forgetting one takes the computed value (采用计算值
 * on one finding, or 全部采用计算值 on all of them in one write), putting one back is their undo.
 */
import { ApiError, type YearChange } from '../../shared/contract';
import { AmountError, parseAmount, type Amount } from '../../shared/money';
import { cellKey, describeCell, type TableDef, type YearModel } from '../../shared/tables';
import type { StoredCell } from './store-write';

export interface CheckedPrinted {
  /** Printed values to forget. */
  settled: { table: string; row: string; col: string }[];
  /** Printed values to put back. */
  restored: StoredCell[];
}

export function checkPrinted(
  entries: NonNullable<YearChange['printed']>,
  model: YearModel,
  stored: ReadonlyMap<string, ReadonlyMap<string, Amount>>,
  tableOf: (name: string) => TableDef,
): CheckedPrinted {
  const checked: CheckedPrinted = { settled: [], restored: [] };
  for (const { table, row, col, value } of entries) {
    const def = tableOf(table);
    const where = `${def.id} ${describeCell(def, row)} 第 ${col} 栏`;
    const rule = model.rule(def.id, row, col);
    if (!rule) throw new ApiError('refused', `${def.id} 没有${describeCell(def, row)}第 ${col} 栏`);
    if (rule.role === 'input') throw new ApiError('refused', `${where}是录入单元格,没有导入文件印出的合计数`);
    if (value === null) {
      if (!stored.get(def.id)?.has(cellKey(row, col))) throw new ApiError('refused', `${where}没有导入文件印出的数`);
      checked.settled.push({ table: def.id, row, col });
      continue;
    }
    const amount = amountOf(value, where);
    if (amount === null) throw new ApiError('refused', `${where}:没有填写印出的数`);
    checked.restored.push({ table: def.id, row, col, value: amount });
  }
  return checked;
}

function amountOf(text: string, where: string): Amount | null {
  try {
    return parseAmount(text);
  } catch (error) {
    if (error instanceof AmountError) throw new ApiError('refused', `${where}:${error.message}`);
    throw error;
  }
}

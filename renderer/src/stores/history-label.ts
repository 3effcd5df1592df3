import type { YearChange } from '../../../shared/contract';
import { AmountError, displayAmount, parseAmount } from '../../../shared/money';
import { describeCell, type YearModel } from '../../../shared/tables';

/** Where an undo step happened: the table, and the first cell it touched (for jumping there first). */
export function placeOf(change: YearChange): { table: string; row: string; col: string } | null {
  const cell = change.cells?.[0] ?? change.printed?.[0];
  if (cell) return { table: cell.table, row: cell.row, col: cell.col };
  const code = change.addCodes?.[0] ?? change.removeCodes?.[0] ?? change.printedNames?.[0];
  return code ? { table: code.table, row: code.code, col: '' } : null;
}

/**
 * The step in the clerk's words, for the undo and redo buttons: "公开04表 第2行 第1栏 改为 100.00",
 * "公开02表 12 个单元格", "公开02表 添加科目 2010301", "全部采用计算值(30 处)".
 */
export function describeChange(model: YearModel, change: YearChange, label: (table: string) => string): string {
  const cells = change.cells ?? [];
  const added = change.addCodes ?? [];
  const removed = change.removeCodes ?? [];
  const place = placeOf(change);
  if (!place) return '';
  const table = label(place.table);
  if (removed.length) return `${table} 删除科目行 ${removed.map((part) => part.code).join('、')}`;
  const names = change.printedNames ?? [];
  const printed = change.printed ?? [];
  if (printed.length && !cells.length) return printedStep(model, printed, table);
  if (names.length && !cells.length && !added.length) return `${table} 科目 ${names.map((part) => part.code).join('、')} ${namesStep(model, names)}`;
  if (added.length) return `${table} 添加科目 ${added.map((part) => part.code).join('、')}`;
  if (cells.length > 1) return `${table} ${cells.length} 个单元格`;
  const [cell] = cells;
  return `${table} ${describeCell(model.table(cell.table), cell.row)} 第${cell.col}栏 ${cell.value === null ? '清空' : `改为 ${shown(cell.value)}`}`;
}

/** Taking the catalog's name, naming a row no catalog names (R-I03), or putting an imported name back. */
function namesStep(model: YearModel, names: NonNullable<YearChange['printedNames']>): string {
  if (names.some((part) => part.name === null)) return '采用目录名称';
  if (names.every((part) => !model.row(part.table, part.code)?.label)) return `填写名称“${names.map((part) => part.name).join('、')}”`;
  return '恢复导入的名称';
}

function printedStep(model: YearModel, printed: NonNullable<YearChange['printed']>, table: string): string {
  const accepted = printed.every((entry) => entry.value === null);
  if (printed.length > 1) return accepted ? `全部采用计算值(${printed.length} 处)` : `恢复导入印出的数(${printed.length} 处)`;
  const [cell] = printed;
  return `${table} ${describeCell(model.table(cell.table), cell.row)} 第${cell.col}栏 ${accepted ? '采用计算值' : '恢复导入印出的数'}`;
}

function shown(text: string): string {
  try {
    return displayAmount(parseAmount(text));
  } catch (error) {
    if (error instanceof AmountError) return text;
    throw error;
  }
}

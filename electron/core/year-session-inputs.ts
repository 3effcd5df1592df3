/**
 * What a typed change may hold, checked against the table declarations before YearSession writes
 * it (edit, load): the cell must exist and be an input, the amount must parse, 科目 rows go only
 * into functional tables. Errors name the table, row and 栏.
 */
import { ApiError } from '../../shared/contract';
import { AmountError, parseAmount, type Amount } from '../../shared/money';
import { TABLES, explainRule, type TableDef, type YearModel } from '../../shared/tables';
import { describeCell } from '../../shared/tables/describe';

/** 项 rows a change adds, with a set of their keys: an import adds thousands and checks every cell against them. */
export type PendingCodes = { table: string; code: string; name?: string }[] & { keys: Set<string> };

export const pendingCodes = (): PendingCodes => Object.assign([], { keys: new Set<string>() });
export const pendingKey = (table: string, code: string) => `${table}\u0000${code}`;

export function functionalOf(def: TableDef): TableDef {
  if (def.kind !== 'functional') throw new ApiError('refused', `${def.id} 是固定行表,不能增删科目行`);
  return def;
}

/** The rule of a cell, of a stored row or of a 项 row the same change adds. */
export function ruleOrThrow(model: YearModel, def: TableDef, row: string, col: string, pending: PendingCodes) {
  const added = def.kind === 'functional' && pending.keys.has(pendingKey(def.id, row));
  const rule = added ? (def.kind === 'functional' ? def.leaf[col] : undefined) : model.rule(def.id, row, col);
  if (!rule) {
    const rowKnown = added || model.row(def.id, row);
    throw new ApiError('refused', rowKnown ? `${def.id} ${describeCell(def, row)} 没有第 ${col} 栏` : `${def.id} 没有${describeCell(def, row)}`);
  }
  return rule;
}

/** A typed value of an input cell (text to parse, or an amount an import read exactly); computed and linked cells refuse it. */
export function parseInput(model: YearModel, def: TableDef, row: string, col: string, text: string | Amount | null, pending: PendingCodes): Amount | null {
  const rule = ruleOrThrow(model, def, row, col, pending);
  if (rule.role !== 'input') {
    const how = explainRule(TABLES, rule, { table: def.id, row, col });
    const what = rule.role === 'computed' ? `计算单元格(${how})` : `链接单元格(${how},请在该表录入)`;
    throw new ApiError('refused', `${def.id} ${describeCell(def, row)} 第 ${col} 栏是${what},不能直接填写`);
  }
  return typeof text === 'number' ? text : parseValue(def, row, col, text);
}

export function parseValue(def: TableDef, row: string, col: string, text: string | null): Amount | null {
  if (text === null) return null;
  try {
    return parseAmount(text);
  } catch (error) {
    if (error instanceof AmountError) throw new ApiError('refused', `${def.id} ${describeCell(def, row)} 第 ${col} 栏:${error.message}`);
    throw error;
  }
}

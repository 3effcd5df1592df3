import { labelAt, resolveIn, type LabelStyle } from './labels';
import { CN05, CN07, CN09, CN11 } from './sichuan';
import { T01 } from './t01';
import { T02 } from './t02';
import { T03 } from './t03';
import { T04 } from './t04';
import { T05 } from './t05';
import { T06 } from './t06';
import { T07 } from './t07';
import { T08 } from './t08';
import { T09 } from './t09';
import type { TableDef } from './types';

/** Every annex table the application knows, by canonical id. */
export const TABLES: ReadonlyMap<string, TableDef> = new Map(
  [T01, T02, T03, T04, T05, T06, T07, T08, T09, CN05, CN07, CN09, CN11].map((def) => [def.id, def]),
);

export const TEMPLATE_SETS = {
  /** 9-table set 公开01–09表 (SPEC §1.1–1.9). */
  '9': ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表'],
  /** 四川 13-table set 表一–表十三 (SPEC §1.11): the nine shared definitions plus the INFERRED 川05/07/09/11表. */
  '13': ['公开01表', '公开02表', '公开03表', '公开04表', '川05表', '公开05表', '川07表', '公开06表', '川09表', '公开07表', '川11表', '公开08表', '公开09表'],
} as const;
export type TemplateSet = keyof typeof TEMPLATE_SETS;

export function templateTables(set: TemplateSet): TableDef[] {
  return TEMPLATE_SETS[set].map((id) => TABLES.get(id)!);
}

/**
 * The label printed above a table: 公开04表 / 表四 in the 9-table set, 表一…表十三 in the 13-table set
 * (which has only that numbering). Throws for a table outside the set.
 */
export function printedLabel(tableId: string, set: TemplateSet, style: LabelStyle = '公开'): string {
  const ids: readonly string[] = TEMPLATE_SETS[set];
  const position = ids.indexOf(tableId);
  if (position < 0) throw new Error(`${tableId} 不在${set}表模板中`);
  return labelAt(position + 1, ids.length, style);
}

/** The canonical id of the table meant by `input` (id, title, 公开NN表, 表X, …) in the set, or undefined. */
export function resolveTableName(input: string, set: TemplateSet): string | undefined {
  return resolveIn(input, templateTables(set))?.id;
}

export { chineseNumber, type LabelStyle } from './labels';
export * from './types';
export * from './engine';
export * from './layout';
export * from './describe';
export { explainRule, linkSource } from './explain';
export * from './changes';
export * from './inputs';

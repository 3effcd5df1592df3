import { labelAt, resolveIn, type LabelStyle } from './labels';
import { CN14, NM05, NM12, SX07, YN10 } from './regional';
import { TABLE_SETS, asPrinted, type TemplateSet } from './sets';
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
  [T01, T02, T03, T04, T05, T06, T07, T08, T09, CN05, CN07, CN09, CN11, CN14, YN10, SX07, NM05, NM12].map((def) => [def.id, def]),
);

/** The table ids of each set (shared/tables/sets.ts), in print order. */
export const TEMPLATE_SETS = Object.fromEntries(TABLE_SETS.map((set) => [set.id, set.tables.map((entry) => entry.id)])) as unknown as Record<TemplateSet, readonly string[]>;

const PRINTED = new Map<TemplateSet, TableDef[]>(
  TABLE_SETS.map((set) => [set.id, set.tables.map((entry) => asPrinted(TABLES.get(entry.id)!, entry))]),
);

/** The set's tables as it prints them (regional titles applied); the same array on every call. */
export function templateTables(set: TemplateSet): TableDef[] {
  return PRINTED.get(set)!;
}

/** One table of the set as the set prints it (its definition when the set does not hold it). */
export function tableIn(set: TemplateSet, id: string): TableDef {
  return templateTables(set).find((def) => def.id === id) ?? TABLES.get(id)!;
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

const relabellers = new Map<string, (text: string) => string>();

/**
 * A text that names tables by their ids (“公开05表 科目 201 …”, “川05表 合计 …”) as the year prints them
 * (四川 13: “表六 科目 201 …”, “表五 合计 …”): the names the clerk sees in the side list and on paper.
 */
export function withPrintedLabels(text: string, set: TemplateSet, style: LabelStyle = '公开'): string {
  const key = `${set}|${style}`;
  let relabel = relabellers.get(key);
  if (!relabel) {
    const labels = new Map(TEMPLATE_SETS[set].map((id) => [id, printedLabel(id, set, style)] as const).filter(([id, label]) => id !== label));
    // One pass: a label put in (表一) is never read again as another table's id.
    const ids = labels.size ? new RegExp([...labels.keys()].join('|'), 'g') : null;
    relabel = ids ? (value) => value.replace(ids, (id) => labels.get(id)!) : (value) => value;
    relabellers.set(key, relabel);
  }
  return relabel(text);
}

/** The canonical id of the table meant by `input` (id, title, 公开NN表, 表X, …) in the set, or undefined. */
export function resolveTableName(input: string, set: TemplateSet): string | undefined {
  return resolveIn(input, templateTables(set))?.id;
}

export { chineseNumber, type LabelStyle } from './labels';
export { TABLE_SETS, TEMPLATE_SET_IDS, type TableSetDef, type TemplateSet } from './sets';
export * from './types';
export * from './engine';
export * from './layout';
export * from './describe';
export { explainRule, linkSource } from './explain';
export * from './changes';
export * from './inputs';

import { T01 } from './t01';
import type { TableDef } from './types';

/** Every annex table the application knows, by canonical id. */
export const TABLES: ReadonlyMap<string, TableDef> = new Map([T01].map((def) => [def.id, def]));

export const TEMPLATE_SETS = {
  /** 9-table set 公开01–09表 (SPEC §1.1–1.9). */
  '9': ['公开01表'],
} as const;
export type TemplateSet = keyof typeof TEMPLATE_SETS;

export function templateTables(set: TemplateSet): TableDef[] {
  return TEMPLATE_SETS[set].map((id) => TABLES.get(id)!).filter(Boolean);
}

export * from './types';
export * from './engine';

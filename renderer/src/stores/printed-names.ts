/**
 * 科目 names an imported file printed against the catalog (R-I02), as the renderer holds them: a
 * change's printedNames entries set or forget them, and their inverse (for undo) puts back what was.
 */
import type { YearChange } from '../../../shared/contract';
import type { PrintedNames } from '../../../shared/rules';

type Entries = NonNullable<YearChange['printedNames']>;

/** The names after `entries`; the same map when there are none (so the audit is not rerun for nothing). */
export function withNames(names: PrintedNames, entries: Entries | undefined): PrintedNames {
  if (!entries?.length) return names;
  const next: PrintedNames = new Map([...names].map(([table, byCode]) => [table, new Map(byCode)]));
  for (const { table, code, name } of entries) {
    if (name === null) next.get(table)?.delete(code);
    else (next.get(table) ?? next.set(table, new Map()).get(table)!).set(code, name);
  }
  return next;
}

/** The entries that undo `entries`: each row's name as it is now (null where there was none). */
export function inverseNames(names: PrintedNames, entries: Entries | undefined): Entries {
  return (entries ?? []).map(({ table, code }) => ({ table, code, name: names.get(table)?.get(code) ?? null }));
}

/**
 * Where a 汇总's errors on its summed amounts are fixed (shared/rules/consolidated.ts), for an open
 * 汇总 file. Its summed amounts are read-only, so while it is open its errors only change by what the
 * 汇总 itself owns (补充信息, texts), never the units they point at: the units' figures are read at the
 * first such error, and each error's units are worked out once and kept. What is kept stays for the
 * next time the same 汇总 is opened (a 财政局 opens the same few all day): it is a function of the
 * recorded units alone, so the 汇总 is known by when it was made and its units' file hashes; a
 * re-汇总 is another 汇总. The renderer gets the result with the snapshot instead of every unit's figures.
 */
import { unitFixes, type FixIn, type UnitFigures, type UnitFixes, type ValidateOptions } from '../../shared/rules';
import { isConsolidation, unitFiguresOf } from './consolidate-store';
import type { YearStore } from './store';

/** The 汇总 files opened last, their errors' units by finding key (a few kilobytes each). */
const KEPT = new Map<string, Map<string, FixIn>>();
const KEEP_FILES = 8;

/** The fixes of an open 汇总 file; undefined for a unit's own year. */
export function sessionUnitFixes(store: YearStore, nameOf: (code: string) => string | undefined, options: ValidateOptions): UnitFixes | undefined {
  if (!isConsolidation(store)) return undefined;
  const kept = keptFor(identity(store, options));
  let units: UnitFigures[] | undefined;
  return (errors) => {
    const missing = errors.filter((finding) => !kept.has(finding.key));
    if (missing.length) for (const [key, fixIn] of unitFixes(missing, (units ??= unitFiguresOf(store, nameOf)), options)) kept.set(key, fixIn);
    return kept;
  };
}

/** What the fixes depend on: the recorded units (each file's hash when summed), when the 汇总 was made, the rules asked. */
function identity(store: YearStore, { template, fiscalYear, edition }: ValidateOptions): string {
  const units = store.database.prepare('SELECT file, sha256 FROM consolidation_units WHERE parent IS NULL ORDER BY seq').raw(true).all();
  return JSON.stringify([store.meta('consolidated_at'), template, fiscalYear, edition, units]);
}

function keptFor(key: string): Map<string, FixIn> {
  const kept = KEPT.get(key) ?? new Map<string, FixIn>();
  KEPT.delete(key);
  KEPT.set(key, kept);
  if (KEPT.size > KEEP_FILES) KEPT.delete(KEPT.keys().next().value!);
  return kept;
}

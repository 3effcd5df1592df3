/**
 * The tables whose grids stay built while another table is shown. Building an ag-grid (its
 * services, columns, rows and header) is most of what a switch costs; a clerk goes back and forth
 * between a few tables (公开01表 and the table a figure comes from), so the last few shown stay
 * built, hidden, and showing one again only lays it out. The number is bounded, so a 14-table set
 * keeps no more grids (and memory) than a 9-table one. Hidden grids never take keys (they are not
 * displayed, so nothing in them can have the focus) and catch up with edits made meanwhile when
 * shown again (live-cells.ts); a year opened again (another file, or the same one after an
 * import) starts with no kept grids at all.
 */
import { useRef } from 'react';

export const KEPT_TABLES = 6;

/** The kept tables once `shown` is shown: it first, then the others most recently shown first, at most KEPT_TABLES. */
export function keptAfter(kept: readonly string[], shown: string | null): readonly string[] {
  if (shown === null || kept[0] === shown) return kept;
  return [shown, ...kept.filter((id) => id !== shown)].slice(0, KEPT_TABLES);
}

/**
 * The ids of the tables to keep built, the one shown first. `shown` is null while another page
 * (forms, 补充信息, 决算公开) is shown: the kept tables stay as they are. A new `year` (the model of
 * a year opened or opened again) starts with none.
 */
export function useKeptTables(shown: string | null, year: object): readonly string[] {
  const kept = useRef<{ year: object; ids: readonly string[] }>({ year, ids: [] });
  if (kept.current.year !== year) kept.current = { year, ids: [] };
  kept.current.ids = keptAfter(kept.current.ids, shown);
  return kept.current.ids;
}

import type { RuleDef } from './types';
import { balance, hierarchy, withinRow } from './rules-9-tables';
import { crossTable } from './rules-9-cross';
import { crossYear } from './rules-9-cross-year';
import { plausibility } from './rules-9-plausibility';

export { suppVersusCell } from './rules-9-cross';
/**
 * The 勾稽关系 of SPEC §2.1–2.5 and the plausibility warnings of §2.7 for the 9-table set 公开01–09表.
 *
 * Many relations hold by construction in our engine (合计/类/款 rows, 本年收入合计 and similar cells
 * are computed, 公开01/04表 category rows are linked). They are still declared and checked: an
 * imported file or an override can break them, and checking costs a few additions per row. Every
 * equality is checked with the tolerance of SPEC §0.5 (see context.ts `tolerance`).
 */

/** All rules of the 9-table set, in SPEC order. */
export const RULES_9: RuleDef[] = [...withinRow, ...hierarchy, ...balance, ...crossTable, ...crossYear, ...plausibility];

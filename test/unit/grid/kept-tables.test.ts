import { describe, expect, it } from 'vitest';
import { KEPT_TABLES, keptAfter } from '../../../renderer/src/features/shell/kept-tables';
import type { TemplateSet } from '../../../shared/contract';
import { TEMPLATE_SETS, templateTables } from '../../../shared/tables';

describe('tables kept built while another is shown', () => {
  it('keeps the shown table first and the others most recently shown first, never more than KEPT_TABLES on the largest set', () => {
    const largest = Object.keys(TEMPLATE_SETS)
      .map((set) => templateTables(set as TemplateSet).map((def) => def.id))
      .sort((a, b) => b.length - a.length)[0];
    expect(largest.length).toBeGreaterThan(KEPT_TABLES);
    let kept: readonly string[] = [];
    const visits = [...largest, largest[2], largest[0], ...largest.slice().reverse()];
    for (const [i, shown] of visits.entries()) {
      kept = keptAfter(kept, shown);
      expect(kept[0]).toBe(shown);
      expect(new Set(kept).size).toBe(kept.length);
      expect(kept.length).toBe(Math.min(KEPT_TABLES, new Set(visits.slice(0, i + 1)).size));
      // The kept ones are exactly the last distinct tables shown.
      const lastDistinct = [...new Set(visits.slice(0, i + 1).reverse())].slice(0, KEPT_TABLES);
      expect(kept).toEqual(lastDistinct);
    }
  });

  it('changes nothing while another page is shown or the same table is shown again', () => {
    const kept = keptAfter(keptAfter([], '公开01表'), '公开02表');
    expect(keptAfter(kept, null)).toBe(kept);
    expect(keptAfter(kept, '公开02表')).toBe(kept);
  });
});

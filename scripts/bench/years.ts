/**
 * Bench years of a stated size, written through the real core: `rows` 项 rows in each functional
 * table that takes any 科目 (公开02/03/05表), every input cell filled, plus `forms` project forms.
 * Catalog codes come first; past the catalog's end, user-defined codes (with names) fill up, so the
 * size printed is the size built.
 */
import { catalogFor } from '../../shared/catalog';
import type { CellEdit } from '../../shared/contract';
import { TABLES, TEMPLATE_SETS } from '../../shared/tables';
import { MS_P_SEED000 } from '../../test/fixtures/forms/ms-p-seed000';
import type { createCore } from '../../electron/core/core';

type Core = ReturnType<typeof createCore>;

export function benchCodes(rows: number): { code: string; name?: string }[] {
  const catalog = catalogFor(2023);
  const known = catalog.functionCodes.filter((entry) => entry.level === '项').map((entry) => ({ code: entry.code }));
  const extra: { code: string; name: string }[] = [];
  for (let n = 0; known.length + extra.length < rows; n++) {
    const category = catalog.categories[n % catalog.categories.length].code;
    const code = `${category}${String(80 + Math.floor(n / 2500)).padStart(2, '0')}${String(1 + (Math.floor(n / catalog.categories.length) % 98)).padStart(2, '0')}`;
    if (!catalog.isKnownFunctionCode(code) && !extra.some((entry) => entry.code === code)) extra.push({ code, name: `基准测试科目${n + 1}` });
  }
  return [...known, ...extra].slice(0, rows);
}

/** Writes the year into `file` (already created) and returns the number of input cells. */
export async function fillYear(core: Core, file: string, rows: number, forms = 0): Promise<number> {
  const codes = benchCodes(rows);
  const cells: CellEdit[] = [];
  let n = 0;
  const value = () => `${(++n * 37) % 100_000}.${String(n % 10_000).padStart(4, '0')}`;
  const addCodes: { table: string; code: string; name?: string }[] = [];
  for (const id of TEMPLATE_SETS['9']) {
    const def = TABLES.get(id)!;
    if (def.kind === 'functional') {
      if (def.codeScope !== 'all') continue;
      for (const { code, name } of codes) {
        addCodes.push(name ? { table: id, code, name } : { table: id, code });
        for (const [col, rule] of Object.entries(def.leaf)) if (rule.role === 'input') cells.push({ table: id, row: code, col, value: value() });
      }
    } else {
      for (const row of def.rows) for (const [col, rule] of Object.entries(row.cells)) if (rule.role === 'input') cells.push({ table: id, row: row.key, col, value: value() });
    }
  }
  await core.edit({ file, addCodes, cells });
  for (let i = 0; i < forms; i++) {
    await core.saveForm({ file, form: { ...MS_P_SEED000[i % MS_P_SEED000.length], subject_code: `5114002100000000${String(i).padStart(5, '0')}` } });
  }
  return cells.length;
}

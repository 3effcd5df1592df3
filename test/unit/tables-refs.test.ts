import { describe, expect, it } from 'vitest';
import { SAME_ROW, TABLES, TEMPLATE_SETS, TOTAL, YearModel, codeLevel, type CellRef, type CellRule, type TableDef } from '../../shared/tables';

/** Every rule of a table with the row that owns it (SAME_ROW for the 项 rules of functional tables). */
function rulesOf(def: TableDef): { row: string; col: string; rule: CellRule }[] {
  if (def.kind === 'functional') return Object.entries(def.leaf).map(([col, rule]) => ({ row: SAME_ROW, col, rule }));
  return def.rows.flatMap((row) => Object.entries(row.cells).map(([col, rule]) => ({ row: row.key, col, rule })));
}

function refsOf(rule: CellRule): CellRef[] {
  return rule.role === 'computed' ? rule.terms.map((term) => term.ref) : rule.role === 'linked' ? [rule.from] : [];
}

/** Why `ref`, written in `owner`, does not point at a declared cell; null when it does. */
function problem(owner: TableDef, ref: CellRef): string | null {
  const target = TABLES.get(ref.table ?? owner.id);
  if (!target) return `unknown table ${ref.table}`;
  if (target.kind === 'functional') {
    if (!target.columns.some((column) => column.col === ref.col)) return `${target.id} has no column ${ref.col}`;
    const sameTable = target === owner;
    if (ref.row === SAME_ROW) return sameTable ? null : 'SAME_ROW across tables';
    return ref.row === TOTAL || codeLevel(ref.row) !== null ? null : `bad row ${ref.row}`;
  }
  const row = target.rows.find((candidate) => candidate.key === ref.row);
  if (!row) return `${target.id} has no row ${ref.row}`;
  return row.cells[ref.col] ? null : `${target.id} row ${ref.row} has no column ${ref.col}`;
}

describe('declarations are consistent', () => {
  it('registers the 9- and 13-table sets in order', () => {
    expect(TEMPLATE_SETS['9']).toEqual(Array.from({ length: 9 }, (_, i) => `公开0${i + 1}表`));
    expect(TEMPLATE_SETS['13']).toEqual([
      '公开01表', '公开02表', '公开03表', '公开04表', '川05表', '公开05表', '川07表', '公开06表', '川09表', '公开07表', '川11表', '公开08表', '公开09表',
    ]);
    for (const id of TEMPLATE_SETS['13']) expect(TABLES.get(id)?.id).toBe(id);
  });

  it.each([...TABLES.values()].map((def) => [def.id, def] as const))('%s: every formula and link points at a declared cell', (_, def) => {
    const problems = rulesOf(def).flatMap(({ row, col, rule }) =>
      refsOf(rule)
        .map((ref) => problem(def, ref))
        .filter((text): text is string => text !== null)
        .map((text) => `${row}.c${col}: ${text}`),
    );
    expect(problems).toEqual([]);
  });

  it.each([...TABLES.values()].map((def) => [def.id, def] as const))('%s: rules only on declared columns; sides print every row once', (_, def) => {
    const cols = new Set(def.columns.map((column) => column.col));
    expect(rulesOf(def).filter(({ col }) => !cols.has(col))).toEqual([]);
    if (def.kind !== 'fixed') return;
    const keys = def.rows.map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
    const printed = def.sides.flatMap((side) => [...side.rows, side.footer?.row ?? null]).filter((key) => key !== null);
    expect(printed.sort()).toEqual([...keys].sort());
    expect(new Set(def.sides.map((side) => side.rows.length)).size).toBe(1);
    for (const side of def.sides) for (const col of side.cols) expect(cols.has(col)).toBe(true);
    for (const row of def.rows) if (row.blank) expect(row.cells).toEqual({});
  });

  it('evaluates every cell of all 13 tables on empty inputs without a cycle', () => {
    const model = new YearModel(TABLES, {}, () => undefined);
    for (const def of TABLES.values()) {
      for (const row of model.rows(def.id)) for (const col of Object.keys(row.rules)) expect(model.value(def.id, row.key, col)).toBeNull();
    }
  });
});

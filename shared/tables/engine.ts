import type { Amount } from '../money';
import { SAME_ROW, TOTAL, type CellRule, type TableDef, type Term } from './types';
import { placePacked, type PackedCells } from './packed-cells';

export type { PackedCells } from './packed-cells';

/** The stored input of one table: input cell values and, for functional tables, the chosen 项 codes. */
export interface TableInputs {
  cells: Map<string, Amount>;
  codes: Set<string>;
  /**
   * The same cells as parallel arrays, while `cells` has not been asked for (a year file's inputs as
   * read, electron/core/store-inputs.ts): the model places them straight into its arrays.
   */
  readonly packed?: PackedCells;
}

export type YearInputs = Record<string, TableInputs>;

/** Joins row and column in cellKey; the year file builds the same keys in SQL when it loads. */
export const CELL_KEY_SEPARATOR = '|';
export const cellKey = (row: string, col: string) => `${row}${CELL_KEY_SEPARATOR}${col}`;

export function emptyInputs(): TableInputs {
  return { cells: new Map(), codes: new Set() };
}

/** A row as it stands in this year's data: fixed rows as declared, functional rows derived from the codes. */
export interface ResolvedRow {
  key: string;
  label: string;
  /** 0 = 合计 or a fixed row; 1 类, 2 款, 3 项 in functional tables. */
  level: 0 | 1 | 2 | 3;
  code?: string;
  blank?: boolean;
  rules: Record<string, CellRule>;
}

export type NameLookup = (code: string) => string | undefined;

/** 类 = 3 digits, 款 = 5, 项 = 7 (SPEC §1.10). */
export function codeLevel(code: string): 1 | 2 | 3 | null {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : null;
}

/** Parents, then children, in code order: 合计, 201, 20103, 2010301, … */
export function functionalRowKeys(leafCodes: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const code of leafCodes) {
    keys.add(code.slice(0, 3));
    keys.add(code.slice(0, 5));
    keys.add(code);
  }
  return [TOTAL, ...[...keys].sort()];
}

/** The operands a computed or linked rule names (Σ 下级 names none: its children are the table's). */
function termsOf(rule: CellRule): readonly Term[] {
  return rule.role === 'linked' ? [{ sign: 1, ref: rule.from }] : rule.role === 'computed' ? rule.terms : [];
}

function parentKey(code: string): string {
  return code.length === 3 ? TOTAL : code.slice(0, code.length - 2);
}

const sumRule: CellRule = { role: 'computed', formula: 'Σ 下级', terms: [] };

/** A resolved operand: the table, memo slot and column position of a referenced cell. */
interface Target {
  table: string;
  structure: Structure;
  slot: Slot;
  index: number;
  sign: 1 | -1;
}

/**
 * One resolved row. Its memoised values live in its table's arrays (Structure), at its position ×
 * columns + column position, stamped with the model's generation (2g = done, 2g + 1 = being
 * computed), so invalidating clears nothing and a recompute builds no per-cell key strings and does
 * no map lookups (both were the cost); one array per table, not per row, is quick to make.
 */
interface Slot {
  row: ResolvedRow;
  /** cellKey(row, col) per column, built once: the input Map is keyed by these strings. */
  inputKeys: string[];
  /** A 合计 / 类 / 款 row's child rows: its Σ 下级 cells add the same column of these. */
  children: Slot[];
  /** The row's place in the table. */
  position: number;
}

/**
 * One operand of a computed or linked rule, resolved once per rules object and column, so all rows
 * sharing a rules object (a functional table's 项 rows) share it: evaluating a cell then allocates
 * nothing (per-cell operand lists were 100,000 objects in a 5,000-row year).
 */
interface PlanTerm {
  sign: 1 | -1;
  index: number;
  /** "@" in the cell's own table: the operand is in the cell's own slot. */
  ownRow: boolean;
  table: string;
  structure: Structure;
  /** The referenced row's slot, for a fixed row; undefined for "@" (looked up by the cell's row). */
  slot?: Slot;
}

interface Structure {
  rows: ResolvedRow[];
  slots: Map<string, Slot>;
  columns: string[];
  columnIndex: Map<string, number>;
  children: Map<string, string[]>;
  /** Every cell's value and its stamp (see Slot). */
  stamp: Int32Array;
  values: (Amount | null)[];
  /** inputsBehind of every cell, stamped like values; made at the first count (only failed 审核 relations ask). */
  counts?: { stamp: Int32Array; n: Int32Array };
}

/**
 * All values of a year: inputs as stored, computed and linked cells evaluated on demand
 * from the declarations and memoised until the next change.
 */
export class YearModel {
  /** Bumped by invalidate(); values stamped with an older generation are stale. Starts at 1 so 0 stamps nothing. */
  private generation = 1;
  private rowCache = new Map<string, Structure>();
  /** Operand plans by table, rules object and column position; dropped when any table's rows are rebuilt. */
  private plans = new Map<string, Map<Record<string, CellRule>, (PlanTerm[] | undefined)[]>>();

  constructor(
    readonly defs: ReadonlyMap<string, TableDef>,
    readonly inputs: YearInputs,
    private readonly nameOf: NameLookup,
  ) {}

  table(id: string): TableDef {
    const def = this.defs.get(id);
    if (!def) throw new Error(`未知的表:${id}`);
    return def;
  }

  tableInputs(id: string): TableInputs {
    return (this.inputs[id] ??= emptyInputs());
  }

  /** Call after any change to inputs (cells or codes). */
  invalidate(tableWithNewRows?: string): void {
    this.generation++;
    // Rebuilt rows: resolved operand plans may point at dropped slots.
    if (tableWithNewRows && this.rowCache.delete(tableWithNewRows)) this.plans.clear();
  }

  rows(id: string): ResolvedRow[] {
    return this.structure(id).rows;
  }

  row(id: string, key: string): ResolvedRow | undefined {
    return this.structure(id).slots.get(key)?.row;
  }

  rule(id: string, row: string, col: string): CellRule | undefined {
    return this.row(id, row)?.rules[col];
  }

  value(id: string, row: string, col: string): Amount | null {
    const structure = this.structure(id);
    const slot = structure.slots.get(row);
    const index = structure.columnIndex.get(col);
    return slot && index !== undefined ? this.valueAt(id, structure, slot, index) : null;
  }

  /**
   * One column of a table, read by row key: the table's rows and the column are looked up once, not
   * per cell (审核 compares a column over thousands of rows). Valid until the table's rows change.
   */
  column(id: string, col: string): (row: string) => Amount | null {
    const structure = this.structure(id);
    const index = structure.columnIndex.get(col);
    if (index === undefined) return () => null;
    return (row) => {
      const slot = structure.slots.get(row);
      return slot ? this.valueAt(id, structure, slot, index) : null;
    };
  }

  /**
   * n of SPEC §0.5 for a cell: the non-zero input cells its value adds up (an input reached twice
   * counts twice; a typed 0 is exact, so it does not count). Memoised in the table's arrays like values:
   * 审核 asks it for every side of a failed relation, and a 合计 of a 5,000-row table reaches every
   * 项 row below it.
   */
  inputsBehind(id: string, row: string, col: string): number {
    const structure = this.structure(id);
    const slot = structure.slots.get(row);
    const index = structure.columnIndex.get(col);
    return slot && index !== undefined ? this.countAt(id, structure, slot, index) : 0;
  }

  private countAt(id: string, structure: Structure, slot: Slot, index: number): number {
    const done = 2 * this.generation;
    const size = structure.rows.length * structure.columns.length;
    const counts = (structure.counts ??= { stamp: new Int32Array(size), n: new Int32Array(size) });
    const at = slot.position * structure.columns.length + index;
    const stamp = counts.stamp[at];
    if (stamp === done) return counts.n[at];
    if (stamp === done + 1) throw new Error(`公式循环引用:${id} ${slot.row.key} ${structure.columns[index]}`);
    counts.stamp[at] = done + 1;
    let n = 0;
    try {
      const rule = slot.row.rules[structure.columns[index]];
      if (!rule) n = 0;
      else if (rule.role === 'input') n = this.valueAt(id, structure, slot, index) ? 1 : 0;
      else if (rule === sumRule) for (const child of slot.children) n += this.countAt(id, structure, child, index);
      else {
        for (const term of this.plan(id, slot.row.rules, index, rule)) {
          const target = term.ownRow ? slot : (term.slot ?? term.structure.slots.get(slot.row.key));
          if (target) n += this.countAt(term.table, term.structure, target, term.index);
        }
      }
    } finally {
      counts.stamp[at] = 0;
    }
    counts.n[at] = n;
    counts.stamp[at] = done;
    return n;
  }

  /**
   * The cells a computed or linked cell adds up, as the engine resolves them (Σ 下级 expanded to the
   * child rows, references to absent rows dropped): the exporter writes them as spreadsheet formulas.
   */
  operands(id: string, row: string, col: string): { table: string; row: string; col: string; sign: 1 | -1 }[] {
    const structure = this.structure(id);
    const rule = structure.slots.get(row)?.row.rules[col];
    if (!rule || rule.role === 'input') return [];
    return this.resolve(id, structure, row, col, rule).map((target) => ({
      table: target.table,
      row: target.slot.row.key,
      col: target.structure.columns[target.index],
      sign: target.sign,
    }));
  }

  private valueAt(id: string, structure: Structure, slot: Slot, index: number): Amount | null {
    const done = 2 * this.generation;
    const at = slot.position * structure.columns.length + index;
    const stamp = structure.stamp[at];
    if (stamp === done) return structure.values[at];
    if (stamp === done + 1) throw new Error(`公式循环引用:${id} ${slot.row.key} ${structure.columns[index]}`);
    structure.stamp[at] = done + 1;
    let result: Amount | null;
    try {
      result = this.evaluate(id, structure, slot, index);
    } finally {
      structure.stamp[at] = 0;
    }
    structure.values[at] = result;
    structure.stamp[at] = done;
    return result;
  }

  private evaluate(id: string, structure: Structure, slot: Slot, index: number): Amount | null {
    const col = structure.columns[index];
    const rule = slot.row.rules[col];
    if (!rule) return null;
    if (rule.role === 'input') return this.tableInputs(id).cells.get((slot.inputKeys[index] ??= cellKey(slot.row.key, col))) ?? null;
    if (rule.role !== 'computed' && rule.role !== 'linked') return null;
    // Same semantics as sumAmounts: null unless some operand has a value.
    let total: Amount | null = null;
    if (rule === sumRule) {
      // Σ 下级 straight over the child slots: a 5,000-row table has that many sums.
      for (const child of slot.children) {
        const value = this.valueAt(id, structure, child, index);
        if (value !== null) total = (total ?? 0) + value;
      }
      return total;
    }
    for (const term of this.plan(id, slot.row.rules, index, rule)) {
      const target = term.ownRow ? slot : (term.slot ?? term.structure.slots.get(slot.row.key));
      if (!target) continue;
      const value = this.valueAt(term.table, term.structure, target, term.index);
      if (value !== null) total = (total ?? 0) + term.sign * value;
    }
    return total;
  }

  /** The operands of a rule of `rules` at a column, resolved once (see PlanTerm); absent columns and fixed rows drop out. */
  private plan(id: string, rules: Record<string, CellRule>, index: number, rule: CellRule): PlanTerm[] {
    let byRules = this.plans.get(id);
    if (!byRules) this.plans.set(id, (byRules = new Map()));
    let columns = byRules.get(rules);
    if (!columns) byRules.set(rules, (columns = []));
    let plan = columns[index];
    if (!plan) {
      plan = [];
      for (const { sign, ref } of termsOf(rule)) {
        const table = ref.table ?? id;
        const structure = this.structure(table);
        const refIndex = structure.columnIndex.get(ref.col);
        if (refIndex === undefined) continue;
        if (ref.row === SAME_ROW) plan.push({ sign, index: refIndex, ownRow: table === id, table, structure });
        else {
          const slot = structure.slots.get(ref.row);
          if (slot) plan.push({ sign, index: refIndex, ownRow: false, table, structure, slot });
        }
      }
      columns[index] = plan;
    }
    return plan;
  }

  /** The operands of a computed or linked cell; references to rows or columns that do not exist drop out (empty). */
  private resolve(id: string, structure: Structure, row: string, col: string, rule: CellRule): Target[] {
    if (rule === sumRule) {
      // Σ 下级 straight to the child slots: a 5,000-row table has that many sums, no terms need building.
      const index = structure.columnIndex.get(col)!;
      return structure.children.get(row)!.map((child) => ({ table: id, structure, slot: structure.slots.get(child)!, index, sign: 1 }));
    }
    const targets: Target[] = [];
    for (const { sign, ref } of termsOf(rule)) {
      const table = ref.table ?? id;
      const target = this.structure(table);
      const targetSlot = target.slots.get(ref.row === SAME_ROW ? row : ref.row);
      const index = target.columnIndex.get(ref.col);
      if (targetSlot && index !== undefined) targets.push({ table, structure: target, slot: targetSlot, index, sign });
    }
    return targets;
  }

  private structure(id: string): Structure {
    let cached = this.rowCache.get(id);
    if (!cached) {
      cached = this.buildStructure(this.table(id));
      this.rowCache.set(id, cached);
    }
    return cached;
  }

  private buildStructure(def: TableDef): Structure {
    const children = new Map<string, string[]>();
    let rows: ResolvedRow[];
    if (def.kind === 'fixed') {
      rows = def.rows.map((row) => ({ key: row.key, label: row.label, level: 0, code: row.code, blank: row.blank, rules: row.cells }));
    } else {
      const leafCodes = this.tableInputs(def.id).codes;
      const sumRules = Object.fromEntries(def.columns.map((column) => [column.col, sumRule]));
      rows = functionalRowKeys(leafCodes).map((key) => {
        if (key === TOTAL) return { key, label: '合 计', level: 0, rules: sumRules };
        const level = codeLevel(key)!;
        const isLeaf = leafCodes.has(key);
        return { key, label: this.nameOf(key) ?? '', level, code: key, rules: isLeaf ? def.leaf : sumRules };
      });
      for (const row of rows) {
        if (row.key === TOTAL) continue;
        const parent = parentKey(row.key);
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent)!.push(row.key);
      }
      for (const row of rows) if (row.rules === sumRules && !children.has(row.key)) children.set(row.key, []);
    }
    const width = def.columns.length;
    const slots = new Map<string, Slot>(
      rows.map((row, position) => [
        row.key,
        { row, inputKeys: [], children: [], position },
      ]),
    );
    for (const [parent, keys] of children) slots.get(parent)!.children = keys.map((key) => slots.get(key)!);
    const columns = def.columns.map((column) => column.col);
    const size = rows.length * width;
    const structure: Structure = { rows, slots, columns, columnIndex: new Map(columns.map((col, index) => [col, index])), children, stamp: new Int32Array(size), values: new Array<Amount | null>(size).fill(null), counts: undefined };
    const packed = this.inputs[def.id]?.packed;
    if (packed) placePacked(structure, packed, 2 * this.generation);
    return structure;
  }
}

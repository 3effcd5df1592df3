import { sumAmounts, type Amount } from '../money';
import { SAME_ROW, TOTAL, type CellRef, type CellRule, type TableDef } from './types';

/** The stored input of one table: input cell values and, for functional tables, the chosen 项 codes. */
export interface TableInputs {
  cells: Map<string, Amount>;
  codes: Set<string>;
}
export type YearInputs = Record<string, TableInputs>;

export const cellKey = (row: string, col: string) => `${row}|${col}`;

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

function parentKey(code: string): string {
  return code.length === 3 ? TOTAL : code.slice(0, code.length - 2);
}

const sumRule: CellRule = { role: 'computed', formula: 'Σ 下级', terms: [] };

/**
 * All values of a year: inputs as stored, computed and linked cells evaluated on demand
 * from the declarations and memoised until the next change.
 */
export class YearModel {
  private memo = new Map<string, Amount | null>();
  private inProgress = new Set<string>();
  private rowCache = new Map<string, { rows: ResolvedRow[]; byKey: Map<string, ResolvedRow>; children: Map<string, string[]> }>();

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
    this.memo.clear();
    if (tableWithNewRows) this.rowCache.delete(tableWithNewRows);
  }

  rows(id: string): ResolvedRow[] {
    return this.structure(id).rows;
  }

  row(id: string, key: string): ResolvedRow | undefined {
    return this.structure(id).byKey.get(key);
  }

  rule(id: string, row: string, col: string): CellRule | undefined {
    return this.row(id, row)?.rules[col];
  }

  value(id: string, row: string, col: string): Amount | null {
    const key = `${id}|${row}|${col}`;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(key)) throw new Error(`公式循环引用:${id} ${row} ${col}`);
    this.inProgress.add(key);
    const result = this.evaluate(id, row, col);
    this.inProgress.delete(key);
    this.memo.set(key, result);
    return result;
  }

  private evaluate(id: string, row: string, col: string): Amount | null {
    const rule = this.rule(id, row, col);
    if (!rule) return null;
    switch (rule.role) {
      case 'input':
        return this.tableInputs(id).cells.get(cellKey(row, col)) ?? null;
      case 'linked':
        return this.refValue(id, row, rule.from);
      case 'computed': {
        if (rule === sumRule) return sumAmounts(this.structure(id).children.get(row)!.map((child) => this.value(id, child, col)));
        return sumAmounts(
          rule.terms.map(({ sign, ref }) => {
            const value = this.refValue(id, row, ref);
            return value === null ? null : sign * value;
          }),
        );
      }
      default:
        return null;
    }
  }

  private refValue(table: string, row: string, ref: CellRef): Amount | null {
    return this.value(ref.table ?? table, ref.row === SAME_ROW ? row : ref.row, ref.col);
  }

  private structure(id: string) {
    let cached = this.rowCache.get(id);
    if (!cached) {
      cached = this.buildStructure(this.table(id));
      this.rowCache.set(id, cached);
    }
    return cached;
  }

  private buildStructure(def: TableDef) {
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
    return { rows, byKey: new Map(rows.map((row) => [row.key, row])), children };
  }
}

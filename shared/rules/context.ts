import { SCALE, formatAmount, type Amount } from '../money';
import { describeCell } from '../tables/describe';
import { SAME_ROW, TOTAL, type TableDef } from '../tables/types';
import type { PrintedCells } from './printed';
import type { FormerNameOf, PrintedNames } from './printed-names';
import type { ResolvedRow } from '../tables/engine';
import { DEFAULT_MESSAGE, fill, joinNonEmpty, show } from './message';
import type { Op, RelTerm, Relation } from './relation';
import { findingKey, type Finding, type ModelView, type RuleDef, type Severity, type Supplementary } from './types';

// Relations are parsed (relation.ts) and messages worded (message.ts) apart; rules import them from here.
export { relation, type Op, type RelTerm, type Relation } from './relation';
export { fill, show } from './message';

/** A failed-or-not comparison of two amounts, already evaluated; `at` is where the finding goes. */
export interface Comparison {
  at: { table: string; row: string; col: string };
  op: Op;
  lhs: Amount;
  rhs: Amount;
  /** Location and name of each side, e.g. "公开01表 第31行 收入总计" and "第62行 支出总计". */
  lhsText: string;
  rhsText: string;
  /** n of SPEC §0.5, asked only when the difference exceeds the minimum tolerance. */
  addends: () => number;
  severity?: Severity;
  message?: string;
}

type ColumnReader = (row: string) => Amount | null;

const excessOf = (op: Op, lhs: Amount, rhs: Amount) => (op === '=' ? Math.abs(lhs - rhs) : op === '≤' ? lhs - rhs : rhs - lhs);

/** SPEC §0.5: 0.005 万元 per rounded addend (at least 0.01), rounded up to a whole 0.01 万元; in minor units. */
export function tolerance(addends: number): Amount {
  const cent = SCALE / 100;
  return Math.max(1, Math.ceil(Math.max(1, addends) / 2)) * cent;
}

/** How many cells a row has, by its rules object: rows of one kind share it (a functional table's 项 rows, its sum rows). */
const CELL_COUNTS = new WeakMap<Record<string, unknown>, number>();

function cellsIn(rules: Record<string, unknown>): number {
  let count = CELL_COUNTS.get(rules);
  if (count === undefined) CELL_COUNTS.set(rules, (count = Object.keys(rules).length));
  return count;
}

/** How a column is named in messages, by table definition and column: the same for every row (a failed 5,000-row check names it thousands of times). */
const COLUMN_NAMES = new WeakMap<TableDef, Map<string, { oneRow: string; last: string }>>();

function columnNames(def: TableDef, col: string): { oneRow: string; last: string } {
  let byCol = COLUMN_NAMES.get(def);
  if (!byCol) COLUMN_NAMES.set(def, (byCol = new Map()));
  let names = byCol.get(col);
  if (!names) {
    const header = def.columns.find((column) => column.col === col)?.header ?? [];
    names = { oneRow: (header.length > 2 ? [header[0], header[header.length - 1]] : header).join(' '), last: (header[header.length - 1] ?? '').replace(/\s+/g, '') };
    byCol.set(col, names);
  }
  return names;
}

interface TableIndex {
  rows: ResolvedRow[];
  children: Map<string, string[]>;
  leaves: string[];
}

/** Indexes by rows array: the engine keeps a table's array until its codes change, so runs share them. */
const INDEXES = new WeakMap<ResolvedRow[], TableIndex>();

function indexOf(rows: ResolvedRow[]): TableIndex {
  let index = INDEXES.get(rows);
  if (!index) {
    const children = new Map<string, string[]>();
    for (const row of rows) {
      if (row.level === 0) continue;
      const parent = row.level === 1 ? TOTAL : row.key.slice(0, row.key.length - 2);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent)!.push(row.key);
    }
    const leaves = rows.filter((row) => row.level === 3).map((row) => row.key);
    index = { rows, children, leaves };
    INDEXES.set(rows, index);
  }
  return index;
}

/**
 * What a rule sees during one validation: this year's (and last year's) values with empty read as 0
 * (SPEC §2: NULL is treated as 0 in relations), row indexes, and `emit`. One context per run, so its
 * caches never outlive a change.
 */
export class CheckContext {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  private readonly indexes = new Map<string, TableIndex>();
  private readonly lyIndexes = new Map<string, TableIndex>();
  private rule!: RuleDef;

  constructor(
    readonly model: ModelView,
    readonly baseline: ModelView | undefined,
    readonly supp: Supplementary,
    readonly isKnownCode: (code: string) => boolean,
    readonly codeMappings: Record<string, string>,
    /** Computed cells as an imported workbook printed them (R-I01). */
    readonly printed: PrintedCells = new Map(),
    /** 科目 names as an imported workbook printed them (R-I02), and the catalog's renames. */
    readonly printedNames: PrintedNames = new Map(),
    readonly formerNameOf: FormerNameOf = () => undefined,
  ) {}

  run(rule: RuleDef): void {
    this.rule = rule;
    rule.check(this);
  }

  /** Raw value: null when empty or when the row does not exist. */
  raw(table: string, row: string, col: string, ly = false): Amount | null {
    const model = ly ? this.baseline : this.model;
    return model ? model.value(table, row, col) : null;
  }

  amount(table: string, row: string, col: string, ly = false): Amount {
    return this.raw(table, row, col, ly) ?? 0;
  }

  private index(table: string, ly = false): TableIndex {
    const cache = ly ? this.lyIndexes : this.indexes;
    let index = cache.get(table);
    if (!index) {
      const model = ly ? this.baseline : this.model;
      index = indexOf(model ? model.rows(table) : []);
      cache.set(table, index);
    }
    return index;
  }

  rows(table: string, ly = false): ResolvedRow[] {
    return this.index(table, ly).rows;
  }

  /** 项 rows of a functional table. */
  leaves(table: string, ly = false): string[] {
    return this.index(table, ly).leaves;
  }

  /** Direct children of a 合计 / 类 / 款 row of a functional table. */
  children(table: string, row: string): string[] {
    return this.index(table).children.get(row) ?? [];
  }

  /** Each relation's terms as column readers, made at its first check in this run (see YearModel.column). */
  private readonly readers = new Map<Relation, { lhs: ColumnReader[]; rhs: ColumnReader[] }>();

  private readersOf(rel: Relation): { lhs: ColumnReader[]; rhs: ColumnReader[] } {
    let readers = this.readers.get(rel);
    if (!readers) {
      const readerOf = (term: RelTerm): ColumnReader => {
        const model = term.ly ? this.baseline : this.model;
        return model ? model.column(term.table, term.col) : () => null;
      };
      this.readers.set(rel, (readers = { lhs: rel.lhs.map(readerOf), rhs: rel.rhs.map(readerOf) }));
    }
    return readers;
  }

  private sum(terms: RelTerm[], readers: ColumnReader[], row: string): Amount {
    let total = 0;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      total += term.sign * (readers[i](term.row === SAME_ROW ? row : term.row) ?? 0);
    }
    return total;
  }

  /**
   * Checks one relation at `row` (for "@" terms). Exact arithmetic, so a relation built from our own
   * computed cells has difference 0; a non-zero difference within the tolerance is a 尾数误差 warning.
   */
  check(rel: Relation, row = SAME_ROW): void {
    const readers = this.readersOf(rel);
    const lhs = this.sum(rel.lhs, readers.lhs, row);
    const rhs = this.sum(rel.rhs, readers.rhs, row);
    if (excessOf(rel.op, lhs, rhs) <= 0) return;
    const first = rel.lhs[0];
    const at = { table: first.table, row: first.row === SAME_ROW ? row : first.row, col: first.col };
    const comparison: Comparison = {
      at,
      op: rel.op,
      lhs,
      rhs,
      lhsText: this.sideText(rel.lhs, row, rel.names[0]),
      rhsText: this.sideText(rel.rhs, row, rel.names[1], at),
      addends: () => this.termsBehind(rel.lhs, row) + this.termsBehind(rel.rhs, row),
    };
    if (rel.severity) comparison.severity = rel.severity;
    if (rel.message) comparison.message = rel.message;
    this.compare(comparison);
  }

  /** How one side of a failed relation is named: where it is (unless that is `relativeTo`) and what it is. */
  private sideText(terms: RelTerm[], row: string, name: string | undefined, relativeTo?: { table: string; row: string }): string {
    const cellOf = (term: RelTerm) => ({ table: term.table, row: term.row === SAME_ROW ? row : term.row, col: term.col, ly: term.ly });
    if (terms.length === 1) {
      // A single cell: its place and its own name (or the rule's name for it).
      const cell = cellOf(terms[0]);
      return joinNonEmpty(this.where(cell, relativeTo), name ?? this.label(cell));
    }
    const tables = new Set(terms.map((t) => (t.ly ? `上年${t.table}` : t.table)));
    const sameTable = tables.size === 1 && relativeTo?.table === terms[0]?.table && !terms[0].ly;
    // A sum is named by the rule; it only needs its table when that differs from the finding's.
    const where = tables.size === 1 && !sameTable ? [...tables][0] : '';
    const label =
      name ??
      terms
        .map((t, i) => {
          const cell = cellOf(t);
          return `${i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${joinNonEmpty(this.where(cell), this.label(cell))}`;
        })
        .join('');
    return joinNonEmpty(where, label);
  }

  /** n of SPEC §0.5 for relation terms at `row` (see addendsOf). */
  private termsBehind(terms: RelTerm[], row: string): number {
    let n = 0;
    for (const term of terms) n += this.inputsBehind(term.table, term.row === SAME_ROW ? row : term.row, term.col, term.ly);
    return n;
  }

  /** Reports `lhs op rhs` when it fails: a 尾数误差 warning within the tolerance, else the rule's severity. */
  compare(c: Comparison): void {
    const excess = excessOf(c.op, c.lhs, c.rhs);
    if (excess <= 0) return;
    // Within the minimum tolerance whatever n is, so the count is not needed (the usual 0.01 case).
    const rounding = excess <= tolerance(1) || excess <= tolerance(c.addends());
    const filled = fill(c.message ?? DEFAULT_MESSAGE[c.op], {
      lhs: `${c.lhsText} ${show(c.lhs)}`,
      rhs: `${c.rhsText} ${show(c.rhs)}`.trim(),
      diff: show(excess),
    });
    const severity = rounding ? 'warning' : (c.severity ?? this.rule.severity);
    const message = rounding ? `${filled}(尾数误差)` : filled;
    const { table, row, col } = c.at;
    const key = this.newKey(table, row, col);
    if (key === null) return;
    // Built whole, in emit's field order: a year in progress words thousands of these per run.
    this.findings.push({
      key,
      rule: this.rule.id,
      severity,
      table,
      row,
      col,
      // What to do, where the rule's own text does not say it already.
      message: message.includes('请') ? message : `${message}。${rounding ? '差额在尾数误差范围内,核实无误可填写出错说明' : severity === 'error' ? '请核对这两处数字,改正录入有误的一处' : '请核实,如属正常情况请填写出错说明'}`,
      expected: formatAmount(c.rhs),
      actual: formatAmount(c.lhs),
      rounding,
    });
  }

  /**
   * n of SPEC §0.5 in our engine: the typed amounts behind the compared cells. Our 合计 are sums of
   * typed 项, not typed themselves, so each non-zero input cell feeding a side is one rounded addend
   * (a typed 0 is exact). An input reached twice counts twice; that only happens where both sides
   * share inputs, i.e. where only an override can cause a difference. Asked only for differences
   * above 0.01, so clean data never pays for it; the engine memoises it (YearModel.inputsBehind).
   */
  addendsOf(cells: { table: string; row: string; col: string; ly?: boolean }[]): number {
    let n = 0;
    for (const cell of cells) n += this.inputsBehind(cell.table, cell.row, cell.col, cell.ly ?? false);
    return n;
  }

  private inputsBehind(table: string, row: string, col: string, ly: boolean): number {
    return (ly ? this.baseline : this.model)?.inputsBehind(table, row, col) ?? 0;
  }

  /** "公开02表 科目 2010302 第1栏"; parts equal to `relativeTo` are left out. */
  where(cell: { table: string; row: string; col: string; ly?: boolean }, relativeTo?: { table: string; row: string }): string {
    const parts: string[] = [];
    if (cell.ly) parts.push('上年');
    if (!relativeTo || relativeTo.table !== cell.table || cell.ly) parts.push(cell.table);
    const model = cell.ly ? this.baseline : this.model;
    const def = model?.table(cell.table);
    const singleRow = def?.kind === 'fixed' && def.rows.length === 1;
    const sameRow = relativeTo && relativeTo.table === cell.table && relativeTo.row === cell.row && !cell.ly;
    // A row named by its key (公开06表 人员经费合计) is named by its label already.
    const selfNamed = def?.kind === 'fixed' && model!.row(cell.table, cell.row)?.label === cell.row;
    if (def && !singleRow && !sameRow && !selfNamed) parts.push(describeCell(def, cell.row));
    if (def && def.colNoRow !== null && this.cellCount(cell) > 1) parts.push(`第${cell.col}栏`);
    return parts.join(' ');
  }

  private cellCount(cell: { table: string; row: string; ly?: boolean }): number {
    const row = (cell.ly ? this.baseline : this.model)?.row(cell.table, cell.row);
    return row ? cellsIn(row.rules) : 2;
  }

  /** A cell's own name: its row label in fixed tables, its column header where the row has several cells. */
  label(cell: { table: string; row: string; col: string; ly?: boolean }): string {
    const model = cell.ly ? this.baseline : this.model;
    const def = model?.table(cell.table);
    if (!def) return '';
    const names = columnNames(def, cell.col);
    // A one-row table is named by its column: the top and the last header part ("决算数 公务用车购置费").
    if (def.kind === 'fixed' && def.rows.length === 1) return names.oneRow;
    const rowLabel = def.kind === 'fixed' ? (model!.row(cell.table, cell.row)?.label ?? '').replace(/\s+/g, '') : '';
    const colLabel = this.cellCount(cell) > 1 ? names.last : '';
    return [rowLabel, colLabel].filter(Boolean).join(' ');
  }

  /**
   * Records a finding of the running rule; a rule reports a cell once (the first relation wins).
   * `part` names a second finding of the rule at the same cell (P-03's 年初预算 beside its 上年 change),
   * so each is listed and answered (出错说明) on its own.
   */
  emit(finding: Omit<Finding, 'key' | 'rule'>, part?: string): void {
    const key = this.newKey(finding.table, finding.row, finding.col, part);
    if (key !== null) this.findings.push({ key, rule: this.rule.id, ...finding });
  }

  /** The key of the running rule's finding at a cell, or null when the rule has reported the cell already. */
  private newKey(table: string, row: string, col: string, part?: string): string | null {
    const key = findingKey(this.rule.id, table, row, col) + (part ? `#${part}` : '');
    if (this.seen.has(key)) return null;
    this.seen.add(key);
    return key;
  }
}

import { SAME_ROW, TOTAL } from '../tables/types';
import { relation, type CheckContext, type Relation } from './context';
import type { Need, RuleDef, Severity } from './types';

/** The body of a rule: what it reads and how it checks. */
export interface RuleBody {
  reads: string[];
  check(ctx: CheckContext): void;
}

export function rule(
  id: string,
  severity: Severity,
  title: string,
  body: RuleBody,
  extra: { needs?: Need[]; needsOneOf?: Need[] } = {},
): RuleDef {
  return { id, title, severity, reads: body.reads, check: body.check, ...extra };
}

/** A relation between fixed cells, with optional names for its two sides. */
export const rel = (text: string, lhs?: string, rhs?: string, more: { severity?: Severity; message?: string; table?: string } = {}): Relation =>
  relation(text, { ...more, names: [lhs, rhs] });

/** Relations between fixed cells, checked once each. */
export function cells(...relations: Relation[]): RuleBody {
  return { reads: relations.map((r) => r.text), check: (ctx) => relations.forEach((r) => ctx.check(r)) };
}

export type RowScope = 'all' | 'leaf' | readonly string[];

/** Relations written for "@" (the same row), checked on every row of a table (or its 项 rows, or listed rows). */
export function eachRow(table: string, scope: RowScope, ...relations: Relation[]): RuleBody {
  const where = scope === 'all' ? '每行' : scope === 'leaf' ? '每个项级科目' : `行 ${scope.join('、')}`;
  return {
    reads: relations.map((r) => `${table}[${where}]: ${r.text}`),
    check(ctx) {
      const keys = scope === 'all' ? ctx.rows(table).map((row) => row.key) : scope === 'leaf' ? ctx.leaves(table) : scope;
      for (const row of keys) for (const r of relations) ctx.check(r, row);
    },
  };
}

/** A relation written in a table's own cells ("c1 = c2+c3") for use with `eachRow`. */
export const rowRel = (table: string, text: string, lhs?: string, rhs?: string, more: { severity?: Severity; message?: string } = {}) =>
  relation(text, { ...more, table, names: [lhs, rhs] });

const LEVEL_NAMES = ['合计', '类', '款', '项'];

/**
 * SPEC R-H01–H03: in functional tables, a row of `level` (0 合计, 1 类, 2 款) equals the sum of its
 * child rows, in every column. Children are this year's rows, so the relation is built per row.
 */
export function parentsSum(tables: readonly string[], level: 0 | 1 | 2): RuleBody {
  const child = LEVEL_NAMES[level + 1];
  return {
    reads: tables.map((table) => `${table}[${LEVEL_NAMES[level]}].cj = Σ ${table}[${child}].cj`),
    check(ctx) {
      for (const table of tables) {
        const cols = ctx.model.table(table).columns.map((column) => column.col);
        // Read by column (YearModel.column): a 5,000-row table is every row of every column, each looked up by table and column otherwise.
        const readers = cols.map((col) => ctx.model.column(table, col));
        for (const row of ctx.rows(table)) {
          if (row.level !== level) continue;
          const children = ctx.children(table, row.key);
          for (let c = 0; c < cols.length; c++) {
            const read = readers[c];
            const col = cols[c];
            // The common case (equal) costs a few additions; the relation is only built to report.
            let sum = 0;
            for (const key of children) sum += read(key) ?? 0;
            if (sum === (read(row.key) ?? 0)) continue;
            ctx.check({
              text: '',
              lhs: [{ sign: 1, table, row: row.key, col, ly: false }],
              op: '=',
              rhs: children.map((key) => ({ sign: 1, table, row: key, col, ly: false })),
              names: [undefined, `所属${child}级科目之和`],
            });
          }
        }
      }
    },
  };
}

/** Union of the 项 codes of several tables, this year's and optionally last year's, in first-seen order. */
export function leafUnion(ctx: CheckContext, tables: readonly string[], lastYear: readonly string[] = []): Iterable<string> {
  const codes = new Set(ctx.leaves(tables[0]));
  for (const table of tables.slice(1)) for (const code of ctx.leaves(table)) codes.add(code);
  for (const table of lastYear) for (const code of ctx.leaves(table, true)) codes.add(code);
  return codes;
}

export { SAME_ROW, TOTAL };

import { parseFormula } from '../tables/formula';
import { SAME_ROW } from '../tables/types';
import type { Severity } from './types';

/** A resolved addend of a relation; row "@" is the row being checked, `ly` reads last year's file. */
export interface RelTerm {
  sign: 1 | -1;
  table: string;
  row: string;
  col: string;
  ly: boolean;
}

export type Op = '=' | '≤' | '≥';

/** `lhs op rhs`, parsed once when the rule set is built. The finding is placed at the first lhs cell. */
export interface Relation {
  text: string;
  lhs: RelTerm[];
  op: Op;
  rhs: RelTerm[];
  /** How the two sides are named in messages; a single cell defaults to its own label. */
  names: [string | undefined, string | undefined];
  severity?: Severity;
  /** Message template: {lhs} {rhs} {diff}; defaults per operator. */
  message?: string;
}

function parseSide(side: string, here: { table: string; row: string; col: string }): RelTerm[] {
  if (side.trim() === '0') return [];
  const tokens = side.replace(/\s+/g, '').match(/[+-]?[^+-]+/g) ?? [];
  return tokens.flatMap((token) => {
    const sign: 1 | -1 = token.startsWith('-') ? -1 : 1;
    let body = token.replace(/^[+-]/, '');
    const ly = body.startsWith('LY.');
    if (ly) body = body.slice(3);
    return parseFormula(body, here).map((term) => ({
      sign: (sign * term.sign) as 1 | -1,
      table: term.ref.table ?? here.table,
      row: term.ref.row,
      col: term.ref.col,
      ly,
    }));
  });
}

/**
 * Parses "T01[r31].c1 = T01[r62].c2", "c1 = c2+c3" (in `table`, every row) or "T09[r1].c7 ≤ c1".
 * Right-hand references without a table, row or column take them from the first left-hand cell.
 */
export function relation(
  text: string,
  options: { table?: string; names?: [string | undefined, string | undefined]; severity?: Severity; message?: string } = {},
): Relation {
  const match = /^(.*?)(=|≤|≥)(.*)$/.exec(text);
  if (!match) throw new Error(`关系式缺少 =、≤ 或 ≥:“${text}”`);
  const lhs = parseSide(match[1], { table: options.table ?? '', row: SAME_ROW, col: '' });
  if (!lhs[0]?.table || !lhs[0].col) throw new Error(`关系式左边第一项须指明表和栏:“${text}”`);
  const rhs = parseSide(match[3], lhs[0]);
  const rel: Relation = { text, lhs, op: match[2] as Op, rhs, names: options.names ?? [undefined, undefined] };
  if (options.severity) rel.severity = options.severity;
  if (options.message) rel.message = options.message;
  return rel;
}

import { TOTAL, type CellRef, type CellRule, type Term } from './types';

/**
 * Parses the SPEC §0.3 notation into signed terms:
 *   "r27+r28+r29"          rows of the same column
 *   "c2+c3-c4"             columns of the same row
 *   "r59.c3"               another row and column of the same table
 *   "T04[r1].c1"           a cell of another table ("公开04表" row 1 col 1)
 *   "T03[201].c1"          a code row; "T02[合计].c3" (or SPEC's "T02[TOTAL].c3") the total row
 *   "SUM(r1:r8)"           every row key from 1 to 8
 *   "川11表[@].c6"         a cell of another table named by its full id (tables outside 公开01–09)
 * `here` is the cell that owns the formula; it fills in the omitted parts.
 */
export function parseFormula(formula: string, here: { table: string; row: string; col: string }): Term[] {
  const terms: Term[] = [];
  const source = formula.replace(/\s+/g, '');
  const pattern = /([+-]?)(SUM\(r(\d+):r(\d+)\)|(?:T(\d\d)|([\u4e00-\u9fff]+\d\d表))\[([^\]]+)\]\.c(\w+)|r(\w+)\.c(\w+)|r(\w+)|c(\w+))/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(source))) {
    consumed = pattern.lastIndex;
    const sign: 1 | -1 = match[1] === '-' ? -1 : 1;
    if (match[3] !== undefined) {
      for (let r = Number(match[3]); r <= Number(match[4]); r++) terms.push({ sign, ref: { row: String(r), col: here.col } });
    } else if (match[7] !== undefined) {
      const row = /^r\d+$/.test(match[7]) ? match[7].slice(1) : match[7] === 'TOTAL' ? TOTAL : match[7];
      terms.push({ sign, ref: { table: match[6] ?? `公开${match[5]}表`, row, col: match[8] } });
    } else if (match[9] !== undefined) {
      terms.push({ sign, ref: { row: match[9], col: match[10] } });
    } else if (match[11] !== undefined) {
      terms.push({ sign, ref: { row: match[11], col: here.col } });
    } else {
      terms.push({ sign, ref: { row: here.row, col: match[12] } });
    }
  }
  if (consumed !== source.length || terms.length === 0) {
    throw new Error(`无法解析公式“${formula}”(${here.table} ${here.row} ${here.col})`);
  }
  return terms;
}

/** Builders used by the declarations; the formula text is kept for messages and documentation. */
export const input = (prefill?: string): CellRule => (prefill ? { role: 'input', prefill } : { role: 'input' });

export function computed(formula: string, here: { table: string; row: string; col: string }): CellRule {
  return { role: 'computed', formula, terms: parseFormula(formula, here) };
}

export function linked(formula: string, here: { table: string; row: string; col: string }): CellRule {
  const terms = parseFormula(formula, here);
  if (terms.length !== 1 || terms[0].sign !== 1) throw new Error(`链接单元格只能引用一个单元格:“${formula}”`);
  return { role: 'linked', formula, from: terms[0].ref as CellRef };
}

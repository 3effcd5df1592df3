/**
 * The 审核 context's fast paths against the plain definitions they replace (issue 18: a year in
 * progress with thousands of findings): amounts in messages, message templates, and the count of
 * typed addends behind a cell (SPEC §0.5) memoised in the engine (YearModel.inputsBehind).
 */
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../../shared/catalog';
import { formatAmount, type Amount } from '../../../shared/money';
import { CheckContext, fill, show } from '../../../shared/rules/context';
import { SAME_ROW, TOTAL } from '../../../shared/tables/types';
import { cellKey } from '../../../shared/tables';
import { modelOf, seedInputs } from './helpers';
import type { ModelView } from '../../../shared/rules';

/** A small deterministic generator, so a failure names its seed and repeats. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** The definition show() had: the stored text, its whole part grouped by thousands. */
function showByText(amount: Amount): string {
  const [whole, fraction] = formatAmount(amount)!.split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}

describe('amounts in 审核 messages', () => {
  it('read as the stored text grouped by thousands, for any amount', () => {
    const next = random(18);
    const samples: Amount[] = [0, 1, -1, 10, 100, 1000, 9999, 10_000, -10_000, 12_345_678, 999_999_999_999, -1_000_000_000_000];
    for (let i = 0; i < 20_000; i++) {
      const digits = 1 + Math.floor(next() * 13);
      const magnitude = Math.floor(next() * 10 ** digits);
      // Many amounts end in zeros (whole 元, whole 万元): those are where trailing decimals are dropped.
      const rounded = next() < 0.5 ? magnitude - (magnitude % 10 ** Math.floor(next() * 5)) : magnitude;
      samples.push(next() < 0.3 ? -rounded : rounded);
    }
    for (const amount of samples) expect(show(amount), String(amount)).toBe(showByText(amount));
  });

  it('fill templates as a replace of every {name} would', () => {
    const vars = { lhs: '公开01表 第31行 收入总计 3,383.79', rhs: '第62行 支出总计 3,383.80', diff: '0.01' };
    const byReplace = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => (vars as Record<string, string>)[name] ?? '');
    for (const template of ['{lhs} 与 {rhs} 不相等,相差 {diff}', '{lhs},应为 {rhs}', '开头{diff}{diff}结尾', '{unknown}只有文字{lhs}', '没有占位', '{lhs}']) {
      expect(fill(template, vars)).toBe(byReplace(template));
      // The second call reads the template cut up before.
      expect(fill(template, vars)).toBe(byReplace(template));
    }
  });
});

/** SPEC §0.5's n by the recursive definition: typed non-zero inputs behind a cell, a 合计/类/款 through its child rows. */
function inputsBehindByDefinition(model: ModelView, table: string, row: string, col: string): number {
  const rule = model.rule(table, row, col);
  if (!rule) return 0;
  if (rule.role === 'input') return model.value(table, row, col) ? 1 : 0;
  if (rule.role === 'linked') return inputsBehindByDefinition(model, rule.from.table ?? table, rule.from.row === SAME_ROW ? row : rule.from.row, rule.from.col);
  if (rule.terms.length) {
    return rule.terms.reduce((n, term) => n + inputsBehindByDefinition(model, term.ref.table ?? table, term.ref.row === SAME_ROW ? row : term.ref.row, term.ref.col), 0);
  }
  const level = row === TOTAL ? 0 : row.length === 3 ? 1 : 2;
  const children = model.rows(table).filter((candidate) => candidate.level === level + 1 && (level === 0 || candidate.key.startsWith(row)));
  return children.reduce((n, child) => n + inputsBehindByDefinition(model, table, child.key, col), 0);
}

describe('typed addends behind a cell (SPEC §0.5)', () => {
  it('memoised by the engine equal the recursive count, on random years', () => {
    const leaves = catalogFor(2023)
      .functionCodes.filter((entry) => entry.level === '项')
      .map((entry) => entry.code);
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const inputs = seedInputs();
      for (const table of ['公开02表', '公开03表', '公开05表']) {
        for (let i = 0; i < 150; i++) {
          const code = leaves[Math.floor(next() * leaves.length)];
          inputs[table].codes.add(code);
          // Empty, a typed 0 (exact: not an addend) or an amount, per input column.
          for (const col of ['1', '2', '3', '4', '5', '6', '7']) {
            const roll = next();
            if (roll < 0.3) inputs[table].cells.set(cellKey(code, col), 0);
            else if (roll < 0.7) inputs[table].cells.set(cellKey(code, col), Math.floor(next() * 1e8));
          }
        }
      }
      const model = modelOf(inputs);
      const cells: { table: string; row: string; col: string }[] = [];
      for (const table of ['公开02表', '公开03表', '公开05表']) {
        const rows = model.rows(table);
        for (let i = 0; i < 40; i++) {
          const row = rows[Math.floor(next() * rows.length)];
          const cols = Object.keys(row.rules);
          cells.push({ table, row: row.key, col: cols[Math.floor(next() * cols.length)] });
        }
        cells.push({ table, row: TOTAL, col: '1' });
      }
      cells.push({ table: '公开01表', row: '62', col: '2' }, { table: '公开01表', row: '31', col: '1' });
      // Asked in random order in one context, so memoised counts of earlier cells are reused by later ones.
      const ctx = new CheckContext(model, undefined, {}, () => true, {});
      for (const cell of cells) expect(ctx.addendsOf([cell]), `${seed} ${cell.table} ${cell.row} ${cell.col}`).toBe(inputsBehindByDefinition(model, cell.table, cell.row, cell.col));
    }
  });
});

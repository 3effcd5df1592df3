/**
 * The renderer's side of 采用计算值 and its undo (renderer/src/stores/printed-cells.ts): on random
 * printed totals and random changes, applying a change and then its inverse gives the totals back,
 * and the inverse of accepting names each cell's printed value exactly as the core stores it.
 */
import { describe, expect, it } from 'vitest';
import type { YearChange } from '../../shared/contract';
import { formatAmount, parseAmount } from '../../shared/money';
import type { PrintedCells } from '../../shared/rules';
import { inversePrinted, withPrinted } from '../../renderer/src/stores/printed-cells';
import { seeded } from '../fixtures/xlsx/random-forms';

const TABLES = ['公开01表', '公开02表', '川05表'];

function randomCase(seed: number): { printed: PrintedCells; change: NonNullable<YearChange['printed']> } {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const amount = () => Math.round((random() - 0.3) * 1e10);
  const printed: PrintedCells = new Map();
  const cells: { table: string; row: string; col: string }[] = [];
  for (let i = 0; i < 1 + random() * 40; i++) {
    const cell = { table: pick(TABLES), row: String(1 + Math.floor(random() * 60)), col: String(1 + Math.floor(random() * 6)) };
    cells.push(cell);
    if (random() < 0.7) (printed.get(cell.table) ?? printed.set(cell.table, new Map()).get(cell.table)!).set(`${cell.row}|${cell.col}`, amount());
  }
  const unique = [...new Map(cells.map((cell) => [`${cell.table}|${cell.row}|${cell.col}`, cell])).values()];
  const change = unique.filter(() => random() < 0.6).map((cell) => ({ ...cell, value: random() < 0.6 ? null : formatAmount(amount()) }));
  return { printed, change };
}

const plain = (printed: PrintedCells) => Object.fromEntries([...printed].map(([table, cells]) => [table, Object.fromEntries(cells)]).filter(([, cells]) => Object.keys(cells).length));

describe('printed totals in the renderer', () => {
  it('a change and its inverse give the printed totals back (500 random cases)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { printed, change } = randomCase(seed);
      const inverse = inversePrinted(printed, change);
      expect(plain(withPrinted(withPrinted(printed, change), inverse)), `seed ${seed}`).toEqual(plain(printed));
    }
  });

  it('accepting all forgets exactly the named cells; its inverse carries their amounts to the 0.0001 万元', () => {
    const { printed } = randomCase(7);
    const all = [...printed].flatMap(([table, cells]) => [...cells.keys()].map((key) => ({ table, row: key.split('|')[0], col: key.split('|')[1], value: null })));
    expect(plain(withPrinted(printed, all))).toEqual({});
    for (const entry of inversePrinted(printed, all)) expect(parseAmount(entry.value!)).toBe(printed.get(entry.table)!.get(`${entry.row}|${entry.col}`));
    expect(withPrinted(printed, [])).toBe(printed);
  });
});

import { describe, expect, it } from 'vitest';
import { offsetDebits, proposeOffsets, unmatchedFlows, type UnitFigures } from '../../electron/core/consolidate-offsets';
import { sumInputs } from '../../electron/core/consolidate';
import { FLOWS } from '../../shared/consolidation';
import { cellKey, emptyInputs, type YearInputs } from '../../shared/tables';
import { seeded, type Random } from '../fixtures/xlsx/random-forms';

const CODES = ['2010301', '2010302', '2050802', '2080505', '2130101'];
const COLUMNS: Record<string, string[]> = { 公开02表: ['2', '4', '7'], 公开03表: ['2', '3', '5'] };

/** A random year with no internal flows: amounts in the non-flow columns of 02 and 03. */
function randomBase(random: Random): YearInputs {
  const inputs: YearInputs = {};
  for (const [table, cols] of Object.entries(COLUMNS)) {
    const own = (inputs[table] = emptyInputs());
    for (const code of CODES) {
      if (random() < 0.3) continue;
      own.codes.add(code);
      for (const col of cols) own.cells.set(cellKey(code, col), Math.floor(random() * 1e9));
    }
  }
  return inputs;
}

/** Splits every cell among `count` units at random cut points; the parts add up to the cell exactly. */
function split(base: YearInputs, count: number, random: Random): YearInputs[] {
  const units: YearInputs[] = Array.from({ length: count }, () => ({}));
  for (const [table, own] of Object.entries(base)) {
    for (const unit of units) unit[table] = { cells: new Map(), codes: new Set(own.codes) };
    for (const [key, value] of own.cells) {
      let left = value;
      units.forEach((unit, index) => {
        const part = index === count - 1 ? left : Math.floor(random() * left);
        unit[table].cells.set(key, part);
        left -= part;
      });
    }
  }
  return units;
}

function add(unit: YearInputs, table: string, row: string, col: string, amount: number) {
  const own = (unit[table] ??= emptyInputs());
  own.codes.add(row);
  own.cells.set(cellKey(row, col), (own.cells.get(cellKey(row, col)) ?? 0) + amount);
}

describe('调整 (offsets) on random groups', () => {
  it('finds every planted internal transfer, and the offset sum equals the group without them', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seeded(seed);
      const base = randomBase(random);
      const count = 2 + Math.floor(random() * 5);
      const units = split(base, count, random);
      // Transfers of distinct amounts between random pairs, booked by payer and receiver in any 科目.
      const transfers = Math.floor(random() * 6);
      for (let t = 0; t < transfers; t++) {
        const flow = FLOWS[Math.floor(random() * FLOWS.length)];
        const payer = Math.floor(random() * count);
        const receiver = (payer + 1 + Math.floor(random() * (count - 1))) % count;
        const amount = 1 + t + 10 * Math.floor(random() * 1e8);
        add(units[payer], flow.payer.table, CODES[Math.floor(random() * CODES.length)], flow.payer.col, amount);
        add(units[receiver], flow.receiver.table, CODES[Math.floor(random() * CODES.length)], flow.receiver.col, amount);
      }
      const figures = units.map((inputs, index) => ({ file: `u${index}`, inputs }));
      const offsets = proposeOffsets(figures);
      expect(unmatchedFlows(figures, offsets), `seed ${seed}`).toEqual([]);
      const summed = sumInputs(units);
      for (const [table, debits] of offsetDebits(offsets, figures)) {
        for (const [key, amount] of debits) summed[table].cells.set(key, summed[table].cells.get(key)! - amount);
      }
      for (const [table, own] of Object.entries(summed)) {
        for (const [key, value] of own.cells) expect(value, `seed ${seed} ${table} ${key}`).toBe(base[table]?.cells.get(key) ?? 0);
      }
    }
  });

  it('refuses an edited offset larger than what the unit reported, or inside one unit', () => {
    const payer = emptyInputs();
    payer.cells.set(cellKey('2010302', '6'), 1_000_000);
    const receiver = emptyInputs();
    receiver.cells.set(cellKey('2010302', '3'), 1_000_000);
    const figures: UnitFigures[] = [
      { file: 'a', inputs: { 公开03表: payer } },
      { file: 'b', inputs: { 公开02表: receiver } },
    ];
    const offset = (amount: string, to = 'b') => ({
      flow: '补助' as const,
      amount,
      origin: 'manual' as const,
      payer: { file: 'a', table: '公开03表', row: '2010302', col: '6' },
      receiver: { file: to, table: '公开02表', row: '2010302', col: '3' },
    });
    expect(offsetDebits([offset('100.00')], figures).get('公开02表')!.get(cellKey('2010302', '3'))).toBe(1_000_000);
    expect(() => offsetDebits([offset('60.00'), offset('40.01')], figures)).toThrow('调整合计 100.01 万元超出');
    expect(() => offsetDebits([offset('abc')], figures)).toThrow('必须是大于 0 的金额');
    expect(() => offsetDebits([offset('1.00', 'a')], figures)).toThrow('不能是同一单位');
  });
});

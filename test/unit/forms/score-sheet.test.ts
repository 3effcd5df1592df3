/**
 * The score sheet's sort: by any column, both directions, empty values last either way, ties in
 * their stored order; checked on random rows against the order the column's keys define.
 */
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../shared/forms/model';
import { SCORE_COLUMNS, scoreSheetRow, sortScoreRows, type ScoreSheetRow } from '../../../shared/forms/score-sheet';
import { seeded } from '../../fixtures/xlsx/random-forms';

function randomRows(seed: number): ScoreSheetRow[] {
  const random = seeded(seed);
  return Array.from({ length: 12 }, (_, i) => {
    const budget = random() < 0.2 ? null : String(Math.floor(random() * 5) * 10);
    const actual = random() < 0.2 ? null : String(Math.floor(random() * 5) * 10);
    const form = parseForm({
      variant: random() < 0.5 ? 'YTH-P' : 'MS-P',
      subject_type: 'project',
      subject_name: `项目${Math.floor(random() * 4)}`,
      subject_code: `P${i}`,
      funding: [{ key: 'TOTAL', budget_adjusted: budget, actual, weight: '10' }],
      indicators: [{ horizon: 'ANNUAL', level1: '产出指标', level2: '数量指标', name: '人次', target_raw: '≥100', actual_raw: String(Math.floor(random() * 200)), weight: '90' }],
    });
    return scoreSheetRow(form, []);
  });
}

describe('sortScoreRows', () => {
  it('orders by every column, nulls last, ties stable', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rows = randomRows(seed);
      for (const column of SCORE_COLUMNS) {
        for (const descending of [false, true]) {
          const sorted = sortScoreRows(rows, (row) => row, column, descending);
          const keys = sorted.map((row) => column.sortKey(row));
          const present = keys.filter((key) => key !== null);
          expect(keys.slice(present.length).every((key) => key === null), column.key).toBe(true);
          for (let i = 1; i < present.length; i++) {
            const [a, b] = [present[i - 1]!, present[i]!];
            const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
            expect(descending ? order >= 0 : order <= 0, `${column.key} ${descending}`).toBe(true);
            if (order === 0) expect(rows.indexOf(sorted[i - 1]) < rows.indexOf(sorted[i])).toBe(true);
          }
          expect([...sorted].sort((x, y) => rows.indexOf(x) - rows.indexOf(y))).toEqual(rows);
        }
      }
    }
  });
});

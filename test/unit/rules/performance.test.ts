import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../../shared/catalog';
import { validateYear } from '../../../shared/rules';
import { TOTAL, cellKey, emptyInputs, type YearInputs } from '../../../shared/tables';
import { OPTIONS, modelOf, seedInputs } from './helpers';

/**
 * A large, consistent unit: seed 002's fixed tables, and in 02, 03 and 05 three 款 of three 项 under
 * each of the 26 类 (338 code rows per table, over 1,000 in all; codes need not be real for the
 * arithmetic). Income matches expenditure and 公开06表 matches 基本支出, as in a finished year.
 */
function largeYear(): YearInputs {
  const inputs = seedInputs();
  const leaves = catalogFor(2023).categories.flatMap(({ code }) =>
    ['01', '02', '03'].flatMap((kuan) => ['01', '02', '99'].map((xiang) => `${code}${kuan}${xiang}`)),
  );
  const t02 = (inputs['公开02表'] = emptyInputs());
  const t03 = (inputs['公开03表'] = emptyInputs());
  const t05 = (inputs['公开05表'] = emptyInputs());
  let basic = 0;
  let total = 0;
  leaves.forEach((code, i) => {
    const [b, p] = [(i + 1) * 10_000 + 37, (i % 7) * 123_456];
    for (const table of [t02, t03, t05]) table.codes.add(code);
    t02.cells.set(cellKey(code, '2'), b + p);
    for (const table of [t03, t05]) {
      table.cells.set(cellKey(code, '2'), b);
      table.cells.set(cellKey(code, '3'), p);
    }
    basic += b;
    total += b + p;
  });
  inputs['公开04表'].cells.set(cellKey('1', '1'), total);
  // 公开06表's seed values total 1415.21; 其他工资福利支出 takes up the rest of 基本支出.
  inputs['公开06表'].cells.set(cellKey('30199', '1'), basic - 14_152_100);
  return inputs;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('validation speed', () => {
  it('validates 9 tables with 338 code rows per functional table in under 5 ms (median), values recomputed each run', () => {
    const model = modelOf(largeYear());
    expect(model.rows('公开03表').length).toBe(1 + 338);
    expect(model.value('公开05表', TOTAL, '2')).toBeGreaterThan(0);
    const findings = validateYear(model, OPTIONS);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    for (let i = 0; i < 20; i++) validateYear(model, OPTIONS); // let the JIT settle
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      model.invalidate(); // as after an edit: every computed and linked cell is evaluated again
      // CPU time, not wall time: other processes on a busy test machine must not fail the test.
      const start = process.cpuUsage();
      validateYear(model, OPTIONS);
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    expect(median(times)).toBeLessThan(5);
  });
});

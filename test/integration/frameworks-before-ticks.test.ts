/**
 * Workbooks exported before 附件1.1/附件2 had tick-box columns (one header line, 自评得分 right after
 * 评分说明) still import: every score comes back, no item is ticked. The two files in
 * fixtures/xlsx/round4 were written by commit c84e642 (the last release without tick boxes) from a
 * 2023 year holding seed 000's 附件1.1 and 附件2 and seed 001's 大通湖 附件5; the .scores.json
 * beside them lists each framework's item scores as that year stored them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-fw-before-ticks-');
const fixture = (name: string) => path.join(__dirname, '../fixtures/xlsx/round4', name);
const stored: Record<string, Array<string | undefined>> = JSON.parse(fs.readFileSync(fixture('frameworks-before-ticks.scores.json'), 'utf8'));

describe('framework sheets from before the tick boxes', () => {
  for (const format of ['xlsx', 'xls']) {
    it(`.${format}: every framework and score comes back, nothing ticked`, async () => {
      await newYear(env.core, 'y.sqlite', { year: 2023 });
      const dataBase64 = fs.readFileSync(fixture(`frameworks-before-ticks.${format}`)).toString('base64');
      const result = await env.core.importWorkbook({ file: 'y.sqlite', name: `上次导出.${format}`, dataBase64 });
      expect(result.errors).toEqual([]);
      const frameworks = (await env.core.openYear({ file: 'y.sqlite' })).frameworks;
      const scores = Object.fromEntries(frameworks.map((doc) => [`${doc.framework.framework}|${doc.subject_code}`, doc.framework.items.map((item) => item.self_score ?? null)]));
      expect(scores).toEqual(Object.fromEntries(Object.entries(stored).map(([key, items]) => [key, items.map((score) => score ?? null)])));
      for (const doc of frameworks) for (const item of doc.framework.items) expect(item.ticks ?? []).toEqual([]);
    });
  }
});

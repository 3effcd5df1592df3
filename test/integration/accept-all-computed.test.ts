/**
 * 全部采用计算值: after importing a workbook whose printed totals disagree with their details (one
 * R-I01 finding each), the clerk takes every computed value in one write — the `edit` call the 审核
 * panel sends — and puts every printed value back in one write (its undo). Property over random
 * workbooks: N random totals of seed 002's export misprinted, N findings; accepting all leaves none
 * and the year exports the computed totals; the undo brings back exactly the N printed values; both
 * states are what a reopened file holds.
 */
import { describe, expect, it } from 'vitest';
import type { YearChange } from '../../shared/contract';
import { PRINTED_RULE_ID } from '../../shared/rules';
import { base64, coreIn, newYear, seed002Edits, tempCoreEachTest, type Core } from '../fixtures/xlsx/helpers';
import { misprinted } from '../fixtures/xlsx/misprinted';
import { seeded } from '../fixtures/xlsx/random-forms';

const env = tempCoreEachTest('juesuan-accept-all-');

const r101 = async (core: Core, file: string) => (await core.validate({ file })).findings.filter((finding) => finding.rule === PRINTED_RULE_ID);

describe('全部采用计算值', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: one write takes every computed value, one write puts every printed value back, and the file keeps each state`, async () => {
      const count = 5 + Math.floor(seeded(seed * 7)() * 26);
      await newYear(env.core, 'source.sqlite');
      await env.core.edit({ file: 'source.sqlite', cells: seed002Edits() });
      const exported = Buffer.from((await env.core.exportWorkbook({ file: 'source.sqlite', format: 'xlsx' })).dataBase64, 'base64');
      await newYear(env.core, 'imported.sqlite');
      const imported = await env.core.importWorkbook({ file: 'imported.sqlite', name: 'hand-built.xlsx', dataBase64: base64(await misprinted(exported, seed, count)) });
      expect(imported.errors).toEqual([]);
      expect(imported.mismatches).toHaveLength(count);

      const findings = await r101(env.core, 'imported.sqlite');
      expect(findings).toHaveLength(count);
      const printed = (await env.core.openYear({ file: 'imported.sqlite' })).printed!;
      const undo: YearChange['printed'] = findings.map(({ table, row, col }) => ({ table, row, col, value: printed[table][`${row}|${col}`] }));
      const before = await env.core.openYear({ file: 'imported.sqlite' });

      const accepted = await env.core.edit({ file: 'imported.sqlite', printed: findings.map(({ table, row, col }) => ({ table, row, col, value: null })) });
      expect(accepted.revision).toBe(before.revision + 1);
      expect(await r101(env.core, 'imported.sqlite')).toEqual([]);
      expect((await env.core.openYear({ file: 'imported.sqlite' })).printed ?? {}).toEqual({});
      // The totals printed now are the computed ones: a workbook of the year reads back without a mismatch.
      const again = await env.core.exportWorkbook({ file: 'imported.sqlite', format: 'xlsx' });
      await newYear(env.core, 'check.sqlite');
      expect((await env.core.importWorkbook({ file: 'check.sqlite', name: 'again.xlsx', dataBase64: again.dataBase64 })).mismatches).toEqual([]);

      const restored = await env.core.edit({ file: 'imported.sqlite', printed: undo });
      expect(restored.revision).toBe(accepted.revision + 1);
      expect(await r101(env.core, 'imported.sqlite')).toEqual(findings);

      // What is on disk: the restored printed values, then after accepting again none.
      env.core.close();
      const reopened = coreIn(env.dir);
      expect((await reopened.openYear({ file: 'imported.sqlite' })).printed).toEqual(printed);
      expect(await r101(reopened, 'imported.sqlite')).toEqual(findings);
      await reopened.edit({ file: 'imported.sqlite', printed: findings.map(({ table, row, col }) => ({ table, row, col, value: null })) });
      reopened.close();
      const last = coreIn(env.dir);
      expect((await last.openYear({ file: 'imported.sqlite' })).printed ?? {}).toEqual({});
      expect(await r101(last, 'imported.sqlite')).toEqual([]);
      expect((await last.openYear({ file: 'imported.sqlite' })).tables).toEqual((await last.openYear({ file: 'source.sqlite' })).tables);
      last.close();
    });
  }

  it('is all or nothing: an input cell, a total without a printed value or a bad amount refuses the whole change', async () => {
    await newYear(env.core, 'source.sqlite');
    await env.core.edit({ file: 'source.sqlite', cells: seed002Edits() });
    const exported = Buffer.from((await env.core.exportWorkbook({ file: 'source.sqlite', format: 'xlsx' })).dataBase64, 'base64');
    await newYear(env.core, 'y.sqlite');
    await env.core.importWorkbook({ file: 'y.sqlite', name: 'hand-built.xlsx', dataBase64: base64(await misprinted(exported, 9, 4)) });
    const [first, ...rest] = await r101(env.core, 'y.sqlite');
    await env.core.edit({ file: 'y.sqlite', printed: [{ table: first.table, row: first.row, col: first.col, value: null }] });
    const all = [first, ...rest].map(({ table, row, col }) => ({ table, row, col, value: null }));
    const { revision, printed } = await env.core.openYear({ file: 'y.sqlite' });

    await expect(env.core.edit({ file: 'y.sqlite', printed: all })).rejects.toThrow('没有导入文件印出的数');
    const [input] = seed002Edits();
    await expect(env.core.edit({ file: 'y.sqlite', printed: [...all.slice(1), { table: input.table, row: input.row, col: input.col, value: null }] })).rejects.toThrow('是录入单元格');
    await expect(env.core.edit({ file: 'y.sqlite', printed: [...all.slice(1), { ...all[0], value: '12,3x' }] })).rejects.toThrow(`${first.table}`);
    const after = await env.core.openYear({ file: 'y.sqlite' });
    expect({ revision: after.revision, printed: after.printed }).toEqual({ revision, printed });
    expect(await r101(env.core, 'y.sqlite')).toHaveLength(rest.length);
  });
});

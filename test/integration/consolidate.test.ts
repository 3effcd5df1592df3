import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation, rebuildRequest, writeConsolidation } from '../../electron/core/consolidate';
import { drillDown } from '../../electron/core/consolidate-drill';
import { plant, plantTransfers, splitSeed002 } from '../fixtures/consolidation';
import { seed002Doc } from '../fixtures/seed-002';
import { tempDir } from '../helpers/temp';

const UNITS = [
  { name: '荆门市行政审批局(本级)', code: '158001' },
  { name: '荆门市政务服务中心', code: '158002' },
  { name: '荆门市公共资源交易中心', code: '158003' },
];

describe('汇总 of three units made from seed 002', () => {
  const temp = tempDir();
  const at = (name: string) => path.join(temp.dir, name);
  const core = createCore({ resolveFile: at });
  const files = ['a.sqlite', 'b.sqlite', 'c.sqlite'];
  const request = (names: string[], extra = {}) => ({ files: names, resolve: at, unitName: '荆门市行政审批局', unitCode: '158', adjust: 'auto' as const, ...extra });

  beforeAll(async () => {
    const docs = splitSeed002(UNITS, [5, 3, 2]);
    plantTransfers(docs);
    for (const [index, doc] of docs.entries()) {
      await core.createYear({ file: files[index], fiscalYear: 2023, unitName: doc.unit.name, unitCode: doc.unit.code });
      await core.load({ file: files[index], doc });
    }
    await core.createYear({ file: 'seed.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局' });
    await core.load({ file: 'seed.sqlite', doc: seed002Doc() });
    core.close();
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('offsets the internal transfers and equals the planted totals', async () => {
    const consolidation = await planConsolidation(request(files));
    const { plan } = consolidation;
    expect(plan.units.map((unit) => unit.unitName)).toEqual(UNITS.map((unit) => unit.name));
    expect(plan.problems.filter((problem) => problem.refused)).toEqual([]);
    const pairs = plan.offsets.map((offset) => `${offset.flow} ${offset.amount} ${offset.payer.file}:${offset.payer.row}→${offset.receiver.file}:${offset.receiver.row}`);
    expect(pairs.sort()).toEqual(
      [
        '补助 100.00 a.sqlite:2010302→b.sqlite:2010302',
        '补助 30.00 a.sqlite:2010303→c.sqlite:2050802',
        '补助 20.00 a.sqlite:2010306→c.sqlite:2050802',
        '上缴 100.00 b.sqlite:2010302→a.sqlite:2010302',
        '上缴 50.00 c.sqlite:2050802→a.sqlite:2011308',
      ].sort(),
    );
    expect(plan.unmatched).toEqual([]);
    // Before/after per affected cell, computed cells included: 公开01表 总计 drops by both flows (150 + 150).
    expect(plan.total).toEqual({ before: '3683.79', after: '3383.79' });
    expect(plan.changes).toContainEqual(expect.objectContaining({ table: '公开02表', row: '2010302', col: '3', before: '100.00', after: '0.00' }));
    expect(plan.changes).toContainEqual(expect.objectContaining({ table: '公开01表', row: '4', col: '1', before: '150.00', after: '0.00' }));

    writeConsolidation(at('汇总.sqlite'), consolidation);
    const check = createCore({ resolveFile: at });
    try {
      const summed = await check.dump({ file: '汇总.sqlite' });
      const seed = await check.dump({ file: 'seed.sqlite' });
      expect(summed.tables).toEqual(seed.tables);
      expect(summed.unit).toEqual({ name: '荆门市行政审批局', code: '158' });
      // The summed tables are read-only in the core's write path, whichever door is used.
      await expect(check.setCells({ file: '汇总.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '1' }] })).rejects.toThrow('汇总的表只读');
      await expect(check.load({ file: '汇总.sqlite', doc: seed002Doc() })).rejects.toThrow('汇总的表只读');
    } finally {
      check.close();
    }
  });

  it('reads the units the same in worker threads as one by one', async () => {
    const inline = await planConsolidation(request(files, { jobs: 0 }));
    const threaded = await planConsolidation(request(files, { jobs: 2 }));
    expect(threaded).toEqual(inline);
  });

  it('drills a cell down to each unit and the offsets on it', async () => {
    const input = drillDown(at('汇总.sqlite'), '公开02表', '2010302', '3');
    expect(input.value).toBe('0.00');
    expect(input.units.map((unit) => [unit.file, unit.value])).toEqual([
      ['a.sqlite', '0.00'],
      ['b.sqlite', '100.00'],
      ['c.sqlite', '0.00'],
    ]);
    expect(input.offsets.map((offset) => offset.amount)).toEqual(['100.00']);
    // A computed cell: each unit's own 总计, recomputed from what it reported.
    const total = drillDown(at('汇总.sqlite'), '公开01表', '31', '1');
    expect(total.value).toBe('3383.79');
    const shares = total.units.map((unit) => unit.value);
    expect(shares.every((value) => value !== null)).toBe(true);
  });

  it('lists a unit with 审核 errors, a mismatched year and a duplicate unit, and refuses the latter two', async () => {
    const [bad] = splitSeed002([{ name: '荆门市某错误单位', code: '158009' }], [10]);
    plant(bad, '公开01表', '28', '1', '999.00');
    await withCore(async (other) => {
      await other.createYear({ file: 'bad.sqlite', fiscalYear: 2023, unitName: bad.unit.name, unitCode: bad.unit.code });
      await other.load({ file: 'bad.sqlite', doc: bad });
      const [old] = splitSeed002([{ name: '荆门市旧年度单位', code: '158010' }], [10]);
      await other.createYear({ file: 'old.sqlite', fiscalYear: 2022, unitName: old.unit.name, unitCode: old.unit.code });
      await other.load({ file: 'old.sqlite', doc: { ...old, fiscalYear: 2022 } });
    });
    fs.copyFileSync(at('b.sqlite'), at('b-copy.sqlite'));
    fs.writeFileSync(at('junk.sqlite'), 'not a database');
    const { plan } = await planConsolidation(request([...files, 'bad.sqlite', 'old.sqlite', 'b-copy.sqlite', 'junk.sqlite']));
    const problems = Object.fromEntries(plan.problems.map((problem) => [problem.file, [problem.kind, problem.refused]]));
    expect(problems).toEqual({
      'bad.sqlite': ['errors', false],
      'old.sqlite': ['year', true],
      'b-copy.sqlite': ['duplicate', true],
      'junk.sqlite': ['unreadable', true],
    });
    expect(plan.units.map((unit) => unit.file)).toEqual([...files, 'bad.sqlite']);
    expect(plan.problems.find((problem) => problem.kind === 'year')!.message).toContain('年度 2022');
  });

  it('builds a node 汇总 whose parent equals the full 汇总 (节点/选择汇总)', async () => {
    const node = await planConsolidation(request(['b.sqlite', 'c.sqlite'], { unitName: '二级单位汇总', unitCode: '158100' }));
    // B and C trade with A only: nothing to offset inside this node.
    expect(node.plan.offsets).toEqual([]);
    writeConsolidation(at('node.sqlite'), node);
    const top = await planConsolidation(request(['a.sqlite', 'node.sqlite']));
    expect(top.plan.units[1].members.map((member) => member.file)).toEqual(['b.sqlite', 'c.sqlite']);
    expect(top.plan.total).toEqual({ before: '3683.79', after: '3383.79' });
    writeConsolidation(at('top.sqlite'), top);
    await withCore(async (check) => expect((await check.dump({ file: 'top.sqlite' })).tables).toEqual((await check.dump({ file: 'seed.sqlite' })).tables));
    // A unit given both directly and inside a node is refused as a duplicate.
    const twice = await planConsolidation(request(['node.sqlite', 'b.sqlite']));
    expect(twice.plan.problems.map((problem) => [problem.file, problem.kind])).toEqual([['b.sqlite', 'duplicate']]);
  });

  it('rebuilds from its record after a unit file changed', async () => {
    await withCore(async (edit) => edit.setCells({ file: 'c.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '1.00' }] }));
    const { request: again, changed } = rebuildRequest(at('汇总.sqlite'), at);
    expect(changed).toEqual(['c.sqlite']);
    const rebuilt = await planConsolidation(again);
    expect(rebuilt.plan.offsets).toHaveLength(5);
    writeConsolidation(at('汇总.sqlite'), rebuilt);
    await withCore(async (check) => {
      const row = (await check.getTable({ file: '汇总.sqlite', table: '公开01表' })).rows.find((r) => r.row === '28');
      expect(row!.cells['1']).toBe('1.00');
    });
    // A year file that is not a 汇总 is never overwritten by one.
    expect(() => writeConsolidation(at('a.sqlite'), rebuilt)).toThrow('不是汇总结果');
  });

  async function withCore(run: (open: ReturnType<typeof createCore>) => Promise<unknown>) {
    const open = createCore({ resolveFile: at });
    try {
      await run(open);
    } finally {
      open.close();
    }
  }
});

/**
 * A 汇总 keeps the names its units gave rows no catalog names: a unit's custom 项 2120801 under 款
 * 21208, whose name only that unit's imported workbook printed (printed_names), is named the same
 * in the 汇总's tables, so the 汇总 prints no blank 科目名称 and R-I03 says nothing there.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { tempDir } from '../helpers/temp';

const LAND = '国有土地使用权出让收入安排的支出';

describe('row names in a 汇总', () => {
  const temp = tempDir();
  const at = (name: string) => path.join(temp.dir, name);
  const core = createCore({ resolveFile: at });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('carries a 款 name a unit kept from its workbook into the 汇总', async () => {
    for (const [file, unitName, named] of [['a.sqlite', '甲单位', true], ['b.sqlite', '乙单位', false]] as const) {
      await core.createYear({ file, fiscalYear: 2023, unitName });
      await core.edit({
        file,
        addCodes: [{ table: '公开07表', code: '2120801', name: '征地和拆迁补偿支出' }],
        cells: [{ table: '公开07表', row: '2120801', col: '2', value: '4' }],
        ...(named ? { printedNames: [{ table: '公开07表', code: '21208', name: LAND }] } : {}),
      });
      await core.closeYear({ file });
    }
    writeConsolidation(at('汇总.sqlite'), await planConsolidation({ files: ['a.sqlite', 'b.sqlite'], resolve: at, unitName: '主管部门', adjust: 'none' }));
    const view = await core.getTable({ file: '汇总.sqlite', table: '公开07表' });
    expect(view.rows.map((row) => [row.row, row.label])).toEqual([
      ['合计', '合 计'],
      ['212', '城乡社区支出'],
      ['21208', LAND],
      ['2120801', '征地和拆迁补偿支出'],
    ]);
    const findings = (await core.validate({ file: '汇总.sqlite' })).findings;
    expect(findings.filter((finding) => finding.rule === 'R-I03')).toEqual([]);
  });

  it('sends the officer to the units whose rows lack a name (the 汇总 takes no typed name), naming each one to open', async () => {
    for (const [file, unitName, amount] of [['c.sqlite', '丙单位', '4'], ['d.sqlite', '丁单位', '']] as const) {
      await core.createYear({ file, fiscalYear: 2023, unitName });
      const code = amount ? '2120801' : '2010301';
      await core.edit({ file, addCodes: [{ table: '公开02表', code, name: amount ? '征地和拆迁补偿支出' : undefined }], cells: [{ table: '公开02表', row: code, col: '2', value: amount || '3' }] });
      await core.closeYear({ file });
    }
    writeConsolidation(at('汇总2.sqlite'), await planConsolidation({ files: ['c.sqlite', 'd.sqlite'], resolve: at, unitName: '主管部门', adjust: 'none' }));
    const unnamed = (await core.validate({ file: '汇总2.sqlite' })).findings.filter((finding) => finding.rule === 'R-I03');
    expect(unnamed.map((finding) => [finding.row, finding.fixIn])).toEqual([['21208', { failing: true, units: [{ unitName: '丙单位', file: 'c.sqlite', value: null }] }]]);
    expect(unnamed[0].message).toBe(
      '公开02表 科目 21208 没有名称:内置科目表中还没有这个款的名称,导出的表中这一行的科目名称会是空的。汇总中不能填写:请在单位文件中按官方科目表填写名称(丙单位),改后按原汇总重新汇总;或在汇总结果中导入本年度官方科目表(“导入 › 本年度科目表”,或命令 catalog)',
    );
  });
});

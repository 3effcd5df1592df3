/**
 * The regional sets beside 云南 (yunnan-11.test.ts): 四川 14 表, 陕西 9 表 with 会议费、培训费, 内蒙古 12 表.
 * Each set's own relations are silent on consistent figures and warn, at the regional table, on a mismatch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, inDataDir } from '../../electron/core/core';
import type { TemplateSet } from '../../shared/contract';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

const cell = (table: string, row: string, col: string, value: string) => ({ table, row, col, value });

type Cell = ReturnType<typeof cell>;

/** Findings of the set's own relations (and the R-X16/R-X18 陕西 re-declares) before and after `broken`. */
async function regionalFindings(
  template: TemplateSet,
  consistent: Cell[],
  broken: Cell[],
  { supp = {}, codes = [] }: { supp?: Record<string, string>; codes?: { table: string; code: string; name?: string }[] } = {},
) {
  const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
  const file = `${template}.sqlite`;
  await core.createYear({ file, fiscalYear: 2024, unitName: '测试局', template, numbering: '表' });
  await core.edit({ file, addCodes: codes, cells: consistent });
  if (Object.keys(supp).length) await core.setSupplementary({ file, values: supp });
  const ours = async () =>
    (await core.validate({ file })).findings.filter((f) => /^R-[SMD]|^R-X1[68]$/.test(f.rule)).map((f) => `${f.rule}|${f.severity}|${f.table}|${f.row}|${f.col}`);
  const before = await ours();
  await core.edit({ file, cells: broken });
  const after = await ours();
  core.close();
  return { before, after };
}

describe('regional table sets', () => {
  it('四川 14 表: 政府性基金 “三公” within 政府性基金 expenditure', async () => {
    // 川05表 (all 财政拨款 by 经济分类) carries the fund's 基本支出 too (R-S08).
    const fund = [cell('公开07表', '2296099', '4', '3'), cell('川05表', '30201', '3', '3')];
    const { before, after } = await regionalFindings(
      '四川14',
      [...fund, cell('川14表', '1', '8', '0.5'), cell('川14表', '1', '12', '1'), cell('川14表', '1', '2', '0.5'), cell('川14表', '1', '6', '1')],
      [cell('川14表', '1', '12', '3')],
      { codes: [{ table: '公开07表', code: '2296099', name: '测试政府性基金科目' }] },
    );
    expect(before).toEqual([]);
    expect(after).toEqual(['R-S11|warning|川14表|1|7']);
  });

  it('陕西 9 表: 会议费、培训费 in the “三公” table, against 公开06表 and the 预算数', async () => {
    const { before, after } = await regionalFindings(
      '陕西9',
      [cell('公开06表', '30215', '1', '1'), cell('公开06表', '30216', '1', '2'), cell('陕07表', '1', '7', '1.5'), cell('陕07表', '1', '8', '2'), cell('陕07表', '1', '15', '1.5'), cell('陕07表', '1', '16', '2')],
      [cell('陕07表', '1', '15', '0.5'), cell('陕07表', '1', '16', '2.5')],
    );
    expect(before).toEqual([]);
    expect(after).toEqual(['R-X16|warning|陕07表|1|15', 'R-X18|warning|陕07表|1|16']);
  });

  it('内蒙古 12 表: 项目收入支出 against 公开03表, the information table against 补充信息', async () => {
    const consistent: Cell[] = [
      cell('公开03表', '2010301', '3', '8'),
      cell('蒙05表', '2010301', '2', '10'),
      cell('蒙05表', '2010301', '3', '8'),
      cell('蒙12表', '1', '1', '20'),
      cell('蒙12表', '3', '1', '5'),
      cell('蒙12表', '5', '1', '1'),
      cell('蒙12表', '6', '1', '4'),
      cell('蒙12表', '7', '1', '2'),
    ];
    const { before, after } = await regionalFindings(
      '内蒙古12',
      consistent,
      [cell('蒙05表', '2010301', '3', '7'), cell('蒙12表', '6', '1', '7')],
      {
        supp: { admin_running_cost: '20', 'gov_procurement.total': '6', 'gov_procurement.goods': '5', 'gov_procurement.works': '0', 'gov_procurement.services': '1' },
        codes: [
          { table: '公开03表', code: '2010301' },
          { table: '蒙05表', code: '2010301' },
        ],
      },
    );
    expect(before).toEqual([]);
    expect(after).toEqual(['R-M01|warning|蒙05表|合计|3', 'R-M02|warning|蒙12表|6|1']);
  });
});

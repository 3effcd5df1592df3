/** The INFERRED 川05/07/09/11表 relations (R-S01–R-S10): silent on consistent figures, a warning on a mismatch. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, inDataDir } from '../../electron/core/core';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

const cell = (table: string, row: string, col: string, value: string) => ({ table, row, col, value });

describe('四川 13-table relations of 川05/07/09表', () => {
  it('agree with 公开05/06表 on consistent figures and warn on a mismatch', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: 'sc.sqlite', fiscalYear: 2025, unitName: '眉山市测试局', template: '13' });
    await core.edit({
      file: 'sc.sqlite',
      addCodes: [{ table: '公开05表', code: '2010301' }],
      cells: [
        cell('公开05表', '2010301', '2', '10'),
        cell('公开05表', '2010301', '3', '5'),
        cell('公开06表', '30101', '1', '6'),
        cell('公开06表', '30201', '1', '4'),
        cell('川07表', '30101', '2', '6'),
        cell('川07表', '30201', '3', '4'),
        cell('川07表', '30201', '4', '5'),
        cell('川09表', '30201', '1', '5'),
        cell('川05表', '30101', '2', '6'),
        cell('川05表', '30201', '3', '4'),
        cell('川05表', '30201', '4', '5'),
      ],
    });
    const sichuan = async () => (await core.validate({ file: 'sc.sqlite' })).findings.filter((f) => f.rule.startsWith('R-S'));
    expect(await sichuan()).toEqual([]);

    await core.edit({ file: 'sc.sqlite', cells: [cell('川09表', '30201', '1', '6'), cell('川05表', '30201', '4', '')] });
    const found = await sichuan();
    expect(found.map((f) => `${f.rule}|${f.severity}|${f.table}|${f.row}|${f.col}`)).toEqual([
      'R-S03|warning|川09表|项目支出合计|1',
      'R-S04|warning|川05表|合计|1',
      // Edition 3: 川09表 against 公开05表 and 川07表 款 by 款, 川05表 against 公开04表 and the fund tables.
      'R-S07|warning|川09表|项目支出合计|1',
      'R-S08|warning|川05表|合计|1',
      'R-S08|warning|川05表|合计|4',
      'R-S10|warning|川09表|30201|1',
    ]);
    // The other table is named once, where its cell is (before: “表七 经济分类 30201 表七 项目支出”).
    expect(found.find((f) => f.rule === 'R-S10')!.message).toMatch(/^表九 经济分类 30201 项目支出 6\.00 与 表七 经济分类 30201 (第4栏 )?项目支出 5\.00 /);
    expect(found[0].message).toContain('6.00');
    // Messages name the tables as the side list and the printed tables do (表五, 表六), never by inner id.
    expect(found.map((f) => f.message).join('\n')).not.toMatch(/川\d\d表|公开\d\d表/);
    expect(found.find((f) => f.rule === 'R-S04')!.message).toMatch(/^表五 /);
    core.close();
  });

  it('川11表 agrees with 公开04表 and 公开08表; a file of edition 2 keeps its relations', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    const soe = [
      cell('公开08表', '2230199', '2', '3'),
      cell('公开08表', '2230199', '3', '2'),
      cell('川11表', '2230199', '1', '1'),
      cell('川11表', '2230199', '2', '6'),
      cell('川11表', '2230199', '4', '3'),
      cell('川11表', '2230199', '5', '2'),
      // 公开04表: 国有资本经营 income (r3) and opening balance (r31); its 支出 rows link to 公开08表.
      cell('公开04表', '3', '1', '6'),
      cell('公开04表', '31', '1', '1'),
    ];
    const r11 = async (file: string) =>
      (await core.validate({ file })).findings.filter((f) => ['R-S05', 'R-S06'].includes(f.rule)).map((f) => `${f.rule}|${f.table}|${f.row}|${f.col}`);
    for (const file of ['now.sqlite', 'edition2.sqlite']) {
      await core.createYear({ file, fiscalYear: 2025, unitName: '眉山市测试局', template: '13' });
      await core.edit({ file, addCodes: [{ table: '公开08表', code: '2230199', name: '测试国有资本经营科目' }, { table: '川11表', code: '2230199', name: '测试国有资本经营科目' }], cells: soe });
    }
    expect(await r11('now.sqlite')).toEqual([]);

    await core.edit({ file: 'now.sqlite', cells: [cell('川11表', '2230199', '5', '1'), cell('公开04表', '3', '1', '7')] });
    expect(await r11('now.sqlite')).toEqual(['R-S05|川11表|合计|2', 'R-S05|川11表|合计|3', 'R-S05|川11表|223|3', 'R-S06|川11表|2230199|3', 'R-S06|川11表|2230199|5']);

    // The same mismatch in a file created with definitions edition 2 (before these relations): no R-S05/S06.
    core.close();
    const db = new Database(path.join(temp.dir, 'edition2.sqlite'));
    db.prepare("UPDATE meta SET value = '2' WHERE key = 'definitions_edition'").run();
    db.close();
    const again = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await again.edit({ file: 'edition2.sqlite', cells: [cell('川11表', '2230199', '5', '1'), cell('公开04表', '3', '1', '7')] });
    expect((await again.validate({ file: 'edition2.sqlite' })).findings.some((f) => /^R-S(0[5-9]|10)$/.test(f.rule))).toBe(false);
    again.close();
  });
});

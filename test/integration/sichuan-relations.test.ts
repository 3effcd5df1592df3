/** The INFERRED 川05/07/09表 relations (R-S01–R-S04): silent on consistent figures, a warning on a mismatch. */
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
    expect(found.map((f) => `${f.rule}|${f.severity}|${f.table}|${f.row}|${f.col}`)).toEqual(['R-S03|warning|川09表|项目支出合计|1', 'R-S04|warning|川05表|合计|1']);
    expect(found[0].message).toContain('6.00');
    core.close();
  });
});

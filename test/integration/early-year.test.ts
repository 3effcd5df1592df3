/**
 * A year before every rule set (the rules start with 2020): the app let a clerk create a 2019 file (to
 * import an old workbook as 上年数 for 2020, say), then could not check it ("文件已损坏或格式异常").
 * The earliest rules serve earlier years, as the 2023 科目 lists do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, inDataDir } from '../../electron/core/core';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

describe('a year before 2020', () => {
  it('is checked, exported and carried into 2020 like any other', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    for (const [file, template] of [['2019.sqlite', '9'], ['2019-云南.sqlite', '云南11']] as const) {
      await core.createYear({ file, fiscalYear: 2019, unitName: '单位', template });
      await core.edit({ file, cells: [{ table: '公开01表', row: '28', col: '1', value: '3' }] });
      const findings = (await core.validate({ file })).findings;
      expect(findings.some((f) => f.rule === 'R-B03')).toBe(true);
      expect((await core.exportWorkbook({ file, draft: true })).name).toMatch(/\.xlsx$/);
      expect((await core.exportReport({ file, format: 'md', draft: true })).name).toMatch(/\.md$/);
    }
    await core.createYear({ file: '2020.sqlite', fiscalYear: 2020, unitName: '单位', baselineFrom: '2019.sqlite' });
    expect((await core.openYear({ file: '2020.sqlite' })).baseline?.['公开01表']['28|1']).toBe('3.00');
    core.close();
  });
});

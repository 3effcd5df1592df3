/**
 * 按原汇总重新汇总 in the browser mode (its core reads only the data folder's files): a 汇总 made by
 * the CLI records its unit files by full path, elsewhere on the disk. The clerk is told which units
 * are outside the data folder and where, not that every unit changed. Real year files through the
 * browser host's core.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, inDataDir } from '../../electron/core/core';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { writeUnitFiles, type UnitFile } from '../fixtures/unit-files';
import { tempDir } from '../helpers/temp';

describe('按原汇总重新汇总 of a 汇总 whose unit files are outside the data folder', () => {
  const temp = tempDir();
  const dataDir = path.join(temp.dir, 'data');
  const elsewhere = path.join(temp.dir, 'cli-units');
  const core = () => createCore({ resolveFile: inDataDir(dataDir), dataDir, editor: '决算通浏览器模式' });

  beforeAll(async () => {
    const units: Omit<UnitFile, 'file'>[] = [
      { unitName: '甲单位', unitCode: '1', tables: { 公开01表: { '28': { '1': '12.00' } } } },
      { unitName: '乙单位', unitCode: '2', tables: {} },
    ];
    await writeUnitFiles(dataDir, units.map((unit, index) => ({ ...unit, file: `${'ab'[index]}.sqlite` })));
    await writeUnitFiles(elsewhere, units.map((unit, index) => ({ ...unit, file: `${'ab'[index]}.sqlite` })));
    // As `juesuan consolidate --out` records them: each unit by its full path.
    const full = ['a.sqlite', 'b.sqlite'].map((name) => path.join(elsewhere, name));
    writeConsolidation(path.join(dataDir, 'CLI汇总.sqlite'), await planConsolidation({ files: full, resolve: (file) => file, unitName: '主管部门', adjust: 'none' }));
    // As the app records them: names in the data folder.
    writeConsolidation(path.join(dataDir, '应用汇总.sqlite'), await planConsolidation({ files: ['a.sqlite', 'b.sqlite'], resolve: inDataDir(dataDir), unitName: '主管部门', adjust: 'none' }));
  });
  afterAll(() => temp.cleanup());

  it('names each unit outside the data folder with its path instead of calling it changed', async () => {
    const host = core();
    try {
      const refused = await host.consolidationRecord({ out: 'CLI汇总.sqlite' }).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(refused).toContain('2 个单位文件不在数据文件夹中');
      expect(refused).toContain(`甲单位:${path.join(elsewhere, 'a.sqlite')}`);
      expect(refused).toContain(`乙单位:${path.join(elsewhere, 'b.sqlite')}`);
      expect(refused).toContain('请把它们复制到数据文件夹');
    } finally {
      host.close();
    }
  });

  it('re-汇总s a 汇总 made in the app from the data folder as before', async () => {
    const host = core();
    try {
      expect(await host.consolidationRecord({ out: '应用汇总.sqlite' })).toMatchObject({ files: ['a.sqlite', 'b.sqlite'], unitName: '主管部门', changed: [] });
    } finally {
      host.close();
    }
  });
});

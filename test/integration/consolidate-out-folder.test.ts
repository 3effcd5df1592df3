/**
 * `consolidate --out 汇总/2025汇总.sqlite` into a folder that does not exist yet: `new` makes the
 * folder, so the 汇总 does too. Before, --confirm ended in "无法打开年度文件 …/..2025汇总.sqlite.PID.building.creating-PID".
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { writeUnitFiles } from '../fixtures/unit-files';
import { tempDir } from '../helpers/temp';

describe('the 汇总 written into a new folder', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('makes the folder and writes the 汇总 there', async () => {
    const units = path.join(temp.dir, '单位');
    await writeUnitFiles(units, [{ file: 'a.sqlite', unitName: '甲', unitCode: '1', tables: { 公开02表: { '2010301': { '2': '1.0001' } } } }]);
    const out = path.join(temp.dir, '汇总', '2023汇总.sqlite');
    writeConsolidation(out, await planConsolidation({ files: ['a.sqlite'], resolve: (file) => path.join(units, file), unitName: '主管部门', adjust: 'none' }));
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['2023汇总.sqlite']);
  });
});

/** A 2025 year file uses the 2024 增补 (财预〔2024〕22号) and 财预〔2025〕41号 changes; a 2023 file does not. */
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

describe('a 2025 year with the 2024/2025 catalog changes in use', () => {
  it('takes the new codes, asks for the name of a code the notice lists unnamed, and validates the new rows without findings', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '单位' });
    await core.createYear({ file: '2023.sqlite', fiscalYear: 2023, unitName: '单位' });

    // 2111101 has no sourced name: the clerk supplies it.
    await expect(core.edit({ file: '2025.sqlite', addCodes: [{ table: '公开02表', code: '2111101' }] })).rejects.toThrow(
      '公开02表:科目代码 2111101 是有效的科目代码,内置科目表尚无其名称(名称待核);请填写科目名称,或先导入本年度官方科目表',
    );
    await expect(core.edit({ file: '2023.sqlite', addCodes: [{ table: '公开02表', code: '2300412' }] })).rejects.toThrow(/2300412 不在本年度功能分类科目表中/);
    await expect(core.edit({ file: '2023.sqlite', addCodes: [{ table: '公开02表', code: '2170404' }] })).rejects.toThrow(/2170404 不在本年度功能分类科目表中/);
    // Codes seen in real imports with no name in any source (definitions edition 3): valid in every year, name 待核.
    await expect(core.edit({ file: '2023.sqlite', addCodes: [{ table: '公开02表', code: '2010607' }] })).rejects.toThrow(/2010607 是有效的科目代码.*名称待核/);
    await core.edit({ file: '2023.sqlite', addCodes: [{ table: '公开02表', code: '2240299', name: '其他消防救援事务支出' }] });

    await core.edit({
      file: '2025.sqlite',
      addCodes: [
        { table: '公开02表', code: '2010305' },
        { table: '公开02表', code: '2111101', name: '经办人填写的名称' },
        // Named by 财预〔2025〕41号 (definitions edition 4): taken without a name.
        { table: '公开02表', code: '2170404' },
        { table: '公开03表', code: '2010305' },
        { table: '公开03表', code: '2111101', name: '经办人填写的名称' },
        { table: '公开03表', code: '2170404' },
      ],
      cells: [
        { table: '公开02表', row: '2010305', col: '2', value: '12.5' },
        { table: '公开02表', row: '2111101', col: '2', value: '3' },
        { table: '公开02表', row: '2170404', col: '2', value: '1' },
        { table: '公开03表', row: '2010305', col: '2', value: '12.5' },
        { table: '公开03表', row: '2111101', col: '3', value: '3' },
        { table: '公开03表', row: '2170404', col: '3', value: '1' },
      ],
    });
    const view = await core.getTable({ file: '2025.sqlite', table: '公开02表' });
    const label = (row: string) => view.rows.find((r) => r.row === row)?.label ?? '';
    expect(label('2010305')).toContain('专项业务活动');
    expect(label('2111101')).toContain('经办人填写的名称');
    expect(label('2170404')).toContain('中央金融机构注资特别国债支出');
    expect(view.rows.find((r) => r.row === '合计')!.cells['2']).toBe('16.50');
    const findings = (await core.validate({ file: '2025.sqlite' })).findings;
    // A half-filled year leaves cross-table (R-X) findings on the new rows; none says a code is unknown.
    const onNewRows = findings.filter((f) => ['2010305', '2111101', '2170404'].includes(f.row));
    expect(onNewRows.length).toBeGreaterThan(0);
    expect(onNewRows.filter((f) => !f.rule.startsWith('R-X'))).toEqual([]);
    // Only the 款 above 2111101 and 2170404 are said to lack a name (no source we hold names 21111 or 21704).
    expect(findings.filter((f) => /科目表/.test(f.message)).map((f) => `${f.rule} ${f.table} ${f.row}`)).toEqual([
      'R-I03 公开02表 21111',
      'R-I03 公开02表 21704',
      'R-I03 公开03表 21111',
      'R-I03 公开03表 21704',
    ]);
    expect((await core.openYear({ file: '2025.sqlite' })).tables['公开02表'].names).toEqual({ '2111101': '经办人填写的名称' });
    core.close();
  });

  it('labels the 款 row of 2300412 “政府性基金转移支付” in a new file (edition 5); an edition-4 file keeps it blank', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: 'new.sqlite', fiscalYear: 2024, unitName: '单位' });
    await core.createYear({ file: 'e4.sqlite', fiscalYear: 2024, unitName: '单位' });
    core.close();
    const db = new Database(path.join(temp.dir, 'e4.sqlite'));
    db.prepare("UPDATE meta SET value = '4' WHERE key = 'definitions_edition'").run();
    db.close();

    const reopened = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    const labels = async (file: string) => {
      await reopened.edit({ file, addCodes: [{ table: '公开02表', code: '2300412' }], cells: [{ table: '公开02表', row: '2300412', col: '2', value: '5' }] });
      const view = await reopened.getTable({ file, table: '公开02表' });
      return Object.fromEntries(['23004', '2300412'].map((row) => [row, view.rows.find((r) => r.row === row)?.label]));
    };
    expect(await labels('new.sqlite')).toEqual({ '23004': '政府性基金转移支付', '2300412': '自然资源海洋气象等' });
    expect(await labels('e4.sqlite')).toEqual({ '23004': '', '2300412': '自然资源海洋气象等' });
    reopened.close();
  });
});

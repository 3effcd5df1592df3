/**
 * A year file records the definitions edition it was created with. One made by a newer 决算通 (a later
 * edition: 科目 or rules this program does not know) is refused by name, like a newer schema, and left
 * byte for byte as it was: read with older definitions its codes and findings would mean something else,
 * and an edit would mix the two.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentEdition } from '../../shared/catalog';
import { createCore, inDataDir } from '../../electron/core/core';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(path.join(temp.dir, file))).digest('hex');

describe('a year file of a newer definitions edition', () => {
  it('is refused for opening, editing, checking and as last year, and stays untouched', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '单位' });
    await core.edit({ file: '2025.sqlite', cells: [{ table: '公开01表', row: '28', col: '1', value: '1' }] });
    core.close();
    const newer = currentEdition() + 1;
    const db = new Database(path.join(temp.dir, '2025.sqlite'));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'definitions_edition'").run(String(newer));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = digest('2025.sqlite');

    const again = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    const refusal = `此年度文件由更新版本的决算通创建(定义版本 ${newer},本软件支持到 ${currentEdition()}),请升级决算通后再打开`;
    await expect(again.openYear({ file: '2025.sqlite' })).rejects.toThrow(refusal);
    await expect(again.edit({ file: '2025.sqlite', cells: [{ table: '公开01表', row: '28', col: '1', value: '2' }] })).rejects.toThrow(refusal);
    await expect(again.validate({ file: '2025.sqlite' })).rejects.toThrow(refusal);
    await expect(again.createYear({ file: '2026.sqlite', fiscalYear: 2026, unitName: '单位', baselineFrom: '2025.sqlite' })).rejects.toThrow(refusal);
    expect(fs.existsSync(path.join(temp.dir, '2026.sqlite'))).toBe(false);
    // The start page still lists it, with the edition it records.
    expect((await again.listYears({})).find((year) => year.file === '2025.sqlite')?.definitionsEdition).toBe(newer);
    again.close();
    expect(digest('2025.sqlite')).toBe(before);
  });

  it('refuses an edition that is no number as a damaged file', async () => {
    const core = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await core.createYear({ file: '2025.sqlite', fiscalYear: 2025, unitName: '单位' });
    core.close();
    const db = new Database(path.join(temp.dir, '2025.sqlite'));
    db.prepare("UPDATE meta SET value = 'x' WHERE key = 'definitions_edition'").run();
    db.close();
    const again = createCore({ resolveFile: inDataDir(temp.dir), dataDir: temp.dir });
    await expect(again.openYear({ file: '2025.sqlite' })).rejects.toThrow('年度文件已损坏(定义版本“x”无效)');
    again.close();
  });
});

/**
 * A year file from elsewhere may hold anything SQLite allows in its cells table. Opening it reads every
 * table in one pass (issue 18) and still refuses any cell it cannot compute with, naming the cell,
 * while a file whose cells are all valid opens with them exact.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract';
import { createCore } from '../../electron/core/core';
import { YearStore } from '../../electron/core/store';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

/** A valid year file with two cells, then `plant` run on its database directly. */
async function yearWith(plant: (db: Database.Database) => void): Promise<string> {
  const core = createCore({ resolveFile: (file) => path.resolve(temp.dir, file) });
  await core.createYear({ file: 'y.sqlite', fiscalYear: 2023, unitName: '测试单位' });
  await core.setCells({ file: 'y.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '12.34' }, { table: '公开04表', row: '1', col: '1', value: '-710.8078' }] });
  core.close();
  const file = path.join(temp.dir, 'y.sqlite');
  const db = new Database(file);
  plant(db);
  db.close();
  return file;
}

function refusal(file: string): string {
  const store = YearStore.open(file);
  try {
    store.loadInputs();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('unreadable');
    return (error as ApiError).message;
  } finally {
    store.close();
  }
  throw new Error('the file was not refused');
}

const insert = (table: unknown, row: unknown, col: unknown, value: unknown) => (db: Database.Database) =>
  db.prepare('INSERT INTO cells (table_id, row_key, col, value) VALUES (?, ?, ?, ?)').run(table, row, col, value);

describe('opening a year file with cells it cannot hold', () => {
  it('reads a valid file exactly', async () => {
    const store = YearStore.open(await yearWith(() => undefined));
    const inputs = store.loadInputs();
    store.close();
    expect(inputs['公开01表'].cells.get('28|1')).toBe(123_400);
    expect(inputs['公开04表'].cells.get('1|1')).toBe(-7_108_078);
  });

  it.each([
    ['text that is no number', insert('公开01表', '30', '1', 'abc'), '“abc”'],
    ['a fraction of the smallest unit', insert('公开01表', '30', '1', 1.5), '“1.5”'],
    ['an amount beyond 1 亿万元', insert('公开02表', '2010101', '1', 2e12), '“2000000000000”'],
    ['bytes', insert('公开01表', '30', '1', Buffer.from('12')), '公开01表 30 第 1 栏'],
    ['a row key with the record separator', insert('公开01表', '3\x1e0', '1', 5), '公开01表 3\x1e0'],
    ['a column with the unit separator', insert('公开01表', '30', '1\x1f', 5), '第 1\x1f 栏'],
    ['a table id that is no text', insert(Buffer.from('公开01表'), '30', '1', 5), '公开01表 30 第 1 栏'],
    ['a row key that is bytes', insert('公开01表', Buffer.from('30'), '1', 5), '公开01表 30 第 1 栏'],
    ['a column that is bytes', insert('公开01表', '30', Buffer.from('1'), 5), '公开01表 30 第 1 栏'],
    [
      'amounts whose sum overflows 64 bits',
      (db: Database.Database) => ['30', '2', '3'].forEach((row) => insert('公开01表', row, '1', 9_000_000_000_000_000_000n)(db)),
      '“9000000000000000000”',
    ],
  ])('refuses %s, naming the cell', async (_, plant, named) => {
    const message = refusal(await yearWith(plant));
    expect(message).toContain('年度文件已损坏');
    expect(message).toContain(named);
  });
});

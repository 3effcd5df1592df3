/**
 * Opening a year for editing forgets the printed totals its details reproduce (an older import kept
 * them all). That is tidying, not the clerk's edit: where the file cannot be written (a read-only
 * folder, a full disk) the year still opens to be viewed and exported, the printed totals as they are.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { parseAmount } from '../../shared/money';
import { seed002Edits } from '../fixtures/xlsx/helpers';
import { smallDisk, type SmallDisk } from '../helpers/small-disk';

describe('a year with reproduced printed totals in a folder that cannot be written', () => {
  let disk: SmallDisk | { unavailable: string };
  beforeAll(() => {
    disk = smallDisk(4);
  });
  afterAll(() => {
    if ('dir' in disk) disk.cleanup();
  });

  it('opens for viewing and export in a read-only folder or on a full disk, printed totals kept; tidied once it can be written', async (context) => {
    if (!('dir' in disk)) return context.skip(disk.unavailable);
    const file = path.join(disk.dir, 'older.sqlite');
    const core = createCore({ resolveFile: (name) => name });
    await core.createYear({ file, fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', unitCode: '158001' });
    await core.edit({ file, cells: seed002Edits() });
    core.close();
    // As an import of the previous release stored them: one total its details reproduce, one typo.
    const db = new Database(file);
    const insert = db.prepare('INSERT INTO printed_cells (table_id, row_key, col, value) VALUES (?, ?, ?, ?)');
    insert.run('公开01表', '62', '2', parseAmount('3383.80'));
    insert.run('公开02表', '201', '1', parseAmount('338.38'));
    db.close();

    disk.readOnly(true);
    try {
      const reader = createCore({ resolveFile: (name) => name });
      const snapshot = await reader.openYear({ file });
      expect(snapshot.info.unitName).toBe('荆门市行政审批局(本级)');
      expect(snapshot.readOnly).toBe('文件夹只读,只能查看和导出');
      expect(snapshot.printed).toEqual({ 公开01表: { '62|2': '3383.80' }, 公开02表: { '201|1': '338.38' } });
      expect((await reader.exportWorkbook({ file, draft: true })).dataBase64.length).toBeGreaterThan(0);
      const edit = await reader.setCells({ file, edits: [{ table: '公开01表', row: '28', col: '1', value: '1' }] }).catch((error: Error) => error);
      expect((edit as Error).message).toBe('文件夹只读,只能查看和导出');
      reader.close();
    } finally {
      disk.readOnly(false);
    }

    // A full disk: the year opens all the same; with room again, opening tidies the reproduced total.
    disk.fill();
    try {
      const full = createCore({ resolveFile: (name) => name });
      expect((await full.openYear({ file })).printed).toEqual({ 公开01表: { '62|2': '3383.80' }, 公开02表: { '201|1': '338.38' } });
      full.close();
    } finally {
      disk.unfill();
    }
    const roomy = createCore({ resolveFile: (name) => name });
    expect((await roomy.openYear({ file })).printed).toEqual({ 公开02表: { '201|1': '338.38' } });
    roomy.close();
  });
});

/**
 * `import --in X.sqlite` takes a year file as its source. While the app has that file open (or a
 * program that ended abruptly left it so), its acknowledged edits are in the write-ahead log beside
 * it, not yet in the main file: the import must read them too, as validate and 汇总 do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const temp = tempDir('juesuan-cli-import-wal-');
afterAll(() => temp.cleanup());

const amountIn = async (file: string) => {
  const reader = createCore({ resolveFile: (name) => name });
  try {
    return (await reader.getTable({ file, table: '公开01表' })).rows.find((row) => row.row === '28')?.cells['1'];
  } finally {
    reader.close();
  }
};

it('import from a year file open for editing elsewhere brings the edits still in its log', async () => {
  const source = path.join(temp.dir, '2025-编辑中.sqlite');
  const editor = createCore({ resolveFile: (name) => name, editor: '决算通浏览器模式' });
  try {
    await editor.createYear({ file: source, fiscalYear: 2025, unitName: '编辑中的单位', unitCode: '777001' });
    await editor.edit({ file: source, cells: [{ table: '公开01表', row: '28', col: '1', value: '5.00' }] });
    // Acknowledged and still open in the editor: the edit is in the log, not yet in the main file.
    expect(fs.statSync(`${source}-wal`).size).toBeGreaterThan(0);

    const created = path.join(temp.dir, 'new.sqlite');
    const intoNew = runCli('import', '--file', created, '--in', source, '--year', '2025');
    expect(intoNew.err).toBe('');
    expect(intoNew.code).toBe(0);
    expect(await amountIn(created)).toBe('5.00');

    // As a program that ended abruptly leaves it: the file with its log, no one editing; into an existing year file.
    const left = path.join(temp.dir, '2025-留下的.sqlite');
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(source + suffix, left + suffix);
    await editor.edit({ file: source, cells: [{ table: '公开01表', row: '28', col: '1', value: '7.00' }] });
    const existing = path.join(temp.dir, 'existing.sqlite');
    await editor.createYear({ file: existing, fiscalYear: 2025, unitName: '编辑中的单位' });
    editor.close();
    const intoExisting = runCli('import', '--file', existing, '--in', left);
    expect(intoExisting.code).toBe(0);
    expect(await amountIn(existing)).toBe('5.00');
  } finally {
    editor.close();
  }
});

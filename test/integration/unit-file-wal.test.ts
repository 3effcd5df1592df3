/**
 * A year file another program has open for editing (the app, here a second core in this process)
 * holds its latest acknowledged edits in its write-ahead log until that program closes it. Batch
 * 审核 (`validate`) and 汇总 read unit files from their bytes; they must read those edits too, not
 * the file as it was before them (README: 查看、审核和导出不受锁影响).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation } from '../../electron/core/consolidate';
import { validateFiles } from '../../electron/core/validate-files';
import { tempDir } from '../helpers/temp';

describe('a unit file open for editing elsewhere', () => {
  const temp = tempDir('juesuan-unit-wal-');
  afterAll(() => temp.cleanup());

  it('is audited, consolidated and taken as last year with the edits its editor has acknowledged', async () => {
    const file = path.join(temp.dir, '2023-单位.sqlite');
    const editor = createCore({ resolveFile: (name) => name, editor: '决算通浏览器模式' });
    try {
      await editor.createYear({ file, fiscalYear: 2023, unitName: '编辑中的单位', unitCode: '777001' });
      const clean = await validateFiles([file], { jobs: 0 });
      expect(clean[0].errors).toBe(0);
      // Acknowledged, still open in the editor: the edit is in the WAL, not yet in the main file.
      await editor.edit({ file, cells: [{ table: '公开01表', row: '28', col: '1', value: '5.00' }] });
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

      const [report] = await validateFiles([file], { jobs: 0 });
      expect(report.error).toBeUndefined();
      expect(report.findings.some((finding) => finding.rule === 'R-B03' && finding.table === '公开01表')).toBe(true);

      const consolidation = await planConsolidation({ files: [file], resolve: (name) => name, unitName: '主管部门', adjust: 'none', jobs: 0 });
      expect(consolidation.unitInputs[0]['公开01表'].cells.get('28|1')).toBe(50_000);

      // As a program that ended abruptly leaves it: the file with its log (and shared-memory index), no one editing.
      const left = path.join(temp.dir, '2023-留下的.sqlite');
      for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(file + suffix, left + suffix);
      const [leftReport] = await validateFiles([left], { jobs: 0 });
      expect(leftReport.findings.some((finding) => finding.rule === 'R-B03')).toBe(true);

      // Another program starting next year from it takes the acknowledged edit as 上年数 too.
      const other = createCore({ resolveFile: (name) => name });
      try {
        const next = path.join(temp.dir, '2024-单位.sqlite');
        await other.createYear({ file: next, fiscalYear: 2024, unitName: '编辑中的单位', baselineFrom: file });
        expect((await other.openYear({ file: next })).baseline?.['公开01表']?.['28|1']).toBe('5.00');
      } finally {
        other.close();
      }

      // The editor still has the file, untouched by the readers, and goes on editing it.
      await editor.edit({ file, cells: [{ table: '公开01表', row: '28', col: '1', value: '6.00' }] });
      expect((await editor.getTable({ file, table: '公开01表' })).rows.find((row) => row.row === '28')?.cells['1']).toBe('6.00');
    } finally {
      editor.close();
    }
  });
});

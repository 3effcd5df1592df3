/**
 * A department's folder holds its units' files and their 汇总. The 汇总 often carries the 本级's unit
 * code: it is the department, not a second file of the 本级, so batch 审核 does not call them
 * duplicates (X-重复单位 was an error on both). Two 汇总 of one code still are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { validateFiles } from '../../electron/core/validate-files';
import { writeUnitFiles } from '../fixtures/unit-files';
import { tempDir } from '../helpers/temp';

describe('batch 审核 of units and their 汇总', () => {
  const temp = tempDir();
  const at = (name: string) => path.join(temp.dir, name);

  beforeAll(async () => {
    const cells = { 公开01表: { '28': { '1': '1.00' } } };
    await writeUnitFiles(temp.dir, [
      { file: 'a.sqlite', unitName: '某局(本级)', unitCode: '901001', tables: cells },
      { file: 'b.sqlite', unitName: '某中心', unitCode: '901002', tables: cells },
    ]);
    const consolidation = await planConsolidation({ files: ['a.sqlite', 'b.sqlite'], resolve: at, unitName: '某局', unitCode: '901001', adjust: 'none' });
    writeConsolidation(at('汇总.sqlite'), consolidation);
    writeConsolidation(at('汇总副本.sqlite'), consolidation);
  });
  afterAll(() => temp.cleanup());

  it('flags two 汇总 of one code, never a 汇总 against its 本级', async () => {
    expect(fs.existsSync(at('汇总副本.sqlite'))).toBe(true);
    const reports = await validateFiles([temp.dir], { jobs: 0 });
    const duplicates = Object.fromEntries(reports.map((report) => [path.basename(report.file), report.findings.filter((finding) => finding.rule === 'X-重复单位').map((finding) => finding.message)]));
    expect(duplicates).toEqual({
      'a.sqlite': [],
      'b.sqlite': [],
      '汇总.sqlite': ['单位编码 901001 与 汇总副本.sqlite 重复'],
      '汇总副本.sqlite': ['单位编码 901001 与 汇总.sqlite 重复'],
    });
  });

  it('compares a 汇总’s 上年数 with last year’s 汇总, not with the 本级 of the same code', async () => {
    const last = path.join(temp.dir, '报送', '2023');
    const now = path.join(temp.dir, '报送', '2024');
    const cells = (amount: string) => ({ 公开01表: { '28': { '1': amount } } });
    await writeUnitFiles(last, [
      { file: 'a.sqlite', unitName: '某局(本级)', unitCode: '901001', fiscalYear: 2023, tables: cells('1.00') },
      { file: 'b.sqlite', unitName: '某中心', unitCode: '901002', fiscalYear: 2023, tables: cells('2.00') },
    ]);
    await writeUnitFiles(now, [
      { file: 'a.sqlite', unitName: '某局(本级)', unitCode: '901001', fiscalYear: 2024, tables: cells('1.00') },
      { file: 'b.sqlite', unitName: '某中心', unitCode: '901002', fiscalYear: 2024, tables: cells('2.00') },
    ]);
    const department = (folder: string) => ({ resolve: (name: string) => path.join(folder, name), unitName: '某局', unitCode: '901001', adjust: 'none' as const });
    writeConsolidation(path.join(last, '汇总.sqlite'), await planConsolidation({ files: ['a.sqlite', 'b.sqlite'], ...department(last) }));
    writeConsolidation(path.join(now, '汇总.sqlite'), await planConsolidation({ files: ['a.sqlite', 'b.sqlite'], ...department(now) }));
    const core = createCore({ resolveFile: (name) => path.join(now, name) });
    try {
      const bytes = fs.readFileSync(path.join(last, '汇总.sqlite'));
      await core.importWorkbook({ file: '汇总.sqlite', name: '2023汇总.sqlite', dataBase64: bytes.toString('base64'), baseline: true });
    } finally {
      core.close();
    }
    const reports = await validateFiles([now], { jobs: 0 });
    const summed = reports.find((report) => path.basename(report.file) === '汇总.sqlite')!;
    expect(summed.findings.filter((finding) => finding.rule.startsWith('X-'))).toEqual([]);
  });
});

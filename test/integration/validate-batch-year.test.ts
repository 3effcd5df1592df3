/**
 * Batch 审核 of a folder where one unit sent last year's file and a 四川 unit was dropped in by
 * mistake: each passes its own 审核, so before the check across files both came out 通过.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { validateFiles } from '../../electron/core/validate-files';
import { reportWorkbook } from '../../electron/core/validate-report';
import { tempDir } from '../helpers/temp';

describe('batch 审核: a file of another year or 表样 than its folder', () => {
  const temp = tempDir();
  const at = (file: string) => path.join(temp.dir, file);

  beforeAll(async () => {
    const core = createCore({ resolveFile: at });
    try {
      for (const folder of ['报送/2025', '报送', '2019/报送']) {
        await core.createYear({ file: `${folder}/甲.sqlite`, fiscalYear: 2025, unitName: '甲单位', unitCode: '101' });
        await core.createYear({ file: `${folder}/乙.sqlite`, fiscalYear: 2025, unitName: '乙单位', unitCode: '102' });
        await core.createYear({ file: `${folder}/丙.sqlite`, fiscalYear: 2024, unitName: '丙单位', unitCode: '103' });
        await core.createYear({ file: `${folder}/丁.sqlite`, fiscalYear: 2025, unitName: '丁单位', unitCode: '104', template: '四川14' });
      }
    } finally {
      core.close();
    }
  });
  afterAll(() => temp.cleanup());

  const findingsOf = async (folder: string) => {
    const reports = await validateFiles([at(folder)], { jobs: 0 });
    return (name: string) => reports.find((report) => report.unitName === name)!.findings.filter((finding) => finding.rule.startsWith('X-'));
  };

  it('flags the file whose year is not its year folder’s, and the 表样 most files do not have', async () => {
    const of = await findingsOf('报送/2025');
    expect(of('丙单位')).toEqual([expect.objectContaining({ rule: 'X-年度', severity: 'error', message: '文件在 2025 年度的文件夹中,却是 2024 年度的年度文件:请核实是否报错了年度的文件' })]);
    expect(of('丁单位')).toEqual([expect.objectContaining({ rule: 'X-表样', severity: 'warning', message: '表样为四川14表,其他文件多为9表:请核实是否本地区的单位、是否选错了表样' })]);
    expect([...of('甲单位'), ...of('乙单位')]).toEqual([]);
  });

  it('compares with the year most files have when the folder names none', async () => {
    const of = await findingsOf('报送');
    expect(of('丙单位').map((finding) => finding.message)).toEqual(['年度为 2024,其他文件多为 2025 年度:请核实是否报错了年度的文件']);
  });

  it('takes a year in the path as the year folder only when some file there has that year (D:\\2019\\报送\\ holds 2025 files)', async () => {
    const of = await findingsOf('2019/报送');
    expect(of('甲单位')).toEqual([]);
    expect(of('丙单位').map((finding) => finding.message)).toEqual(['年度为 2024,其他文件多为 2025 年度:请核实是否报错了年度的文件']);
  });

  it('gives an unreadable file’s long verdict the lines it needs in the report workbook (printed, it ran over the next unit)', async () => {
    fs.writeFileSync(at('报送/2025/损坏.sqlite'), Buffer.alloc(4096, 7));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportWorkbook(await validateFiles([at('报送/2025')], { jobs: 0 }))) as unknown as ExcelJS.Buffer);
    const first = book.getWorksheet('单位汇总')!.getRow(2);
    expect(String(first.getCell(10).value)).toMatch(/^无法读取:/);
    expect(first.height).toBeGreaterThanOrEqual(30);
  });
});

/**
 * Batch 审核's 情况说明数字一致 / 原因齐全 on real year files: three units of seed 002 with last year's
 * file as their baseline. 甲 wrote every reason the 情况说明 asks for, 乙 too but restated the increase
 * of its 收、支总计 wrongly, 丙 wrote none. The CLI's JSON and its .xlsx report (read back) say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { seed002Doc } from '../fixtures/seed-002';
import { SEED_002_REPORT_INPUTS, seed002LastYearDoc } from '../fixtures/seed-002-last-year';
import { runCli as cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

interface Report {
  file: string;
  unitName: string;
  findings: { rule: string; row: string; message: string }[];
  narrative?: { reasonsMissing: number; figuresDisagreeing: number };
}

describe('batch 审核: 情况说明数字一致 / 原因齐全', () => {
  const temp = tempDir();
  const units = path.join(temp.dir, '报送');
  let asked: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(units);
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    try {
      await core.createYear({ file: '2022.sqlite', fiscalYear: 2022, unitName: '上年' });
      await core.load({ file: '2022.sqlite', doc: seed002LastYearDoc() });
      // Closed so that its WAL is folded into the file before its bytes are read.
      core.close();
      const lastYear = fs.readFileSync(path.join(temp.dir, '2022.sqlite')).toString('base64');
      for (const [name, code] of [
        ['甲', '201'],
        ['乙', '202'],
        ['丙', '203'],
      ]) {
        const file = `报送/${name}.sqlite`;
        await core.createYear({ file, fiscalYear: 2023, unitName: `${name}单位`, unitCode: code });
        await core.load({ file, doc: { ...seed002Doc(), unit: { name: `${name}单位`, code } } });
        await core.setFormRegion({ file, region: '荆门' });
        await core.setSupplementary({ file, values: SEED_002_REPORT_INPUTS });
        await core.importWorkbook({ file, name: '2022.sqlite', dataBase64: lastYear, baseline: true });
      }
      asked = (await core.validate({ file: '报送/丙.sqlite' })).findings.filter((finding) => finding.rule === 'P-05').map((finding) => finding.row);
      for (const name of ['甲', '乙']) {
        for (const key of asked) await core.setReportText({ file: `报送/${name}.sqlite`, key: `reason.${key}`, text: '业务量增加,按规定调整支出。' });
        // The seed's 收、支总计 rose by 1,210.52 万元 (55.70%): 甲 restates it right, 乙 transposes two digits.
        const increase = name === '甲' ? '1,210.52' : '1,210.25';
        await core.setReportText({ file: `报送/${name}.sqlite`, key: 'reason.total', text: `收支总计增加${increase}万元,增长55.70%,主要是办公地点搬迁。` });
      }
    } finally {
      core.close();
    }
  });
  afterAll(() => temp.cleanup());

  it('counts missing reasons and disagreeing numbers per unit, in the JSON and in the .xlsx report', async () => {
    expect(asked).toContain('total');
    expect(asked.length).toBeGreaterThan(1);
    const workbookFile = path.join(temp.dir, '审核汇总.xlsx');
    const result = cli('validate', units, '--report', workbookFile, '--jobs', '2', '--json');
    expect(result.err).toBe('');
    const reports = JSON.parse(result.out).files as Report[];
    const of = (name: string) => reports.find((report) => report.unitName === `${name}单位`)!;
    expect(of('甲').narrative).toEqual({ reasonsMissing: 0, figuresDisagreeing: 0 });
    expect(of('乙').narrative).toEqual({ reasonsMissing: 0, figuresDisagreeing: 1 });
    expect(of('丙').narrative).toEqual({ reasonsMissing: asked.length, figuresDisagreeing: 0 });
    const p06 = of('乙').findings.find((finding) => finding.rule === 'P-06')!;
    expect(p06.row).toBe('total');
    expect(p06.message).toContain('1,210.25万元(表格计算为 1,210.52万元)');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookFile);
    const sheet = workbook.getWorksheet('单位汇总')!;
    const header = sheet.getRow(1).values as unknown[];
    expect(header).toEqual([undefined, '文件', '单位名称', '单位编码', '年度', '错误', '警告', '未说明的警告', '情况说明数字一致', '原因齐全', '结论']);
    const rows = Object.fromEntries(sheet.getRows(2, 3)!.map((row) => [row.getCell(2).value, [row.getCell(8).value, row.getCell(9).value]]));
    expect(rows).toEqual({
      甲单位: ['是', '是'],
      乙单位: ['否(1 处)', '是'],
      丙单位: ['是', `否(${asked.length} 处)`],
    });
    // The findings behind the columns are in the findings sheet, placed at the 情况说明 sentence.
    const findings = workbook.getWorksheet('审核明细')!;
    const placed = findings.getRows(2, findings.rowCount - 1)!.filter((row) => row.getCell(6).value === 'P-06');
    expect(placed.map((row) => [row.getCell(2).value, row.getCell(3).value, row.getCell(4).value])).toEqual([['乙单位', '情况说明', 'total']]);
  });

  it('says the same in the plain-text summary', () => {
    const result = cli('validate', path.join(units, '乙.sqlite'));
    expect(result.out).toContain('情况说明数字一致:否(1 处),原因齐全:是');
  });
});

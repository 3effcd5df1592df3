import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { validateFiles } from '../../electron/core/validate-files';
import { seed002Doc } from '../fixtures/seed-002';
import { runCli as cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/**
 * A 财政局's folder: 提交/2023/ as submitted last year, 提交/2024/ this year. 甲's 上年数 came from its
 * 2023 file; 乙's 2023 file was changed after 乙 took its 上年数; 丙 claims 甲's unit code.
 */
describe('batch 审核 of a folder', () => {
  const temp = tempDir();
  const lastYear = path.join(temp.dir, '提交', '2023');
  const thisYear = path.join(temp.dir, '提交', '2024');

  beforeAll(async () => {
    fs.mkdirSync(lastYear, { recursive: true });
    fs.mkdirSync(thisYear, { recursive: true });
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, '提交', file) });
    try {
      for (const [file, name, code] of [
        ['甲.sqlite', '甲单位', '101'],
        ['乙.sqlite', '乙单位', '102'],
      ]) {
        await core.createYear({ file: `2023/${file}`, fiscalYear: 2023, unitName: name, unitCode: code });
        await core.load({ file: `2023/${file}`, doc: { ...seed002Doc(), unit: { name, code } } });
        await core.createYear({ file: `2024/${file}`, fiscalYear: 2024, unitName: name, unitCode: code, baselineFrom: `2023/${file}` });
      }
      await core.setCells({ file: '2023/乙.sqlite', edits: [{ table: '公开02表', row: '2010301', col: '2', value: '20.00' }] });
      await core.createYear({ file: '2024/丙.sqlite', fiscalYear: 2024, unitName: '丙单位', unitCode: '101' });
      await core.setCells({ file: '2024/丙.sqlite', edits: [{ table: '公开01表', row: '59', col: '2', value: '5' }] });
    } finally {
      core.close();
    }
  });
  afterAll(() => temp.cleanup());

  it('summarises every unit, checks across files and writes the report workbook', async () => {
    const report = path.join(temp.dir, '审核汇总.xlsx');
    const result = cli('validate', thisYear, '--report', report, '--jobs', '2', '--json');
    expect(result.code, result.err).toBe(1);
    const files = JSON.parse(result.out).files as { file: string; unitName: string; fiscalYear: number; errors: number; findings: { rule: string; message: string }[] }[];
    expect(files.map((file) => [path.basename(file.file), file.unitName, file.fiscalYear])).toEqual([
      ['丙.sqlite', '丙单位', 2024],
      ['乙.sqlite', '乙单位', 2024],
      ['甲.sqlite', '甲单位', 2024],
    ]);
    const rules = (name: string) => files.find((file) => file.unitName === name)!.findings.map((finding) => finding.rule);
    expect(rules('丙单位')).toEqual(expect.arrayContaining(['X-重复单位', 'R-B03']));
    expect(rules('甲单位')).toContain('X-重复单位');
    expect(rules('甲单位')).not.toContain('X-上年数');
    expect(rules('乙单位')).toContain('X-上年数');
    expect(files.find((file) => file.unitName === '乙单位')!.findings.find((f) => f.rule === 'X-上年数')!.message).toContain('公开02表');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report);
    const units = workbook.getWorksheet('单位汇总')!;
    expect(units.getRow(1).values).toEqual([undefined, '文件', '单位名称', '单位编码', '年度', '错误', '警告', '未说明的警告', '情况说明数字一致', '原因齐全', '结论']);
    expect(units.rowCount).toBe(4);
    // Worst first: 丙 has the most errors (its own imbalance and the duplicate code).
    expect(units.getRow(2).getCell(2).value).toBe('丙单位');
    expect(units.getRow(2).getCell(10).value).toBe('有错误,须退回修改');
    const findings = workbook.getWorksheet('审核明细')!;
    const all = files.reduce((sum, file) => sum + file.findings.length, 0);
    expect(findings.rowCount).toBe(all + 1);
    const b03 = findings.getRows(2, all)!.find((row) => row.getCell(6).value === 'R-B03')!;
    expect([b03.getCell(1).value, b03.getCell(3).value, b03.getCell(4).value, b03.getCell(5).value]).toEqual(['丙.sqlite', '公开01表', '31', '1']);
  });

  it('gives the same reports from worker threads as checked one by one', async () => {
    const inline = await validateFiles([thisYear, lastYear], { jobs: 0 });
    const parallel = await validateFiles([thisYear, lastYear], { jobs: 2 });
    expect(parallel).toEqual(inline);
    expect(inline).toHaveLength(5);
  });

  it('takes a workbook’s year from the workbook when its name has none', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, '提交', file) });
    const workbook = path.join(temp.dir, '本级报表.xlsx');
    try {
      fs.writeFileSync(workbook, Buffer.from((await core.exportWorkbook({ file: '2023/甲.sqlite' })).dataBase64, 'base64'));
    } finally {
      core.close();
    }
    const [report] = await validateFiles([workbook], { jobs: 0 });
    expect(report).toMatchObject({ fiscalYear: 2023, unitName: '甲单位' });
  });
});

describe('batch 审核 report of a regional year', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('names each finding’s table as the file prints it (表七, not 川07表)', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    try {
      await core.createYear({ file: 'sc.sqlite', fiscalYear: 2025, unitName: '青神县某局', template: '13' });
      // 表六 (公开05表) has a 基本支出 and 表七 (川07表) is empty: R-S01 warns on 表七.
      await core.setCells({ file: 'sc.sqlite', edits: [{ table: '公开05表', row: '2010301', col: '2', value: '12' }] });
    } finally {
      core.close();
    }
    const report = path.join(temp.dir, '审核汇总.xlsx');
    cli('validate', temp.dir, '--report', report);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report);
    const sheet = workbook.getWorksheet('审核明细')!;
    const tables = sheet.getRows(2, sheet.rowCount - 1)!.map((row) => String(row.getCell(3).value ?? ''));
    expect(tables).toContain('表七');
    expect(tables.filter((table) => /^(公开|川)\d\d表$/.test(table))).toEqual([]);
  });

  it('names the tables whose 上年数 differ from last year\'s file as the file prints them', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, '报送', file) });
    try {
      await core.createYear({ file: '2024/sc.sqlite', fiscalYear: 2024, unitName: '青神县某局', unitCode: '511', template: '13' });
      await core.setCells({ file: '2024/sc.sqlite', edits: [{ table: '川07表', row: '30101', col: '2', value: '12' }] });
      await core.createYear({ file: '2025/sc.sqlite', fiscalYear: 2025, unitName: '青神县某局', unitCode: '511', template: '13', baselineFrom: '2024/sc.sqlite' });
      // Last year's file changed after this year took its 上年数.
      await core.setCells({ file: '2024/sc.sqlite', edits: [{ table: '川07表', row: '30101', col: '2', value: '13' }] });
    } finally {
      core.close();
    }
    const [report] = await validateFiles([path.join(temp.dir, '报送', '2025')], { jobs: 0 });
    // Before: “不一致:川07表”.
    expect(report.findings.find((finding) => finding.rule === 'X-上年数')?.message).toMatch(/不一致:表七$/);
  });
});

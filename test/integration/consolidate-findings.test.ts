/**
 * A 汇总's errors on its summed (read-only) amounts say where the fix is made: the unit files that
 * fail the same check, each with its figure of the cell, then 按原汇总重新汇总; the 审核说明 sheet of
 * the exported workbook says the same. A unit's own file keeps "改正录入有误的一处"; a finding no unit
 * makes alone (the 汇总's 调整) lists the contributing units. Real year files, real workbook.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { auditYear } from '../../shared/audit';
import { pointToUnits, unitFixes, validateYear } from '../../shared/rules';
import { TABLES, YearModel, inputsFromDocs } from '../../shared/tables';
import { writeUnitFiles } from '../fixtures/unit-files';
import { tempDir } from '../helpers/temp';

describe('审核 of a 汇总 points at the unit files', () => {
  const temp = tempDir();
  const at = (name: string) => path.join(temp.dir, name);
  let core: ReturnType<typeof createCore>;

  beforeAll(async () => {
    // 甲 and 乙 report income (第28行) without expenditure, 丙 expenditure (第59行) without income: each fails R-B03 alone.
    await writeUnitFiles(temp.dir, [
      { file: 'a.sqlite', unitName: '荆门市行政审批局(本级)', unitCode: '158001', tables: { 公开01表: { '28': { '1': '12.00' } } } },
      { file: 'b.sqlite', unitName: '荆门市政务服务中心', unitCode: '158002', tables: { 公开01表: { '28': { '1': '3.00' } } } },
      { file: 'c.sqlite', unitName: '荆门市公共资源交易中心', unitCode: '158003', tables: { 公开01表: { '59': { '2': '5.00' } } } },
      { file: 'd.sqlite', unitName: '荆门市政务数据中心', unitCode: '158004', tables: {} },
    ]);
    writeConsolidation(at('汇总.sqlite'), await planConsolidation({ files: ['a.sqlite', 'b.sqlite', 'c.sqlite', 'd.sqlite'], resolve: at, unitName: '荆门市行政审批局', unitCode: '158', adjust: 'none' }));
    core = createCore({ resolveFile: at });
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  const balance = async (file: string) => (await core.validate({ file })).findings.find((finding) => finding.rule === 'R-B03')!;

  it('names the failing units with their figures instead of “改正录入有误的一处”', async () => {
    const finding = await balance('汇总.sqlite');
    expect(finding.message).toBe(
      '公开01表 第31行 收入总计 15.00 与 第62行 支出总计 5.00 不相等,相差 10.00。汇总数,请在单位文件中改正:荆门市行政审批局(本级) 12.00、荆门市政务服务中心 3.00、荆门市公共资源交易中心 0.00,改后按原汇总重新汇总',
    );
    expect(finding.fixIn).toEqual({
      failing: true,
      units: [
        { unitName: '荆门市行政审批局(本级)', file: 'a.sqlite', value: '12.00' },
        { unitName: '荆门市政务服务中心', file: 'b.sqlite', value: '3.00' },
        { unitName: '荆门市公共资源交易中心', file: 'c.sqlite', value: '0.00' },
      ],
    });
  });

  it('leaves a unit’s own file pointing at its cells', async () => {
    const finding = await balance('a.sqlite');
    expect(finding.message).toMatch(/请核对这两处数字,改正录入有误的一处$/);
    expect(finding.fixIn).toBeUndefined();
  });

  it('keeps the hint of a check on what the 汇总 owns (its 补充信息 is entered there)', async () => {
    await core.setSupplementary({ file: '汇总.sqlite', values: { 'gov_procurement.total': '10', 'gov_procurement.goods': '4', 'gov_procurement.works': '0', 'gov_procurement.services': '0' } });
    const own = (await core.validate({ file: '汇总.sqlite' })).findings.find((finding) => finding.rule === 'R-X23')!;
    expect(own).toMatchObject({ severity: 'error', table: '补充信息' });
    expect(own.message).toMatch(/请核对这两处数字,改正录入有误的一处$/);
    expect(own.fixIn).toBeUndefined();
    await core.setSupplementary({ file: '汇总.sqlite', values: { 'gov_procurement.total': null, 'gov_procurement.goods': null, 'gov_procurement.works': null, 'gov_procurement.services': null } });
  });

  it('refuses the final workbook of a 汇总 with errors, saying they are corrected in the unit files', async () => {
    await expect(core.exportWorkbook({ file: '汇总.sqlite' })).rejects.toThrow('审核还有 2 个错误,不能导出正式报表:请按审核面板所列在单位文件中改正,按原汇总重新汇总后再导出,或导出草稿');
    await expect(core.exportWorkbook({ file: 'a.sqlite' })).rejects.toThrow(/不能导出正式报表:请修正后再导出,或导出草稿$/);
  });

  it('says the same in the 审核说明 sheet of the exported workbook', async () => {
    const exported = await core.exportWorkbook({ file: '汇总.sqlite', draft: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const lines: string[] = [];
    book.getWorksheet('审核说明')!.eachRow((row) => lines.push(row.values.toString()));
    expect(lines.join('\n')).toContain('汇总数,请在单位文件中改正:荆门市行政审批局(本级) 12.00、荆门市政务服务中心 3.00、荆门市公共资源交易中心 0.00,改后按原汇总重新汇总');
    expect(lines.join('\n')).not.toContain('改正录入有误的一处');
  });

  it('lists the contributing units when no unit fails alone (the 汇总’s 调整 made the difference)', () => {
    // Two balanced units; the 汇总's figures lose 4.00 of income to an adjustment on one side only.
    const unit = (income: string) => new YearModel(TABLES, inputsFromDocs({ 公开01表: { cells: { '28': { '1': income }, '59': { '2': income } } } }), () => undefined);
    const units = [
      { unitName: '甲', file: 'a.sqlite', model: unit('10.00') },
      { unitName: '乙', file: 'b.sqlite', model: unit('6.00') },
    ];
    const summed = new YearModel(TABLES, inputsFromDocs({ 公开01表: { cells: { '28': { '1': '12.00' }, '59': { '2': '16.00' } } } }), () => undefined);
    const options = { template: '9' as const, fiscalYear: 2023 };
    const [finding] = pointToUnits(validateYear(summed, options).filter((f) => f.rule === 'R-B03'), (errors) => unitFixes(errors, units, options), options);
    expect(finding.fixIn).toEqual({ failing: false, units: [units[0], units[1]].map((u, i) => ({ unitName: u.unitName, file: u.file, value: ['10.00', '6.00'][i] })) });
    expect(finding.message).toContain('汇总数,各单位文件单独审核都没有此错误(由汇总的相加或调整造成),请核对调整或单位文件:甲 10.00、乙 6.00,改后按原汇总重新汇总');
  });

  it('names the units whose own check is an error, not those only within 尾数误差 (13 schools 0.0003 off hid the one 30.00 off)', () => {
    const unit = (income: string, expenditure: string) => new YearModel(TABLES, inputsFromDocs({ 公开01表: { cells: { '28': { '1': income }, '59': { '2': expenditure } } } }), () => undefined);
    const units = [
      { unitName: '甲', file: 'a.sqlite', model: unit('10.0000', '10.0003') },
      { unitName: '乙', file: 'b.sqlite', model: unit('6.0000', '36.0003') },
      { unitName: '丙', file: 'c.sqlite', model: unit('5.0000', '5.0003') },
    ];
    const summed = new YearModel(TABLES, inputsFromDocs({ 公开01表: { cells: { '28': { '1': '21.0000' }, '59': { '2': '51.0009' } } } }), () => undefined);
    const options = { template: '9' as const, fiscalYear: 2023 };
    expect(validateYear(units[0].model, options).find((f) => f.rule === 'R-B03')).toMatchObject({ severity: 'warning', rounding: true });
    const [finding] = pointToUnits(validateYear(summed, options).filter((f) => f.rule === 'R-B03'), (errors) => unitFixes(errors, units, options), options);
    expect(finding.fixIn).toEqual({ failing: true, units: [{ unitName: '乙', file: 'b.sqlite', value: '6.00' }] });
    expect(finding.message).toContain('汇总数,请在单位文件中改正:乙 6.00,改后按原汇总重新汇总');
  });

  it('hands the renderer where each error is fixed, not every unit’s figures; its 审核 words them as the core does', async () => {
    const { findings } = await core.validate({ file: '汇总.sqlite' });
    const snapshot = await core.openYear({ file: '汇总.sqlite' });
    try {
      expect(snapshot).not.toHaveProperty('unitFigures');
      expect(snapshot.unitFixes).toEqual(Object.fromEntries(findings.filter((finding) => finding.fixIn).map((finding) => [finding.key, finding.fixIn])));
      // The renderer's 审核 of the snapshot (use-year-store's audit): the same messages, pointed the same.
      const fixes = new Map(Object.entries(snapshot.unitFixes!));
      const model = new YearModel(TABLES, inputsFromDocs(snapshot.tables), () => undefined);
      const { template, fiscalYear, definitionsEdition: edition } = snapshot.info;
      const rendered = auditYear(model, { template, fiscalYear, edition, explanations: snapshot.explanations, forms: [], unitFixes: () => fixes });
      expect(rendered.map(({ key, message, fixIn }) => ({ key, message, fixIn }))).toEqual(findings.map(({ key, message, fixIn }) => ({ key, message, fixIn })));
    } finally {
      await core.closeYear({ file: '汇总.sqlite' });
    }
  });

  it('points a 汇总 made again in the same file at its new figures (what was worked out for the old one is not reused)', async () => {
    const again = path.join(temp.dir, 'again');
    const inAgain = (name: string) => path.join(again, name);
    const consolidateAgain = async (figure: string) => {
      await writeUnitFiles(again, [
        { file: 'a.sqlite', unitName: '甲', unitCode: '1', tables: { 公开01表: { '28': { '1': figure } } } },
        { file: 'b.sqlite', unitName: '乙', unitCode: '2', tables: {} },
      ]);
      writeConsolidation(inAgain('汇总.sqlite'), await planConsolidation({ files: ['a.sqlite', 'b.sqlite'], resolve: inAgain, unitName: '丙', adjust: 'none' }));
      const reader = createCore({ resolveFile: inAgain });
      try {
        return (await reader.validate({ file: '汇总.sqlite' })).findings.find((finding) => finding.rule === 'R-B03')!.message;
      } finally {
        reader.close();
      }
    };
    expect(await consolidateAgain('12.00')).toContain('请在单位文件中改正:甲 12.00,改后按原汇总重新汇总');
    expect(await consolidateAgain('7.00')).toContain('请在单位文件中改正:甲 7.00,改后按原汇总重新汇总');
  });
});

/**
 * Re-汇总 after a unit changed replaces the summed tables, not the 主管部门's own work in the 汇总
 * file: its 决算公开 texts, 补充信息, 出错说明 and 部门整体 evaluation were lost with the old file (the rebuild wrote a new
 * file holding only the sums). Real year files through the core and the CLI's rebuild path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation, rebuildRequest, writeConsolidation } from '../../electron/core/consolidate';
import { FRAMEWORK_DEFS } from '../../shared/forms/framework-entry';
import { findingKey } from '../../shared/rules/types';
import { writeUnitFiles } from '../fixtures/unit-files';
import { tempDir } from '../helpers/temp';

describe('the 汇总 file: its own work kept on re-汇总, its units’ region and numbering', () => {
  const temp = tempDir();
  const at = (name: string) => path.join(temp.dir, name);

  beforeAll(async () => {
    const cells = (amount: string) => ({ 公开01表: { '28': { '1': amount } } });
    await writeUnitFiles(temp.dir, [
      { file: 'a.sqlite', unitName: '某局(本级)', unitCode: '901001', tables: cells('1.00') },
      { file: 'b.sqlite', unitName: '某中心', unitCode: '901002', tables: cells('2.00') },
    ]);
    writeConsolidation(at('汇总.sqlite'), await planConsolidation({ files: ['a.sqlite', 'b.sqlite'], resolve: at, unitName: '某局', unitCode: '901', adjust: 'none' }));
  });
  afterAll(() => temp.cleanup());

  it('keeps texts, 补充信息, 出错说明 and frameworks while the sums follow the changed unit', async () => {
    const core = createCore({ resolveFile: at });
    let explained = '';
    try {
      await core.setReportText({ file: '汇总.sqlite', key: 'profile.duties', text: '负责全市行政审批工作。' });
      // The department's own 部门整体 evaluation, filled in the 汇总 (README: left empty by the 汇总 for the 主管部门).
      await core.saveFramework({ file: '汇总.sqlite', subject_code: '', framework: FRAMEWORK_DEFS.DEPT_OVERALL_MS.seed });
      await core.setSupplementary({ file: '汇总.sqlite', values: { admin_running_cost: '12.34' } });
      const warning = (await core.validate({ file: '汇总.sqlite' })).findings.find((finding) => finding.severity === 'warning')!;
      explained = findingKey(warning.rule, warning.table, warning.row, warning.col);
      await core.explain({ file: '汇总.sqlite', key: explained, text: '已核实' });
      await core.setCells({ file: 'b.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '5.00' }] });
    } finally {
      core.close();
    }
    const { request, changed } = rebuildRequest(at('汇总.sqlite'), at);
    expect(changed).toEqual(['b.sqlite']);
    writeConsolidation(at('汇总.sqlite'), await planConsolidation(request));

    const check = createCore({ resolveFile: at });
    try {
      const doc = await check.dump({ file: '汇总.sqlite' });
      expect(doc.tables['公开01表']['28']['1']).toBe('6.00');
      expect(doc.reportTexts).toEqual({ 'profile.duties': { text: '负责全市行政审批工作。', draft: false } });
      expect(doc.supplementary).toEqual({ admin_running_cost: '12.34' });
      expect((await check.openYear({ file: '汇总.sqlite' })).frameworks.map((entry) => entry.framework.framework)).toEqual(['DEPT_OVERALL_MS']);
      expect((await check.openYear({ file: '汇总.sqlite' })).explanations).toEqual({ [explained]: '已核实' });
    } finally {
      check.close();
    }
  });

  it('takes the units’ region and numbering, so a 荆门 汇总 prints the 湖北 document, not the national one', async () => {
    const core = createCore({ resolveFile: at });
    try {
      for (const [file, unitName, unitCode] of [['c.sqlite', '某所(本级)', '902001'], ['d.sqlite', '某站', '902002']]) {
        await core.createYear({ file, fiscalYear: 2023, unitName, unitCode, numbering: '表' });
        await core.setFormRegion({ file, region: '荆门' });
        await core.setCells({ file, edits: [{ table: '公开01表', row: '28', col: '1', value: '1.00' }] });
      }
    } finally {
      core.close();
    }
    writeConsolidation(at('荆门汇总.sqlite'), await planConsolidation({ files: ['c.sqlite', 'd.sqlite'], resolve: at, unitName: '某所', unitCode: '902', adjust: 'none' }));
    const check = createCore({ resolveFile: at });
    try {
      const { info } = await check.openYear({ file: '荆门汇总.sqlite' });
      expect([info.formRegion, info.numbering]).toEqual(['荆门', '表']);
      const json = await check.exportReport({ file: '荆门汇总.sqlite', format: 'json' });
      expect(JSON.parse(Buffer.from(json.dataBase64, 'base64').toString('utf8')).outline).toBe('湖北');
    } finally {
      check.close();
    }
  });

  it('takes last year’s 汇总 as its 上年数 (the sums stay the units’), and keeps it on re-汇总', async () => {
    const last = createCore({ resolveFile: at });
    try {
      await last.createYear({ file: '2022汇总.sqlite', fiscalYear: 2022, unitName: '某局', unitCode: '901' });
      // 年末结转和结余 of last year would be this year's 年初结转: the 汇总 takes it from its units, not from here.
      await last.setCells({ file: '2022汇总.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '4.00' }, { table: '公开01表', row: '60', col: '2', value: '1.00' }] });
    } finally {
      last.close();
    }
    const core = createCore({ resolveFile: at });
    try {
      const bytes = fs.readFileSync(at('2022汇总.sqlite'));
      const imported = await core.importWorkbook({ file: '汇总.sqlite', name: '2022汇总.sqlite', dataBase64: bytes.toString('base64'), baseline: true });
      expect(imported.warnings).toContain('文件 2022汇总.sqlite:汇总结果只导入上年数和上年文字,年初结转和科目行不带入(由各单位文件带入后重新汇总)');
      const before = await core.dump({ file: '汇总.sqlite' });
      expect(before.tables['公开01表']['28']['1']).toBe('6.00');
      expect((await core.openYear({ file: '汇总.sqlite' })).baseline?.['公开01表']['28|1']).toBe('4.00');
    } finally {
      core.close();
    }
    const { request } = rebuildRequest(at('汇总.sqlite'), at);
    writeConsolidation(at('汇总.sqlite'), await planConsolidation(request));
    const check = createCore({ resolveFile: at });
    try {
      expect((await check.openYear({ file: '汇总.sqlite' })).baseline?.['公开01表']['28|1']).toBe('4.00');
      const json = await check.exportReport({ file: '汇总.sqlite', format: 'json' });
      const sentences = JSON.parse(Buffer.from(json.dataBase64, 'base64').toString('utf8')).sentences as { id: string; text: string }[];
      expect(sentences.find((sentence) => sentence.id === 'total')!.text).toMatch(/比上年/);
    } finally {
      check.close();
    }
  });
});

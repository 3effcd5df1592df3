/**
 * Issue 17 item 11 end to end: a workbook (written with exceljs) prints a 科目 with another 科目's
 * name and a 类 with its old name. The import keeps both printed names; `validate` (the one 审核
 * path) reports each as R-I02 with where, the printed and the catalog name and what to do; the
 * names travel through dump/load and through a year-file import; 采用目录名称 clears one as an
 * ordinary change, and its inverse brings it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { base64, coreIn, newYear, seed002Edits, type Core } from '../fixtures/xlsx/helpers';
import { edited, rowOf } from '../fixtures/xlsx/malformed';
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../shared/rules';

let temp: ReturnType<typeof tempDir>;
let core: Core;
let workbook: Buffer;

const nameFindings = async (file: string) => ((await core.validate({ file })).findings as Finding[]).filter((finding) => finding.rule === 'R-I02');

beforeAll(async () => {
  temp = tempDir('juesuan-names-');
  core = coreIn(temp.dir);
  await newYear(core, 'source.sqlite');
  await core.edit({ file: 'source.sqlite', cells: [...seed002Edits(), { table: '公开02表', row: '2070101', col: '2', value: '5' }] });
  const ours = Buffer.from((await core.exportWorkbook({ file: 'source.sqlite', draft: true })).dataBase64, 'base64');
  workbook = await edited(ours, (book) => {
    const sheet = book.worksheets.find((candidate) => candidate.name.startsWith('公开02表'))!;
    sheet.getCell(`B${rowOf(sheet, '2010301')}`).value = '一般行政管理事务';
    sheet.getCell(`B${rowOf(sheet, '207')}`).value = '文化体育与传媒支出';
    // Another wording of the same name: no finding.
    sheet.getCell(`B${rowOf(sheet, '2010302')}`).value = '一般行政管理事务 支出';
  });
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

describe('a 科目 name that contradicts the catalog', () => {
  it('is kept by the import and reported by validate at its row, with both names and what to do', async () => {
    await newYear(core, 'target.sqlite');
    await core.importWorkbook({ file: 'target.sqlite', name: '公开表.xlsx', dataBase64: base64(workbook) });
    const findings = await nameFindings('target.sqlite');
    expect(findings.map((finding) => [finding.table, finding.row, finding.severity])).toEqual([
      ['公开02表', '2010301', 'warning'],
      ['公开02表', '207', 'warning'],
    ]);
    expect(findings[0].message).toContain('公开02表 科目 2010301 的名称印为“一般行政管理事务”,而科目表中代码 2010301 的名称是“行政运行”');
    expect(findings[0].message).toMatch(/请核对科目代码是否写错/);
    expect(findings[1].message).toContain('是该科目的旧名称,科目表中该科目已更名为“文化旅游体育与传媒支出”');
    // The renderer's snapshot carries the same names.
    expect((await core.openYear({ file: 'target.sqlite' })).printedNames).toEqual({ 公开02表: { '2010301': '一般行政管理事务', '207': '文化体育与传媒支出' } });
  });

  it('travels through dump/load and through a year-file import', async () => {
    const doc = await core.dump({ file: 'target.sqlite' });
    expect(doc.printedNames).toEqual({ 公开02表: { '2010301': '一般行政管理事务', '207': '文化体育与传媒支出' } });
    await newYear(core, 'loaded.sqlite');
    await core.load({ file: 'loaded.sqlite', doc });
    expect((await nameFindings('loaded.sqlite')).map((finding) => finding.key)).toEqual((await nameFindings('target.sqlite')).map((finding) => finding.key));
    core.close();
    await newYear(core, 'from-file.sqlite');
    const bytes = fs.readFileSync(path.join(temp.dir, 'target.sqlite'));
    await core.importWorkbook({ file: 'from-file.sqlite', name: 'target.sqlite', dataBase64: base64(bytes) });
    expect((await nameFindings('from-file.sqlite')).map((finding) => finding.row)).toEqual(['2010301', '207']);
  });

  it('clears when the clerk takes the catalog name, and comes back with the undo', async () => {
    await core.edit({ file: 'target.sqlite', printedNames: [{ table: '公开02表', code: '207', name: null }] });
    expect((await nameFindings('target.sqlite')).map((finding) => finding.row)).toEqual(['2010301']);
    await core.edit({ file: 'target.sqlite', printedNames: [{ table: '公开02表', code: '207', name: '文化体育与传媒支出' }] });
    expect((await nameFindings('target.sqlite')).map((finding) => finding.row)).toEqual(['2010301', '207']);
  });

  it('is replaced by the next import of the table', async () => {
    const clean = Buffer.from((await core.exportWorkbook({ file: 'source.sqlite', draft: true })).dataBase64, 'base64');
    await core.importWorkbook({ file: 'target.sqlite', name: '改正后.xlsx', dataBase64: base64(clean) });
    expect(await nameFindings('target.sqlite')).toEqual([]);
  });
});

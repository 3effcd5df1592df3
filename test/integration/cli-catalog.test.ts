/**
 * `catalog --file 汇总.sqlite --in 科目表.xlsx`: the remedy R-I03 names for a 汇总's unnamed 款
 * (the 汇总 takes no typed name). Before, every `catalog` ended in "内部错误:The database
 * connection is not open": the command line closed the file while the 科目表 was still being read.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeUnitFiles } from '../fixtures/unit-files';
import { runCli as cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('catalog on the command line', () => {
  const temp = tempDir();
  const at = (name: string) => path.join(temp.dir, name);
  afterAll(() => temp.cleanup());

  it('names a 汇总’s unnamed 款 from the official 科目表, and a re-汇总 keeps it', async () => {
    await writeUnitFiles(at('单位'), [{ file: 'a.sqlite', unitName: '甲', unitCode: '1', tables: { 公开02表: { '2120801': { '2': '4.00' } } } }]);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('科目表');
    sheet.addRow(['科目代码', '科目名称']);
    sheet.addRow(['21208', '国有土地使用权出让收入安排的支出']);
    sheet.addRow(['2120801', '征地和拆迁补偿支出']);
    await book.xlsx.writeFile(at('科目表.xlsx'));
    expect(cli('consolidate', '--out', at('汇总.sqlite'), '--unit', '主管部门', '--confirm', '--jobs', '0', at('单位')).code).toBe(0);
    const unnamed = () => cli('validate', at('汇总.sqlite')).out.split('\n').filter((line) => line.includes('R-I03'));
    expect(unnamed()).toHaveLength(2); // 款 21208 and the unit's 项 2120801, neither in the built-in catalog

    const imported = cli('catalog', '--file', at('汇总.sqlite'), '--in', at('科目表.xlsx'));
    expect(imported.err).toBe('');
    expect([imported.code, imported.out.trim()]).toEqual([0, '已导入科目表:功能分类 2 个,经济分类 0 个']);
    expect(unnamed()).toEqual([]);
    expect(cli('consolidate', '--rebuild', at('汇总.sqlite'), '--confirm').code).toBe(0);
    expect(unnamed()).toEqual([]);
  });
});

/**
 * A formula whose saved result is 0 is a saved result (exceljs drops it on reading; the importer
 * reads it from the sheet XML): `<v>0</v>` imports as 0, while a formula with no `<v>` at all is
 * still refused as never calculated.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { base64, coreIn, newYear, seed002Edits, type Core } from '../fixtures/xlsx/helpers';
import { edited, rowOf } from '../fixtures/xlsx/malformed';

let temp: ReturnType<typeof tempDir>;
let core: Core;
let good: Buffer;

beforeAll(async () => {
  temp = tempDir('juesuan-zero-');
  core = coreIn(temp.dir);
  await newYear(core, 'y.sqlite');
  await core.edit({ file: 'y.sqlite', cells: seed002Edits() });
  good = Buffer.from((await core.exportWorkbook({ file: 'y.sqlite' })).dataBase64, 'base64');
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

const with02 = (value: unknown) =>
  edited(good, (workbook) => {
    const sheet = workbook.getWorksheet('公开02表')!;
    sheet.getCell(`E${rowOf(sheet, '2010301')}`).value = value as never;
    sheet.getCell(`D${rowOf(sheet, '2010302')}`).value = { formula: '1000+1880.75', result: 2880.75 } as never;
  });

it('a formula saved as 0 imports as 0, beside a formula saved with another value', async () => {
  const bytes = await with02({ formula: 'D5-D5', result: 0 });
  await core.edit({ file: 'y.sqlite', cells: [{ table: '公开02表', row: '2010301', col: '3', value: '5.00' }] });
  const result = await core.importWorkbook({ file: 'y.sqlite', name: 'zero.xlsx', dataBase64: base64(bytes) });
  expect(result.errors).toEqual([]);
  expect(result.warnings.join('\n')).toContain('公开02表有 2 个单元格是公式,已按文件中保存的计算结果导入');
  const cells = (await core.openYear({ file: 'y.sqlite' })).tables['公开02表'].cells;
  expect(cells['2010301']['3']).toBe('0.00');
  expect(cells['2010302']['2']).toBe('2880.75');
});

it('a formula with no saved result at all is still refused', async () => {
  const bytes = await with02({ formula: 'D5-D5' });
  await expect(core.importWorkbook({ file: 'y.sqlite', name: 'unsaved.xlsx', dataBase64: base64(bytes) })).rejects.toThrow('E列:是公式,但文件中没有保存计算结果');
});

/**
 * A workbook printing a custom 项 (2120801, outside the built-in catalog) under its 款 21208, which no
 * catalog we hold names: the import keeps the 款 name as printed, the table and the exported workbook
 * show it (no blank 科目名称), and R-I03 says nothing. A workbook that leaves the 款 name blank gets
 * R-I03 at that row instead. Real year files, real workbooks written and read back by exceljs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempDir } from '../helpers/temp';
import { base64, coreIn, newYear, type Core } from '../fixtures/xlsx/helpers';
import { edited, rowOf } from '../fixtures/xlsx/malformed';

let temp: ReturnType<typeof tempDir>;
let core: Core;
let exported: Buffer;
const LAND = '国有土地使用权出让收入安排的支出';

beforeAll(async () => {
  temp = tempDir('juesuan-unnamed-');
  core = coreIn(temp.dir);
  await newYear(core, 'source.sqlite');
  await core.edit({
    file: 'source.sqlite',
    addCodes: [{ table: '公开07表', code: '2120801', name: '征地和拆迁补偿支出' }],
    cells: [{ table: '公开07表', row: '2120801', col: '2', value: '8' }],
  });
  exported = Buffer.from((await core.exportWorkbook({ file: 'source.sqlite', draft: true })).dataBase64, 'base64');
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

async function loaded(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}
const sheetOf = (book: ExcelJS.Workbook) => book.worksheets.find((candidate) => candidate.name.startsWith('公开07表'))!;
const unnamed = async (file: string) => (await core.validate({ file })).findings.filter((finding) => finding.rule === 'R-I03').map((finding) => `${finding.table} ${finding.row}`);

describe('a 款 that only the imported workbook names', () => {
  it('is printed blank by a year that has no name for it, and R-I03 says so', async () => {
    const sheet = sheetOf(await loaded(exported));
    expect(String(sheet.getCell(`B${rowOf(sheet, '21208')}`).value ?? '')).toBe('');
    expect(await unnamed('source.sqlite')).toEqual(['公开07表 21208']);
  });

  it('keeps the name the workbook prints, shows and exports it, and leaves no finding', async () => {
    const printed = await edited(exported, (book) => {
      const sheet = sheetOf(book);
      sheet.getCell(`B${rowOf(sheet, '21208')}`).value = LAND;
    });
    await newYear(core, 'target.sqlite');
    await core.importWorkbook({ file: 'target.sqlite', name: '公开表.xlsx', dataBase64: base64(printed) });
    const view = await core.getTable({ file: 'target.sqlite', table: '公开07表' });
    expect(view.rows.find((row) => row.row === '21208')?.label).toBe(LAND);
    expect(await unnamed('target.sqlite')).toEqual([]);
    expect((await core.openYear({ file: 'target.sqlite' })).printedNames).toEqual({ 公开07表: { '21208': LAND } });

    const again = Buffer.from((await core.exportWorkbook({ file: 'target.sqlite', draft: true })).dataBase64, 'base64');
    const sheet = sheetOf(await loaded(again));
    expect(sheet.getCell(`B${rowOf(sheet, '21208')}`).value).toBe(LAND);

    // A year file carries the name on (dump/load and year-file import share printedNames).
    const doc = await core.dump({ file: 'target.sqlite' });
    expect(doc.printedNames).toEqual({ 公开07表: { '21208': LAND } });
  });
});

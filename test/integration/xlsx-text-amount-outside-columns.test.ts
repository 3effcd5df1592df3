import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { base64, coreIn, newYear } from '../fixtures/xlsx/helpers';

const temp = tempDir('juesuan-text-outside-');
afterAll(() => temp.cleanup());

it('an amount typed as text in a column under no 栏次 is listed as unrecognised, as a number there is', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('收入表');
  sheet.getCell('A1').value = '收入决算表';
  sheet.getRow(3).values = ['科目编码', '科目名称', null, '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
  sheet.getRow(4).values = ['2010301', '行政运行', '99.99', '1,000.00', '1,000.00'];
  const core = coreIn(temp.dir);
  await newYear(core, 'y.sqlite');
  const preview = await core.previewImport({ file: 'y.sqlite', name: '收入表.xlsx', dataBase64: base64(Buffer.from(await workbook.xlsx.writeBuffer())) });
  expect(preview.unrecognised.map((item) => item.cell)).toEqual(['C4']);
  core.close();
});

it('an amount typed as text below the notes is listed as not imported, as a number there is', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('收入表');
  sheet.getCell('A1').value = '收入决算表';
  sheet.getRow(3).values = ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
  sheet.getRow(4).values = ['2010301', '行政运行', '1,000.00', '1,000.00'];
  sheet.getRow(5).values = ['注:本表反映部门本年度取得的各项收入情况。'];
  sheet.getRow(6).values = ['2010302', '一般行政管理事务', 12.5, '12.50'];
  const core = coreIn(temp.dir);
  await newYear(core, 'notes.sqlite');
  const preview = await core.previewImport({ file: 'notes.sqlite', name: '收入表.xlsx', dataBase64: base64(Buffer.from(await workbook.xlsx.writeBuffer())) });
  expect(preview.unrecognised.map((item) => `${item.cell} ${item.reason}`)).toEqual(['C6 表注之后的数值,未导入', 'D6 表注之后的数值,未导入']);
  core.close();
});

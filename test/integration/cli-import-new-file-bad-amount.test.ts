import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { runCli } from '../helpers/cli';

const temp = tempDir('juesuan-cli-unit-');
afterAll(() => temp.cleanup());

it('import into a new file: a workbook with a bad amount names that cell, not a missing 部门 line it has', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('收入表');
  sheet.getCell('A1').value = '收入决算表';
  sheet.getCell('A2').value = '部门:手工单位';
  sheet.getRow(3).values = ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
  sheet.getRow(4).values = ['2010301', '行政运行', '1,000.00', '壹仟'];
  const input = path.join(temp.dir, '手工.xlsx');
  await workbook.xlsx.writeFile(input);
  const file = path.join(temp.dir, 'new.sqlite');
  const run = runCli('import', '--file', file, '--in', input, '--year', '2025');
  expect(run.code).toBe(1);
  expect(run.err).toContain('第4行 D列:“壹仟”不是有效金额');
  expect(run.err).not.toContain('--unit');
  expect(fs.existsSync(file)).toBe(false);
});

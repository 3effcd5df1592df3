/**
 * The import preview when a workbook is partly unreadable and its printed totals disagree with its
 * details (issue 17): every reason is listed with its place, the clerk may import the readable
 * tables only, the printed totals stand beside the computed ones, and after the import each
 * disagreement is a finding the clerk clears with 采用计算值.
 */
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

describe('import of a partly unreadable workbook', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  const temp = tempDir('juesuan-fallback-');
  let file = '';
  beforeAll(async () => {
    app = await startApp();
    await app.seed002('jm.sqlite');
    const exported = (await app.call('exportWorkbook', { file: 'jm.sqlite' })).result as { dataBase64: string };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const rowOf = (sheet: ExcelJS.Worksheet, text: string) => {
      let found = 0;
      sheet.eachRow((row, n) => void (!found && String(row.getCell(1).value) === text && (found = n)));
      return found;
    };
    // 公开02表: a 6-digit code on a line with amounts; 公开03表: 类 201 printed as 338.38 (Σ项 3,249.78).
    const t02 = workbook.getWorksheet('公开02表')!;
    t02.getCell(`A${rowOf(t02, '2010301')}`).value = '201030';
    const t03 = workbook.getWorksheet('公开03表')!;
    t03.getCell(`C${rowOf(t03, '201')}`).value = 338.38;
    file = path.join(temp.dir, '2023年度部门决算(单位自存).xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  });
  afterAll(async () => {
    await app?.stop();
    temp.cleanup();
  });

  it('lists the unreadable table, imports the others on request, and keeps the printed total as a finding', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('荆门市行政审批局(本级)');
    await app.page.getByRole('button', { name: '导入 ▾' }).hover();
    await app.page.getByLabel('选择导入文件').setInputFiles(file);
    const dialog = app.page.getByRole('dialog', { name: '导入预览' });
    await dialog.waitFor();
    expect(await dialog.locator('.preview-errors').innerText()).toMatch(/工作表“公开02表” 第\d+行 A列:科目代码“201030”位数不对\(应为 3、5 或 7 位\);此行的金额\(C列 19\.10、D列 19\.10\)无法导入/);
    expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await screenshot(app.page, '导入预览-有无法读取的表');

    await dialog.getByRole('button', { name: '只导入能读取的表…' }).click();
    await dialog.getByText('不导入的表(无法读取,保持不变)').waitFor();
    const mismatches = dialog.getByRole('table', { name: '合计数与明细不符' });
    const line = mismatches.locator('tr', { hasText: '公开03表' }).filter({ hasText: '338.38' });
    expect(await line.innerText()).toContain('3,249.78');
    await screenshot(app.page, '导入预览-只导入能读取的表');
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await app.page.getByRole('status').getByText(/已从 .* 导入/).waitFor();

    const panel = app.page.getByRole('region', { name: '审核结果' });
    const finding = panel.locator('.finding.error[data-rule="R-I01"]', { hasText: '338.38' });
    await finding.waitFor();
    await screenshot(app.page, '审核-导入文件印出的合计数');
    await finding.getByRole('button', { name: '采用计算值', exact: true }).click();
    await expect.poll(() => panel.locator('.finding[data-rule="R-I01"]', { hasText: '338.38' }).count()).toBe(0);
  });
});

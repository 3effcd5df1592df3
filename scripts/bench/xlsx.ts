/** Workbook figures: export (.xlsx and .xls) and import of a full year of stated size on a real year file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/core';
import { heading, measure, report } from './measure';
import { fillYear } from './years';

const ROWS = 300;

export async function benchXlsx(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
  const core = createCore({ resolveFile: (file) => path.join(dir, file) });
  try {
    await core.createYear({ file: 'year.sqlite', fiscalYear: 2023, unitName: '基准测试单位' });
    const cells = await fillYear(core, 'year.sqlite', ROWS);
    let workbook = { dataBase64: '', name: '' };
    const xlsx = await measure(async () => (workbook = await core.exportWorkbook({ file: 'year.sqlite', draft: true })), { runs: 5 });
    let legacy = { dataBase64: '', name: '' };
    const xls = await measure(async () => (legacy = await core.exportWorkbook({ file: 'year.sqlite', format: 'xls', draft: true })), { runs: 5 });
    let n = 0;
    const importOf = (book: () => { name: string; dataBase64: string }) => async () => {
      const target = `import-${n++}.sqlite`;
      await core.createYear({ file: target, fiscalYear: 2023, unitName: '基准测试单位' });
      await core.importWorkbook({ file: target, name: book().name, dataBase64: book().dataBase64 });
    };
    const imported = await measure(importOf(() => workbook), { runs: 5 });
    const importedXls = await measure(importOf(() => legacy), { runs: 5 });
    heading(`工作簿:9 张表,公开02/03/05表各 ${ROWS} 个项级科目,${cells} 个录入单元格,.xlsx ${(Buffer.from(workbook.dataBase64, 'base64').length / 1024).toFixed(0)} KB`);
    report('导出 .xlsx', xlsx, { p50: 300 });
    report('导出 .xls', xls, { p50: 300 });
    report('导入(预览+写入)', imported, { p50: 300 });
    report('导入 .xls(预览+写入)', importedXls);
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

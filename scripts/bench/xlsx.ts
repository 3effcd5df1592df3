/** Workbook figures: export (.xlsx and .xls) and import of a full year of stated size on a real year file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/core';
import { heading, measure, report } from './measure';
import { fillYear } from './years';

const ROWS = 300;

type Core = ReturnType<typeof createCore>;
/** Numbers the import targets of a run: each core's folder gets fresh names. */
let importTargetCount = 0;

/**
 * Empty year files to import into, created before the clock starts: the import figures time the
 * import (read, check, write) the clerk waits for, not the creation of a new year file (its own
 * fsyncs), which the clerk did before.
 */
export async function importTargets(core: Core, count: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = `import-${importTargetCount++}.sqlite`;
    await core.createYear({ file, fiscalYear: 2023, unitName: '基准测试单位' });
    files.push(file);
  }
  return files;
}

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
    const importOf = async (book: { name: string; dataBase64: string }, runs: number) => {
      const targets = await importTargets(core, runs + 1);
      return measure(() => core.importWorkbook({ file: targets.shift()!, name: book.name, dataBase64: book.dataBase64 }), { runs });
    };
    const imported = await importOf(workbook, 5);
    const importedXls = await importOf(legacy, 5);
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

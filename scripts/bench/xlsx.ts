/**
 * Workbook figures: export and import of a full year (9 tables, 300 项 rows in each functional
 * table) on a real year file, and — where LibreOffice is installed — how long `soffice` takes to
 * load and save the same workbook, as a yardstick.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogFor } from '../../shared/catalog';
import type { CellEdit } from '../../shared/contract';
import { TABLES, TEMPLATE_SETS } from '../../shared/tables';
import { createCore } from '../../electron/core/core';
import { median } from './engine';

const RUNS = 5;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

/** 300 real 项 codes, every input cell of the 9-table set filled. */
function fullYear(): CellEdit[] {
  const codes = catalogFor(2023).functionCodes.filter((entry) => entry.level === '项').slice(0, 300).map((entry) => entry.code);
  const edits: CellEdit[] = [];
  let n = 0;
  const value = () => `${(++n * 37) % 100_000}.${String(n % 10_000).padStart(4, '0')}`;
  for (const id of TEMPLATE_SETS['9']) {
    const def = TABLES.get(id)!;
    if (def.kind === 'functional') {
      for (const code of codes) for (const [col, rule] of Object.entries(def.leaf)) if (rule.role === 'input') edits.push({ table: id, row: code, col, value: value() });
    } else {
      for (const row of def.rows) for (const [col, rule] of Object.entries(row.cells)) if (rule.role === 'input') edits.push({ table: id, row: row.key, col, value: value() });
    }
  }
  return edits;
}

export async function benchXlsx(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
  const core = createCore({ resolveFile: (file) => path.join(dir, file) });
  try {
    await core.createYear({ file: 'year.sqlite', fiscalYear: 2023, unitName: '基准测试单位' });
    const edits = fullYear();
    await core.edit({ file: 'year.sqlite', cells: edits });
    const exports: number[] = [];
    const xlsExports: number[] = [];
    const imports: number[] = [];
    let workbook = { dataBase64: '', name: '' };
    for (let run = 0; run < RUNS; run++) {
      const exported = await timed(() => core.exportWorkbook({ file: 'year.sqlite', draft: true }));
      exports.push(exported.ms);
      workbook = exported.result;
      xlsExports.push((await timed(() => core.exportWorkbook({ file: 'year.sqlite', format: 'xls', draft: true }))).ms);
      const target = `import-${run}.sqlite`;
      await core.createYear({ file: target, fiscalYear: 2023, unitName: '基准测试单位' });
      imports.push((await timed(() => core.importWorkbook({ file: target, name: workbook.name, dataBase64: workbook.dataBase64 }))).ms);
    }
    const bytes = Buffer.from(workbook.dataBase64, 'base64');
    const exportMs = median(exports);
    console.log(`工作簿:全年(9 张表,每张功能分类表 300 个项级科目,${edits.length} 个录入单元格,${(bytes.length / 1024).toFixed(0)} KB)`);
    console.log(`  导出 .xlsx 中位数 ${exportMs.toFixed(0)} ms;导出 .xls 中位数 ${median(xlsExports).toFixed(0)} ms;导入(预览+写入)中位数 ${median(imports).toFixed(0)} ms`);
    benchSoffice(dir, bytes, exportMs);
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** LibreOffice loading and saving the same workbook, if it is installed; skipped quietly otherwise. */
function benchSoffice(dir: string, bytes: Buffer, exportMs: number): void {
  if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) {
    console.log('  未安装 LibreOffice(soffice),跳过对照(apt-get install -y libreoffice-calc-nogui)');
    return;
  }
  const input = path.join(dir, 'year.xlsx');
  const outDir = path.join(dir, 'soffice');
  fs.writeFileSync(input, bytes);
  const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
  // The first start creates the profile; time the second.
  spawnSync('soffice', [profile, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, input], { encoding: 'utf8' });
  const start = performance.now();
  const result = spawnSync('soffice', [profile, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, input], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    console.log(`  soffice 转换失败,跳过对照:${result.stderr.trim().slice(0, 200)}`);
    return;
  }
  console.log(`  对照:soffice --headless --convert-to xlsx 同一工作簿 ${ms.toFixed(0)} ms,为本程序导出的 ${(ms / exportMs).toFixed(1)} 倍`);
}

/**
 * Growth: open, validate, export and import at 50 / 500 / 5,000 项 rows and at 10 / 100 / 1,000
 * project forms, on real year files through the core. Each step should grow roughly linearly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/core';
import { TABLES } from '../../shared/tables';
import { fillYear } from './years';
import { importTargets } from './xlsx';
import { reportWithCpu } from './cpu';
import { heading, measure, ms, percentileOf, report, type Target } from './measure';

const TARGETS_AT_5000: Record<string, Target> = { 打开: { p50: 100 }, 审核: { p50: 50 }, 导出: { p50: 500 }, 导入: { p50: 1000 } };
const TARGETS_AT_1000_FORMS: Record<string, Target> = { 审核: { p50: 16 }, 导出: { p50: 1000 } };

async function scaleOne(label: string, rows: number, forms: number, targets: Record<string, Target>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-scale-'));
  const resolveFile = (file: string) => path.join(dir, file);
  const core = createCore({ resolveFile });
  try {
    await core.createYear({ file: 'year.sqlite', fiscalYear: 2023, unitName: '基准测试单位' });
    const cells = await fillYear(core, 'year.sqlite', rows, forms);
    const runs = rows >= 5000 || forms >= 1000 ? 3 : 10;
    console.log(`${label}:${cells} 个录入单元格,${forms} 张自评表`);
    report(`  ${label} · 打开(新开年度文件并读出全部数据)`, await measure(async () => {
      const fresh = createCore({ resolveFile });
      await fresh.openYear({ file: 'year.sqlite' });
      fresh.close();
    }, { runs }), targets['打开']);
    report(`  ${label} · 审核(全年)`, await measure(() => core.validate({ file: 'year.sqlite' }), { runs }), targets['审核']);
    let workbook = { name: '', dataBase64: '' };
    await reportWithCpu(`  ${label} · 导出 .xlsx(年度未改,沿用最近一次审核)`, async () => (workbook = await core.exportWorkbook({ file: 'year.sqlite', draft: true })), runs, targets['导出']);
    // An export right after `validate` or another export reuses that 审核 (latest-findings.ts); after an
    // edit it runs the 审核 again, as the first export after typing does.
    // The 审核 is run by `validate` first (the export then reuses it), so its CPU time is printed apart
    // from the export's own.
    let typed = 0;
    const edited = firstInput('公开01表');
    const auditCpu: number[] = [];
    await reportWithCpu(`  ${label} · 导出 .xlsx(每次导出前改一格,含重新审核)`, async () => {
      await core.edit({ file: 'year.sqlite', cells: [{ ...edited, value: String(++typed) }] });
      const start = process.cpuUsage();
      await core.validate({ file: 'year.sqlite' });
      const used = process.cpuUsage(start);
      auditCpu.push((used.user + used.system) / 1000);
      await core.exportWorkbook({ file: 'year.sqlite', draft: true });
    }, runs, targets['导出']);
    console.log(`    其中审核 CPU:首次 ${ms(auditCpu[0])} · p50 ${ms(percentileOf(auditCpu.slice(1), 50))}(其余为录入保存与导出本身)`);
    const importInto = await importTargets(core, runs + 1);
    await reportWithCpu(`  ${label} · 导入(预览+写入)`, () => core.importWorkbook({ file: importInto.shift()!, name: workbook.name, dataBase64: workbook.dataBase64 }), runs, targets['导入']);
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchScale(): Promise<void> {
  heading('规模:项级科目行数(公开02、03、05表各一份)');
  for (const rows of [50, 500, 5000]) await scaleOne(`${rows} 个项级科目行`, rows, 0, rows === 5000 ? TARGETS_AT_5000 : {});
  heading('规模:项目自评表张数(50 个项级科目行)');
  for (const forms of [10, 100, 1000]) await scaleOne(`${forms} 张项目自评表`, 50, forms, forms === 1000 ? TARGETS_AT_1000_FORMS : {});
}

/** The first input cell of a fixed table (the cell the edit-then-export figure changes). */
function firstInput(table: string): { table: string; row: string; col: string } {
  const def = TABLES.get(table)!;
  if (def.kind !== 'fixed') throw new Error(`${table} is no fixed table`);
  for (const row of def.rows) for (const [col, rule] of Object.entries(row.cells)) if (rule.role === 'input') return { table, row: row.key, col };
  throw new Error(`${table} has no input cell`);
}

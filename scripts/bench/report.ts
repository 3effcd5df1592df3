/**
 * 决算公开 figures: the whole document of a large year (300 项 rows, 6 charts) to .docx. Twice: the
 * same year exported again (its charts already drawn, as when the clerk exports Word after PDF or
 * after editing a reason), and a year whose every figure changed since (all six charts redrawn).
 * Each with its CPU time: on a shared machine the wall time also counts waiting for a core.
 */
import os from 'node:os';
import { TABLES, YearModel, type YearInputs } from '../../shared/tables';
import { OUTLINES, buildReport } from '../../shared/report';
import { chartImages } from '../../electron/core/report/chart-png';
import { writeDocx } from '../../electron/core/report/docx';
import { bigYear } from './engine';
import { measure, ms, report } from './measure';

const RUNS = 9;

/** The bench year with every amount scaled by `factor`: every chart's figures differ from the last. */
function scaledYear(factor: number): YearInputs {
  const inputs = bigYear();
  for (const table of Object.values(inputs)) for (const [key, value] of table.cells) table.cells.set(key, Math.round(value * factor));
  return inputs;
}

async function figure(label: string, models: YearModel[]): Promise<void> {
  const lastYear = new YearModel(TABLES, bigYear(), () => '科目');
  const supp = { gpb_initial_budget_by_code: { '201': 1_000_000_000 } };
  let size = 0;
  let next = 0;
  const cpu: number[] = [];
  const timing = await measure(
    async () => {
      const model = models[next++ % models.length];
      const start = process.cpuUsage();
      const built = buildReport({ fiscalYear: 2023, unitName: '基准单位', model, lastYear, supp, texts: {} }, OUTLINES.通用, { template: '9', numbering: '公开' });
      size = (await writeDocx(built, model, await chartImages(built.charts))).length;
      const used = process.cpuUsage(start);
      cpu.push((used.user + used.system) / 1000);
    },
    { runs: RUNS },
  );
  report(`${label}(${(size / 1024).toFixed(0)} KB)`, timing, { p50: 500 });
  const warm = cpu.slice(1).sort((a, b) => a - b);
  // Wall time on a shared machine includes waiting for a core: the load says how much to expect.
  console.log(`    CPU:首次 ${ms(cpu[0])} · p50 ${ms(warm[Math.ceil(warm.length / 2) - 1])}(机器负载 ${os.loadavg()[0].toFixed(1)},${os.cpus().length} 核)`);
}

export async function benchReport(): Promise<void> {
  const model = new YearModel(TABLES, bigYear(), () => '科目');
  await figure('决算公开:300 个项级科目的全年文档生成 .docx,同一年度再次导出(6 张图已画过)', [model]);
  const changed = Array.from({ length: RUNS + 1 }, (_, i) => new YearModel(TABLES, scaledYear(1 + (i + 1) / 1000), () => '科目'));
  await figure('决算公开:同上,每次导出前数字都已变动(6 张图全部重画)', changed);
}

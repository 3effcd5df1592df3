/**
 * 汇总 and batch 审核 of 300 unit files of a realistic size (seed 002's nine tables, split among the
 * units, about 300 input cells each): wall time and the peak resident memory, printed. Then the 汇总
 * result opened as the app opens it (its snapshot carries every unit's reported inputs, so its errors
 * name the units to fix them in) and audited.
 */
import path from 'node:path';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { createCore } from '../../electron/core/core';
import { validateFiles } from '../../electron/core/validate-files';
import { expandPaths } from '../../electron/core/read-unit-file';
import { splitSeed002 } from '../../test/fixtures/consolidation';
import { writeUnitFiles } from '../../test/fixtures/unit-files';
import { tempDir } from '../../test/helpers/temp';
import { measure, report } from './measure';

const UNITS = 300;

export async function benchConsolidate(): Promise<void> {
  const temp = tempDir('juesuan-bench-');
  try {
    const folder = path.join(temp.dir, '单位');
    const units = Array.from({ length: UNITS }, (_, i) => ({ name: `单位${i + 1}`, code: `9${String(i + 1).padStart(5, '0')}` }));
    // Each unit a share of seed 002, from 1/10 to 9/10 of every cell: real rows and sizes, not one figure repeated.
    const docs = units.map((unit, i) => ({ ...splitSeed002([unit, unit], [i % 9 + 1, 10 - (i % 9 + 1)])[0], unit }));
    await writeUnitFiles(
      folder,
      docs.map((doc, i) => ({ file: `u${String(i + 1).padStart(3, '0')}.sqlite`, unitName: doc.unit.name, unitCode: doc.unit.code, tables: doc.tables })),
    );
    const files = expandPaths([folder]);

    for (const jobs of [0, 2]) {
      await figure(`汇总 ${UNITS} 个单位文件(每个约 300 个录入单元格,${threads(jobs)})`, async () => {
        const consolidation = await planConsolidation({ files, resolve: (file) => file, unitName: '某主管部门', adjust: 'auto', jobs });
        writeConsolidation(path.join(temp.dir, '汇总.sqlite'), consolidation);
        return `${consolidation.plan.units.length} 个单位`;
      });
    }
    await figure(`打开 ${UNITS} 个单位的汇总结果并审核(快照含各单位录入数)`, async () => {
      const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
      try {
        const snapshot = JSON.stringify(await core.openYear({ file: '汇总.sqlite' }));
        const { findings } = await core.validate({ file: '汇总.sqlite' });
        const pointed = findings.filter((finding) => finding.fixIn).length;
        return `快照 ${(Buffer.byteLength(snapshot) / 1024 / 1024).toFixed(1)} MB,${findings.length} 条审核结果(${pointed} 条指向单位文件)`;
      } finally {
        core.close();
      }
    });
    for (const jobs of [0, 2]) {
      await figure(`批量审核 ${UNITS} 个单位文件(${threads(jobs)})`, async () => {
        const reports = await validateFiles([folder], { jobs });
        return `${reports.reduce((sum, report) => sum + report.findings.length, 0)} 条审核结果`;
      });
    }
  } finally {
    temp.cleanup();
  }
}

const threads = (jobs: number) => (jobs ? `${jobs} 个线程` : '单线程');

/**
 * One figure: the run timed cold and once more (target < 10 s), then what the second run cost:
 * CPU time of all threads (on a shared machine the wall time also counts waiting for a core) and
 * the peak resident memory.
 */
async function figure(label: string, run: () => Promise<string>): Promise<void> {
  let outcome = '';
  let cpu = process.cpuUsage();
  let memory = trackPeakMemory();
  const timing = await measure(
    async () => {
      cpu = process.cpuUsage();
      memory.read();
      memory = trackPeakMemory();
      outcome = await run();
    },
    { runs: 1 },
  );
  const used = process.cpuUsage(cpu);
  report(label, timing, { p50: 10_000 });
  console.log(`    ${outcome};CPU ${((used.user + used.system) / 1e6).toFixed(1)} 秒,内存峰值 ${memory.read()} MB`);
}

/** Samples the resident set size while the work runs (worker threads included). */
function trackPeakMemory() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    read() {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
    },
  };
}

/**
 * 汇总 and batch 审核 of 300 unit files of a realistic size (seed 002's nine tables, split among the
 * units, about 300 input cells each): wall time and the peak resident memory, printed.
 */
import path from 'node:path';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { validateFiles } from '../../electron/core/validate-files';
import { expandPaths } from '../../electron/core/read-unit-file';
import { splitSeed002 } from '../../test/fixtures/consolidation';
import { writeUnitFiles } from '../../test/fixtures/unit-files';
import { tempDir } from '../../test/helpers/temp';

const UNITS = 300;

export async function benchConsolidate(): Promise<void> {
  const temp = tempDir('juesuan-bench-');
  try {
    const folder = path.join(temp.dir, '单位');
    const units = Array.from({ length: UNITS }, (_, i) => ({ name: `单位${i + 1}`, code: `9${String(i + 1).padStart(5, '0')}` }));
    // Each unit a share of seed 002: ten shares of 1/10 spread round the units (all add up exactly).
    const docs = units.map((unit, i) => ({ ...splitSeed002([unit, unit], [i % 9 + 1, 10 - (i % 9 + 1)])[0], unit }));
    await writeUnitFiles(
      folder,
      docs.map((doc, i) => ({ file: `u${String(i + 1).padStart(3, '0')}.sqlite`, unitName: doc.unit.name, unitCode: doc.unit.code, tables: doc.tables })),
    );
    const files = expandPaths([folder]);

    for (const jobs of [0, 2]) {
      const memory = trackPeakMemory();
      const clock = stopwatch();
      const consolidation = await planConsolidation({ files, resolve: (file) => file, unitName: '某主管部门', adjust: 'auto', jobs });
      writeConsolidation(path.join(temp.dir, `汇总-${jobs}.sqlite`), consolidation);
      console.log(`汇总 ${UNITS} 个单位文件(每个约 300 个录入单元格,${threads(jobs)}):${clock()},内存峰值 ${memory.read()} MB`);
    }
    for (const jobs of [0, 2]) {
      const memory = trackPeakMemory();
      const clock = stopwatch();
      const reports = await validateFiles([folder], { jobs });
      const findings = reports.reduce((sum, report) => sum + report.findings.length, 0);
      console.log(`批量审核 ${reports.length} 个文件(${threads(jobs)}):${clock()},${findings} 条审核结果,内存峰值 ${memory.read()} MB`);
    }
  } finally {
    temp.cleanup();
  }
}

const threads = (jobs: number) => (jobs ? `${jobs} 个线程` : '单线程');

/** Wall time and CPU time of all threads: on a shared machine the wall time also counts waiting for a core. */
function stopwatch(): () => string {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return `${((performance.now() - wall) / 1000).toFixed(1)} 秒(CPU ${((used.user + used.system) / 1e6).toFixed(1)} 秒)`;
  };
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

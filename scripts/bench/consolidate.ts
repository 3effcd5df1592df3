/**
 * 汇总 and batch 审核 of 300 unit files of a realistic size (seed 002's nine tables, split among the
 * units, about 300 input cells each): wall time and the peak resident memory, printed. Then the 汇总
 * result opened as the app opens it and audited: its errors name the units to fix them in, worked out
 * in the core from every unit's recorded inputs the first time a 汇总 is opened (each run a copy made
 * anew), and kept for the next time the same 汇总 is opened (its snapshot carries the result only).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { createCore } from '../../electron/core/core';
import { validateFiles } from '../../electron/core/validate-files';
import { expandPaths } from '../../electron/core/read-unit-file';
import { splitSeed002 } from '../../test/fixtures/consolidation';
import { writeUnitFiles } from '../../test/fixtures/unit-files';
import { tempDir } from '../../test/helpers/temp';
import { measure, ms, report } from './measure';

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
    await openFigure(temp.dir, 'first');
    await openFigure(temp.dir, 'again');
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

/**
 * Opening the 汇总 as the app does (snapshot, then 审核) in a new core, timed over repeated runs with
 * the median CPU time of a run: `first`, each run opens a copy made anew (another 汇总 time), so its
 * errors are pointed from the units' figures; `again`, the same 汇总 opened again.
 */
async function openFigure(dir: string, when: 'first' | 'again'): Promise<void> {
  let outcome = '';
  const cpu: number[] = [];
  let copies = 0;
  const timing = await measure(
    async () => {
      const file = when === 'first' ? `汇总-${++copies}.sqlite` : '汇总.sqlite';
      if (when === 'first') {
        fs.copyFileSync(path.join(dir, '汇总.sqlite'), path.join(dir, file));
        const db = new Database(path.join(dir, file));
        db.prepare("UPDATE meta SET value = ? WHERE key = 'consolidated_at'").run(new Date(Date.now() + copies).toISOString());
        db.close();
      }
      const started = process.cpuUsage();
      const core = createCore({ resolveFile: (name) => path.join(dir, name) });
      try {
        const snapshot = JSON.stringify(await core.openYear({ file }));
        const { findings } = await core.validate({ file });
        const pointed = findings.filter((finding) => finding.fixIn).length;
        outcome = `快照 ${(Buffer.byteLength(snapshot) / 1024 / 1024).toFixed(2)} MB,${findings.length} 条审核结果(${pointed} 条指向单位文件)`;
      } finally {
        core.close();
      }
      const used = process.cpuUsage(started);
      cpu.push((used.user + used.system) / 1000);
    },
    { runs: 9 },
  );
  const label = when === 'first' ? '首次打开,由各单位录入数算出指向' : '再次打开同一汇总,沿用已算出的指向';
  report(`打开 ${UNITS} 个单位的汇总结果并审核(${label})`, timing, { p50: when === 'first' ? 300 : 30 });
  const median = cpu.slice(1).sort((a, b) => a - b)[Math.floor((cpu.length - 1) / 2)];
  console.log(`    ${outcome};每次 CPU 中位数 ${ms(median)}`);
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

/**
 * CPU time beside wall time: on a shared machine the wall time also counts waiting for a core.
 * process.cpuUsage counts every thread of the process (the parse worker, zlib's thread pool), so a
 * step that moves work off the main thread does not look cheaper than it is.
 */
import { measure, ms, report, type Target } from './measure';

/** Measures `run` like measure(), reports it, then prints its CPU time (first call and warm p50). */
export async function reportWithCpu(label: string, run: () => unknown, runs: number, target?: Target): Promise<void> {
  const cpu: number[] = [];
  const timing = await measure(async () => {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }, { runs });
  report(label, timing, target);
  const warm = cpu.slice(1).sort((a, b) => a - b);
  console.log(`    CPU(含工作线程):首次 ${ms(cpu[0])} · p50 ${ms(warm[Math.ceil(warm.length / 2) - 1])}`);
}

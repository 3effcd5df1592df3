/**
 * Hostile-input corpus figures (test/fixtures/hostile/): how many generated cases, how many refused,
 * the slowest and the most memory-hungry case, run through the in-process API and the parse worker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PARSE_LIMITS } from '../../electron/core/xlsx/isolate';
import { buildCorpus, runCase } from '../../test/fixtures/hostile/corpus';

export async function benchHostile(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-hostile-'));
  try {
    const corpus = await buildCorpus(dir);
    // The parse worker's first start (loading exceljs and the tables) is not any case's cost.
    await runCase(corpus.core, { file: '预热.xlsx', bytes: corpus.good.xlsx });
    let refused = 0;
    let slowest = { ms: 0, file: '' };
    let hungriest = { heapBytes: 0, file: '' };
    const started = performance.now();
    for (const hostile of corpus.cases) {
      const outcome = await runCase(corpus.core, hostile);
      if (outcome.code !== 0 && outcome.message.includes(hostile.file)) refused++;
      if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, file: hostile.file };
      if (outcome.heapBytes > hungriest.heapBytes) hungriest = { heapBytes: outcome.heapBytes, file: hostile.file };
    }
    corpus.core.close();
    const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
    console.log(`恶意/异常文件语料:${corpus.cases.length} 个用例,拒绝并指明文件 ${refused} 个,共 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    console.log(`  最慢 ${slowest.ms.toFixed(0)} ms(${slowest.file});上限 ${PARSE_LIMITS.seconds} 秒`);
    console.log(`  解析线程最大堆 ${mb(hungriest.heapBytes)} MB(${hungriest.file});上限 ${PARSE_LIMITS.heapMb} MB;进程峰值常驻内存 ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

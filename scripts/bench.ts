/**
 * npm run bench: performance figures, printed (never asserted in tests); every missed target is marked ✗.
 * `npm run bench -- 浏览器` (a heading below, or part of one) runs only that section, and
 * `npm run bench -- GridSpeed Browser` only the benches whose function names hold these words: on a
 * shared machine the grid figures can be taken without the rest.
 */
import { benchBrowser } from './bench/browser';
import { benchConsolidate } from './bench/consolidate';
import { benchEngine } from './bench/engine';
import { benchHostile } from './bench/hostile';
import { heading, summary } from './bench/measure';
import { benchPeers } from './bench/peers';
import { benchValidation } from './bench/rules';
import { benchScale } from './bench/scale';
import { benchXlsx } from './bench/xlsx';
import { benchReport } from './bench/report';
import { benchGridRange } from './bench/grid-range';
import { benchGridSpeed } from './bench/grid-speed';

const SECTIONS: [string, (() => Promise<void>)[]][] = [
  ['引擎与审核(进程内)', [benchEngine, benchValidation]],
  ['浏览器', [benchBrowser, benchGridRange, benchGridSpeed, benchXlsx, benchPeers, benchScale]],
  ['决算公开', [benchReport]],
  ['恶意/异常文件', [benchHostile]],
  ['汇总与批量审核(300 个单位文件)', [benchConsolidate]],
];

const asked = process.argv.slice(2);
const wanted = (title: string, bench: () => Promise<void>) => !asked.length || asked.some((part) => title.includes(part) || bench.name.includes(part));
for (const [title, benches] of SECTIONS) {
  const chosen = benches.filter((bench) => wanted(title, bench));
  if (!chosen.length) continue;
  heading(title);
  for (const bench of chosen) await bench();
}
summary();

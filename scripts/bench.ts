/** npm run bench: performance figures, printed (never asserted in tests); every missed target is marked ✗. */
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

heading('引擎与审核(进程内)');
await benchEngine();
await benchValidation();
heading('浏览器');
await benchBrowser();
await benchGridRange();
await benchXlsx();
await benchPeers();
await benchScale();
heading('决算公开');
await benchReport();
heading('恶意/异常文件');
await benchHostile();
heading('汇总与批量审核(300 个单位文件)');
await benchConsolidate();
summary();

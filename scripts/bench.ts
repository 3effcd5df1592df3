/** npm run bench: performance figures, printed (never asserted in tests). */
import { benchBrowser } from './bench/browser';
import { benchEngine } from './bench/engine';
import { benchValidation } from './bench/rules';
import { benchXlsx } from './bench/xlsx';

benchEngine();
benchValidation();
await benchBrowser();
await benchXlsx();

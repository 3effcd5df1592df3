/** npm run bench: performance figures, printed (never asserted in tests). */
import { benchBrowser } from './bench/browser';
import { benchEngine } from './bench/engine';
import { benchValidation } from './bench/rules';

benchEngine();
benchValidation();
await benchBrowser();

/** npm run bench: performance figures, printed (never asserted in tests). */
import { benchBrowser } from './bench/browser';
import { benchEngine } from './bench/engine';

benchEngine();
await benchBrowser();

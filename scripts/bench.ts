/** npm run bench: performance figures, printed (never asserted in tests). */
import { benchEngine } from './bench/engine';

benchEngine();

// Development and tests run the TypeScript sources; this starts the parse worker from them through
// tsx. The built app starts the bundled build/electron/parse-worker.mjs instead (scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');

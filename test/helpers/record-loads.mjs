// Preloaded with `node --import` by test/integration/cli-lazy-start.test.ts: records the URL of every
// ES module the process loads (one per line) in the file named by LOADS_OUT. Loader hooks run on their
// own thread, so the list is appended as it grows.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import fs from 'node:fs';
export async function load(url, context, next) {
  fs.appendFileSync(process.env.LOADS_OUT, url + '\\n');
  return next(url, context);
}`),
);

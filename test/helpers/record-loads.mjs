// Preloaded with `node --import` by test/integration/cli-lazy-start.test.ts: records the URL of every
// module the process loads (one per line) in the file named by LOADS_OUT: ES modules through loader
// hooks (on their own thread, so the list is appended as it grows), CommonJS ones (better-sqlite3 is
// taken with require()) through Module._load.
import fs from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exports = load.call(this, request, parent, isMain);
  if (!Module.isBuiltin(request)) fs.appendFileSync(process.env.LOADS_OUT, `${pathToFileURL(Module._resolveFilename(request, parent, isMain)).href}\n`);
  return exports;
};

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import fs from 'node:fs';
export async function load(url, context, next) {
  fs.appendFileSync(process.env.LOADS_OUT, url + '\\n');
  return next(url, context);
}`),
);

// Bundles the command line into JavaScript, so `juesuan` starts without transpiling TypeScript
// (tsx costs ~2 s per call). Native and heavy packages stay external: better-sqlite3 must be the
// installed build. Code splitting keeps start-up lazy: what a verb reaches only through `import()`
// (the workbook reader/writer with exceljs and @e965/xlsx, the Word/chart code with docx, echarts
// and resvg) lives in its own chunk (build/electron/cli-*.mjs), loaded when that verb runs.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const CLI_BUNDLE = 'build/electron/cli.mjs';
const OUT_DIR = path.dirname(CLI_BUNDLE);

export async function buildCli() {
  // Chunk names carry content hashes: stale ones from an earlier build must not linger.
  if (fs.existsSync(OUT_DIR)) for (const name of fs.readdirSync(OUT_DIR)) if (/^cli-.*\.mjs$/.test(name)) fs.rmSync(path.join(OUT_DIR, name));
  // Chunks sit beside cli.mjs (not in a subfolder): the parse worker is found beside the code that starts it.
  await bundle({ entryPoints: { cli: 'electron/cli.ts' }, outdir: OUT_DIR, outExtension: { '.js': '.mjs' }, chunkNames: 'cli-[name]-[hash]', splitting: true }, ['exceljs', '@e965/xlsx', '@resvg/resvg-js', 'playwright-core']);
  // The shebang belongs to the entry only (as a banner it would go into every chunk).
  fs.writeFileSync(CLI_BUNDLE, `#!/usr/bin/env node\n${fs.readFileSync(CLI_BUNDLE, 'utf8')}`);
  // The workers are minified (names kept): the desktop package carries them whole.
  // Untrusted files are parsed in a worker thread started from beside cli.mjs and main.mjs
  // (electron/core/xlsx/isolate.ts). It carries its readers inlined: the packaged desktop app ships
  // no exceljs or xlsx package, and the worker loads only when a file is read.
  await bundle({ entryPoints: ['electron/core/xlsx/parse-worker.ts'], outfile: 'build/electron/parse-worker.mjs', minify: true, keepNames: true }, []);
  // 汇总 and batch 审核 start their worker threads from this file beside the bundles (electron/core/unit-pool.ts).
  await bundle({ entryPoints: ['electron/core/validate-worker.ts'], outfile: 'build/electron/validate-worker.mjs', minify: true, keepNames: true }, ['@resvg/resvg-js', 'playwright-core']);
}

/**
 * better-sqlite3 is CommonJS. Imported as an ES module, Node first scans its source for export names
 * (cjs-module-lexer) and wraps it: 5 ms of every start of every verb. require() gives the same object
 * (the default export an import would give), so the bundles take it with require(), through the
 * banner's createRequire; the require() inside stays external.
 */
const requireSqlite = {
  name: 'require-better-sqlite3',
  setup(build) {
    build.onResolve({ filter: /^better-sqlite3$/ }, (args) => (args.kind === 'import-statement' ? { path: 'better-sqlite3', namespace: 'require-better-sqlite3' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'require-better-sqlite3' }, () => ({ contents: "module.exports = require('better-sqlite3');", loader: 'js' }));
  },
};

async function bundle(where, heavy) {
  await build({
    ...where,
    plugins: [requireSqlite],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', ...heavy],
    // The bundle is an ES module; bundled CommonJS code still calls require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();

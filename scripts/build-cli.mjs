// Bundles the command line into one JavaScript file, so `juesuan` starts without transpiling
// TypeScript (tsx costs ~2 s per call). Native and heavy packages stay external: better-sqlite3
// must be the installed build, and exceljs/@e965/xlsx load only when a verb needs them.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const CLI_BUNDLE = 'build/electron/cli.mjs';

export async function buildCli() {
  await bundle('electron/cli.ts', CLI_BUNDLE, '#!/usr/bin/env node\n', ['exceljs', '@e965/xlsx', '@resvg/resvg-js', 'playwright-core']);
  // Untrusted files are parsed in a worker thread started from beside cli.mjs and main.mjs
  // (electron/core/xlsx/isolate.ts). It carries its readers inlined: the packaged desktop app ships
  // no exceljs or xlsx package, and the worker loads only when a file is read.
  await bundle('electron/core/xlsx/parse-worker.ts', 'build/electron/parse-worker.mjs', '', []);
  // 汇总 and batch 审核 start their worker threads from this file beside the bundles (electron/core/unit-pool.ts).
  await bundle('electron/core/validate-worker.ts', 'build/electron/validate-worker.mjs', '', ['@resvg/resvg-js', 'playwright-core']);
}

async function bundle(entry, outfile, shebang, heavy) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', ...heavy],
    // The bundle is an ES module; bundled CommonJS code still calls require().
    banner: { js: `${shebang}import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);` },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();

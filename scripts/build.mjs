// Builds the renderer (vite) and bundles the Electron main process and preload (esbuild).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { buildCli } from './build-cli.mjs';

const started = Date.now();
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
// Everything but Electron and the native modules (better-sqlite3, resvg) is bundled, so the packaged app
// carries no JavaScript dependencies beyond those and their own few files (electron-builder.yml).
// playwright-core prints PDFs only in browser mode and tests; the desktop app prints with Electron.
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', external: ['electron', 'better-sqlite3', '@resvg/resvg-js', 'playwright-core'] };
// The main process is an ES module (it reads import.meta.url); the sandboxed preload must be CommonJS.
// Bundled CommonJS packages (exceljs, xlsx) call require() for Node built-ins: give the ES module one.
const requireInEsm = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
// Minified (names kept, for readable errors in the log): the desktop package carries this file whole.
await esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'build/electron/main.mjs', format: 'esm', banner: { js: requireInEsm }, minify: true, keepNames: true });
await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'build/electron/preload.cjs', format: 'cjs' });
await buildCli();
console.log(`构建完成(${((Date.now() - started) / 1000).toFixed(1)} 秒):build/renderer、build/electron(含命令行 build/electron/cli.mjs)`);

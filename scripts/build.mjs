// Builds the renderer (vite) and bundles the Electron main process and preload (esbuild).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { buildCli } from './build-cli.mjs';

const started = Date.now();
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', external: ['electron', 'better-sqlite3', 'exceljs', '@resvg/resvg-js', 'playwright-core'] };
// The main process is an ES module (it reads import.meta.url); the sandboxed preload must be CommonJS.
await esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'build/electron/main.mjs', format: 'esm' });
await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'build/electron/preload.cjs', format: 'cjs' });
await buildCli();
console.log(`构建完成(${((Date.now() - started) / 1000).toFixed(1)} 秒):build/renderer、build/electron(含命令行 build/electron/cli.mjs)`);

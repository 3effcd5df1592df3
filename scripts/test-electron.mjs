// npm run test:electron: the end-to-end page tests (test/e2e) in the real Electron window through
// Playwright's _electron, where an Electron runtime is installed. Elsewhere it says so and skips:
// npm test runs the same page tests in Chromium against the browser-mode host.
import { spawnSync } from 'node:child_process';
import { electronBinary, electronSqliteBinding } from './electron-runtime.mjs';

const binary = electronBinary();
if (!binary) {
  console.log('跳过:本机未安装 Electron 运行时(安装时无法下载或设置了 ELECTRON_SKIP_BINARY_DOWNLOAD)。');
  console.log('同样的页面测试已由 npm test 在 Chromium 中运行;在能联网的电脑上 npm install 后再运行本命令。');
  process.exit(0);
}
if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const binding = electronSqliteBinding();
if (!binding) {
  console.error('无法为 Electron 编译 better-sqlite3,不能运行 Electron 端到端测试');
  process.exit(1);
}
// exchange.e2e waits for a browser download; the desktop app saves through its save dialog instead
// (test/desktop/main-process.test.ts checks that handler). desktop-bridge.e2e stands in for the
// preload bridge that the real window has.
const browserOnly = ['test/e2e/exchange.e2e.test.ts', 'test/e2e/desktop-bridge.e2e.test.ts'];
const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/e2e', '--no-file-parallelism', ...browserOnly.map((file) => `--exclude=${file}`), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, JUESUAN_E2E_HOST: 'electron', JUESUAN_ELECTRON: binary, JUESUAN_SQLITE_BINDING: binding },
});
process.exit(vitest.status ?? 1);

// npm start: the Electron app where its runtime is installed, otherwise the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (command, args, options = {}) => spawnSync(command, args, { stdio: 'inherit', ...options }).status === 0;

if (!run(process.execPath, ['scripts/build.mjs'])) process.exit(1);

let electronBinary = null;
try {
  electronBinary = require('electron'); // the package exports the path of the downloaded runtime
  if (typeof electronBinary !== 'string' || !fs.existsSync(electronBinary)) electronBinary = null;
} catch {
  electronBinary = null;
}

if (!electronBinary) {
  console.log('未安装 Electron 运行时(安装时无法下载),改用浏览器模式启动。');
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/web-host-cli.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const binding = electronSqliteBinding();
  const child = spawn(electronBinary, ['.'], { stdio: 'inherit', env: { ...process.env, JUESUAN_SQLITE_BINDING: binding ?? '' } });
  child.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * better-sqlite3 in node_modules is built for Node (the tests use it); Electron needs the same
 * module built for its own ABI. Build a copy once per Electron version under build/native.
 */
function electronSqliteBinding() {
  const version = require('electron/package.json').version;
  const dir = path.resolve('build', 'native', `electron-${version}`);
  const binary = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binary)) return binary;
  console.log(`正在为 Electron ${version} 准备 better-sqlite3(仅首次)…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.resolve('node_modules', 'better-sqlite3'), dir, { recursive: true });
  const prebuilt = run('npx', ['--no-install', 'prebuild-install', '--runtime', 'electron', '--target', version], { cwd: dir, shell: process.platform === 'win32' });
  const built =
    prebuilt ||
    run('npx', ['--no-install', 'node-gyp', 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
      cwd: dir,
      shell: process.platform === 'win32',
    });
  if (!built || !fs.existsSync(binary)) {
    console.error('无法为 Electron 编译 better-sqlite3;可改用浏览器模式:npm run web');
    process.exit(1);
  }
  return binary;
}

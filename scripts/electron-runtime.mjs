// The Electron runtime for development (npm start, npm run test:electron): where it is, and a
// better-sqlite3 built for its ABI. Neither exists where the runtime could not be downloaded.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (command, args, options = {}) => spawnSync(command, args, { stdio: 'inherit', ...options }).status === 0;

function installedBinary() {
  try {
    const binary = require('electron'); // the package exports the path of the downloaded runtime
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * The Electron executable, downloaded on first use. `npm install` never downloads it (package.json
 * allowScripts: electron false), so installing works offline; here, with internet, electron's own
 * install script fetches the runtime once. Null where it cannot (offline, or ELECTRON_SKIP_BINARY_DOWNLOAD).
 */
export function electronBinary() {
  const installed = installedBinary();
  if (installed || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return installed;
  let installScript;
  try {
    installScript = require.resolve('electron/install.js');
  } catch {
    return null; // electron is a devDependency: absent from a production install
  }
  console.log('正在下载 Electron 运行时(仅首次,需要联网)…');
  const fetch = spawnSync(process.execPath, [installScript], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (fetch.status === 0) return installedBinary();
  // The download's own stack trace says nothing a clerk can act on: one line of reason is enough.
  const reason = `${fetch.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? '超时';
  // Node's words for "no network" (TypeError: fetch failed, ENOTFOUND …) mean one thing to the reader.
  const offline = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/.test(reason);
  console.log(`下载失败:${offline ? '无法连接下载地址(离线或网络受限)' : reason.trim().slice(0, 200)}`);
  return null;
}

/**
 * better-sqlite3 in node_modules is built for Node (the tests use it); Electron needs the same
 * module built for its own ABI. Build a copy once per Electron version under build/native.
 * Returns its path, or null when it cannot be made (no prebuilt binary and no compiler/headers).
 */
export function electronSqliteBinding() {
  const version = require('electron/package.json').version;
  const dir = path.resolve('build', 'native', `electron-${version}`);
  const binary = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binary)) return binary;
  console.log(`正在为 Electron ${version} 准备 better-sqlite3(仅首次)…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.resolve('node_modules', 'better-sqlite3'), dir, { recursive: true });
  const shell = process.platform === 'win32';
  const built =
    run('npx', ['--no-install', 'prebuild-install', '--runtime', 'electron', '--target', version], { cwd: dir, shell }) ||
    run('npx', ['--no-install', 'node-gyp', 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: dir, shell });
  return built && fs.existsSync(binary) ? binary : null;
}

// npm start: the Electron app where its runtime is installed, otherwise the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary, electronSqliteBinding } from './electron-runtime.mjs';

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const binary = electronBinary();
if (!binary) {
  console.log('没有 Electron 运行时(无法下载:离线或已设置 ELECTRON_SKIP_BINARY_DOWNLOAD),改用浏览器模式启动。');
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/web-host-cli.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const binding = electronSqliteBinding();
  if (!binding) {
    console.error('无法为 Electron 编译 better-sqlite3;可改用浏览器模式:npm run web');
    process.exit(1);
  }
  const child = spawn(binary, ['.'], { stdio: 'inherit', env: { ...process.env, JUESUAN_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
}

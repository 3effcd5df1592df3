/** npm run web -- [--port N] [--data DIR]: the browser mode on 127.0.0.1. */
import fs from 'node:fs';
import path from 'node:path';
import { startWebHost } from './core/web-host';
import { RENDERER_DIR, defaultDataDir } from './core/paths';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const port = Number(flag('port') ?? 5173);
const dataDir = path.resolve(flag('data') ?? defaultDataDir());
if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
  console.error('错误:界面尚未构建,请先运行 npm run build');
  process.exit(2);
}
startWebHost({ port, dataDir, rendererDir: RENDERER_DIR }).then(
  (host) => {
    console.log(`决算通浏览器模式已启动:${host.url}`);
    console.log(`数据目录:${dataDir}(按 Ctrl+C 退出)`);
    const stop = () => host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: Error) => {
    console.error(`错误:无法在 127.0.0.1:${port} 启动:${error.message}`);
    process.exit(2);
  },
);

/** Electron entry: one window, the renderer served from app://, the core behind one IPC channel. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { ApiError } from '../shared/contract';
import { createCore, inDataDir } from './core/core';
import { RENDERER_DIR, defaultDataDir } from './core/paths';
import { CONTENT_SECURITY_POLICY } from './core/security-policy';
import { rendererFile } from './core/static-files';
import { useNativeBinding } from './core/store';
import { APP_ORIGIN, harden, isTrustedSender } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

async function main(): Promise<void> {
  await app.whenReady();
  harden();
  // In development the Node build of better-sqlite3 has the wrong ABI; scripts/start.mjs builds one for Electron.
  useNativeBinding(process.env.JUESUAN_SQLITE_BINDING || undefined);
  const dataDir = process.env.JUESUAN_DATA_DIR || defaultDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  const core = createCore({ resolveFile: inDataDir(dataDir), dataDir });

  protocol.handle('app', async (request) => {
    const found = rendererFile(RENDERER_DIR, new URL(request.url).pathname);
    if (!found) return new Response('未找到', { status: 404 });
    return new Response(new Uint8Array(found.body), { headers: { 'Content-Type': found.type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  });

  ipcMain.handle('juesuan:call', async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: { kind: 'refused', message: '拒绝来自未知页面的调用' } };
    try {
      return { ok: true, result: await core.call(method, args) };
    } catch (error) {
      const known = error instanceof ApiError ? error : new ApiError('unreadable', `内部错误:${(error as Error).message}`);
      return { ok: false, error: { kind: known.kind, message: known.message } };
    }
  });

  ipcMain.handle('juesuan:save-file', async (event, name: unknown, dataBase64: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { saved: false };
    if (typeof name !== 'string' || typeof dataBase64 !== 'string' || name.length > 260 || /[\\/]/.test(name)) return { saved: false };
    const target = await dialog.showSaveDialog(BrowserWindow.fromWebContents(event.sender)!, {
      title: '导出 Excel',
      defaultPath: path.join(app.getPath('documents'), name),
      filters: [{ name: 'Excel 工作簿', extensions: [path.extname(name).slice(1) || 'xlsx'] }],
    });
    if (target.canceled || !target.filePath) return { saved: false };
    fs.writeFileSync(target.filePath, Buffer.from(dataBase64, 'base64'));
    return { saved: true, path: target.filePath };
  });

  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    title: '决算通',
    show: false,
    webPreferences: {
      preload: path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.removeMenu();
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    core.close();
    app.quit();
  });
}

main().catch((error: Error) => {
  console.error(`决算通启动失败:${error.stack ?? error.message}`);
  app.exit(1);
});

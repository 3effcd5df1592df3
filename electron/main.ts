/**
 * Electron entry: one instance per user, one window, the renderer served from app://, the core
 * behind IPC. Everything that can be decided without Electron lives in electron/core/desktop/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, shell } from 'electron';
import { ApiError, type YearSnapshot } from '../shared/contract';
import { createCore } from './core/core';
import { RENDERER_DIR } from './core/paths';
import { CONTENT_SECURITY_POLICY } from './core/security-policy';
import { rendererFile } from './core/static-files';
import { useNativeBinding } from './core/store';
import { openAppLog, startupFailureMessage } from './core/desktop/app-log';
import { writeFileAtomic } from './core/atomic-write';
import { aboutText, menuTemplate } from './core/desktop/menu';
import { checkSaveRequest } from './core/desktop/requests';
import { dataDirAtStart, dataDirFrom, loadSettings, missingDataDirText, saveSettings, withRecent } from './core/desktop/settings';
import { YEAR_FILE_EXTENSION, checkChosenYearFile, desktopYearFiles, yearFileInArgs } from './core/desktop/year-files';
import { APP_ORIGIN, harden, isTrustedSender } from './security';
import { printWithElectron } from './pdf-printer';

const EDITOR = '决算通桌面版';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// npm run test:electron gives every launch its own user-data folder (and so its own single-instance lock).
if (!app.isPackaged && process.env.JUESUAN_USER_DATA) app.setPath('userData', process.env.JUESUAN_USER_DATA);

const log = openAppLog(app.getPath('userData'));
let window: BrowserWindow | null = null;
/** A year file to show once the page has loaded (given on the command line or by a second launch). */
let pendingFile: string | null = yearFileInArgs(process.argv, process.cwd());
let openChosen = (file: string) => {
  pendingFile = file;
};

if (app.requestSingleInstanceLock()) {
  // A second launch (another double-click) ends at once; its file arrives here and opens in this window.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = yearFileInArgs(argv, workingDirectory);
    if (file) openChosen(file);
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  start().catch(failedToStart);
} else {
  app.quit();
}

async function start(): Promise<void> {
  await app.whenReady();
  harden();
  // `npm start` points at a better-sqlite3 built for Electron's ABI; an installed app loads only its own.
  if (!app.isPackaged) useNativeBinding(process.env.JUESUAN_SQLITE_BINDING || undefined);
  const userData = app.getPath('userData');
  let settings = loadSettings(userData);
  const atStart = dataDirAtStart(process.env, settings, app.getPath('documents'));
  let dataDir = atStart.dataDir;
  fs.mkdirSync(dataDir, { recursive: true });
  const files = desktopYearFiles(() => dataDir);
  for (const file of settings.recent) files.choose(file);
  let core = createCore({ resolveFile: files.resolve, resolveUnitFile: files.resolveUnit, dataDir, editor: EDITOR, printPdf: printWithElectron });

  const remember = (fullPath: string) => {
    settings = { ...settings, recent: withRecent(settings.recent, fullPath) };
    saveSettings(userData, settings);
    app.addRecentDocument(fullPath);
    setMenu();
  };

  protocol.handle('app', async (request) => {
    const found = rendererFile(RENDERER_DIR, new URL(request.url).pathname);
    if (!found) return new Response('未找到', { status: 404 });
    return new Response(new Uint8Array(found.body), { headers: { 'Content-Type': found.type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  });

  ipcMain.handle('juesuan:call', async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: { kind: 'refused', message: '拒绝来自未知页面的调用' } };
    try {
      const result = await core.call(method, args);
      if (method === 'openYear') {
        remember(files.resolve((args as { file: string }).file));
        files.chooseUnitsOf(result as YearSnapshot);
      }
      return { ok: true, result };
    } catch (error) {
      if (!(error instanceof ApiError)) log.write(`内部错误(${String(method)}):${(error as Error).stack ?? error}`);
      const known = error instanceof ApiError ? error : new ApiError('unreadable', `内部错误:${(error as Error).message}`);
      return { ok: false, error: { kind: known.kind, message: known.message } };
    }
  });

  // The bytes land only where the clerk said in the save dialog, written whole or not at all.
  ipcMain.handle('juesuan:save-file', async (event, name: unknown, dataBase64: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { saved: false };
    const request = checkSaveRequest(name, dataBase64);
    const owner = BrowserWindow.fromWebContents(event.sender);
    if (!request || !owner) return { saved: false };
    const target = await dialog.showSaveDialog(owner, {
      title: '导出 Excel',
      defaultPath: path.join(app.getPath('documents'), request.name),
      filters: [{ name: 'Excel 工作簿', extensions: [request.extension] }],
    });
    if (target.canceled || !target.filePath) return { saved: false };
    try {
      writeFileAtomic(target.filePath, request.bytes);
    } catch (error) {
      log.write(`保存失败 ${target.filePath}:${(error as Error).message}`);
      return { saved: false, error: (error as Error).message }; // names the file and says the previous one is intact
    }
    return { saved: true, path: target.filePath };
  });

  ipcMain.handle('juesuan:open-dropped', async (event, dropped: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { opened: false, message: '拒绝来自未知页面的调用' };
    const checked = checkChosenYearFile(dropped);
    if ('refused' in checked) return { opened: false, message: checked.refused };
    openChosen(checked.path);
    return { opened: true };
  });

  const main = new BrowserWindow({
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
  window = main;
  let loaded = false;
  openChosen = (file) => {
    files.choose(file);
    if (loaded) main.webContents.send('juesuan:open-file', file);
    else pendingFile = file;
  };
  main.webContents.on('did-finish-load', () => {
    loaded = true;
    if (pendingFile) openChosen(pendingFile);
    pendingFile = null;
  });

  const chooseYearFile = async () => {
    const picked = await dialog.showOpenDialog(main, {
      title: '打开年度文件',
      defaultPath: dataDir,
      filters: [{ name: '决算通年度文件', extensions: [YEAR_FILE_EXTENSION] }],
      properties: ['openFile'],
    });
    if (picked.canceled || !picked.filePaths[0]) return;
    const checked = checkChosenYearFile(picked.filePaths[0]);
    if ('refused' in checked) dialog.showErrorBox('无法打开', checked.refused);
    else openChosen(checked.path);
  };

  const chooseDataDir = async () => {
    const picked = await dialog.showOpenDialog(main, { title: '选择数据文件夹', defaultPath: dataDir, properties: ['openDirectory', 'createDirectory'] });
    if (picked.canceled || !picked.filePaths[0]) return;
    settings = { ...settings, dataDir: picked.filePaths[0] };
    saveSettings(userData, settings);
    dataDir = dataDirFrom(process.env, settings, app.getPath('documents'));
    // The open years belong to the old folder: close them and show the new folder's list.
    core.close();
    core = createCore({ resolveFile: files.resolve, resolveUnitFile: files.resolveUnit, dataDir, editor: EDITOR, printPdf: printWithElectron });
    main.webContents.reload();
  };

  function setMenu(): void {
    const template = menuTemplate(
      {
        open: () => void chooseYearFile(),
        openRecent: (file) => {
          const checked = checkChosenYearFile(file);
          if ('path' in checked) openChosen(checked.path);
          else dialog.showErrorBox('无法打开', checked.refused);
        },
        chooseDataDir: () => void chooseDataDir(),
        showDataDir: () => void shell.openPath(dataDir),
        showLogDir: () => void shell.openPath(path.dirname(log.file)),
        about: () =>
          void dialog.showMessageBox(main, {
            type: 'info',
            title: '关于决算通',
            message: `决算通 ${app.getVersion()}`,
            detail: aboutText({ version: app.getVersion(), electron: process.versions.electron ?? '', dataDir, logDir: path.dirname(log.file) }),
          }),
      },
      settings.recent,
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]));
  }
  setMenu();

  main.once('ready-to-show', () => {
    main.show();
    if (atStart.missing) void dialog.showMessageBox(main, { type: 'warning', title: '数据文件夹不可用', message: missingDataDirText(atStart.missing, dataDir) });
  });
  app.on('window-all-closed', () => {
    core.close();
    app.quit();
  });
  await main.loadURL(`${APP_ORIGIN}/index.html`);
}

/** A Windows user sees no console: the reason goes to a dialog and, in full, to the log file. */
function failedToStart(error: unknown): void {
  log.write(`启动失败:${(error as Error)?.stack ?? error}`);
  const { title, content } = startupFailureMessage(error, log.file);
  dialog.showErrorBox(title, content);
  app.exit(1);
}

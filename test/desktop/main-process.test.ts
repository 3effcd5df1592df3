/**
 * The BUILT Electron main process (scripts/build.mjs → build/electron/main.mjs) run under Node
 * against a stand-in `electron` module: what it registers and how it answers is checked here,
 * everything short of a real window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core/core';
import { planConsolidation, writeConsolidation } from '../../electron/core/consolidate';
import { writeUnitFiles } from '../fixtures/unit-files';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/security-policy';
import { tempDir } from '../helpers/temp';
import type { FakeWindow, StandinState } from './electron-standin';
import { APP, MAIN, fromApp, loadMain, started } from './load-main';

vi.mock('electron', () => import('./electron-standin'));

describe('the built main process with a stand-in electron', () => {
  const temp = tempDir('juesuan-main-');
  const dataDir = path.join(temp.dir, 'data');
  const userData = path.join(temp.dir, 'user');
  let state: StandinState;
  let window: FakeWindow;
  const invoke = (channel: string, event: unknown, ...args: unknown[]) => state.ipc.get(channel)!(event, ...args);

  beforeAll(async () => {
    expect(fs.existsSync(MAIN), 'npm test builds the app first (node scripts/build.mjs)').toBe(true);
    process.env.JUESUAN_DATA_DIR = dataDir;
    state = await loadMain({ userData, documents: path.join(temp.dir, 'docs') });
    await started(state);
    window = state.windows[0];
  });
  afterAll(() => {
    state.app.emit('window-all-closed');
    delete process.env.JUESUAN_DATA_DIR;
    temp.cleanup();
  });

  it('opens one window with isolation, sandbox, no node and no webview, on the app:// page', () => {
    expect(state.windows).toHaveLength(1);
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(prefs.nodeIntegrationInWorker ?? false).toBe(false);
    expect(fs.existsSync(prefs.preload)).toBe(true);
    expect(path.basename(prefs.preload)).toBe('preload.cjs');
    expect(window.webContents.url).toBe(APP);
    expect(state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves index.html with the CSP from app:// and refuses .. and absolute paths', async () => {
    const handler = state.protocols.get('app')!;
    const page: Response = await handler({ url: APP });
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toContain('text/html');
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<div id="root">');
    for (const url of ['app://juesuan/../package.json', 'app://juesuan/%2e%2e/%2e%2e/package.json', 'app://juesuan/..%2f..%2fpackage.json', 'app://juesuan//etc/passwd', 'app://juesuan/%2Fetc%2Fpasswd', `app://juesuan/${encodeURIComponent(path.resolve('package.json'))}`]) {
      const refused: Response = await handler({ url });
      expect(refused.status, url).toBe(404);
      expect(await refused.text()).toBe('未找到');
    }
  });

  it('answers IPC only for the app page and checks every argument against the contract', async () => {
    const stranger = await invoke('juesuan:call', fromApp(window, 'https://example.com/'), 'listYears', {});
    expect(stranger).toEqual({ ok: false, error: { kind: 'refused', message: '拒绝来自未知页面的调用' } });
    expect(await invoke('juesuan:call', { senderFrame: null, sender: window.webContents }, 'listYears', {})).toMatchObject({ ok: false });

    expect(await invoke('juesuan:call', fromApp(window), 'dropEverything', {})).toMatchObject({ ok: false, error: { kind: 'refused' } });
    const badArgs = await invoke('juesuan:call', fromApp(window), 'setCells', { file: 'y.sqlite', edits: 'x' });
    expect(badArgs.error.message).toContain('setCells.edits 应为数组');
    for (const file of ['../out.sqlite', path.join(temp.dir, 'elsewhere.sqlite')]) {
      const outside = await invoke('juesuan:call', fromApp(window), 'createYear', { file, fiscalYear: 2024, unitName: '单位' });
      expect(outside.ok, file).toBe(false);
    }
    expect(fs.existsSync(path.join(temp.dir, 'elsewhere.sqlite'))).toBe(false);

    const created = await invoke('juesuan:call', fromApp(window), 'createYear', { file: '2024.sqlite', fiscalYear: 2024, unitName: '单位' });
    expect(created).toMatchObject({ ok: true, result: { file: '2024.sqlite', fiscalYear: 2024 } });
    expect(fs.existsSync(path.join(dataDir, '2024.sqlite'))).toBe(true);
    // A 汇总's unit framework (issue 15) is read through the same door: arguments checked, a plain year refused.
    const unknownKind = await invoke('juesuan:call', fromApp(window), 'unitFramework', { file: '2024.sqlite', unitCode: '', unitName: '单位', kind: '附件9', subject_code: '' });
    expect(unknownKind).toMatchObject({ ok: false, error: { kind: 'refused' } });
    const notConsolidation = await invoke('juesuan:call', fromApp(window), 'unitFramework', { file: '2024.sqlite', unitCode: '', unitName: '单位', kind: 'DEPT_OVERALL_DTH', subject_code: '' });
    expect(notConsolidation).toEqual({ ok: false, error: { kind: 'refused', message: '2024.sqlite 不是汇总结果' } });

    // The workbook libraries are bundled into main.mjs: an export runs through them.
    for (const format of ['xlsx', 'xls']) {
      const exported = await invoke('juesuan:call', fromApp(window), 'exportWorkbook', { file: '2024.sqlite', format, draft: true });
      expect(exported.ok, format).toBe(true);
      expect(Buffer.from(exported.result.dataBase64, 'base64').length).toBeGreaterThan(4000);
    }
  });

  it('writes an export only where the save dialog said, whole, and nothing for a bad name or a cancel', async () => {
    const out = path.join(temp.dir, 'exports');
    fs.mkdirSync(out);
    const target = path.join(out, '选定位置.xlsx');
    fs.writeFileSync(target, 'old workbook');
    const bytes = Buffer.from('new workbook bytes');
    state.script.savePath = target;
    const saved = await invoke('juesuan:save-file', fromApp(window), '2024决算公开表.xlsx', bytes.toString('base64'));
    expect(saved).toEqual({ saved: true, path: target });
    expect(fs.readFileSync(target)).toEqual(bytes);
    expect(fs.readdirSync(out)).toEqual(['选定位置.xlsx']); // no temp file left beside it
    const [, options] = state.dialogs.at(-1)!.args as [unknown, { defaultPath: string }];
    expect(path.basename(options.defaultPath)).toBe('2024决算公开表.xlsx');

    const dialogsBefore = state.dialogs.length;
    for (const name of ['../evil.xlsx', 'a/b.xlsx', 'C:\\x.xlsx', 'x.exe', '.xlsx', 'a\u202Exslx.exe', 42]) {
      expect(await invoke('juesuan:save-file', fromApp(window), name, bytes.toString('base64')), String(name)).toEqual({ saved: false });
    }
    expect(await invoke('juesuan:save-file', fromApp(window), 'x.xlsx', 'not base64!')).toEqual({ saved: false });
    expect(await invoke('juesuan:save-file', fromApp(window, 'https://example.com/'), 'x.xlsx', bytes.toString('base64'))).toEqual({ saved: false });
    expect(state.dialogs.length).toBe(dialogsBefore); // refused before any dialog

    state.script.savePath = null;
    expect(await invoke('juesuan:save-file', fromApp(window), 'y.xlsx', bytes.toString('base64'))).toEqual({ saved: false });
    expect(fs.readdirSync(out)).toEqual(['选定位置.xlsx']);

    // A folder that cannot be written: an error the page shows, the old file untouched.
    const readOnly = path.join(out, 'missing-folder', 'x.xlsx');
    state.script.savePath = readOnly;
    const failed = await invoke('juesuan:save-file', fromApp(window), 'x.xlsx', bytes.toString('base64'));
    expect(failed.saved).toBe(false);
    expect(failed.error).toContain(`未能写入 ${readOnly}:文件夹不存在`);
  });

  it('prints the 决算公开 PDF with its own Chromium (printToPDF) in a hidden, sandboxed, script-less window', async () => {
    // No other Chromium for the core to fall back on: an installed app ships none.
    process.env.CHROMIUM_PATH = path.join(temp.dir, 'no-chromium');
    try {
      const windowsBefore = state.windows.length;
      const answer = await invoke('juesuan:call', fromApp(window), 'exportReport', { file: '2024.sqlite', format: 'pdf', draft: true });
      expect(answer.ok, answer.error?.message).toBe(true);
      const pdf = Buffer.from(answer.result.dataBase64, 'base64');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const printers = state.windows.slice(windowsBefore);
      expect(printers.length).toBeGreaterThan(0);
      for (const printer of printers) {
        expect(printer.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
        expect(printer.destroyed).toBe(true);
        expect(printer.webContents.url).toMatch(/^file:.*\.html$/);
        expect(fs.existsSync(new URL(printer.webContents.url))).toBe(false); // its temporary page is gone
      }
      // A4 with the browser mode's margins (25 / 20 mm) and the page-number footer.
      expect(printers[0].webContents.printed[0]).toMatchObject({ pageSize: 'A4', printBackground: true, displayHeaderFooter: true, margins: { top: 25 / 25.4, bottom: 25 / 25.4, left: 20 / 25.4, right: 20 / 25.4 } });
      expect(printers[0].webContents.printed[0].footerTemplate).toContain('pageNumber');
    } finally {
      delete process.env.CHROMIUM_PATH;
    }
  });

  it('a second launch focuses this window and opens the year file it was given', async () => {
    const received = path.join(temp.dir, 'usb', '2023.sqlite');
    fs.mkdirSync(path.dirname(received));
    const other = createCore({ resolveFile: (file) => file });
    await other.createYear({ file: received, fiscalYear: 2023, unitName: '外来单位' });
    other.close();

    window.minimized = true;
    state.app.emit('second-instance', {}, ['/opt/决算通/juesuan', '--no-sandbox', '2023.sqlite'], path.dirname(received));
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
    expect(window.webContents.sent.at(-1)).toEqual({ channel: 'juesuan:open-file', args: [received] });

    // The page then opens it by its full path, which is now allowed, and it joins the recent files.
    const opened = await invoke('juesuan:call', fromApp(window), 'openYear', { file: received });
    expect(opened).toMatchObject({ ok: true, result: { info: { unitName: '外来单位' } } });
    const settings = JSON.parse(fs.readFileSync(path.join(userData, 'settings.json'), 'utf8'));
    expect(settings.recent[0]).toBe(received);
    expect(state.recentDocuments).toContain(received);
    const fileMenu = (state.menus.at(-1) as any[])[0];
    expect(fileMenu.submenu[1].submenu.map((item: { label: string }) => item.label)).toContain(received);

    // A Linux file manager names the file as a URL (the .desktop entry's %U).
    state.app.emit('second-instance', {}, ['/opt/决算通/juesuan', pathToFileURL(received).href], '/');
    expect(window.webContents.sent.at(-1)).toEqual({ channel: 'juesuan:open-file', args: [received] });

    // A launch without a file only brings the window forward.
    state.app.emit('second-instance', {}, ['/opt/决算通/juesuan'], '/');
    expect(window.focused).toBe(3);
    expect(window.webContents.sent).toHaveLength(2);
  });

  it('opens a dropped year file and refuses anything else', async () => {
    const dropped = path.join(temp.dir, 'usb', '2023.sqlite');
    expect(await invoke('juesuan:open-dropped', fromApp(window), dropped)).toEqual({ opened: true });
    expect(window.webContents.sent.at(-1)).toEqual({ channel: 'juesuan:open-file', args: [dropped] });
    expect((await invoke('juesuan:open-dropped', fromApp(window), path.resolve('package.json'))).message).toContain('不是决算通年度文件');
    expect((await invoke('juesuan:open-dropped', fromApp(window), path.join(temp.dir, 'none.sqlite'))).message).toContain('找不到文件');
    expect(await invoke('juesuan:open-dropped', fromApp(window, 'https://example.com/'), dropped)).toMatchObject({ opened: false });
    // A path the clerk never chose stays out of reach.
    const notChosen = await invoke('juesuan:call', fromApp(window), 'openYear', { file: path.join(temp.dir, 'usb', 'other.sqlite') });
    expect(notChosen.error.message).toContain('请通过“文件 › 打开…”选择年度文件');
  });

  it('opens in place the unit files a 汇总 made by the CLI points at (full paths outside the data folder), and no others', async () => {
    const folder = path.join(temp.dir, 'cli-units');
    await writeUnitFiles(folder, [
      { file: 'a.sqlite', unitName: '甲单位', unitCode: '1', tables: { 公开01表: { '28': { '1': '12.00' } } } },
      { file: 'b.sqlite', unitName: '乙单位', unitCode: '2', tables: {} },
    ]);
    const [a, b] = ['a.sqlite', 'b.sqlite'].map((name) => path.join(folder, name));
    // As `juesuan consolidate` records them: each unit file by its full path.
    writeConsolidation(path.join(dataDir, '2023-汇总.sqlite'), await planConsolidation({ files: [a, b], resolve: (file) => file, unitName: '主管部门', adjust: 'none' }));
    expect((await invoke('juesuan:call', fromApp(window), 'openYear', { file: a })).error.message).toContain('请通过“文件 › 打开…”选择年度文件');

    const consolidated = await invoke('juesuan:call', fromApp(window), 'openYear', { file: '2023-汇总.sqlite' });
    const pointed = Object.values(consolidated.result.unitFixes).flatMap((fixIn: any) => fixIn.units.map((unit: { file: string }) => unit.file));
    expect(pointed).toContain(a);
    expect(await invoke('juesuan:call', fromApp(window), 'openYear', { file: a })).toMatchObject({ ok: true, result: { info: { unitName: '甲单位' } } });
    // A unit the errors do not point at is no button in the panel and stays out of reach.
    expect(pointed).not.toContain(b);
    expect((await invoke('juesuan:call', fromApp(window), 'openYear', { file: b })).error.message).toContain('请通过“文件 › 打开…”选择年度文件');
  });

  it('re-汇总s a 汇总 made by the CLI from the unit files its record names by full path (read only), and no others', async () => {
    const folder = path.join(temp.dir, 'cli-record');
    await writeUnitFiles(folder, [
      { file: 'a.sqlite', unitName: '甲单位', unitCode: '1', tables: { 公开01表: { '28': { '1': '12.00' } } } },
      { file: 'b.sqlite', unitName: '乙单位', unitCode: '2', tables: {} },
      { file: 'c.sqlite', unitName: '丙单位', unitCode: '3', tables: {} },
    ]);
    const [a, b, c] = ['a.sqlite', 'b.sqlite', 'c.sqlite'].map((name) => path.join(folder, name));
    writeConsolidation(path.join(dataDir, '2023-CLI汇总.sqlite'), await planConsolidation({ files: [a, b], resolve: (file) => file, unitName: '主管部门', adjust: 'none' }));
    const ask = (method: string, args: unknown) => invoke('juesuan:call', fromApp(window), method, args);

    const record = await ask('consolidationRecord', { out: '2023-CLI汇总.sqlite' });
    expect(record).toMatchObject({ ok: true, result: { files: [a, b], unitName: '主管部门', changed: [] } });
    const request = { files: record.result.files, unitName: '主管部门', adjust: 'none' as const, offsets: record.result.offsets };
    expect((await ask('planConsolidation', request)).result.units.map((unit: { unitName: string }) => unit.unitName)).toEqual(['甲单位', '乙单位']);
    expect(await ask('consolidate', { ...request, out: '2023-CLI汇总.sqlite' })).toMatchObject({ ok: true, result: { info: { unitName: '主管部门' } } });
    // Read as units of that 汇总, not opened for editing; a file no record names stays out of reach.
    expect((await ask('openYear', { file: b })).error.message).toContain('请通过“文件 › 打开…”选择年度文件');
    expect((await ask('planConsolidation', { ...request, files: [a, c] })).error.message).toContain('请通过“文件 › 打开…”选择年度文件');
  });

  it('opens a file picked in 文件 › 打开…', async () => {
    const picked = path.join(temp.dir, 'usb', 'picked.sqlite');
    fs.copyFileSync(path.join(temp.dir, 'usb', '2023.sqlite'), picked);
    state.script.openPaths = [picked];
    const fileMenu = (state.menus.at(-1) as any[])[0];
    fileMenu.submenu.find((item: { label?: string }) => item.label === '打开年度文件…').click();
    await vi.waitFor(() => expect(window.webContents.sent.at(-1)).toEqual({ channel: 'juesuan:open-file', args: [picked] }));
  });

  it('has a 文件/编辑/视图/帮助 menu with the standard edit roles and an 关于 dialog naming version, data and log folders', async () => {
    const menu = state.menus.at(-1) as any[];
    expect(menu.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const roles = menu[1].submenu.map((item: { role?: string }) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    menu[3].submenu.find((item: { label?: string }) => item.label === '关于决算通').click();
    const about = state.dialogs.at(-1)!;
    expect(about.kind).toBe('message');
    const detail = (about.args[1] as { detail: string }).detail;
    expect(detail).toContain('版本 0.1.0');
    expect(detail).toContain(dataDir);
    expect(detail).toContain(path.join(userData, 'logs'));
  });

  it('denies permissions, navigation away, new windows and webviews', () => {
    expect(state.permissionCheck!(null, 'media', 'app://juesuan')).toBe(false);
    expect(state.permissionCheck!(null, 'clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(state.permissionCheck!(null, 'clipboard-sanitized-write', 'app://juesuan')).toBe(true);
    let granted: boolean | undefined;
    state.permissionRequest!({ getURL: () => APP }, 'geolocation', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);

    const contents = new (window.webContents.constructor as any)();
    state.app.emit('web-contents-created', {}, contents);
    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(navigate('will-navigate', 'app://juesuan/index.html')).toBe(false);
    expect(navigate('will-attach-webview', 'app://juesuan/index.html')).toBe(true);
    expect(contents.windowOpenHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('launching the desktop app', () => {
  const temp = tempDir('juesuan-launch-');
  afterEach(() => delete process.env.JUESUAN_DATA_DIR);
  afterAll(() => temp.cleanup());

  it('a second instance quits at once without a window', async () => {
    process.env.JUESUAN_DATA_DIR = path.join(temp.dir, 'data');
    const state = await loadMain({ gotLock: false, userData: path.join(temp.dir, 'user2'), documents: temp.dir });
    expect(state.app.quitCalls).toBe(1);
    expect(state.windows).toHaveLength(0);
    expect(state.ipc.size).toBe(0);
  });

  it('a startup failure shows a dialog naming the reason and the log file, which holds the details', async () => {
    const notAFolder = path.join(temp.dir, 'a-file');
    fs.writeFileSync(notAFolder, '');
    process.env.JUESUAN_DATA_DIR = path.join(notAFolder, 'data');
    const userData = path.join(temp.dir, 'user3');
    const state = await loadMain({ userData, documents: temp.dir });
    await vi.waitFor(() => expect(state.app.exitCode).toBe(1));
    const shown = state.dialogs.find((entry) => entry.kind === 'error')!;
    const [title, content] = shown.args as [string, string];
    const logFile = path.join(userData, 'logs', '决算通.log');
    expect(title).toBe('决算通无法启动');
    expect(content).toContain(logFile);
    expect(content).toContain('ENOTDIR');
    expect(fs.readFileSync(logFile, 'utf8')).toMatch(/启动失败:Error: ENOTDIR[\s\S]*at /);
    expect(state.windows).toHaveLength(0);
  });

  it('uses 决算通 in the documents folder by default, and the folder the clerk chose once remembered', async () => {
    const documents = path.join(temp.dir, '文档');
    const userData = path.join(temp.dir, 'user4');
    let state = await loadMain({ userData, documents });
    await started(state);
    expect(fs.existsSync(path.join(documents, '决算通'))).toBe(true);

    const chosen = path.join(temp.dir, '单位共享', '决算');
    fs.mkdirSync(chosen, { recursive: true });
    state.script.openPaths = [chosen];
    const fileMenu = (state.menus.at(-1) as any[])[0];
    fileMenu.submenu.find((item: { label?: string }) => item.label === '选择数据文件夹…').click();
    await vi.waitFor(() => expect(state.windows[0].webContents.reloads).toBe(1));
    const created = await state.ipc.get('juesuan:call')!(fromApp(state.windows[0]), 'createYear', { file: '2025.sqlite', fiscalYear: 2025, unitName: '单位' });
    expect(created.ok).toBe(true);
    expect(fs.existsSync(path.join(chosen, '2025.sqlite'))).toBe(true);
    state.app.emit('window-all-closed');

    // The next start remembers the choice.
    state = await loadMain({ userData, documents });
    await started(state);
    const listed = await state.ipc.get('juesuan:call')!(fromApp(state.windows[0]), 'listYears', {});
    expect(listed.result.map((year: { file: string }) => year.file)).toEqual(['2025.sqlite']);
    state.app.emit('window-all-closed');
  });

  it('opens the year file it was started with (a double-click in the file manager)', async () => {
    process.env.JUESUAN_DATA_DIR = path.join(temp.dir, 'data7');
    const received = path.join(temp.dir, '双击.sqlite');
    const other = createCore({ resolveFile: (file) => file });
    await other.createYear({ file: received, fiscalYear: 2023, unitName: '双击单位' });
    other.close();
    const argv = process.argv;
    process.argv = ['/opt/决算通/juesuan', received];
    try {
      const state = await loadMain({ userData: path.join(temp.dir, 'user7'), documents: temp.dir });
      await started(state);
      const window = state.windows[0];
      expect(window.webContents.sent).toEqual([{ channel: 'juesuan:open-file', args: [received] }]);
      const opened = await state.ipc.get('juesuan:call')!(fromApp(window), 'openYear', { file: received });
      expect(opened.result.info.unitName).toBe('双击单位');
      state.app.emit('window-all-closed');
    } finally {
      process.argv = argv;
    }
  });

  it('loads a development better-sqlite3 build only when not packaged', async () => {
    process.env.JUESUAN_DATA_DIR = path.join(temp.dir, 'data5');
    process.env.JUESUAN_SQLITE_BINDING = path.join(temp.dir, 'planted.node');
    try {
      const state = await loadMain({ userData: path.join(temp.dir, 'user5'), documents: temp.dir, isPackaged: true });
      await started(state);
      const created = await state.ipc.get('juesuan:call')!(fromApp(state.windows[0]), 'createYear', { file: 'p.sqlite', fiscalYear: 2024, unitName: '单位' });
      expect(created.ok).toBe(true); // the planted path was ignored
      state.app.emit('window-all-closed');

      const dev = await loadMain({ userData: path.join(temp.dir, 'user6'), documents: temp.dir, isPackaged: false });
      await started(dev);
      const refused = await dev.ipc.get('juesuan:call')!(fromApp(dev.windows[0]), 'createYear', { file: 'd.sqlite', fiscalYear: 2024, unitName: '单位' });
      expect(refused.ok).toBe(false);
      expect(refused.error.message).toContain('planted.node');
      dev.app.emit('window-all-closed');
    } finally {
      delete process.env.JUESUAN_SQLITE_BINDING;
    }
  });
});

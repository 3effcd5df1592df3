/**
 * A stand-in for the `electron` module, enough to run the built main process under Node: it
 * records what the main process registers (protocol handlers, IPC handlers, windows, menus,
 * app events) and answers dialogs as the test scripts them. The state lives on globalThis so
 * each fresh load of main.mjs (after vi.resetModules) and the test share it.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

type Handler = (...args: any[]) => any;

export interface StandinScript {
  /** What app.requestSingleInstanceLock answers: false plays the second launch. */
  gotLock: boolean;
  isPackaged: boolean;
  userData: string;
  documents: string;
  /** What the next save dialog answers. */
  savePath: string | null;
  /** What the next open dialog answers. */
  openPaths: string[];
}

export interface StandinState {
  script: StandinScript;
  app: FakeApp;
  privilegedSchemes: unknown[];
  protocols: Map<string, Handler>;
  ipc: Map<string, Handler>;
  windows: FakeWindow[];
  menus: unknown[][];
  dialogs: { kind: string; args: unknown[] }[];
  permissionCheck?: Handler;
  permissionRequest?: Handler;
  openedPaths: string[];
  recentDocuments: string[];
}

const KEY = '__juesuanElectronStandin';

export function standin(): StandinState {
  return (globalThis as any)[KEY];
}

/** A fresh stand-in for the next load of the main process. */
export function resetStandin(script: StandinScript): StandinState {
  const state: StandinState = {
    script,
    app: new FakeApp(),
    privilegedSchemes: [],
    protocols: new Map(),
    ipc: new Map(),
    windows: [],
    menus: [],
    dialogs: [],
    openedPaths: [],
    recentDocuments: [],
  };
  (globalThis as any)[KEY] = state;
  return state;
}

class FakeApp extends EventEmitter {
  quitCalls = 0;
  exitCode: number | null = null;
  ready!: () => void;
  private readyPromise = new Promise<void>((resolve) => (this.ready = resolve));

  get isPackaged() {
    return standin().script.isPackaged;
  }
  requestSingleInstanceLock() {
    return standin().script.gotLock;
  }
  whenReady() {
    return this.readyPromise;
  }
  quit() {
    this.quitCalls++;
  }
  exit(code = 0) {
    this.exitCode = code;
  }
  getPath(name: string) {
    const { script } = standin();
    if (name === 'userData') return script.userData;
    if (name === 'documents') return script.documents;
    throw new Error(`stand-in app.getPath(${name}) not scripted`);
  }
  getVersion() {
    return '0.1.0';
  }
  addRecentDocument(file: string) {
    standin().recentDocuments.push(file);
  }
}

export class FakeWebContents extends EventEmitter {
  sent: { channel: string; args: unknown[] }[] = [];
  reloads = 0;
  url = '';
  windowOpenHandler?: Handler;
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  reload() {
    this.reloads++;
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler;
  }
  /**
   * Electron's printToPDF played by the real Chromium (playwright-core) on the loaded page, its
   * options turned into Chromium's own (pageSize, margins in inches, header and footer templates),
   * so the main process's PDF is a real one. Each call's options are kept for the test.
   */
  printed: Record<string, any>[] = [];
  async printToPDF(options: Record<string, any>): Promise<Buffer> {
    this.printed.push(options);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ javaScriptEnabled: options.javascript ?? true });
      await page.goto(this.url);
      const inches = (value: number) => `${value}in`;
      const { top, bottom, left, right } = options.margins;
      return await page.pdf({
        format: options.pageSize,
        printBackground: options.printBackground,
        displayHeaderFooter: options.displayHeaderFooter,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margin: { top: inches(top), bottom: inches(bottom), left: inches(left), right: inches(right) },
      });
    } finally {
      await browser.close();
    }
  }
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeWebContents();
  focused = 0;
  restored = 0;
  shown = false;
  minimized = false;
  constructor(readonly options: any) {
    super();
    standin().windows.push(this);
  }
  static fromWebContents(contents: unknown) {
    return standin().windows.find((window) => window.webContents === contents) ?? null;
  }
  async loadURL(url: string) {
    this.webContents.url = url;
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }
  async loadFile(file: string) {
    await this.loadURL(pathToFileURL(file).href);
  }
  destroyed = false;
  destroy() {
    this.destroyed = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.restored++;
  }
  focus() {
    this.focused++;
  }
  show() {
    this.shown = true;
  }
}

const record = (kind: string, args: unknown[]) => standin().dialogs.push({ kind, args });

export const app = new Proxy({} as FakeApp, {
  get: (_target, name) => {
    const current = standin().app as any;
    const value = current[name];
    return typeof value === 'function' ? value.bind(current) : value;
  },
});
export const BrowserWindow = FakeWindow;
export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => standin().privilegedSchemes.push(...schemes),
  handle: (scheme: string, handler: Handler) => standin().protocols.set(scheme, handler),
};
export const ipcMain = {
  handle: (channel: string, handler: Handler) => standin().ipc.set(channel, handler),
};
export const dialog = {
  showSaveDialog: async (...args: unknown[]) => {
    record('save', args);
    const path = standin().script.savePath;
    return path ? { canceled: false, filePath: path } : { canceled: true, filePath: '' };
  },
  showOpenDialog: async (...args: unknown[]) => {
    record('open', args);
    const paths = standin().script.openPaths;
    return { canceled: paths.length === 0, filePaths: paths };
  },
  showErrorBox: (...args: unknown[]) => record('error', args),
  showMessageBox: async (...args: unknown[]) => {
    record('message', args);
    return { response: 0 };
  },
};
export const Menu = {
  buildFromTemplate: (template: unknown[]) => template,
  setApplicationMenu: (menu: unknown[]) => standin().menus.push(menu),
};
export const shell = {
  openPath: async (path: string) => {
    standin().openedPaths.push(path);
    return '';
  },
};
export const session = {
  defaultSession: {
    setPermissionCheckHandler: (handler: Handler) => (standin().permissionCheck = handler),
    setPermissionRequestHandler: (handler: Handler) => (standin().permissionRequest = handler),
  },
};
export default { app, BrowserWindow, protocol, ipcMain, dialog, Menu, shell, session };

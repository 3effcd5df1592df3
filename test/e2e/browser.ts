import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RENDERER_DIR } from '../../electron/core/paths';
import { startWebHost, type WebHost } from '../../electron/core/web-host';
import { seed002Doc } from '../fixtures/seed-002';
import { tempDir } from '../helpers/temp';

export const SCREENSHOT_DIR = path.resolve('test-output', 'screenshots');

/**
 * Debian's Chromium, started the way this machine allows (no sandbox as root, no background traffic).
 * E2E_HEADED=1 (under xvfb-run) opens a normal window, whose scrollbars take room as on a desktop.
 */
export async function launchChromium(): Promise<Browser> {
  const headed = process.env.E2E_HEADED === '1';
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !headed,
    args: [...(headed ? [] : ['--headless']), '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The real browser-mode host on a free 127.0.0.1 port over a temporary data folder. */
export interface App {
  /** Where the page is served from (the browser host, or the Electron window's app:// page). */
  host: Pick<WebHost, 'url' | 'close'>;
  dataDir: string;
  /** null when the page is the Electron window (npm run test:electron). */
  browser: Browser | null;
  page: Page;
  /** A contract call over the host's HTTP door, as the renderer makes it. */
  call(method: string, args: unknown): Promise<{ ok: boolean; result?: unknown; error?: { message: string } }>;
  /** A year file holding seed 002 (荆门 2023), loaded through the API; refuses loudly if the core does. */
  seed002(file: string, unitCode?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startApp(): Promise<App> {
  if (process.env.JUESUAN_E2E_HOST === 'electron') return (await import('./electron-app')).startElectronApp();
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('renderer not built: run npm run build');
  const data = tempDir('juesuan-e2e-');
  const host = await startWebHost({ port: 0, dataDir: data.dir, rendererDir: RENDERER_DIR });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const call: App['call'] = (method, args) => fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Juesuan-Token': host.token }, body: JSON.stringify(args) }).then((response) => response.json());
  return {
    host,
    dataDir: data.dir,
    browser,
    page,
    call,
    seed002: (file, unitCode) => seed002Through(call, file, unitCode),
    async stop() {
      await browser.close();
      await host.close();
      data.cleanup();
      if (consoleErrors.length) throw new Error(`页面脚本错误:${consoleErrors.join('; ')}`);
    },
  };
}

/** Seed 002 (荆门 2023) into a new year file through whichever door the page uses. */
export async function seed002Through(call: App['call'], file: string, unitCode?: string): Promise<void> {
  for (const [method, args] of [
    ['createYear', { file, fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', unitCode }],
    ['load', { file, doc: seed002Doc() }],
  ] as const) {
    const answer = await call(method, args);
    if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Runs `work` as on a slow, busy county office PC: the page's CPU slowed `rate` times (CDP throttling)
 * and, with `lateFrames`, each animation frame held back 250 ms (a key is handled at once, a frame
 * waits for the machine). The page is back to full speed afterwards, whatever `work` did.
 */
export async function onSlowPc(page: Page, work: () => Promise<void>, { rate = 6, lateFrames = false } = {}): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (lateFrames) {
    await page.evaluate(() => {
      const onTime = window.requestAnimationFrame.bind(window);
      Object.assign(window, { onTimeFrame: onTime });
      window.requestAnimationFrame = (callback) => window.setTimeout(() => onTime(callback), 250);
    });
  }
  try {
    await work();
  } finally {
    if (lateFrames) await page.evaluate(() => (window.requestAnimationFrame = (window as unknown as { onTimeFrame: typeof requestAnimationFrame }).onTimeFrame));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

/**
 * The same App as browser.ts, but the page is the real Electron window (npm run test:electron,
 * which sets JUESUAN_ELECTRON and a better-sqlite3 built for Electron). Contract calls go through
 * the preload's bridge, exactly as the renderer makes them.
 */
import { _electron } from 'playwright-core';
import { tempDir } from '../helpers/temp';
import { seed002Through, type App } from './browser';

const APP_PAGE = 'app://juesuan/index.html';

export async function startElectronApp(): Promise<App> {
  const data = tempDir('juesuan-e2e-');
  // Each launch has its own user-data folder, so the single-instance lock never joins two test files.
  const userData = tempDir('juesuan-e2e-user-');
  const electronApp = await _electron.launch({
    executablePath: process.env.JUESUAN_ELECTRON!,
    args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, JUESUAN_DATA_DIR: data.dir, JUESUAN_USER_DATA: userData.dir } as Record<string, string>,
  });
  const page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const call: App['call'] = (method, args) =>
    page.evaluate(([name, values]) => (window as unknown as { juesuan: { call(m: string, a: unknown): Promise<never> } }).juesuan.call(name, values), [method, args] as const);
  const close = async () => {
    await electronApp.close();
    data.cleanup();
    userData.cleanup();
  };
  return {
    host: { url: APP_PAGE, close },
    dataDir: data.dir,
    browser: null,
    page,
    call,
    seed002: (file, unitCode) => seed002Through(call, file, unitCode),
    async stop() {
      await close();
      if (pageErrors.length) throw new Error(`页面脚本错误:${pageErrors.join('; ')}`);
    },
  };
}

/**
 * The renderer's side of opening files in the desktop app (renderer/src/desktop.ts), in Chromium:
 * a stand-in for the preload's `juesuanDesktop` bridge records what the page hands over, while the
 * year files themselves come from the real browser-mode host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp } from './browser';

/** Installed before the page's scripts run, as the preload would be. */
const BRIDGE_STANDIN = () => {
  const bridge = {
    open: null as ((file: string) => void) | null,
    dropped: [] as string[],
    onOpenFile(open: (file: string) => void) {
      bridge.open = open;
    },
    async openDropped(file: File) {
      bridge.dropped.push(file.name);
      return { opened: false, message: `测试:主进程收到 ${file.name}` };
    },
  };
  (window as unknown as { juesuanDesktop: typeof bridge }).juesuanDesktop = bridge;
};

type Bridge = { open: ((file: string) => void) | null; dropped: string[] };

describe('opening year files from outside the page (desktop bridge)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    await app.page.addInitScript(BRIDGE_STANDIN);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('opens the year file the main process names, and hands a dropped .sqlite file over', async () => {
    await app.seed002('收到的.sqlite');
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);

    // 文件 › 打开…, a double-click or a second launch: the main process sends the file to open.
    await app.page.evaluate(() => (window as unknown as { juesuanDesktop: Bridge }).juesuanDesktop.open!('收到的.sqlite'));
    await expect.poll(() => app.page.title()).toContain('2023年度 荆门市行政审批局(本级)');

    const drop = (name: string) =>
      app.page.evaluate((fileName) => {
        const data = new DataTransfer();
        data.items.add(new File(['x'], fileName));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, name);
    await drop('2022.sqlite');
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { juesuanDesktop: Bridge }).juesuanDesktop.dropped)).toEqual(['2022.sqlite']);
    await app.page.getByRole('alert').getByText('测试:主进程收到 2022.sqlite').waitFor();

    // A workbook dropped on the window is not a year file: it is not handed over, and the clerk is told where it goes.
    await drop('公开表.xlsx');
    await app.page.getByRole('alert').getByText('拖入的不是决算通年度文件').waitFor();
    expect(await app.page.evaluate(() => (window as unknown as { juesuanDesktop: Bridge }).juesuanDesktop.dropped)).toEqual(['2022.sqlite']);
    await screenshot(app.page, '桌面版-拖入非年度文件');
  });
});

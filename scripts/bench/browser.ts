/** Browser figures: typing into 公开01表 to seeing 总计 updated, in Debian's Chromium against the browser-mode host. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { RENDERER_DIR } from '../../electron/core/paths';
import { TOKEN_HEADER, startWebHost } from '../../electron/core/web-host';
import { displayAmount, parseAmount } from '../../shared/money';
import { tempDir } from '../../test/helpers/temp';
import { fromSamples, ms, report } from './measure';

export async function benchBrowser(): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath) || !existsSync(`${RENDERER_DIR}/index.html`)) {
    console.log('浏览器:跳过(需要 /usr/bin/chromium 和 npm run build)');
    return;
  }
  const data = tempDir('juesuan-bench-');
  const host = await startWebHost({ port: 0, dataDir: data.dir, rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await fetch(`${host.url}api/createYear`, { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token }, body: JSON.stringify({ file: 'b.sqlite', fiscalYear: 2024, unitName: '基准测试单位' }) });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.locator('.year-list button').first().click();
    const input = page.locator('.grid-host[data-active] [row-id="L27"] [col-id="s0-c1"]');
    const total = page.locator('.grid-host[data-active] [row-id="L30"] [col-id="s0-c1"]');
    await input.click();
    // Timed inside the page: from the Enter that commits the edit to the frame that shows the new 总计.
    await page.evaluate(`document.addEventListener('keydown', (event) => { if (event.key === 'Enter') window.commitAt = performance.now(); }, true)`);
    // Main-thread busy time (CDP TaskDuration) per edit, typing included: a loaded machine inflates it far less than wall time.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
    const busyBefore = await busy();
    const times: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const text = `${i}.25`;
      await page.keyboard.type(text);
      // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
      const shown = page.evaluate<number>(`new Promise((resolve) => {
        const check = () => {
          const cell = document.querySelector('.grid-host[data-active] [row-id="L30"] [col-id="s0-c1"]');
          if (cell && cell.textContent === ${JSON.stringify(displayAmount(parseAmount(text)))}) resolve(performance.now() - window.commitAt);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      })`);
      await page.keyboard.press('Enter');
      times.push(await shown);
      await total.filter({ hasText: displayAmount(parseAmount(text)) }).waitFor();
      await page.keyboard.press('ArrowUp');
    }
    const perEdit = ((await busy()) - busyBefore) / times.length;
    report(`浏览器:公开01表按 Enter 提交到总计显示更新(主线程每次录入 ${ms(perEdit)},含键入与审核)`, fromSamples(times), { p50: 16, p99: 50 });
  } finally {
    await browser.close();
    await host.close();
    data.cleanup();
  }
}

/**
 * Spreadsheet range figures, in Debian's Chromium against the browser-mode host: Ctrl+C of a
 * 300-line range of 公开02表 (key press to TSV on the clipboard) and Ctrl+D over 300 lines (key
 * press to the notice that the core saved the step).
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { functionName, searchFunction } from '../../shared/catalog';
import { RENDERER_DIR } from '../../electron/core/paths';
import { TOKEN_HEADER, startWebHost } from '../../electron/core/web-host';
import { tempDir } from '../../test/helpers/temp';
import { fromSamples, report } from './measure';

const LINES = 300;

export async function benchGridRange(): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath) || !existsSync(`${RENDERER_DIR}/index.html`)) {
    console.log('表格区域:跳过(需要 /usr/bin/chromium 和 npm run build)');
    return;
  }
  const data = tempDir('juesuan-bench-range-');
  const host = await startWebHost({ port: 0, dataDir: data.dir, rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    // 300 项 rows under a few 款, each with its own 财政拨款收入 (栏 2), so a fill changes the figures.
    const groups = searchFunction('2', 5000).filter((code) => code.level === '款').slice(0, 4);
    const codes = groups.flatMap((group) => Array.from({ length: 99 }, (_, i) => `${group.code}${String(i + 1).padStart(2, '0')}`)).slice(0, LINES);
    const calls: [string, unknown][] = [
      ['createYear', { file: 'r.sqlite', fiscalYear: 2024, unitName: '基准测试单位' }],
      ['edit', {
        file: 'r.sqlite',
        addCodes: codes.map((code) => ({ table: '公开02表', code, name: functionName(code) ?? `基准测试科目${code}` })),
        cells: codes.map((code, i) => ({ table: '公开02表', row: code, col: '2', value: `${i + 1}.00` })),
      }],
    ];
    for (const [method, args] of calls) {
      const answer = await (await fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token }, body: JSON.stringify(args) })).json();
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
    }
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url.replace(/\/$/, '') });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.locator('.year-list button').first().click();
    await page.locator('.side-item', { hasText: '公开02表' }).click();
    // 合计, 类, 款, then the 项 rows: select 300 lines from the first 项 down.
    const selectLines = async () => {
      await page.locator('.grid-host[data-active] [row-id="L3"] [col-id="s0-c2"]').click();
      for (let i = 1; i < LINES; i++) await page.keyboard.press('Shift+ArrowDown');
    };
    await selectLines();

    await page.evaluate(`document.addEventListener('keydown', (event) => { if (event.ctrlKey) window.keyAt = performance.now(); }, true);
      document.addEventListener('copy', () => { window.copiedIn = performance.now() - window.keyAt; });`);
    const copies: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Control+C');
      copies.push(await page.evaluate<number>('window.copiedIn'));
    }
    const lines = (await page.evaluate(() => navigator.clipboard.readText())).split('\r\n').filter(Boolean).length;
    report(`表格区域:复制 ${lines} 行(Ctrl+C 到剪贴板)`, fromSamples(copies), { p50: 50 });

    const fills: number[] = [];
    for (let i = 0; i < 4; i++) {
      // Undo focuses the cell it changed back, as the spreadsheet does: select the lines again.
      await selectLines();
      fills.push(await timeUntilNotice(page, 'Control+D', '已向下填充'));
      await page.keyboard.press('Control+Z');
      await page.locator('.save-status.saved').waitFor();
    }
    report(`表格区域:向下填充 ${LINES} 行(Ctrl+D 到保存确认)`, fromSamples(fills), { p50: 500 });
  } finally {
    await browser.close();
    await host.close();
    data.cleanup();
  }
}

/** From the key press to the frame showing the notice that the core has saved the step. */
async function timeUntilNotice(page: Page, key: string, notice: string): Promise<number> {
  await page.evaluate(`document.querySelector('.notice-bar button')?.click()`);
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const shown = page.evaluate<number>(`new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('.notice-bar')?.textContent.includes(${JSON.stringify(notice)})) resolve(performance.now() - window.keyAt);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`);
  await page.keyboard.press(key);
  return shown;
}

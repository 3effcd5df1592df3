import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, startApp, type App } from './browser';

/** A year file another program edits opens to be viewed, checked and exported, saying who holds it. */
describe('a year file another program has open for editing', () => {
  let app: App;
  let editor: ChildProcess;
  beforeAll(async () => {
    app = await startApp();
    // Another process (as the CLI or a colleague's 决算通 would) creates the file, edits it and keeps it open.
    editor = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/edit-and-hang.ts', path.join(app.dataDir, 'held.sqlite'), '1']);
    await new Promise<void>((resolve, reject) => {
      let output = '';
      editor.stdout!.on('data', (chunk) => {
        output += chunk;
        if (output.includes('ack 1\n')) resolve();
      });
      editor.on('exit', (code) => reject(new Error(`editor exited early with ${code}`)));
    });
  });
  afterAll(async () => {
    editor?.kill('SIGKILL');
    await app?.stop();
  });

  it('opens read-only with the holder named, shows its figures and 审核, and refuses an edit without changing the cell', async () => {
    const ui = new AppPage(app.page);
    await ui.openStart(app.host.url);
    await ui.openYear('断电测试单位');
    const bar = app.page.locator('.read-only-bar');
    await expect.poll(() => bar.innerText()).toContain('只读打开:年度文件 held.sqlite 正由决算通打开编辑');
    expect(await bar.innerText()).toContain(`进程 ${editor.pid}`);
    expect(await app.page.locator('.app-header .read-only-mark').innerText()).toBe('只读');
    expect(await app.page.locator('.app-header').getByRole('button', { name: '导入 ▾' }).isDisabled()).toBe(true);
    await ui.selectTable('公开01表');
    // 公开01表 line 27 is r28, which the other program set to 1.01.
    await ui.expectCellText(27, 's0-c1', '1.01');
    await app.page.getByRole('region', { name: '审核结果' }).locator('.findings-toggle').waitFor();
    await screenshot(app.page, '只读打开-他人正在编辑');

    await ui.typeInto(27, 's0-c1', '5');
    await expect.poll(() => app.page.locator('.error-bar').innerText()).toContain('held.sqlite 正由决算通打开编辑');
    await ui.expectCellText(27, 's0-c1', '1.01');
    expect((await app.call('exportWorkbook', { file: 'held.sqlite', draft: true })).ok).toBe(true);
  });
});

/**
 * The desktop app with its year files on a USB stick that is out at the moment (or a network folder
 * not connected): it still starts, says which folder is missing, and keeps the stick's files listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp';
import { fromApp, loadMain, started } from './load-main';

vi.mock('electron', () => import('./electron-standin'));

describe('the desktop app and a USB stick that is out', () => {
  const temp = tempDir('juesuan-stick-');
  afterEach(() => delete process.env.JUESUAN_DATA_DIR);
  afterAll(() => temp.cleanup());

  it('a chosen data folder that is gone (USB stick not plugged in) is not made anew: the documents folder is used and the clerk told', async () => {
    const documents = path.join(temp.dir, '文档5');
    const userData = path.join(temp.dir, 'user5');
    const onStick = path.join(temp.dir, 'U盘', '决算');
    fs.mkdirSync(userData, { recursive: true });
    fs.writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ dataDir: onStick, recent: [] }));
    const state = await loadMain({ userData, documents });
    await started(state);
    expect(fs.existsSync(onStick)).toBe(false);
    const told = state.dialogs.find((entry) => entry.kind === 'message')!;
    expect((told.args[1] as { message: string }).message).toContain(`找不到数据文件夹 ${onStick}(U 盘未插入,或网络文件夹未连接?)。\n本次使用 ${path.join(documents, '决算通')}`);
    const created = await state.ipc.get('juesuan:call')!(fromApp(state.windows[0]), 'createYear', { file: '2025.sqlite', fiscalYear: 2025, unitName: '单位' });
    expect(created.ok).toBe(true);
    expect(fs.existsSync(path.join(documents, '决算通', '2025.sqlite'))).toBe(true);
    // The choice stays for the start with the stick back in.
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'settings.json'), 'utf8')).dataDir).toBe(onStick);
    state.app.emit('window-all-closed');
  });

  it('keeps a recent file on a USB stick that is out in 文件 › 最近打开, says where it is, and opens it once the stick is back', async () => {
    process.env.JUESUAN_DATA_DIR = path.join(temp.dir, 'data6');
    const userData = path.join(temp.dir, 'user6');
    const onStick = path.join(temp.dir, 'U盘6', '2023.sqlite');
    fs.mkdirSync(userData, { recursive: true });
    fs.writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ recent: [onStick] }));
    const state = await loadMain({ userData, documents: temp.dir });
    await started(state);
    const app = state.windows[0];
    await state.ipc.get('juesuan:call')!(fromApp(app), 'createYear', { file: '2024.sqlite', fiscalYear: 2024, unitName: '单位' });
    expect((await state.ipc.get('juesuan:call')!(fromApp(app), 'openYear', { file: '2024.sqlite' })).ok).toBe(true);
    const recent = () => ((state.menus.at(-1) as any[])[0].submenu.find((item: { label?: string }) => item.label === '最近打开').submenu as { label: string; click(): void }[]);
    expect(recent().map((item) => item.label)).toEqual([path.join(process.env.JUESUAN_DATA_DIR, '2024.sqlite'), onStick]);
    recent()[1].click();
    expect(state.dialogs.at(-1)).toEqual({ kind: 'error', args: ['无法打开', `找不到文件:${onStick}(如在 U 盘或网络文件夹中,请先插入或连接)`] });
    fs.mkdirSync(path.dirname(onStick));
    fs.copyFileSync(path.join(process.env.JUESUAN_DATA_DIR, '2024.sqlite'), onStick);
    recent()[1].click();
    await vi.waitFor(() => expect(app.webContents.sent.at(-1)).toEqual({ channel: 'juesuan:open-file', args: [onStick] }));
    state.app.emit('window-all-closed');
  });
});

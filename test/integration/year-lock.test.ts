import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { RENDERER_DIR } from '../../electron/core/paths';
import { TOKEN_HEADER, startWebHost } from '../../electron/core/web-host';
import { lockPathOf } from '../../electron/core/file-lock';
import { CLI_BUNDLE } from '../../scripts/build-cli.mjs';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const cli = runCli;

/**
 * The CLI without blocking this process: the browser-mode host under test runs in it, and a
 * synchronous spawn would freeze it past its keep-alive timeout mid-request.
 */
function cliAsync(...args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args]);
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => resolve({ code, err }));
  });
}

/** Another process that has the year file open for editing (made one acknowledged edit) and stays running. */
async function editorProcess(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/edit-and-hang.ts', file, '1']);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('ack 1\n')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`editor exited early with ${code}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('close', resolve));
}

describe('one editor per year file', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('refuses CLI writes while another process edits the file, naming it; reading verbs still work', async () => {
    const file = path.join(temp.dir, 'held.sqlite');
    const editor = await editorProcess(file);
    try {
      const refused = cli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '9');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('held.sqlite 正由决算通打开编辑');
      expect(refused.err).toContain(`进程 ${editor.pid}`);
      expect(refused.err).toContain('查看、审核和导出不受影响');

      const got = cli('get', '--file', file, '--table', '公开01表', '--json');
      expect(got.code).toBe(0);
      expect(JSON.parse(got.out).rows.find((row: { row: string }) => row.row === '28').cells).toEqual({ '1': '1.01' });
      expect(cli('validate', file).code).not.toBe(2);
      expect(cli('dump', '--file', file).code).toBe(0);
      const out = path.join(temp.dir, 'held.xlsx');
      expect(cli('export', '--file', file, '--out', out, '--draft').code).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(1000);
    } finally {
      await kill(editor);
    }
    // The killed editor left its lock behind; its process is gone, so the next writer takes over.
    expect(fs.existsSync(lockPathOf(file))).toBe(true);
    expect(cli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '9').code).toBe(0);
    expect(fs.existsSync(lockPathOf(file))).toBe(false);
  });

  it('the browser-mode host opens a year file another process edits only to view, refusing its edits, and holds the ones it opened', async () => {
    const data = tempDir();
    const host = await startWebHost({ port: 0, dataDir: data.dir, rendererDir: RENDERER_DIR });
    const api = async (method: string, args: unknown) => {
      const response = await fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token }, body: JSON.stringify(args) });
      return (await response.json()) as { ok: boolean; result?: { readOnly?: string; tables?: Record<string, { cells: Record<string, Record<string, string>> }> }; error?: { message: string } };
    };
    try {
      const other = path.join(data.dir, 'other.sqlite');
      const editor = await editorProcess(other);
      try {
        // Opened to be viewed, checked and exported, saying who edits it; its edits are refused naming that program.
        const opened = await api('openYear', { file: 'other.sqlite' });
        expect(opened.ok).toBe(true);
        expect(opened.result!.readOnly).toContain('other.sqlite 正由决算通打开编辑');
        expect(opened.result!.tables!['公开01表'].cells['28']).toEqual({ '1': '1.01' });
        const edit = await api('setCells', { file: 'other.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '2' }] });
        expect(edit.error!.message).toContain('other.sqlite 正由决算通打开编辑');
        expect((await api('exportWorkbook', { file: 'other.sqlite', draft: true })).ok).toBe(true);
        // The data folder still lists it, and it can still be checked.
        expect((await api('listYears', {})).ok).toBe(true);
        expect((await api('validate', { file: 'other.sqlite' })).ok).toBe(true);
      } finally {
        await kill(editor);
      }

      expect((await api('createYear', { file: 'mine.sqlite', fiscalYear: 2024, unitName: '单位' })).ok).toBe(true);
      const mine = path.join(data.dir, 'mine.sqlite');
      const refused = await cliAsync('set', '--file', mine, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '9');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('mine.sqlite 正由决算通浏览器模式打开编辑');
      expect((await api('setCells', { file: 'mine.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '2' }] })).ok).toBe(true);

      // The clerk leaves the year (切换年度文件): the file is closed and free while the host keeps running.
      expect(await api('closeYear', { file: 'mine.sqlite' })).toEqual({ ok: true, result: { closed: true } });
      expect(fs.existsSync(lockPathOf(mine))).toBe(false);
      const got = await cliAsync('set', '--file', mine, '--table', '公开04表', '--row', '1', '--col', '1', '--value', '5');
      expect(got).toEqual({ code: 0, err: '' });
      // Opening it again takes the lock again, and shows both the host's edit and the CLI's.
      const reopened = (await (await fetch(`${host.url}api/openYear`, { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token }, body: JSON.stringify({ file: 'mine.sqlite' }) })).json()) as { ok: boolean; result: { tables: Record<string, { cells: Record<string, Record<string, string>> }> } };
      expect(reopened.ok).toBe(true);
      expect([reopened.result.tables['公开01表'].cells['28'], reopened.result.tables['公开04表'].cells['1']]).toEqual([{ '1': '2.00' }, { '1': '5.00' }]);
      expect(fs.existsSync(lockPathOf(mine))).toBe(true);
      expect((await cliAsync('set', '--file', mine, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '9')).code).toBe(1);
      expect(await api('closeYear', { file: 'other.sqlite' })).toEqual({ ok: true, result: { closed: false } });
    } finally {
      await host.close();
    }
    // Closing the host gives its files back.
    expect(cli('set', '--file', path.join(data.dir, 'mine.sqlite'), '--table', '公开01表', '--row', '28', '--col', '1', '--value', '9').code).toBe(0);
    data.cleanup();
  });
});

describe('a lock left by a power cut', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('is taken over after the restart even when its process number now belongs to another live program', async () => {
    const file = path.join(temp.dir, '断电.sqlite');
    expect(cli('new', '--file', file, '--year', '2023', '--unit', '断电测试单位').code).toBe(0);
    // Written by the app before the computer last started; the number is now a live program's (this test's).
    const beforeStart = new Date(Date.now() - os.uptime() * 1000 - 3_600_000).toISOString();
    fs.writeFileSync(lockPathOf(file), JSON.stringify({ app: '决算通桌面版', pid: process.pid, host: os.hostname(), user: 'clerk', since: beforeStart }));
    const set = cli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '9');
    expect(set.err).toBe('');
    expect(set.code).toBe(0);
    expect(fs.existsSync(lockPathOf(file))).toBe(false);
    // The same lock taken since this start is a live editor's, and still refuses.
    fs.writeFileSync(lockPathOf(file), JSON.stringify({ app: '决算通桌面版', pid: process.pid, host: os.hostname(), user: 'clerk', since: new Date().toISOString() }));
    expect(cli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '8').err).toContain('正由决算通桌面版打开编辑');
  });
});

/**
 * A year file made and filled in one go — a new year from last year's file (the app's 新建 with
 * 上年年度文件, the CLI's import --baseline into a missing file) or a load into a missing file —
 * killed the moment its name appears: the file under that name is whole (last year's numbers in),
 * never an empty year that looks made. A retry then just works and leaves nothing hidden behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { CLI_BUNDLE } from '../../scripts/build-cli.mjs';
import { tempDir } from '../helpers/temp';

const temp = tempDir('juesuan-new-file-');
const lastYear = path.join(temp.dir, '2023.sqlite');

beforeAll(async () => {
  const core = createCore({ resolveFile: (name) => path.join(temp.dir, name) });
  await core.createYear({ file: '2023.sqlite', fiscalYear: 2023, unitName: '断电测试单位' });
  await core.edit({ file: '2023.sqlite', cells: [{ table: '公开01表', row: '28', col: '1', value: '12.34' }] });
  core.close();
});
afterAll(() => temp.cleanup());

/** SIGKILLs `child` as soon as `name` appears in `folder`; resolves once it is gone. */
async function killWhenNamed(child: ChildProcess, folder: string, name: string): Promise<void> {
  const closed = new Promise((resolve) => child.on('close', resolve));
  const watcher = fs.watch(folder, (_event, changed) => {
    if (changed === name) child.kill('SIGKILL');
  });
  await closed;
  watcher.close();
}

/** How many of last year's cells the year file holds as its baseline (null: no such file). */
function baselineCells(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM baseline_cells').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const hidden = (folder: string) => fs.readdirSync(folder).filter((name) => name.startsWith('.'));

describe('a new year file killed the moment it appears', () => {
  it('CLI import --baseline into a missing file: whole or absent, and a retry leaves nothing behind', async () => {
    const folder = fs.mkdtempSync(path.join(temp.dir, 'cli-'));
    const file = path.join(folder, '2024.sqlite');
    const args = [CLI_BUNDLE, 'import', '--file', file, '--in', lastYear, '--baseline', '--unit', '断电测试单位'];
    await killWhenNamed(spawn(process.execPath, args), folder, '2024.sqlite');
    const cells = baselineCells(file);
    if (cells !== null) expect(cells).toBeGreaterThan(0);
    fs.rmSync(file, { force: true });
    await new Promise((resolve) => spawn(process.execPath, args).on('close', resolve));
    expect(baselineCells(file)).toBeGreaterThan(0);
    expect(hidden(folder)).toEqual([]);
  });

  it('CLI load into a missing file: whole or absent', async () => {
    const folder = fs.mkdtempSync(path.join(temp.dir, 'load-'));
    const file = path.join(folder, '副本.sqlite');
    const core = createCore({ resolveFile: (name) => name });
    const doc = path.join(temp.dir, '2023.json');
    fs.writeFileSync(doc, JSON.stringify(await core.dump({ file: lastYear })));
    core.close();
    await killWhenNamed(spawn(process.execPath, [CLI_BUNDLE, 'load', '--file', file, '--json', doc]), folder, '副本.sqlite');
    if (fs.existsSync(file)) {
      const reopened = createCore({ resolveFile: (name) => name });
      const t01 = await reopened.getTable({ file, table: '公开01表' });
      expect(t01.rows.find((row) => row.row === '28')!.cells['1']).toBe('12.34');
      reopened.close();
    }
  });

  it('the app’s 新建 from last year’s file (browser mode, killed): whole or absent, and 新建 again works', async () => {
    const folder = fs.mkdtempSync(path.join(temp.dir, 'web-'));
    fs.copyFileSync(lastYear, path.join(folder, '2023.sqlite'));
    const create = { file: '2024.sqlite', fiscalYear: 2024, unitName: '断电测试单位', baselineFrom: '2023.sqlite' };
    const host = await browserMode(folder);
    const killed = killWhenNamed(host.child, folder, '2024.sqlite');
    void host.call('createYear', create).catch(() => undefined);
    await killed;
    const cells = baselineCells(path.join(folder, '2024.sqlite'));
    if (cells !== null) expect(cells).toBeGreaterThan(0);
    fs.rmSync(path.join(folder, '2024.sqlite'), { force: true });
    const again = await browserMode(folder);
    try {
      expect(await again.call('createYear', create)).toMatchObject({ ok: true });
      expect(baselineCells(path.join(folder, '2024.sqlite'))).toBeGreaterThan(0);
    } finally {
      again.child.kill('SIGKILL');
    }
  });
});

/** The browser-mode host as its own process (npm run web), and a call as the served page makes it. */
async function browserMode(folder: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host-cli.ts', '--port', '0', '--data', folder]);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (found) resolve(found[0]);
    });
    child.on('exit', (code) => reject(new Error(`browser mode ended with ${code}`)));
  });
  const page = await (await fetch(url)).text();
  const token = /name="juesuan-token" content="([^"]+)"/.exec(page)![1];
  const call = async (method: string, args: unknown) =>
    (await fetch(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Juesuan-Token': token }, body: JSON.stringify(args) })).json();
  return { child, call };
}

describe('a 汇总 killed while it is being built', () => {
  it('leaves no 汇总 file, and the next 汇总 of that name removes what the killed one left', async () => {
    const folder = fs.mkdtempSync(path.join(temp.dir, 'group-'));
    const units = path.join(folder, 'units');
    fs.mkdirSync(units);
    const core = createCore({ resolveFile: (name) => path.join(units, name) });
    for (const unit of ['一', '二']) await core.createYear({ file: `${unit}.sqlite`, fiscalYear: 2023, unitName: `断电测试单位${unit}` });
    core.close();
    const out = path.join(folder, '汇总.sqlite');
    const args = [CLI_BUNDLE, 'consolidate', '--out', out, '--unit', '主管部门', '--confirm', units];
    const child = spawn(process.execPath, args);
    const closed = new Promise((resolve) => child.on('close', resolve));
    // Killed as soon as the build beside the target begins.
    const watcher = fs.watch(folder, (_event, changed) => {
      if (String(changed).startsWith('.')) child.kill('SIGKILL');
    });
    await closed;
    watcher.close();
    expect(fs.existsSync(out)).toBe(false);
    const again = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(again.stderr).toBe('');
    expect(fs.existsSync(out)).toBe(true);
    expect(hidden(folder)).toEqual([]);
  });
});

describe('a plain new year file killed while it is being made', () => {
  it('leaves no year file, and the next 新建 of that name removes what the killed one left', async () => {
    const folder = fs.mkdtempSync(path.join(temp.dir, 'new-'));
    const file = path.join(folder, '2025.sqlite');
    const args = [CLI_BUNDLE, 'new', '--file', file, '--year', '2025', '--unit', '断电测试单位'];
    const child = spawn(process.execPath, args);
    const closed = new Promise((resolve) => child.on('close', resolve));
    const watcher = fs.watch(folder, (_event, changed) => {
      if (String(changed).startsWith('.')) child.kill('SIGKILL');
    });
    await closed;
    watcher.close();
    if (child.signalCode === 'SIGKILL') expect(fs.existsSync(file)).toBe(false);
    const again = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(again.stderr).toBe('');
    expect(hidden(folder)).toEqual([]);
  });
});

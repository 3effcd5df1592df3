import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

/** Runs the CLI exactly as `npm run -s cli -- …` does. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/cli.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('CLI', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  beforeAll(() => {
    temp = tempDir();
    file = path.join(temp.dir, '2023.sqlite');
  });
  afterAll(() => temp.cleanup());

  it('creates a year file, sets input cells and prints computed ones', () => {
    expect(cli('new', '--file', file, '--year', '2023', '--unit', '荆门市行政审批局(本级)', '--code', '158001').code).toBe(0);
    expect(cli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '12.34').code).toBe(0);
    expect(cli('set', '--file', file, '--table', '公开01表', '--row', '29', '--col', '1', '--value', '1,000').code).toBe(0);
    const got = cli('get', '--file', file, '--table', '公开01表', '--json');
    expect(got.code).toBe(0);
    const doc = JSON.parse(got.out);
    expect(doc.table).toBe('公开01表');
    expect(doc.rows.find((r: { row: string }) => r.row === '31')).toEqual({ row: '31', label: '总 计', cells: { '1': '1012.34' } });
    expect(doc.rows.find((r: { row: string }) => r.row === '60').cells).toEqual({ '2': null });
    expect(cli('get', '--file', file, '--table', '公开01表').out).toContain('总 计\t1012.34');
  });

  it('refuses a computed cell with exit 1 and a Chinese message', () => {
    const refused = cli('set', '--file', file, '--table', '公开01表', '--row', '31', '--col', '1', '--value', '1');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('公开01表 第31行 第 1 栏是计算单元格');
    expect(cli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', 'abc').err).toContain('“abc”不是有效金额');
    expect(cli('frobnicate', '--file', file).code).toBe(1);
  });

  it('exits 2 on files it cannot read', () => {
    const junk = path.join(temp.dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'PK\u0003\u0004 not sqlite');
    const result = cli('get', '--file', junk, '--table', '公开01表');
    expect(result.code).toBe(2);
    expect(result.err).toContain('不是决算通年度文件');
    expect(cli('dump', '--file', path.join(temp.dir, 'none.sqlite')).code).toBe(2);
  });

  it('dumps with computed cells and loads input cells into a new file', () => {
    const dumped = cli('dump', '--file', file);
    expect(dumped.code).toBe(0);
    const doc = JSON.parse(dumped.out);
    expect(doc).toMatchObject({ format: 'juesuan/1', fiscalYear: 2023, unit: { name: '荆门市行政审批局(本级)', code: '158001' } });
    expect(doc.tables['公开01表']['31']).toEqual({ '1': '1012.34' });
    const docFile = path.join(temp.dir, 'doc.json');
    fs.writeFileSync(docFile, dumped.out);
    const copy = path.join(temp.dir, 'copy.sqlite');
    const loaded = cli('load', '--file', copy, '--json', docFile);
    expect(loaded.code).toBe(0);
    expect(JSON.parse(cli('dump', '--file', copy).out)).toEqual(doc);
  });

  it('refuses a document with a bad cell and leaves the file unchanged', () => {
    const before = cli('dump', '--file', file).out;
    const bad = path.join(temp.dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'juesuan/1', fiscalYear: 2023, unit: { name: 'x' }, tables: { '公开01表': { '28': { '1': '1.00' }, '29': { '1': '1.2.3' } } }, forms: [] }));
    const result = cli('load', '--file', file, '--json', bad);
    expect(result.code).toBe(1);
    expect(result.err).toContain('公开01表 第29行 第 1 栏');
    expect(cli('dump', '--file', file).out).toBe(before);
  });
});

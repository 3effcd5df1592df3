/**
 * A flag the verb does not take is refused, not ignored: `import --table 公开05表` (as `set`/`get`
 * take --table) imported every table of the workbook, replacing what the clerk had keyed in the others.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { fingerprint } from '../fixtures/xlsx/helpers';

const temp = tempDir('juesuan-cli-flag-');
afterAll(() => temp.cleanup());

it('import --table is refused naming the flag; the year file is unchanged', () => {
  const source = path.join(temp.dir, 'source.sqlite');
  const year = path.join(temp.dir, 'year.sqlite');
  const workbook = path.join(temp.dir, 'source.xlsx');
  expect(runCli('new', '--file', source, '--year', '2024', '--unit', '来源单位').code).toBe(0);
  expect(runCli('set', '--file', source, '--table', '公开05表', '--row', '2010301', '--col', '2', '--value', '19.10').code).toBe(0);
  expect(runCli('export', '--file', source, '--out', workbook, '--draft').code).toBe(0);
  expect(runCli('new', '--file', year, '--year', '2024', '--unit', '来源单位').code).toBe(0);
  expect(runCli('set', '--file', year, '--table', '公开03表', '--row', '2010301', '--col', '2', '--value', '7.00').code).toBe(0);
  const before = fingerprint(year);

  const run = runCli('import', '--file', year, '--in', workbook, '--table', '公开05表');
  expect(run.code).toBe(1);
  expect(run.err).toContain('命令 import 没有参数 --table');
  expect(fingerprint(year)).toBe(before);
  expect(fs.existsSync(`${year}-wal`)).toBe(false);
});

it('every flag a verb’s usage names is still taken', () => {
  const year = path.join(temp.dir, 'flags.sqlite');
  expect(runCli('new', '--file', year, '--year', '2024', '--unit', '单位', '--code', '001', '--template', '9', '--numbering', '公开').code).toBe(0);
  expect(runCli('get', '--file', year, '--table', '公开01表', '--json').code).toBe(0);
  const out = path.join(temp.dir, 'flags.xlsx');
  expect(runCli('export', '--file', year, '--out', out, '--draft', '--protect', '--print-audit').code).toBe(0);
  expect(runCli('import', '--file', year, '--in', out, '--preview', '--json', '--partial').code).toBe(0);
});

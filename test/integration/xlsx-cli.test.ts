/** The CLI's export and import verbs, run exactly as `npm run -s cli -- …` runs them. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { officialWorkbook, seed002Sheets } from '../fixtures/xlsx/official-workbook';


describe('CLI export / import', () => {
  let temp: ReturnType<typeof tempDir>;
  const at = (name: string) => path.join(temp.dir, name);
  beforeAll(async () => {
    temp = tempDir('juesuan-xlsx-');
    fs.writeFileSync(at('seed002.xlsx'), await officialWorkbook(seed002Sheets()));
  });
  afterAll(() => temp.cleanup());

  it('imports a workbook into a new year file (unit from its 部门 line) and exports it as .xlsx and .xls', () => {
    const preview = runCli('import', '--file', at('2023.sqlite'), '--in', at('seed002.xlsx'), '--year', '2023', '--preview');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('公开02表  工作表“Sheet2”');
    expect(fs.existsSync(at('2023.sqlite'))).toBe(false);

    const imported = runCli('import', '--file', at('2023.sqlite'), '--in', at('seed002.xlsx'), '--year', '2023');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('已导入');
    const got = JSON.parse(runCli('get', '--file', at('2023.sqlite'), '--table', '公开01表', '--json').out);
    expect(got.rows.find((row: { row: string }) => row.row === '31').cells['1']).toBe('3383.79');

    expect(runCli('export', '--file', at('2023.sqlite'), '--out', at('out.xlsx')).code).toBe(0);
    expect(runCli('export', '--file', at('2023.sqlite'), '--out', at('out.xls'), '--draft').code).toBe(0);
    expect(fs.readFileSync(at('out.xls')).subarray(0, 4).toString('hex')).toBe('d0cf11e0');

    const again = runCli('import', '--file', at('copy.sqlite'), '--in', at('out.xls'), '--year', '2023', '--unit', '荆门市行政审批局(本级)', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).errors).toEqual([]);
    expect(runCli('dump', '--file', at('copy.sqlite')).out).toBe(runCli('dump', '--file', at('2023.sqlite')).out);
  });

  it('imports last year as baseline', () => {
    expect(runCli('new', '--file', at('2024.sqlite'), '--year', '2024', '--unit', '荆门市行政审批局(本级)').code).toBe(0);
    const baseline = runCli('import', '--file', at('2024.sqlite'), '--in', at('2023.sqlite'), '--baseline');
    expect(baseline.code).toBe(0);
    expect(baseline.out).toContain('作为上年数');
  });

  it('takes the new file’s year from the source when --year is left out, and says so', () => {
    const again = runCli('import', '--file', at('from-export.sqlite'), '--in', at('out.xlsx'));
    expect(again.code).toBe(0);
    expect(again.out).toContain('年度取自 out.xlsx:2023');
    expect(again.out).toContain('按工作簿的表样新建年度文件');
    const next = runCli('import', '--file', at('next.sqlite'), '--in', at('2023.sqlite'), '--baseline');
    expect(next.code).toBe(0);
    // A year file's set is the file's own, not a workbook's layout.
    expect(next.out).toContain('按 2023.sqlite 的表样新建年度文件');
    expect(next.out).toContain('年度取自 2023.sqlite:2023 的下一年度 2024');
    expect(JSON.parse(runCli('dump', '--file', at('next.sqlite')).out).fiscalYear).toBe(2024);
    const unstated = runCli('import', '--file', at('unstated.sqlite'), '--in', at('seed002.xlsx'));
    expect(unstated.code).toBe(1);
    expect(unstated.err).toContain('缺少参数 --year(seed002.xlsx 中没有写明年度)');
    expect(fs.existsSync(at('unstated.sqlite'))).toBe(false);
  });

  it('refuses a bad workbook with exit 1 and leaves no new file behind', () => {
    fs.writeFileSync(at('bad.xlsx'), 'not a workbook');
    const refused = runCli('import', '--file', at('new.sqlite'), '--in', at('bad.xlsx'), '--year', '2023', '--unit', '单位');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('文件 bad.xlsx:文件已损坏或不完整');
    expect(fs.existsSync(at('new.sqlite'))).toBe(false);
  });
});

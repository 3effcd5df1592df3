import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';


describe('CLI', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  beforeAll(() => {
    temp = tempDir();
    file = path.join(temp.dir, '2023.sqlite');
  });
  afterAll(() => temp.cleanup());

  it('creates a year file, sets input cells and prints computed ones', () => {
    const created = runCli('new', '--file', file, '--year', '2023', '--unit', '荆门市行政审批局(本级)', '--code', '158001');
    expect(created.code).toBe(0);
    // Said in words, not as the contract's JSON.
    expect(created.out.trim().split('\n')).toEqual([`已创建 ${file}:2023年度 荆门市行政审批局(本级)(158001),9 张公开表(公开01–09表)`, '2023年度使用内置科目表:2023年政府收支分类科目。']);
    expect(runCli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '12.34').code).toBe(0);
    expect(runCli('set', '--file', file, '--table', '公开01表', '--row', '29', '--col', '1', '--value', '1,000').code).toBe(0);
    const got = runCli('get', '--file', file, '--table', '公开01表', '--json');
    expect(got.code).toBe(0);
    const doc = JSON.parse(got.out);
    expect(doc.table).toBe('公开01表');
    expect(doc.rows.find((r: { row: string }) => r.row === '31')).toEqual({ row: '31', label: '总 计', cells: { '1': '1012.34' } });
    expect(doc.rows.find((r: { row: string }) => r.row === '60').cells).toEqual({ '2': null });
    expect(runCli('get', '--file', file, '--table', '公开01表').out).toContain('总 计\t1012.34');
  });

  it('says which 科目表 a new year uses: a 2026 year, started new or from 2025, borrows 2025\'s and says so', () => {
    const y2025 = path.join(temp.dir, '2025.sqlite');
    const y2026 = path.join(temp.dir, '2026.sqlite');
    const made = runCli('new', '--file', y2025, '--year', '2025', '--unit', '单位');
    expect(made.out).toContain('2025年度使用内置科目表:2023年政府收支分类科目,加2024年政府收支分类科目增补(财预〔2024〕22号,2024-03-29)、财预〔2025〕41号(2025-05-23)的变动。');
    expect(made.out).not.toContain('沿用');
    const borrowed = '2026年的科目变动尚无官方资料,沿用2025年的科目;收到2026年官方科目表后请用“导入 › 本年度科目表”导入,名称以其为准。';
    const started = runCli('import', '--file', y2026, '--in', y2025, '--baseline');
    expect(started.code).toBe(0);
    expect(started.out).toContain(borrowed);
    expect(runCli('new', '--file', path.join(temp.dir, 'blank-2026.sqlite'), '--year', '2026', '--unit', '单位').out).toContain(borrowed);
  });

  it('refuses a computed cell with exit 1 and a Chinese message', () => {
    const refused = runCli('set', '--file', file, '--table', '公开01表', '--row', '31', '--col', '1', '--value', '1');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('公开01表 第31行 第 1 栏是计算单元格');
    expect(runCli('set', '--file', file, '--table', '公开01表', '--row', '28', '--col', '1', '--value', 'abc').err).toContain('“abc”不是有效金额');
    expect(runCli('frobnicate', '--file', file).code).toBe(1);
  });

  it('names its own flags, not the API’s fields, when a value is refused', () => {
    const other = path.join(temp.dir, 'other.sqlite');
    const year = runCli('new', '--file', other, '--year', '二〇二三', '--unit', '测试局');
    expect(year.code).toBe(1);
    expect(year.err.trim()).toBe('错误:--year 应为2000–2100 的整数,实际为 "二〇二三"');
    const set = runCli('new', '--file', other, '--year', '2023', '--unit', '测试局', '--template', '广东');
    expect(set.err.trim()).toBe('错误:--template 应为“9”或“13”或“四川14”或“云南11”或“内蒙古12”或“陕西9”,实际为 "广东"');
    expect(fs.existsSync(other)).toBe(false);
  });

  it('names a 四川 year’s tables as it prints them when it refuses an edit', () => {
    const sichuan = path.join(temp.dir, 'sc.sqlite');
    expect(runCli('new', '--file', sichuan, '--year', '2024', '--unit', '渠县测试局', '--template', '13').code).toBe(0);
    const refused = runCli('set', '--file', sichuan, '--table', '表六', '--row', '2010301', '--col', '1', '--value', '5');
    expect(refused.code).toBe(1);
    expect(refused.err.trim()).toBe('错误:表六 科目 2010301 第 1 栏是计算单元格(= 第2栏 + 第3栏),不能直接填写');
    const linked = runCli('set', '--file', sichuan, '--table', '表一', '--row', '1', '--col', '1', '--value', '5');
    expect(linked.err).toContain('取自 表四 第1行 第1栏,请在该表录入');
  });

  it('prints a 四川 year’s table under the name the year gives it', () => {
    const sichuan = path.join(temp.dir, 'sc-get.sqlite');
    expect(runCli('new', '--file', sichuan, '--year', '2024', '--unit', '渠县测试局', '--template', '13').code).toBe(0);
    const shown = runCli('get', '--file', sichuan, '--table', '表六');
    expect(shown.code).toBe(0);
    expect(shown.out.split('\n')[0]).toBe('表六 一般公共预算财政拨款支出决算表');
  });

  it('exits 2 on files it cannot read', () => {
    const junk = path.join(temp.dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'PK\u0003\u0004 not sqlite');
    const result = runCli('get', '--file', junk, '--table', '公开01表');
    expect(result.code).toBe(2);
    expect(result.err).toContain('不是决算通年度文件');
    expect(runCli('dump', '--file', path.join(temp.dir, 'none.sqlite')).code).toBe(2);
  });

  it('dumps with computed cells and loads input cells into a new file', () => {
    const dumped = runCli('dump', '--file', file);
    expect(dumped.code).toBe(0);
    const doc = JSON.parse(dumped.out);
    expect(doc).toMatchObject({ format: 'juesuan/1', fiscalYear: 2023, unit: { name: '荆门市行政审批局(本级)', code: '158001' } });
    expect(doc.tables['公开01表']['31']).toEqual({ '1': '1012.34' });
    const docFile = path.join(temp.dir, 'doc.json');
    fs.writeFileSync(docFile, dumped.out);
    const copy = path.join(temp.dir, 'copy.sqlite');
    const loaded = runCli('load', '--file', copy, '--json', docFile);
    expect(loaded.code).toBe(0);
    expect(JSON.parse(runCli('dump', '--file', copy).out)).toEqual(doc);
  });

  it('refuses a document with a bad cell and leaves the file unchanged', () => {
    const before = runCli('dump', '--file', file).out;
    const bad = path.join(temp.dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'juesuan/1', fiscalYear: 2023, unit: { name: 'x' }, tables: { '公开01表': { '28': { '1': '1.00' }, '29': { '1': '1.2.3' } } }, forms: [] }));
    const result = runCli('load', '--file', file, '--json', bad);
    expect(result.code).toBe(1);
    expect(result.err).toContain('公开01表 第29行 第 1 栏');
    expect(runCli('dump', '--file', file).out).toBe(before);
  });
});

describe('CLI validate', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('reports findings as JSON, exits 1 on errors, 2 on an unreadable file, and takes folders', () => {
    const good = path.join(temp.dir, 'a.sqlite');
    const bad = path.join(temp.dir, 'b.sqlite');
    expect(runCli('new', '--file', good, '--year', '2023', '--unit', '甲单位').code).toBe(0);
    expect(runCli('new', '--file', bad, '--year', '2023', '--unit', '乙单位').code).toBe(0);
    expect(runCli('set', '--file', bad, '--table', '公开01表', '--row', '59', '--col', '2', '--value', '5').code).toBe(0);

    const clean = runCli('validate', good, '--json');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out)).toEqual({
      files: [{ file: good, unitName: '甲单位', unitCode: '', fiscalYear: 2023, template: '9', errors: 0, warnings: 0, unexplained: 0, findings: [], narrative: { reasonsMissing: 0, figuresDisagreeing: 0 } }],
    });

    const folder = runCli('validate', temp.dir, '--json');
    expect(folder.code).toBe(1);
    const report = JSON.parse(folder.out);
    expect(report.files.map((f: { file: string }) => path.basename(f.file))).toEqual(['a.sqlite', 'b.sqlite']);
    expect(report.files[1].findings).toContainEqual({
      rule: 'R-B03',
      severity: 'error',
      table: '公开01表',
      tableLabel: '公开01表',
      row: '31',
      col: '1',
      message: '公开01表 第31行 收入总计 0.00 与 第62行 支出总计 5.00 不相等,相差 5.00。请核对这两处数字,改正录入有误的一处',
      expected: '5.00',
      actual: '0.00',
    });

    // A workbook is imported into a temporary year file and checked like one.
    const workbook = path.join(temp.dir, '2023-乙单位.xlsx');
    expect(runCli('export', '--file', bad, '--out', workbook, '--draft').code).toBe(0);
    const checked = runCli('validate', workbook, '--json');
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.out).files[0].findings.map((f: { rule: string }) => f.rule)).toContain('R-B03');
    const junk = path.join(temp.dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'not a workbook');
    expect(runCli('validate', junk).code).toBe(2);

    const missing = runCli('validate', good, path.join(temp.dir, 'none.sqlite'));
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('无法读取');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** A 云南 clerk starts 2025 from the 2024 year file on the command line (README: import --baseline). */
describe('import --baseline of a regional year file into a new file', () => {
  let temp: ReturnType<typeof tempDir>;
  let last: string;
  beforeAll(() => {
    temp = tempDir();
    last = path.join(temp.dir, '2024.sqlite');
    expect(runCli('new', '--file', last, '--year', '2024', '--unit', '某县农业农村局', '--template', '云南11').code).toBe(0);
    expect(runCli('set', '--file', last, '--table', '表十', '--row', '5', '--col', '2', '--value', '6').code).toBe(0);
  });
  afterAll(() => temp.cleanup());

  it('makes the new year in last year’s table set and names its tables as printed', () => {
    const next = path.join(temp.dir, '2025.sqlite');
    const imported = runCli('import', '--file', next, '--in', last, '--baseline', '--year', '2025', '--unit', '某县农业农村局');
    expect(imported.code).toBe(0);
    // Before: a national 9-table year, where 表七–表十一 of 云南 have no place.
    expect(imported.out).toContain('按 2024.sqlite 的表样新建年度文件:云南 11 张表(表一–表十一)');
    expect(imported.out).toMatch(/^ {2}表十 {2}3 个单元格$/m);
    expect(imported.out).not.toMatch(/滇10表|川09表|公开0\d表|工作表/);
    expect(JSON.parse(runCli('dump', '--file', next).out).template).toBe('云南11');
    expect(runCli('get', '--file', next, '--table', '表十').code).toBe(0);
  });

  it('says what it found in a workbook with the tables as the year prints them', async () => {
    const book = path.join(temp.dir, '2024.xlsx');
    expect(runCli('export', '--file', last, '--out', book, '--draft').code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    // The 表十 sheet in 元, as another tool may print it.
    workbook.getWorksheet('表十(草稿)')!.eachRow((row) => row.eachCell((cell) => {
      if (cell.value === '金额单位:万元') cell.value = '金额单位:元';
    }));
    await workbook.xlsx.writeFile(book);
    const other = path.join(temp.dir, 'yuan-2024.sqlite');
    expect(runCli('new', '--file', other, '--year', '2024', '--unit', '某县农业农村局', '--template', '云南11').code).toBe(0);
    const preview = JSON.parse(runCli('import', '--file', other, '--in', book, '--preview', '--json').out) as { warnings: string[] };
    // Before: “滇10表金额单位为元”.
    expect(preview.warnings).toContain('文件 2024.xlsx 工作表“表十(草稿)”:表十金额单位为元,已换算为万元');
  });

  it('previews into an existing year with the tables as that year prints them', () => {
    const other = path.join(temp.dir, 'other-2025.sqlite');
    expect(runCli('new', '--file', other, '--year', '2025', '--unit', '某县农业农村局', '--template', '云南11').code).toBe(0);
    const preview = runCli('import', '--file', other, '--in', last, '--baseline', '--preview', '--json');
    const json = JSON.parse(preview.out) as { recognised: { table: string; tableLabel: string }[]; missing: string[] };
    expect(json.recognised.find((table) => table.table === '滇10表')?.tableLabel).toBe('表十');
    expect(json.recognised.map((table) => table.tableLabel)).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九', '表十', '表十一']);
  });
});

/** A 陕西 clerk types the table as printed: its 公开07表 is the “三公” table, its 公开09表 the 国有资本经营 one. */
describe('--table of a 陕西 year', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  beforeAll(() => {
    temp = tempDir();
    file = path.join(temp.dir, '2025.sqlite');
    expect(runCli('new', '--file', file, '--year', '2025', '--unit', '柞水县某局', '--template', '陕西9').code).toBe(0);
  });
  afterAll(() => temp.cleanup());

  it('reads a printed label as the table printed under it', () => {
    // Before: 公开07表 was the id of the 政府性基金 table (printed 公开08表), and 公开09表 was refused.
    const set = runCli('set', '--file', file, '--table', '公开07表', '--row', '1', '--col', '15', '--value', '4.40');
    expect(set.err).toBe('');
    const got = runCli('get', '--file', file, '--table', '公开07表');
    expect(got.out.split('\n')[0]).toBe('公开07表 一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表');
    expect(got.out).toContain('4.40');
    expect(runCli('get', '--file', file, '--table', '公开08表').out.split('\n')[0]).toBe('公开08表 政府性基金预算财政拨款收入支出决算表');
    expect(runCli('get', '--file', file, '--table', '公开09表').out.split('\n')[0]).toBe('公开09表 国有资本经营预算财政拨款支出决算表');
  });
});

/** The refusal of a 科目 the catalog lacks asks for its name: the command line takes it (--name), as 添加科目 does. */
describe('set --name', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    temp = tempDir();
  });
  afterAll(() => temp.cleanup());

  it('adds a custom 科目 with its name and sets its cell', () => {
    const file = path.join(temp.dir, '2025.sqlite');
    expect(runCli('new', '--file', file, '--year', '2025', '--unit', '某旗林业和草原局', '--template', '内蒙古12').code).toBe(0);
    expect(runCli('set', '--file', file, '--table', '表二', '--row', '2130122', '--col', '2', '--value', '50').err).toContain('请同时填写科目名称');
    // Before: --name was ignored and the same refusal came back.
    const named = runCli('set', '--file', file, '--table', '表二', '--row', '2130122', '--col', '2', '--value', '50', '--name', '农业生产发展');
    expect(named.err).toBe('');
    expect(runCli('get', '--file', file, '--table', '表二').out).toContain('2130122\t农业生产发展\t50.00\t50.00');
  });
});

/** dump → load into a new file: the copy prints its tables as the original does (表一, not 公开01表). */
describe('a 表-numbered year through dump and load', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    temp = tempDir();
  });
  afterAll(() => temp.cleanup());

  it('keeps its 表号样式', () => {
    const original = path.join(temp.dir, '2025.sqlite');
    expect(runCli('new', '--file', original, '--year', '2025', '--unit', '青神县某局', '--template', '13', '--numbering', '表').code).toBe(0);
    const dumped = runCli('dump', '--file', original).out;
    expect(JSON.parse(dumped).numbering).toBe('表');
    const doc = path.join(temp.dir, 'doc.json');
    fs.writeFileSync(doc, dumped);
    const copy = path.join(temp.dir, 'copy.sqlite');
    expect(runCli('load', '--file', copy, '--json', doc).code).toBe(0);
    // Before: the copy was made with 公开01表 numbering, its tables printed and named otherwise than the original's.
    expect(JSON.parse(runCli('dump', '--file', copy).out).numbering).toBe('表');
    expect(runCli('get', '--file', copy, '--table', '表一').out.split('\n')[0]).toBe(runCli('get', '--file', original, '--table', '表一').out.split('\n')[0]);
  });
});

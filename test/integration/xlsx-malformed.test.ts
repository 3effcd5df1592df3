/**
 * Bad input never half-imports: each malformed file gets its own Chinese message naming the file
 * (and sheet, row and cell where there is one), nothing is written, nothing crashes, and the year
 * file — database and WAL — stays byte-identical.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract';
import { tempDir } from '../helpers/temp';
import { base64, coreIn, fingerprint, newYear, seed002Edits, type Core } from '../fixtures/xlsx/helpers';
import { edited, encryptedWorkbook, hugeWorkbook, rowOf, zipBomb, zipOf } from '../fixtures/xlsx/malformed';

let temp: ReturnType<typeof tempDir>;
let core: Core;
let good: Buffer;
const FILE = 'y.sqlite';

beforeAll(async () => {
  temp = tempDir('juesuan-xlsx-');
  core = coreIn(temp.dir);
  await newYear(core, FILE);
  await core.edit({ file: FILE, cells: seed002Edits() });
  good = Buffer.from((await core.exportWorkbook({ file: FILE })).dataBase64, 'base64');
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

/** Sets one cell of 公开02表 in our own export: the row of `code`, the given column. */
const with02 = (code: string, col: string, value: unknown) =>
  edited(good, (workbook) => {
    const sheet = workbook.getWorksheet('公开02表')!;
    sheet.getCell(`${col}${rowOf(sheet, code)}`).value = value as never;
  });

async function row02(code: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(good as unknown as ExcelJS.Buffer);
  return rowOf(workbook.getWorksheet('公开02表')!, code);
}

const CASES: { name: string; file: string; bytes: () => Promise<Buffer> | Buffer; message: string | (() => Promise<string>) }[] = [
  { name: 'truncated download', file: 'half.xlsx', bytes: () => good.subarray(0, good.length >> 1), message: '文件 half.xlsx:文件不完整或已损坏(压缩包目录缺失' },
  { name: 'not a workbook at all', file: 'notes.txt', bytes: () => Buffer.from('部门决算,随便写的'), message: '文件 notes.txt:不是 Excel 工作簿(.xlsx 或 .xls),也不是决算通年度文件' },
  { name: 'garbage with an .xlsx name', file: 'fake.xlsx', bytes: () => Buffer.from('this is not a zip'), message: '文件 fake.xlsx:文件已损坏或不完整' },
  { name: 'empty file', file: 'empty.xlsx', bytes: () => Buffer.alloc(0), message: '文件 empty.xlsx:文件是空的' },
  { name: 'password-protected workbook', file: 'secret.xlsx', bytes: encryptedWorkbook, message: '文件 secret.xlsx:工作簿设有打开密码(已加密)' },
  { name: 'zip bomb', file: 'bomb.xlsx', bytes: zipBomb, message: '文件 bomb.xlsx:工作簿解压后过大,超过 32 MB 的上限' },
  { name: 'zip that is not a workbook', file: 'docs.xlsx', bytes: () => zipOf([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), message: '文件 docs.xlsx:不是 Excel 工作簿(压缩包中没有 xl/workbook.xml' },
  { name: 'very large sheet', file: 'huge.xlsx', bytes: () => hugeWorkbook(10_001), message: '文件 huge.xlsx:工作表“公开02表”超过 10000 行的上限' },
  {
    name: 'unknown layout',
    file: 'other.xlsx',
    bytes: () =>
      edited(good, (workbook) => {
        for (const sheet of workbook.worksheets.slice()) workbook.removeWorksheet(sheet.id);
        workbook.addWorksheet('工资表').addRow(['姓名', '工资']);
      }),
    message: '文件 other.xlsx:没有找到任何决算公开表',
  },
  {
    name: 'text in an amount cell',
    file: 'bad.xlsx',
    bytes: () => with02('2010301', 'D', 'abc'),
    message: async () => `文件 bad.xlsx 工作表“公开02表” 第${await row02('2010301')}行 D列:“abc”不是有效金额`,
  },
  {
    name: 'absurd magnitude',
    file: 'big.xlsx',
    bytes: () => with02('2010302', 'E', 3_000_000_000),
    message: async () => `文件 big.xlsx 工作表“公开02表” 第${await row02('2010302')}行 E列:“3000000000”数额异常(超过 1 亿万元),请检查金额单位是否为万元`,
  },
  {
    name: 'formula without a saved result',
    file: 'formula.xlsx',
    bytes: () => with02('2010303', 'D', { formula: 'C9*2' }),
    message: async () => `文件 formula.xlsx 工作表“公开02表” 第${await row02('2010303')}行 D列:是公式,但文件中没有保存计算结果`,
  },
  {
    name: 'error value',
    file: 'div0.xlsx',
    bytes: () => with02('2010303', 'D', { error: '#DIV/0!' }),
    message: async () => `文件 div0.xlsx 工作表“公开02表” 第${await row02('2010303')}行 D列:“#DIV/0!”不是有效金额`,
  },
  {
    name: 'duplicate code',
    file: 'dup.xlsx',
    bytes: () => with02('2010303', 'A', '2010301'),
    message: async () => `文件 dup.xlsx 工作表“公开02表” 第${await row02('2010303')}行 A列:科目 2010301重复出现(第${await row02('2010301')}行和第${await row02('2010303')}行)`,
  },
  {
    name: 'the same table twice',
    file: 'twice.xlsx',
    bytes: () =>
      edited(good, (workbook) => {
        const copy = workbook.addWorksheet('副本');
        copy.getCell('A1').value = '公开02表';
      }),
    message: '文件 twice.xlsx 工作表“副本” 第1行:公开02表出现了两次(另一处在工作表“公开02表”)',
  },
  {
    name: 'a column missing',
    file: 'narrow.xlsx',
    bytes: () => edited(good, (workbook) => workbook.getWorksheet('公开02表')!.spliceColumns(5, 1)),
    message: '工作表“公开02表” 第4行:找不到公开02表“上级补助收入”(第 3 栏)所在的列',
  },
  {
    name: 'amounts in 千元',
    file: 'thousands.xlsx',
    bytes: () => edited(good, (workbook) => (workbook.getWorksheet('公开03表')!.getCell('H3').value = '金额单位:千元')),
    message: '文件 thousands.xlsx 工作表“公开03表” 第3行:不支持的金额单位“千元”,请换算为万元后再导入',
  },
  {
    name: 'a code missing from the catalog, without a name',
    file: 'nocode.xlsx',
    bytes: () =>
      edited(good, (workbook) => {
        const sheet = workbook.getWorksheet('公开02表')!;
        const row = rowOf(sheet, '2010303');
        sheet.getCell(`A${row}`).value = '2010388';
        sheet.getCell(`B${row}`).value = null;
      }),
    message: async () => `文件 nocode.xlsx 工作表“公开02表” 第${await row02('2010303')}行:科目代码 2010388 不在 2023 年功能分类科目表中,且没有科目名称`,
  },
  {
    // 2010306 政务公开审批 typed as 2010396: the name printed beside it says which 科目 was meant.
    name: 'a mistyped code beside another 科目’s name',
    file: 'typo.xlsx',
    bytes: () => with02('2010306', 'A', '2010396'),
    message: async () => `文件 typo.xlsx 工作表“公开02表” 第${await row02('2010306')}行:科目代码 2010396 不在 2023 年功能分类科目表中,旁边的名称“政务公开审批”是科目 2010306 的名称,请核对代码`,
  },
  {
    name: 'a broken legacy .xls',
    file: 'old.xls',
    bytes: () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
    message: '文件 old.xls:不是有效的 Excel 工作簿或文件已损坏',
  },
  {
    name: 'a table none of whose rows can be read',
    file: 'rows.xlsx',
    bytes: () =>
      edited(good, (workbook) => {
        const sheet = workbook.getWorksheet('公开02表')!;
        sheet.eachRow((row, n) => n > rowOf(sheet, '合 计') && /^\d+$/.test(String(row.getCell(1).value)) && (row.getCell(1).value = '12'));
      }),
    message: async () => `文件 rows.xlsx 工作表“公开02表” 第${await row02('合 计')}行:公开02表有数据,但没有一行能识别`,
  },
  {
    name: 'a year file of another year',
    file: '2022.sqlite',
    bytes: async () => {
      await core.createYear({ file: 'other-2022.sqlite', fiscalYear: 2022, unitName: '荆门市行政审批局(本级)' });
      core.close();
      return fs.readFileSync(path.join(temp.dir, 'other-2022.sqlite'));
    },
    message: '文件 2022.sqlite:是 2022 年度的数据,本年度文件为 2023 年度;如要作为上年数导入,请用“导入 › 上年数据”(命令行加 --baseline)',
  },
  {
    name: 'a SQLite file that is not a year file',
    file: 'foreign.sqlite',
    bytes: () => Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(100)]),
    message: '文件 foreign.sqlite:',
  },
];

describe('malformed workbooks', () => {
  for (const { name, file, bytes, message } of CASES) {
    it(`${name}: refused with its own message, year file byte-identical`, async () => {
      const data = base64(await bytes());
      const expected = typeof message === 'string' ? message : await message();
      const before = fingerprint(path.join(temp.dir, FILE));
      const preview = await core.previewImport({ file: FILE, name: file, dataBase64: data });
      expect(preview.errors.join('\n')).toContain(expected);
      const error = await core.importWorkbook({ file: FILE, name: file, dataBase64: data }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toContain('未导入任何数据,年度文件保持不变');
      expect((error as ApiError).message).toContain(expected);
      expect(fingerprint(path.join(temp.dir, FILE))).toBe(before);
    });
  }

  it('a formula with its saved result is read by that result, and said so', async () => {
    const bytes = await with02('2010303', 'D', { formula: 'C9*1', result: 192.76 });
    const preview = await core.previewImport({ file: FILE, name: 'formula.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toContain('文件 formula.xlsx 工作表“公开02表”:公开02表有 1 个单元格是公式,已按文件中保存的计算结果导入');
  });

  it('a failed import leaves the closed file byte-identical on disk too', async () => {
    core.close();
    const file = path.join(temp.dir, FILE);
    const before = fingerprint(file);
    const fresh = coreIn(temp.dir);
    await expect(fresh.importWorkbook({ file: FILE, name: 'bad.xlsx', dataBase64: base64(await with02('2010301', 'D', 'abc')) })).rejects.toThrow('不是有效金额');
    fresh.close();
    expect(fingerprint(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});

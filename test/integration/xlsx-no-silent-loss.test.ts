/**
 * Never a silent loss (issue 17; issue 16 item 4): a line whose amounts cannot be placed — a 6-digit
 * 科目代码, a name not in the catalog without a code — refuses its table with the row and the amounts
 * named, and the year file stays byte-identical; the clerk may then import the readable tables only,
 * and the unreadable table keeps its rows and amounts. Every printed total the details do not
 * reproduce is listed with its place, however many there are.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { base64, fingerprint, newYear, seed002Edits, seed002Exported } from '../fixtures/xlsx/helpers';
import { edited, rowOf } from '../fixtures/xlsx/malformed';

const seeded = seed002Exported('juesuan-loss-');

/** A year that already holds 公开02表 row 2010301 with 19.10, as the clerk keyed it. */
async function keyedYear(file: string): Promise<void> {
  await newYear(seeded.core, file);
  await seeded.core.edit({ file, cells: seed002Edits() });
}

/** Our export with 公开02表's 2010301 line carrying an unreadable 6-digit code. */
const sixDigits = () =>
  edited(seeded.good, (workbook) => {
    const sheet = workbook.getWorksheet('公开02表')!;
    sheet.getCell(`A${rowOf(sheet, '2010301')}`).value = '201030';
  });

describe('an amount that cannot be placed is never dropped', () => {
  it('a 6-digit 科目代码 refuses the import, naming the row and its amounts; nothing is written', async () => {
    const file = 'six.sqlite';
    await keyedYear(file);
    seeded.core.close();
    const before = fingerprint(path.join(seeded.dir, file));
    const bytes = await sixDigits();
    const preview = await seeded.core.previewImport({ file, name: 'six.xlsx', dataBase64: base64(bytes) });
    const row = rowOf((await load(bytes)).getWorksheet('公开02表')!, '201030');
    expect(preview.errors).toEqual([`文件 six.xlsx 工作表“公开02表” 第${row}行 A列:科目代码“201030”位数不对(应为 3、5 或 7 位);此行的金额(C列 19.10、D列 19.10)无法导入`]);
    expect(preview.notImported).toEqual([{ table: '公开02表', tableLabel: '公开02表', sheet: '公开02表', reasons: preview.errors }]);
    await expect(seeded.core.importWorkbook({ file, name: 'six.xlsx', dataBase64: base64(bytes) })).rejects.toThrow(`第${row}行 A列:科目代码“201030”`);
    seeded.core.close();
    expect(fs.existsSync(path.join(seeded.dir, `${file}-wal`))).toBe(false);
    expect(fingerprint(path.join(seeded.dir, file))).toBe(before);
  });

  it('the clerk may import the readable tables: the unreadable one keeps every row and amount', async () => {
    const file = 'partial.sqlite';
    await keyedYear(file);
    await seeded.core.edit({ file, cells: [{ table: '公开03表', row: '2010301', col: '2', value: '1.00' }] });
    const kept = (await seeded.core.openYear({ file })).tables['公开02表'];
    const bytes = await sixDigits();
    const preview = await seeded.core.previewImport({ file, name: 'six.xlsx', dataBase64: base64(bytes), partial: true });
    expect(preview.errors).toEqual([]);
    expect(preview.notImported!.map((table) => table.table)).toEqual(['公开02表']);
    // 公开03表's row 2010301 is in the file: nothing of it is removed; a row the file lacks would be named.
    expect(preview.warnings.filter((text) => text.includes('导入后删除此行'))).toEqual([]);
    expect(preview.recognised.map((table) => table.table)).not.toContain('公开02表');
    await seeded.core.importWorkbook({ file, name: 'six.xlsx', dataBase64: base64(bytes), partial: true });
    const after = await seeded.core.openYear({ file });
    expect(after.tables['公开02表']).toEqual(kept);
    // The other tables were replaced by the workbook's (03's stray 1.00 is gone).
    expect(after.tables['公开03表'].cells['2010301']['2']).toBe('19.10');
  });

  it('a name the catalog does not know, without a code, refuses its table with the amounts named', async () => {
    const bytes = await edited(seeded.good, (workbook) => {
      const sheet = workbook.getWorksheet('公开03表')!;
      const row = rowOf(sheet, '2010302');
      sheet.getCell(`A${row}`).value = null;
      sheet.getCell(`B${row}`).value = '一般行政管理事务(旧称)';
    });
    const preview = await seeded.core.previewImport({ file: 'partial.sqlite', name: 'name.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatch(/工作表“公开03表” 第\d+行 A列:无法根据科目名称“一般行政管理事务\(旧称\)”确定科目代码,请填写科目代码;此行的金额\(C列 2880.75、D列 1272.68、E列 1608.07\)无法导入$/);
  });

  it('lists every printed total the details do not reproduce, each with its place', async () => {
    // 60 项 rows whose printed 合计 and 类 / 款 lines are all off: far more than any old "另有 N 处" cut.
    const bytes = await edited(seeded.good, (workbook) => {
      for (const name of ['公开02表', '公开03表', '公开05表']) {
        const sheet = workbook.getWorksheet(name)!;
        sheet.eachRow((row) => {
          const code = String(row.getCell(1).value ?? '');
          if (/^\d{3}(\d\d)?$/.test(code) || code.replace(/\s/g, '') === '合计') row.getCell(3).value = 1;
        });
      }
    });
    const preview = await seeded.core.previewImport({ file: 'partial.sqlite', name: 'totals.xlsx', dataBase64: base64(bytes) });
    const mismatches = preview.mismatches!;
    expect(mismatches.length).toBeGreaterThan(20);
    for (const m of mismatches) expect(m).toMatchObject({ printed: '1.00', col: '1' });
    expect(new Set(mismatches.map((m) => m.table))).toEqual(new Set(['公开02表', '公开03表', '公开05表']));
    expect(preview.warnings.join('\n')).not.toContain('另有');
  });
});

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('a 科目 printed with another 科目’s name', () => {
  it('is named in the preview with its row, and imported by its code', async () => {
    const bytes = await edited(seeded.good, (workbook) => {
      const sheet = workbook.getWorksheet('公开03表')!;
      sheet.getCell(`B${rowOf(sheet, '2010301')}`).value = '一般行政管理事务';
    });
    const row = rowOf((await load(bytes)).getWorksheet('公开03表')!, '2010301');
    const preview = await seeded.core.previewImport({ file: 'partial.sqlite', name: 'names.xlsx', dataBase64: base64(bytes) });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toContain(`文件 names.xlsx 工作表“公开03表” 第${row}行:科目代码 2010301 旁印的名称“一般行政管理事务”与科目表中的“行政运行”不同,请核对代码是否写错(按代码 2010301 导入)`);
    // Our own export's names (full or shortened wordings) raise nothing.
    const clean = await seeded.core.previewImport({ file: 'partial.sqlite', name: 'seeded.good.xlsx', dataBase64: base64(seeded.good) });
    expect(clean.warnings.filter((text) => text.includes('旁印的名称'))).toEqual([]);
  });
});

describe('a number below the notes', () => {
  it('is listed as not imported, with its cell', async () => {
    const bytes = await edited(seeded.good, (workbook) => {
      const sheet = workbook.getWorksheet('公开03表')!;
      sheet.getCell(`D${sheet.rowCount + 2}`).value = 12.5;
    });
    const sheet = (await load(bytes)).getWorksheet('公开03表')!;
    const preview = await seeded.core.previewImport({ file: 'partial.sqlite', name: 'below.xlsx', dataBase64: base64(bytes) });
    expect(preview.unrecognised).toEqual([{ sheet: '公开03表', row: sheet.rowCount, cell: `D${sheet.rowCount}`, reason: '表注之后的数值,未导入' }]);
  });
});

describe('a 科目 row the workbook lacks', () => {
  it('is named with its amounts before the import removes it', async () => {
    const bytes = await edited(seeded.good, (workbook) => {
      const sheet = workbook.getWorksheet('公开03表')!;
      sheet.spliceRows(rowOf(sheet, '2011308'), 1);
    });
    await keyedYear('fewer.sqlite');
    const preview = await seeded.core.previewImport({ file: 'fewer.sqlite', name: 'fewer.xlsx', dataBase64: base64(bytes) });
    expect(preview.effect.removeCodes).toBe(1);
    expect(preview.warnings).toContain('公开03表:文件中没有科目 2011308 招商引资,导入后删除此行及其金额(第 3 栏 0.19)');
  });
});

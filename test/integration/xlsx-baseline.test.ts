/**
 * Last year as baseline (SPEC §5.1), from last year's year file and from its workbook: 上年数 for
 * every cell, the declared opening balances pre-filled, last year's 项 rows carried, in one
 * transaction; a file of the wrong year is refused and leaves this year's file untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../shared/catalog';
import { cellKey } from '../../shared/tables';
import { validateYear } from '../../shared/rules';
import { YearStore } from '../../electron/core/store';
import { YearSession } from '../../electron/core/year-session';
import { baselineView } from '../../shared/rules';
import { base64, tempCoreEachTest, fingerprint, newYear } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-xlsx-');

/** A 政府性基金 项 (城乡社区支出) for 公开07表. */
const FUND_CODE = catalogFor(2022).functionCodes.find((entry) => entry.level === '项' && entry.code.startsWith('212'))!.code;

/** Last year: closing balances 公开01 r60 = 12.34; 公开04 r60 = 25 / 7 / 0 (computed); 公开07 c6 = 9 (computed). */
async function lastYear(file: string, year = 2022) {
  await newYear(env.core, file, { year });
  const cell = (table: string, row: string, col: string, value: string) => ({ table, row, col, value });
  await env.core.edit({
    file,
    cells: [
      cell('公开01表', '28', '1', '1'),
      cell('公开01表', '29', '1', '2'),
      cell('公开01表', '60', '2', '12.34'),
      cell('公开04表', '1', '1', '100'),
      cell('公开04表', '2', '1', '20'),
      cell('公开04表', '29', '1', '5'),
      cell('公开04表', '30', '1', '1'),
      cell('公开02表', '2010301', '2', '80'),
      cell('公开03表', '2010301', '2', '50'),
      cell('公开03表', '2010301', '3', '30'),
      cell('公开05表', '2010301', '2', '50'),
      cell('公开05表', '2010301', '3', '30'),
      cell('公开07表', FUND_CODE, '1', '3'),
      cell('公开07表', FUND_CODE, '2', '20'),
      cell('公开07表', FUND_CODE, '4', '10'),
      cell('公开07表', FUND_CODE, '5', '4'),
      cell('公开09表', '1', '11', '6.27'),
    ],
  });
}

const valueOf = async (file: string, table: string, row: string, col: string) =>
  (await env.core.getTable({ file, table })).rows.find((line) => line.row === row)?.cells[col] ?? null;

function storedBaseline(file: string) {
  const store = YearStore.open(path.join(env.dir, file));
  try {
    return { cells: store.loadBaseline(), year: store.meta('baseline_fiscal_year'), source: store.meta('baseline_source') };
  } finally {
    store.close();
  }
}

async function expectCarriedForward(file: string, sourceName: string) {
  expect(await valueOf(file, '公开01表', '29', '1')).toBe('12.34');
  expect(await valueOf(file, '公开04表', '29', '1')).toBe('25.00');
  expect(await valueOf(file, '公开04表', '30', '1')).toBe('7.00');
  expect(await valueOf(file, '公开04表', '31', '1')).toBe('0.00');
  expect(await valueOf(file, '公开07表', FUND_CODE, '1')).toBe('9.00');
  const snapshot = await env.core.openYear({ file });
  expect(snapshot.tables['公开03表'].codes).toEqual(['2010301']);
  expect(snapshot.tables['公开03表'].cells).toEqual({});
  expect(snapshot.tables['公开07表'].codes).toEqual([FUND_CODE]);
  const baseline = storedBaseline(file);
  expect(baseline.year).toBe('2022');
  expect(baseline.source).toBe(sourceName);
  // 上年数 for computed cells too: 收入总计 r31 = 1 + 2 + (100 + 20 + 0) and 公开07 年末 c6.
  expect(baseline.cells.get('公开01表')!.get(cellKey('31', '1'))).toBe(1230000);
  expect(baseline.cells.get('公开07表')!.get(cellKey(FUND_CODE, '6'))).toBe(90000);
  expect(baseline.cells.get('公开09表')!.get(cellKey('1', '7'))).toBe(62700);
}

describe('last year as baseline', () => {
  it('from last year’s year file', async () => {
    await lastYear('2022.sqlite');
    env.core.close();
    const bytes = fs.readFileSync(path.join(env.dir, '2022.sqlite'));
    await newYear(env.core, '2023.sqlite', { year: 2023 });
    const preview = await env.core.previewImport({ file: '2023.sqlite', name: '2022.sqlite', dataBase64: base64(bytes), baseline: true });
    expect(preview.errors).toEqual([]);
    expect(preview.mode).toBe('baseline');
    expect(preview.effect).toMatchObject({ prefilled: 5 });
    expect(preview.effect.baselineCells).toBeGreaterThan(50);
    const result = await env.core.importWorkbook({ file: '2023.sqlite', name: '2022.sqlite', dataBase64: base64(bytes), baseline: true });
    expect(result.revision).toBeGreaterThan(0);
    await expectCarriedForward('2023.sqlite', '2022.sqlite');
  });

  it('from last year’s exported workbook', async () => {
    await lastYear('2022.sqlite');
    const workbook = await env.core.exportWorkbook({ file: '2022.sqlite', draft: true });
    await newYear(env.core, '2023.sqlite', { year: 2023 });
    const result = await env.core.importWorkbook({ file: '2023.sqlite', name: workbook.name, dataBase64: workbook.dataBase64, baseline: true });
    expect(result.errors).toEqual([]);
    // The export's document title (“2022年度部门决算公开表”) states its year: no guess is needed.
    expect(result.warnings.join('\n')).not.toContain('未写明年度');
    await expectCarriedForward('2023.sqlite', workbook.name);
  });

  // A clerk picking the wrong export: the year in its document title is read back (.xlsx and .xls).
  it.each(['xlsx', 'xls'] as const)('refuses this year’s own %s export as last year’s, and warns of last year’s as this year’s', async (format) => {
    await lastYear('2022.sqlite');
    const last = await env.core.exportWorkbook({ file: '2022.sqlite', format, draft: true });
    await newYear(env.core, '2023.sqlite', { year: 2023 });
    const own = await env.core.exportWorkbook({ file: '2023.sqlite', format, draft: true });
    const before = fingerprint(path.join(env.dir, '2023.sqlite'));
    await expect(env.core.importWorkbook({ file: '2023.sqlite', name: own.name, dataBase64: own.dataBase64, baseline: true })).rejects.toThrow(
      `文件 ${own.name}:是 2023 年度的数据,作为上年数须为 2022 年度(本年度文件为 2023 年度)`,
    );
    expect(fingerprint(path.join(env.dir, '2023.sqlite'))).toBe(before);
    const preview = await env.core.previewImport({ file: '2023.sqlite', name: last.name, dataBase64: last.dataBase64, baseline: false });
    expect(preview.source.fiscalYear).toBe(2022);
    expect(preview.warnings).toContain(`文件 ${last.name}:是 2022 年度的数据,本年度文件为 2023 年度;如要作为上年数导入,请用“导入 › 上年数据”(命令行加 --baseline)`);
  });

  it('gives the cross-year 审核 rules last year as a model view', async () => {
    await lastYear('2022.sqlite');
    env.core.close();
    const bytes = fs.readFileSync(path.join(env.dir, '2022.sqlite'));
    await newYear(env.core, '2023.sqlite', { year: 2023 });
    await env.core.importWorkbook({ file: '2023.sqlite', name: '2022.sqlite', dataBase64: base64(bytes), baseline: true });
    // Break R-Y01 on purpose: this year's opening balance no longer equals last year's closing one.
    await env.core.setCells({ file: '2023.sqlite', edits: [{ table: '公开01表', row: '29', col: '1', value: '1' }] });
    env.core.close();
    const session = new YearSession('2023.sqlite', YearStore.open(path.join(env.dir, '2023.sqlite')));
    try {
      const baseline = baselineView(session.store.loadBaseline());
      expect(baseline.value('公开01表', '60', '2')).toBe(123400);
      expect(baseline.rows('公开03表').map((row) => row.key)).toEqual(['合计', '201', '20103', '2010301']);
      const findings = validateYear(session.model, { template: '9', fiscalYear: 2023, baseline });
      expect(findings.filter((finding) => finding.rule === 'R-Y01').map((finding) => [finding.expected, finding.actual])).toEqual([['12.34', '1.00']]);
    } finally {
      session.store.close();
    }
  });

  it('keeps what this year already has, and says so', async () => {
    await lastYear('2022.sqlite');
    env.core.close();
    const bytes = fs.readFileSync(path.join(env.dir, '2022.sqlite'));
    await newYear(env.core, '2023.sqlite', { year: 2023 });
    await env.core.setCells({ file: '2023.sqlite', edits: [{ table: '公开01表', row: '29', col: '1', value: '1' }] });
    const result = await env.core.importWorkbook({ file: '2023.sqlite', name: '2022.sqlite', dataBase64: base64(bytes), baseline: true });
    expect(result.warnings).toContain('公开01表 第29行 第 1 栏已有本年数 1.00,未用上年数 12.34 覆盖');
    expect(await valueOf('2023.sqlite', '公开01表', '29', '1')).toBe('1.00');
    expect(await valueOf('2023.sqlite', '公开04表', '29', '1')).toBe('25.00');
  });

  it('refuses a file that is not last year’s, leaving this year’s file byte-identical', async () => {
    await lastYear('2021.sqlite', 2021);
    env.core.close();
    const bytes = fs.readFileSync(path.join(env.dir, '2021.sqlite'));
    await newYear(env.core, '2023.sqlite', { year: 2023 });
    const before = fingerprint(path.join(env.dir, '2023.sqlite'));
    await expect(env.core.importWorkbook({ file: '2023.sqlite', name: '2021.sqlite', dataBase64: base64(bytes), baseline: true })).rejects.toThrow(
      '文件 2021.sqlite:是 2021 年度的数据,作为上年数须为 2022 年度(本年度文件为 2023 年度)',
    );
    expect(fingerprint(path.join(env.dir, '2023.sqlite'))).toBe(before);
    expect(storedBaseline('2023.sqlite').cells.size).toBe(0);
  });
});

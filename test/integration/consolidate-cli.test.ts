import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { formatAmount } from '../../shared/money';
import { writeUnitFiles } from '../fixtures/unit-files';
import { runCli as cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const UNITS = 300;

/** A folder of 300 small unit files (one 科目 row each), a workbook among them, then a file of another year. */
describe('consolidate on the command line', () => {
  const temp = tempDir();
  const folder = path.join(temp.dir, '单位');
  const out = path.join(temp.dir, '汇总.sqlite');

  beforeAll(async () => {
    await writeUnitFiles(
      folder,
      Array.from({ length: UNITS }, (_, k) => ({
        file: `u${String(k + 1).padStart(3, '0')}.sqlite`,
        unitName: `单位${k + 1}`,
        unitCode: `9${String(k + 1).padStart(5, '0')}`,
        tables: { 公开02表: { [(k + 1) % 2 ? '2010301' : '2080505']: { '2': `${k + 1}.0001` } }, 公开01表: { '28': { '1': '0.01' } } },
      })),
    );
    const core = createCore({ resolveFile: (file) => path.join(folder, file) });
    try {
      // One unit arrives as a workbook: read through the ordinary import.
      await core.createYear({ file: 'wb.sqlite', fiscalYear: 2023, unitName: '工作簿单位', unitCode: '999999' });
      await core.setCells({ file: 'wb.sqlite', edits: [{ table: '公开02表', row: '2010301', col: '2', value: '1000' }] });
      const workbook = await core.exportWorkbook({ file: 'wb.sqlite', draft: true });
      fs.writeFileSync(path.join(folder, '2023年工作簿单位.xlsx'), Buffer.from(workbook.dataBase64, 'base64'));
    } finally {
      core.close();
    }
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(folder, 'wb.sqlite' + suffix), { force: true });
  });
  afterAll(() => temp.cleanup());

  it('lists the problems and writes nothing until --confirm, then sums every unit exactly', () => {
    // One thread: on a shared CI machine, starting workers for a 1-row-per-unit folder costs more than it saves.
    const asked = cli('consolidate', '--out', out, '--unit', '某主管部门', '--code', '900', '--jobs', '0', folder);
    expect(asked.code, asked.err).toBe(1);
    expect(asked.out).toContain('未写入任何文件');
    expect(fs.existsSync(out)).toBe(false);

    const done = cli('consolidate', '--out', out, '--unit', '某主管部门', '--code', '900', '--confirm', '--jobs', '0', folder);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain(`汇总单位数:${UNITS + 1}`);
    expect(done.out).toContain('工作簿单位');
    const got = cli('get', '--file', out, '--table', '公开02表', '--json');
    const rows = JSON.parse(got.out).rows as { row: string; cells: Record<string, string | null> }[];
    // Σ i.0001 over i = 1…300, plus the workbook's 1000.
    const odd = Array.from({ length: UNITS }, (_, k) => k + 1).filter((i) => i % 2);
    const even = Array.from({ length: UNITS }, (_, k) => k + 1).filter((i) => i % 2 === 0);
    // In 0.0001 万元: i.0001 is i·10000 + 1.
    const sum = (values: number[]) => values.reduce((total, i) => total + i * 10_000 + 1, 0);
    expect(rows.find((row) => row.row === '2010301')!.cells['2']).toBe(formatAmount(sum(odd) + 1000 * 10_000));
    expect(rows.find((row) => row.row === '2080505')!.cells['2']).toBe(formatAmount(sum(even)));
    expect(rows.find((row) => row.row === '合计')!.cells['1']).toBe(formatAmount(sum(odd) + sum(even) + 1000 * 10_000));
    expect(cli('set', '--file', out, '--table', '公开01表', '--row', '28', '--col', '1', '--value', '1').err).toContain('汇总的表只读');
  });

  it('refuses a unit of another year with exit 1 and rebuilds on request', () => {
    const other = createCore({ resolveFile: (file) => path.join(folder, file) });
    return other
      .createYear({ file: 'z-2022.sqlite', fiscalYear: 2022, unitName: '上年单位' })
      .then(() => other.close())
      .then(() => {
        const result = cli('consolidate', '--out', out, '--unit', '某主管部门', '--confirm', folder);
        expect(result.code).toBe(1);
        expect(result.out).toMatch(/未汇总\s+上年单位.*年度 2022 与其他单位的年度 2023 不一致/);
        expect(result.out).toContain('已汇总到');
        const rebuilt = cli('consolidate', '--rebuild', out, '--confirm', '--jobs', '0');
        expect(rebuilt.out).toContain('单位文件自上次汇总以来没有变化');
        expect(rebuilt.out).toContain('已重新汇总');
      });
  });
});

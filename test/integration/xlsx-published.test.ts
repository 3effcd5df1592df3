/**
 * The corpus of real layouts (test/fixtures/xlsx/published.ts): random years written the way
 * departments publish them — split 类|款|项 columns, codes as numbers, 决算数 headers without 栏次,
 * 合计 for 小计, computed columns left out, 09 alternating, 04 without 行次, 06 in two groups, titles
 * with year, unit and list number, sheets in any order under any name — import back identically,
 * with nothing unrecognised, no false total mismatches and no errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateFiles } from '../../electron/core/validate-files';
import { templateTables } from '../../shared/tables';
import { tempDir } from '../helpers/temp';
import { base64, coreIn, newYear, seed002Edits } from '../fixtures/xlsx/helpers';
import { VARIANTS, publishedWorkbook } from '../fixtures/xlsx/published';
import { modelOf, printable, randomYear } from '../fixtures/xlsx/random-year';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir('juesuan-published-')));
afterEach(() => temp.cleanup());

const TABLES_9 = templateTables('9');

describe('published layouts import back identically', () => {
  VARIANTS.forEach((variant, v) => {
    it(`${variant.source}`, async () => {
      const core = coreIn(temp.dir);
      for (const seed of [100 + 10 * v, 101 + 10 * v, 102 + 10 * v]) {
        const source = `source-${seed}.sqlite`;
        const target = `target-${seed}.sqlite`;
        await newYear(core, source);
        await newYear(core, target);
        const { edits, custom } = randomYear('9', seed);
        await core.edit({ file: source, addCodes: custom, cells: edits });
        const snapshot = await core.openYear({ file: source });
        const bytes = await publishedWorkbook(modelOf(snapshot), TABLES_9, 2023, variant);
        const result = await core.importWorkbook({ file: target, name: `published-${seed}.xlsx`, dataBase64: base64(bytes) });
        expect(result.errors, `seed ${seed}`).toEqual([]);
        expect(result.unrecognised, `seed ${seed}`).toEqual([]);
        expect(result.mismatches, `seed ${seed}`).toEqual([]);
        expect(result.recognised.map((table) => table.table).sort(), `seed ${seed}`).toEqual(TABLES_9.map((def) => def.id).sort());
        const expected = printable(snapshot);
        expect(JSON.stringify(expected).match(/"-?\d+\.\d+"/g)!.length, 'a year with real content').toBeGreaterThan(50);
        expect(printable(await core.openYear({ file: target })), `seed ${seed}`).toEqual(expected);
      }
      core.close();
    });
  });
});


describe('“三公” in 09 below the same item in 06 (R-X16)', () => {
  it('is found in a published 09 with 预算数/决算数 alternating and 栏次 numbered by position', async () => {
    // Such a 09 was read by its 栏次 numbers alone, which there count positions: 决算数 landed in
    // 预算数 columns and the check compared the wrong figures. Headers now have to agree.
    const core = coreIn(temp.dir);
    await newYear(core, 'sangong.sqlite');
    await core.edit({ file: 'sangong.sqlite', cells: seed002Edits() });
    await core.edit({ file: 'sangong.sqlite', cells: [{ table: '公开06表', row: '30217', col: '1', value: '9.00' }] });
    const variant = VARIANTS.find((v) => v.t09 === 'alternating' && v.colNo)!;
    const bytes = await publishedWorkbook(modelOf(await core.openYear({ file: 'sangong.sqlite' })), TABLES_9, 2023, variant);
    core.close();
    const file = path.join(temp.dir, '2023-published.xlsx');
    fs.writeFileSync(file, bytes);
    const [report] = await validateFiles([file]);
    const x16 = (report.findings ?? []).filter((finding) => finding.rule === 'R-X16');
    expect(x16.map((finding) => `${finding.table} ${finding.row} ${finding.col} ${finding.actual} ${finding.expected}`)).toEqual(['公开09表 1 12 2.02 9.00']);
  });
});

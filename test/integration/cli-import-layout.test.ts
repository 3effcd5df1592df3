/**
 * `import` into a year file it creates takes the table set the workbook is laid out in: our own
 * export of a year of each set, with either numbering, comes back in a new file of that set with
 * every cell unchanged: an empty cell stays empty, an entered zero stays entered (a 陕西 workbook
 * made a national file and was refused: its 陕07表 title read as a second 公开03表).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InterchangeDoc, Numbering } from '../../shared/contract';
import { TABLE_SETS, TEMPLATE_SET_IDS } from '../../shared/tables';
import { inSet, REGIONAL_CASES } from '../fixtures/regional-years';
import { seed002Doc } from '../fixtures/seed-002';
import { tempCoreEachTest } from '../fixtures/xlsx/helpers';
import { runCli } from '../helpers/cli';

const env = tempCoreEachTest('juesuan-cli-layout-');

describe('import creates the year file in the workbook’s table set', () => {
  for (const set of TEMPLATE_SET_IDS) {
    it(`${set}`, async () => {
      for (const numbering of ['公开', '表'] as Numbering[]) {
        const file = `${numbering}-source.sqlite`;
        await env.core.createYear({ file, fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', template: set, numbering });
        const doc = seed002Doc() as InterchangeDoc;
        await env.core.load({ file, doc: inSet(doc, set) });
        const own = REGIONAL_CASES.find((c) => c.set === set);
        if (own) await env.core.edit({ file, addCodes: own.codes ?? [], cells: own.thisYear(doc) });
        const exported = await env.core.exportWorkbook({ file, format: 'xlsx', draft: true });
        const workbook = path.join(env.dir, `${numbering}.xlsx`);
        fs.writeFileSync(workbook, Buffer.from(exported.dataBase64, 'base64'));

        const made = path.join(env.dir, `${numbering}-made.sqlite`);
        const run = runCli('import', '--file', made, '--in', workbook, '--year', '2023');
        expect(run.err, `${set} ${numbering}`).toBe('');
        expect(run.out).toContain(`按工作簿的表样新建年度文件:${TABLE_SETS.find((each) => each.id === set)!.name}`);
        const back = await env.core.dump({ file: made });
        expect(back.template).toBe(set);
        expect(back.tables, `${set} ${numbering}`).toEqual((await env.core.dump({ file })).tables);
      }
    });
  }
});

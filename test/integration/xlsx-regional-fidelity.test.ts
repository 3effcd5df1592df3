/**
 * Our own workbook of every declared table set reads back as it was written (issue 15, found trying
 * the app): which cells are entered survives the round trip — an input nobody entered printed 0.00
 * in the tables that show empty totals as 0.00 (川05/07/09表 among them) and came back as an entered
 * zero — and re-importing the export gives no hint (陕西9's 公开NN表 labels count its own tables,
 * and were read by the national numbering, one hint per moved table). A label that really
 * contradicts its title still gets its hint.
 */
import { describe, expect, it } from 'vitest';
import type { Numbering, YearSnapshot } from '../../shared/contract';
import { TEMPLATE_SET_IDS } from '../../shared/tables';
import { base64, newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';
import { edited, rowOf } from '../fixtures/xlsx/malformed';
import { printable, randomYear } from '../fixtures/xlsx/random-year';

const env = tempCoreEachTest('juesuan-regional-fidelity-');
const FORMATS = ['xlsx', 'xls'] as const;
const NUMBERINGS: Numbering[] = ['公开', '表'];

/** Every entered cell as "table row col" → amount. */
function entered(snapshot: YearSnapshot): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [table, doc] of Object.entries(snapshot.tables)) {
    for (const [row, cols] of Object.entries(doc.cells)) for (const [col, value] of Object.entries(cols)) cells.set(`${table} ${row} ${col}`, value);
  }
  return cells;
}

async function roundTrip(source: string, target: string, format: (typeof FORMATS)[number]) {
  const workbook = await env.core.exportWorkbook({ file: source, format, draft: true });
  return env.core.importWorkbook({ file: target, name: workbook.name, dataBase64: workbook.dataBase64 });
}

describe('every table set, both numberings, .xlsx and .xls', () => {
  for (const set of TEMPLATE_SET_IDS) {
    it(`${set}: an empty year comes back empty, a sparse random year cell for cell, with no hint`, async () => {
      let seed = 500 + TEMPLATE_SET_IDS.indexOf(set) * 10;
      for (const numbering of NUMBERINGS) {
        for (const format of FORMATS) {
          const at = `${set} ${numbering} ${format}`;
          const [empty, emptyBack] = [`e-${numbering}-${format}.sqlite`, `eb-${numbering}-${format}.sqlite`];
          await newYear(env.core, empty, { template: set, numbering });
          await newYear(env.core, emptyBack, { template: set, numbering });
          const fromEmpty = await roundTrip(empty, emptyBack, format);
          expect({ errors: fromEmpty.errors, warnings: fromEmpty.warnings }, at).toEqual({ errors: [], warnings: [] });
          expect([...entered(await env.core.openYear({ file: emptyBack }))], at).toEqual([]);

          const [source, target] = [`s-${numbering}-${format}.sqlite`, `t-${numbering}-${format}.sqlite`];
          await newYear(env.core, source, { template: set, numbering });
          await newYear(env.core, target, { template: set, numbering });
          // Catalog 科目 only: a 自定义 科目 is rightly reported when it enters a file that lacks it.
          const { edits, custom } = randomYear(set, seed++, 0.25);
          const customCodes = new Set(custom.map((entry) => entry.code));
          await env.core.edit({ file: source, cells: edits.filter((edit) => !customCodes.has(edit.row)) });
          const result = await roundTrip(source, target, format);
          expect({ errors: result.errors, warnings: result.warnings, unrecognised: result.unrecognised }, at).toEqual({ errors: [], warnings: [], unrecognised: [] });
          const [before, after] = [await env.core.openYear({ file: source }), await env.core.openYear({ file: target })];
          expect(entered(before).size, `${at}: a year with entered zeros and amounts`).toBeGreaterThan(20);
          expect([...entered(before).values()].some((value) => Number(value) === 0), at).toBe(true);
          expect(printable(after), at).toEqual(printable(before));
        }
      }
    });
  }
});

describe('a label that contradicts its title', () => {
  it('still gets its hint, in the national set and in 陕西9 by either numbering of the label', async () => {
    const cases: { set: '9' | '陕西9'; sheet: string; label: string; hint: string }[] = [
      { set: '9', sheet: '公开03表', label: '公开05表', hint: '表号指向公开05表,表名“支出决算表”指向公开03表,按表名处理' },
      // 陕西9's 公开08表 is its 公开07表 by its own numbering and the national 公开08表: neither is 公开03表.
      { set: '陕西9', sheet: '公开03表', label: '公开08表', hint: '表号指向公开08表,表名“支出决算总表”指向公开03表,按表名处理' },
    ];
    for (const { set, sheet, label, hint } of cases) {
      await newYear(env.core, `${set}.sqlite`, { template: set, numbering: '公开' });
      await newYear(env.core, `${set}-back.sqlite`, { template: set, numbering: '公开' });
      const exported = Buffer.from((await env.core.exportWorkbook({ file: `${set}.sqlite`, format: 'xlsx' })).dataBase64, 'base64');
      const relabelled = await edited(exported, (workbook) => {
        const grid = workbook.getWorksheet(sheet)!;
        grid.getCell(`A${rowOf(grid, sheet)}`).value = label;
      });
      const result = await env.core.importWorkbook({ file: `${set}-back.sqlite`, name: 'relabelled.xlsx', dataBase64: base64(relabelled) });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([`文件 relabelled.xlsx 工作表“${sheet}”:${hint}`]);
      expect(result.recognised.find((table) => table.sheet === sheet)?.table).toBe('公开03表');
    }
  });
});

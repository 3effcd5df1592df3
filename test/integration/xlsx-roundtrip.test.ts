/**
 * Property: any valid year exported to a workbook and imported into a fresh file gives the same
 * inputs back, entered zeros and empty cells kept apart — except 项 rows whose inputs are all zero,
 * which functional tables do not print.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Numbering, TemplateSet } from '../../shared/contract';
import { templateTables } from '../../shared/tables';
import { parseForm, serializeForm, type PerfFormJson } from '../../shared/forms/model';
import { tempDir } from '../helpers/temp';
import { coreIn, newYear } from '../fixtures/xlsx/helpers';
import { TEMPLATES, randomForm, seeded } from '../fixtures/xlsx/random-forms';
import { printable, randomYear } from '../fixtures/xlsx/random-year';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir('juesuan-xlsx-')));
afterEach(() => temp.cleanup());

const CASES: { format: 'xlsx' | 'xls'; template: TemplateSet; numbering: Numbering; seeds: number[] }[] = [
  { format: 'xlsx', template: '9', numbering: '公开', seeds: [1, 2, 3, 4, 5, 6] },
  { format: 'xlsx', template: '9', numbering: '表', seeds: [7, 8] },
  { format: 'xlsx', template: '13', numbering: '表', seeds: [9, 10] },
  { format: 'xls', template: '9', numbering: '公开', seeds: [11, 12, 13] },
  { format: 'xls', template: '13', numbering: '表', seeds: [14] },
  // The regional sets of shared/tables/sets.ts: regional titles and the INFERRED 滇10/川14/陕07表 come back too.
  { format: 'xlsx', template: '云南11', numbering: '表', seeds: [31, 32] },
  { format: 'xls', template: '云南11', numbering: '表', seeds: [33] },
  { format: 'xlsx', template: '四川14', numbering: '表', seeds: [34] },
  { format: 'xlsx', template: '陕西9', numbering: '公开', seeds: [35] },
  { format: 'xlsx', template: '内蒙古12', numbering: '表', seeds: [37] },
  { format: 'xls', template: '内蒙古12', numbering: '表', seeds: [38] },
  { format: 'xls', template: '陕西9', numbering: '表', seeds: [36] },
];

/** A few random 绩效自评 forms (眉山 layouts print the 项目编码, so projects keep their keys), as the app stores them. */
function randomForms(seed: number, maxText: number): PerfFormJson[] {
  const random = seeded(seed);
  const projects = TEMPLATES.filter((form) => form.variant === 'MS-P');
  const department = TEMPLATES.find((form) => form.subject_type === 'department')!;
  const forms = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, i) => randomForm(random, projects[i], { maxText }));
  return [...forms, randomForm(random, department, { maxText })].map((form) => serializeForm(parseForm(form)));
}
const byKey = (forms: PerfFormJson[]) => [...forms].sort((a, b) => `${a.subject_type}|${a.subject_code ?? ''}`.localeCompare(`${b.subject_type}|${b.subject_code ?? ''}`));

describe('export → import round trip', () => {
  for (const { format, template, numbering, seeds } of CASES) {
    it(`${format}, ${template} 表模板, ${numbering} 编号: random years come back cell for cell`, async () => {
      const core = coreIn(temp.dir);
      for (const seed of seeds) {
        const source = `source-${seed}.sqlite`;
        const target = `target-${seed}.sqlite`;
        await newYear(core, source, { template, numbering });
        // The target starts without a unit code: the workbook carries it.
        await core.createYear({ file: target, fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', template, numbering });
        const { edits, custom } = randomYear(template, seed);
        await core.edit({ file: source, addCodes: custom, cells: edits });
        await core.setFormRegion({ file: source, region: '眉山' });
        for (const form of randomForms(seed, format === 'xls' ? 1500 : 6000)) await core.saveForm({ file: source, form });
        // Random years break the 勾稽 identities, so they go out as drafts: the importer must read those too.
        const workbook = await core.exportWorkbook({ file: source, format, draft: true });
        const result = await core.importWorkbook({ file: target, name: workbook.name, dataBase64: workbook.dataBase64 });
        expect(result.errors, `seed ${seed}`).toEqual([]);
        expect(result.unrecognised, `seed ${seed}`).toEqual([]);
        expect(result.recognised.map((table) => table.table)).toEqual(templateTables(template).map((def) => def.id));
        const expected = printable(await core.openYear({ file: source }));
        expect(JSON.stringify(expected).match(/"-?\d+\.\d+"/g)!.length, 'a year with real content').toBeGreaterThan(50);
        const [before, after] = [await core.openYear({ file: source }), await core.openYear({ file: target })];
        expect(printable(after), `seed ${seed}`).toEqual(expected);
        expect(byKey(after.forms), `seed ${seed}`).toEqual(byKey(before.forms));
        expect(before.forms.length).toBeGreaterThan(1);
        expect({ name: after.info.unitName, code: after.info.unitCode }).toEqual({ name: before.info.unitName, code: '158001' });
      }
      core.close();
    });
  }

  it('importing the same workbook again changes nothing, and a second import replaces rather than adds', async () => {
    const core = coreIn(temp.dir);
    await newYear(core, 'a.sqlite');
    await newYear(core, 'b.sqlite');
    const a = randomYear('9', 21);
    await core.edit({ file: 'a.sqlite', addCodes: a.custom, cells: a.edits });
    const first = await core.exportWorkbook({ file: 'a.sqlite', format: 'xlsx', draft: true });
    const b = randomYear('9', 22);
    await core.edit({ file: 'b.sqlite', addCodes: b.custom, cells: b.edits });
    await core.importWorkbook({ file: 'b.sqlite', name: 'a.xlsx', dataBase64: first.dataBase64 });
    const once = printable(await core.openYear({ file: 'b.sqlite' }));
    const again = await core.importWorkbook({ file: 'b.sqlite', name: 'a.xlsx', dataBase64: first.dataBase64 });
    expect(again.effect).toMatchObject({ cleared: 0, addCodes: 0, removeCodes: 0 });
    expect(printable(await core.openYear({ file: 'b.sqlite' }))).toEqual(once);
    expect(once).toEqual(printable(await core.openYear({ file: 'a.sqlite' })));
    core.close();
  });
});


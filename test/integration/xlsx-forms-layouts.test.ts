/**
 * Every 自评表 layout the upper systems expect (眉山/四川, 荆门/湖北, 玉林/广西 project and
 * department, 大通湖/湖南, 全国通用 project and department, 一体化平台), declared as data in the
 * profiles: random forms of each layout, exported to .xlsx and imported into a fresh year file,
 * come back identical, each on a sheet whose title is the layout's own.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseForm, serializeForm, VARIANTS, type PerfFormJson, type Variant } from '../../shared/forms/model';
import { fillTemplate, profileFor } from '../../shared/forms/profiles';
import { DTH_D_SEED001 } from '../fixtures/forms/dth-d-seed001';
import { JM_P_SEED002 } from '../fixtures/forms/jm-p-seed002';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004, YL_P_SEED004 } from '../fixtures/forms/yl-seed004';
import { newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';
import { randomForm, seeded } from '../fixtures/xlsx/random-forms';

const env = tempCoreEachTest('juesuan-form-layouts-');

/** A filled form of each layout to vary: the seeds', and for the national ones a seed form under that layout. */
const TEMPLATE_OF: Readonly<Record<Variant, PerfFormJson>> = {
  'MS-P': MS_P_SEED000[0],
  'JM-P': { ...JM_P_SEED002[0], subject_code: '42080023000000000001' },
  'YL-P': YL_P_SEED004,
  'YL-D': YL_D_SEED004,
  'DTH-D': DTH_D_SEED001,
  GENERIC: { ...MS_P_SEED000[3], variant: 'GENERIC' },
  'GENERIC-D': { ...YL_D_SEED004, variant: 'GENERIC-D' },
  'YTH-P': { ...MS_P_SEED000[3], variant: 'YTH-P' },
};

const keyed = (forms: PerfFormJson[]) => [...forms].sort((a, b) => `${a.subject_type}${a.subject_code}`.localeCompare(`${b.subject_type}${b.subject_code}`));

describe('自评表 layouts: export → import, each layout', () => {
  for (const variant of VARIANTS) {
    it(`${variant} ${profileFor(variant).name}: random forms come back identical`, async () => {
      for (const seed of [1, 2, 3]) {
        const random = seeded(seed * 97 + VARIANTS.indexOf(variant));
        const template = TEMPLATE_OF[variant];
        const count = template.subject_type === 'project' ? 2 : 1;
        const forms = Array.from({ length: count }, () => serializeForm(parseForm(randomForm(random, template, { maxText: 400 }))));
        const a = `a-${variant}-${seed}.sqlite`;
        await newYear(env.core, a, { year: 2025 });
        for (const form of forms) await env.core.saveForm({ file: a, form });
        const stored = (await env.core.openYear({ file: a })).forms;
        const exported = await env.core.exportWorkbook({ file: a, format: 'xlsx', draft: true });
        const bytes = Buffer.from(exported.dataBase64, 'base64');

        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
        const title = profileFor(variant).layout.find((block) => block.kind === 'title');
        const texts = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().filter((value): value is string => typeof value === 'string'));
        if (title?.kind === 'title') {
          for (const form of stored) {
            const filled = fillTemplate(title.text, { year: 2025, subject_name: form.subject_name, seq: '' });
            expect(texts.some((value) => value.startsWith(filled)), `${variant} title ${filled}`).toBe(true);
          }
        }

        const b = `b-${variant}-${seed}.sqlite`;
        await newYear(env.core, b, { year: 2025 });
        const result = await env.core.importWorkbook({ file: b, name: exported.name, dataBase64: exported.dataBase64 });
        expect(result.errors, `${variant} seed ${seed}`).toEqual([]);
        expect(keyed((await env.core.openYear({ file: b })).forms), `${variant} seed ${seed}`).toEqual(keyed(stored));
      }
    });
  }
});

// A saved form keeps no empty lists (serializeForm drops them), so the copy our export hides
// beside a form without 绩效指标 has no `indicators` at all: import must still take it back.
describe('自评表 layouts: a form without 绩效指标 comes back from our own export', () => {
  for (const variant of VARIANTS) {
    it(`${variant} ${profileFor(variant).name}`, async () => {
      const form = serializeForm(parseForm({ ...TEMPLATE_OF[variant], indicators: [] }));
      expect(form.indicators).toBeUndefined();
      const a = `no-ind-a-${variant}.sqlite`;
      await newYear(env.core, a, { year: 2025 });
      await env.core.saveForm({ file: a, form });
      const stored = (await env.core.openYear({ file: a })).forms;
      const exported = await env.core.exportWorkbook({ file: a, format: 'xlsx', draft: true });
      const b = `no-ind-b-${variant}.sqlite`;
      await newYear(env.core, b, { year: 2025 });
      const result = await env.core.importWorkbook({ file: b, name: exported.name, dataBase64: exported.dataBase64 });
      expect(result.errors).toEqual([]);
      expect(keyed((await env.core.openYear({ file: b })).forms)).toEqual(keyed(stored));
    });
  }
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import type { PerfFormJson } from '../../shared/forms/model';
import { JM_P_SEED002 } from '../fixtures/forms/jm-p-seed002';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004 } from '../fixtures/forms/yl-seed004';
import { seeded } from '../fixtures/xlsx/random-forms';
import { tempDir } from '../helpers/temp';

const PROJECTS: PerfFormJson[] = [...MS_P_SEED000, ...JM_P_SEED002];

/** A form of the pool under its own code, with some printed figures changed at random. */
function variantOf(next: () => number, i: number): PerfFormJson {
  const base = structuredClone(PROJECTS[i % PROJECTS.length]) as PerfFormJson & Record<string, unknown>;
  base.subject_code = `5114002100000000${String(i).padStart(5, '0')}`;
  base.fiscal_year = 2023;
  const amount = () => `${Math.floor(next() * 5000)}.${String(Math.floor(next() * 100)).padStart(2, '0')}`;
  for (const line of base.funding ?? []) if (next() < 0.5) line.actual = amount();
  for (const indicator of base.indicators ?? []) {
    if (next() < 0.3) indicator.score = String(Math.floor(next() * 25));
    if (next() < 0.2) indicator.actual_raw = String(Math.floor(next() * 100));
  }
  if (next() < 0.3) base.total_score = String(Math.floor(next() * 100));
  return base;
}

describe('forms 审核 kept per form in the core session', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => (temp = tempDir()));
  afterAll(() => temp.cleanup());

  for (const seed of [1, 2, 3]) {
    it(`equals a full run of a fresh session after every change (seed ${seed})`, async () => {
      const next = seeded(seed);
      const file = `year-${seed}.sqlite`;
      const resolveFile = (name: string) => path.join(temp.dir, name);
      const core = createCore({ resolveFile });
      await core.createYear({ file, fiscalYear: 2023, unitName: '测试单位' });
      const full = async () => {
        const fresh = createCore({ resolveFile });
        try {
          return await fresh.validate({ file });
        } finally {
          fresh.close();
        }
      };
      const codes: string[] = [];
      for (let i = 0; i < 8; i++) {
        await core.saveForm({ file, form: variantOf(next, i) });
        codes.push(`5114002100000000${String(i).padStart(5, '0')}`);
      }
      await core.saveForm({ file, form: { ...structuredClone(YL_D_SEED004), fiscal_year: 2023 } });
      expect(await core.validate({ file })).toEqual(await full());
      let made = codes.length;
      for (let step = 0; step < 25; step++) {
        const choice = next();
        if (choice < 0.4) {
          // Edit one form (the cached result of that form alone must be dropped).
          const i = Math.floor(next() * codes.length);
          const form = { ...variantOf(next, made), subject_code: codes[i] };
          await core.saveForm({ file, form, replace: { subject_type: 'project', subject_code: codes[i] } });
        } else if (choice < 0.55 && codes.length > 1) {
          const [code] = codes.splice(Math.floor(next() * codes.length), 1);
          await core.deleteForm({ file, subject_type: 'project', subject_code: code });
        } else if (choice < 0.7) {
          const form = variantOf(next, ++made);
          await core.saveForm({ file, form });
          codes.push(form.subject_code!);
        } else {
          // Table totals the forms are compared with (公开05表 against the department form, 公开03表 against the project set).
          const table = next() < 0.5 ? '公开05表' : '公开03表';
          const col = table === '公开05表' ? '2' : '3';
          await core.setCells({ file, edits: [{ table, row: '2010301', col, value: String(Math.floor(next() * 3000)) }] });
        }
        const cached = await core.validate({ file });
        expect(cached).toEqual(await full());
        expect(cached.findings.some((finding) => finding.table === '绩效自评')).toBe(true);
      }
      core.close();
    });
  }
});

/**
 * A 报送版 workbook with 湖北·荆门 自评表 imported into a fresh (全国通用) year file: the file takes the
 * forms' 地区表样 with them, in the same transaction, and the preview says so; without it the dump
 * of the new file differed from the exported one (formRegion 通用), new projects came in another layout
 * and the 决算公开 document took the national format. A file whose own region fits keeps it.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { JM_P_SEED002 } from '../fixtures/forms/jm-p-seed002';
import { seed002Doc } from '../fixtures/seed-002';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
let core: ReturnType<typeof createCore>;
beforeEach(() => {
  temp = tempDir();
  core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
});
afterEach(() => {
  core.close();
  temp.cleanup();
});

async function jingmenWorkbook() {
  await core.createYear({ file: 'jm.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)', unitCode: '158001' });
  await core.load({ file: 'jm.sqlite', doc: seed002Doc() });
  await core.setFormRegion({ file: 'jm.sqlite', region: '荆门' });
  for (const [i, form] of JM_P_SEED002.slice(0, 2).entries()) await core.saveForm({ file: 'jm.sqlite', form: { ...form, subject_code: `4208002300000000000${i}` } });
  return core.exportWorkbook({ file: 'jm.sqlite', format: 'xlsx', draft: true });
}

describe('importing a workbook whose 自评表 are of another region', () => {
  it('gives the fresh file the forms’ region: its dump matches the exported file’s', async () => {
    const workbook = await jingmenWorkbook();
    await core.createYear({ file: 'fresh.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    const preview = await core.previewImport({ file: 'fresh.sqlite', name: workbook.name, dataBase64: workbook.dataBase64 });
    expect(preview.warnings).toContain('绩效自评:自评表为“湖北·荆门”表样,本年度的地区表样随之由“全国通用”改为“湖北·荆门”');
    expect((await core.dump({ file: 'fresh.sqlite' })).formRegion).toBe('通用');

    await core.importWorkbook({ file: 'fresh.sqlite', name: workbook.name, dataBase64: workbook.dataBase64 });
    const [exported, imported] = [await core.dump({ file: 'jm.sqlite' }), await core.dump({ file: 'fresh.sqlite' })];
    expect(imported.formRegion).toBe('荆门');
    expect(imported.forms).toEqual(exported.forms);
  });

  it('leaves a file alone whose region already fits the forms', async () => {
    const workbook = await jingmenWorkbook();
    await core.createYear({ file: 'again.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.setFormRegion({ file: 'again.sqlite', region: '荆门' });
    const answer = await core.importWorkbook({ file: 'again.sqlite', name: workbook.name, dataBase64: workbook.dataBase64 });
    expect(answer.warnings.filter((warning) => warning.includes('地区表样'))).toEqual([]);
    expect((await core.dump({ file: 'again.sqlite' })).formRegion).toBe('荆门');
  });
});

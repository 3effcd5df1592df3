import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FORMS } from '../../shared/contract';
import { createCore } from '../../electron/core/core';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004, YL_P_SEED004 } from '../fixtures/forms/yl-seed004';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

describe('绩效自评 forms in the year file', () => {
  it('stores the seed forms, dumps their computed scores and loads them back', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'ms.sqlite', fiscalYear: 2023, unitName: '眉山市政务服务管理局' });
    await core.setFormRegion({ file: 'ms.sqlite', region: '眉山' });
    for (const form of MS_P_SEED000) await core.saveForm({ file: 'ms.sqlite', form });

    const doc = await core.dump({ file: 'ms.sqlite' });
    expect(doc.formRegion).toBe('眉山');
    expect(doc.forms).toHaveLength(12);
    for (const printed of MS_P_SEED000) {
      const dumped = doc.forms.find((form) => (form as { subject_code: string }).subject_code === printed.subject_code) as Record<string, unknown>;
      const total = printed.funding.find((line) => line.key === 'TOTAL')!;
      // The printed 预算执行得分 and 合计 (seed 000) are what the app computes.
      expect(Number(dumped.budget_exec_score)).toBe(Number(total.score));
      expect(Number(dumped.total_score)).toBe(Number(printed.total_score));
    }

    await core.createYear({ file: 'copy.sqlite', fiscalYear: 2023, unitName: '眉山市政务服务管理局' });
    await core.load({ file: 'copy.sqlite', doc });
    expect((await core.dump({ file: 'copy.sqlite' })).forms).toEqual(doc.forms);
    core.close();
  });

  it('refuses duplicate project codes and bad amounts, and keeps project and department forms apart', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'yl.sqlite', fiscalYear: 2024, unitName: '玉林市大数据发展和政务服务局' });
    await core.saveForm({ file: 'yl.sqlite', form: YL_P_SEED004 });
    await core.saveForm({ file: 'yl.sqlite', form: YL_D_SEED004 });
    await expect(core.saveForm({ file: 'yl.sqlite', form: YL_P_SEED004 })).rejects.toThrow(/已有自评表/);
    const broken = { ...YL_P_SEED004, funding: [{ key: 'TOTAL', actual: '44x' }] };
    await expect(core.saveForm({ file: 'yl.sqlite', form: broken, replace: { subject_type: 'project', subject_code: YL_P_SEED004.subject_code! } })).rejects.toThrow(/“44x”不是有效金额/);
    const snapshot = await core.openYear({ file: 'yl.sqlite' });
    expect(snapshot.forms.map((form) => form.subject_type)).toEqual(['project', 'department']);

    const doc = await core.dump({ file: 'yl.sqlite' });
    const scores = doc.forms.map((form) => (form as { budget_exec_score: string; total_score: string }));
    expect(scores.map((form) => [form.budget_exec_score, form.total_score])).toEqual([
      ['3.64', '93.64'],
      ['5.94', '95.94'],
    ]);
    await core.deleteForm({ file: 'yl.sqlite', subject_type: 'department', subject_code: '' });
    expect((await core.openYear({ file: 'yl.sqlite' })).forms).toHaveLength(1);
    core.close();
  });

  it(`holds at most ${MAX_FORMS} forms: one more is refused, editing one of them still works`, async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'many.sqlite', fiscalYear: 2023, unitName: '眉山市政务服务管理局' });
    const code = (i: number) => `5114002200000000${String(i).padStart(5, '0')}`;
    const forms = Array.from({ length: MAX_FORMS }, (_, i) => ({ ...MS_P_SEED000[i % MS_P_SEED000.length], subject_code: code(i) }));
    await core.load({ file: 'many.sqlite', doc: { format: 'juesuan/1', fiscalYear: 2023, unit: { name: '眉山市政务服务管理局' }, tables: {}, forms } });
    await expect(core.saveForm({ file: 'many.sqlite', form: { ...forms[0], subject_code: code(MAX_FORMS) } })).rejects.toThrow(`最多 ${MAX_FORMS} 张自评表`);
    await expect(core.saveForm({ file: 'many.sqlite', form: forms[1] })).rejects.toThrow('已有自评表');
    const edited = { ...forms[1], subject_name: '改名后的项目' };
    await core.saveForm({ file: 'many.sqlite', form: edited, replace: { subject_type: 'project', subject_code: code(1) } });
    expect((await core.dump({ file: 'many.sqlite' })).forms).toHaveLength(MAX_FORMS);
    core.close();
  });
});

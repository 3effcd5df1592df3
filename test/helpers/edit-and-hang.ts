/**
 * Child process for the crash test: creates a year file, makes acknowledged edits, reports each
 * acknowledgement on stdout, then hangs with the file open until it is killed. With a third argument
 * `with-form` the year also gets a project 绩效自评 form first; with `meishan` its forms take the 眉山
 * region, whose 评价指标体系 pages (附件1.1, 附件2) then show.
 */
import { createCore } from '../../electron/core/core';

const [file, count, extra] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const core = createCore({ resolveFile: (name) => name });
await core.createYear({ file, fiscalYear: 2024, unitName: '断电测试单位' });
if (extra === 'with-form') {
  const indicator = { horizon: 'ANNUAL', level1: '产出指标', level2: '数量指标', name: '培训人次', target_raw: '100', actual_raw: '120', weight: '50', score: '50' };
  const form = { variant: 'GENERIC', subject_type: 'project', subject_name: '只读测试项目', subject_code: 'XM0001', funding: [{ key: 'TOTAL', budget_adjusted: '10', actual: '10', weight: '10' }], indicators: [indicator] };
  await core.saveForm({ file, form });
}
if (extra === 'meishan') await core.setFormRegion({ file, region: '眉山' });
for (let i = 1; i <= count; i++) {
  await core.edit({ file, cells: [{ table: '公开01表', row: '28', col: '1', value: `${i}.01` }, { table: '公开02表', row: '2010301', col: '2', value: `${i}` }] });
  process.stdout.write(`ack ${i}\n`);
}
setInterval(() => undefined, 1000);

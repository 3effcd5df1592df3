/**
 * 自评得分一览 through the real core, a real year file, the .xlsx read back and the built CLI: one
 * row per form with its figures, each cap and deduction the region's rules made, and the reasons
 * the one 审核 path says are still owed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PerfFormJson } from '../../shared/forms/model';
import { SCORE_COLUMNS } from '../../shared/forms/score-sheet';
import { CLI_BUNDLE } from '../../scripts/build-cli.mjs';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { newYear, tempCoreEachTest } from '../fixtures/xlsx/helpers';

const env = tempCoreEachTest('juesuan-scores-');

/** A 一体化 project: 预算 100, 执行 `actual`, one output indicator (50) and two met ones (30 + 10). */
function platformProject(code: string, name: string, actual: string, output: { target: string; actual: string }): PerfFormJson {
  return {
    variant: 'YTH-P',
    subject_type: 'project',
    subject_name: name,
    subject_code: code,
    implementing_unit: '一体化测试局',
    funding: [{ key: 'TOTAL', budget_initial: '100', budget_adjusted: '100', actual, weight: '10' }],
    indicators: [
      { horizon: 'ANNUAL', level1: '产出指标', level2: '数量指标', name: '培训人次', target_raw: output.target, unit: '人次', actual_raw: output.actual, weight: '50', score: '50' },
      { horizon: 'ANNUAL', level1: '效益指标', level2: '社会效益指标', name: '群众办事便利度', target_raw: '提高', actual_raw: '提高', weight: '30', score: '30' },
      { horizon: 'ANNUAL', level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target_raw: '≥90%', actual_raw: '95%', weight: '10', score: '10' },
    ],
  };
}

async function platformYear(file: string) {
  await newYear(env.core, file, { year: 2025 });
  await env.core.setFormRegion({ file, region: '一体化' });
  await env.core.saveForm({ file, form: platformProject('P001', '政务服务培训项目', '75', { target: '≥100', actual: '150' }) });
  await env.core.saveForm({ file, form: platformProject('P002', '窗口运行经费', '100', { target: '≥100', actual: '100' }) });
}

const byHeader = (row: Record<string, string>, header: string) => row[header];

describe('自评得分一览', () => {
  it('lists every form with 执行率, score, grade and each cap and deduction of the 一体化 rules', async () => {
    await platformYear('2025.sqlite');
    const rows = await env.core.scoreSheet({ file: '2025.sqlite' });
    expect(rows.map((row) => [row.code, row.execRateBp, row.total, row.grade])).toEqual([
      // 7.5 + 90 − 2 (150 against ≥100) = 95.5, capped at 89 by the 75 % 执行率.
      ['P001', 7500, 89 * 10_000, '良'],
      ['P002', 10_000, 100 * 10_000, '优'],
    ]);
    expect(rows[0].adjustments).toEqual([
      '指标“培训人次”完成值 150 超出指标值 ≥100 的 30% 及以上(偏离),扣 2 分(-2 分)',
      '预算执行率 75.00% 低于 80.00%,总分不超过 89 分(-6.5 分)',
    ]);
    expect(rows[1].adjustments).toEqual([]);
    expect(rows[0].rules).toEqual(['预算执行 10 分 + 绩效指标 90 分', '执行率低于 80% 总分封顶', '完成值超出指标值 30% 及以上扣 2 分']);
  });

  it('names the 原因 a Sichuan form still owes below 90 % (FV-11, from the 审核 path) and its 10 + 90 rule', async () => {
    await newYear(env.core, 'ms.sqlite');
    await env.core.setFormRegion({ file: 'ms.sqlite', region: '眉山' });
    const seed = MS_P_SEED000[0];
    await env.core.saveForm({ file: 'ms.sqlite', form: { ...seed, funding: [{ key: 'TOTAL', budget_initial: '100', budget_adjusted: '100', actual: '89', weight: '10', score: '8.9' }] } });
    const [row] = await env.core.scoreSheet({ file: 'ms.sqlite' });
    expect(row.code).toBe(seed.subject_code);
    expect(row.rules).toEqual(['预算执行 10 分 + 绩效指标 90 分', '执行率低于 90.00% 须说明原因(不超过 100 字)']);
    expect(row.missing).toEqual([expect.stringContaining('预算执行率:89.00% 低于 90.00%,应写明原因')]);
    const { findings } = await env.core.validate({ file: 'ms.sqlite' });
    expect(findings.filter((finding) => finding.rule === 'FV-11').map((finding) => finding.message)).toEqual(row.missing);
  });

  it('exports the same columns to .xlsx, figures as numbers', async () => {
    await platformYear('2025.sqlite');
    const exported = await env.core.exportScoreSheet({ file: '2025.sqlite' });
    expect(exported.name).toBe('2025年度绩效自评得分一览.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('自评得分一览')!;
    expect(String(sheet.getCell(1, 1).value)).toContain('2025年度荆门市行政审批局(本级) 绩效自评得分一览');
    expect(SCORE_COLUMNS.map((_, i) => sheet.getCell(2, i + 1).value)).toEqual(SCORE_COLUMNS.map((column) => column.header));
    const col = (key: string) => SCORE_COLUMNS.findIndex((column) => column.key === key) + 1;
    expect([sheet.getCell(3, col('code')).value, sheet.getCell(3, col('budget')).value, sheet.getCell(3, col('actual')).value, sheet.getCell(3, col('rate')).value, sheet.getCell(3, col('total')).value]).toEqual(['P001', 100, 75, 0.75, 89]);
    expect(String(sheet.getCell(3, col('adjustments')).value)).toContain('总分不超过 89 分');
    expect(sheet.getCell(4, col('total')).value).toBe(100);
    expect(sheet.rowCount).toBe(4);
  });

  it('prints the same rows from the CLI: a table, --json and --out', async () => {
    await platformYear('2025.sqlite');
    env.core.close();
    const file = path.join(env.dir, '2025.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI_BUNDLE, 'scores', '--file', file, ...args], { encoding: 'utf8' });
    const json = run('--json');
    expect(json.status, json.stderr).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<Record<string, string>>;
    expect(rows.map((row) => [byHeader(row, '编码'), byHeader(row, '执行率'), byHeader(row, '自评得分'), byHeader(row, '等级')])).toEqual([
      ['P001', '75.00%', '89', '良'],
      ['P002', '100.00%', '100', '优'],
    ]);
    const table = run();
    expect(table.stdout.split('\n')[0]).toBe(SCORE_COLUMNS.map((column) => column.header).join('\t'));
    const out = path.join(env.dir, '得分一览.xlsx');
    expect(run('--out', out).status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });
});

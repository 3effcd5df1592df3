/** Validation figures: a full 审核 of a year (9 tables, 300 项 codes) with every value recomputed, as after an edit. */
import { parseForm } from '../../shared/forms/model';
import { auditYear } from '../../shared/audit';
import { validateYear } from '../../shared/rules';
import { MS_P_SEED000 } from '../../test/fixtures/forms/ms-p-seed000';
import { catalogFor } from '../../shared/catalog';
import { TABLES, YearModel, cellKey, emptyInputs, inputsFromDocs, type YearInputs } from '../../shared/tables';
import { SEED_002_INPUTS } from '../../test/fixtures/seed-002';
import { bigYear } from './engine';
import { measure, report } from './measure';

/** A long session: the JIT has long settled before the timed runs. */
const timed = (run: () => unknown) => measure(run, { runs: 100, warmup: 300 });

/**
 * A large finished year: seed 002's fixed tables, and in 02, 03 and 05 three 款 of three 项 under each
 * of the 26 类 (338 code rows per table); income matches expenditure and 公开06表 matches 基本支出.
 */
function consistentYear(): YearInputs {
  const inputs = inputsFromDocs(SEED_002_INPUTS);
  const leaves = catalogFor(2023).categories.flatMap(({ code }) => ['01', '02', '03'].flatMap((kuan) => ['01', '02', '99'].map((xiang) => `${code}${kuan}${xiang}`)));
  const [t02, t03, t05] = ['公开02表', '公开03表', '公开05表'].map((id) => (inputs[id] = emptyInputs()));
  let basic = 0;
  let total = 0;
  leaves.forEach((code, i) => {
    const [b, p] = [(i + 1) * 10_000 + 37, (i % 7) * 123_456];
    for (const table of [t02, t03, t05]) table.codes.add(code);
    t02.cells.set(cellKey(code, '2'), b + p);
    for (const table of [t03, t05]) {
      table.cells.set(cellKey(code, '2'), b);
      table.cells.set(cellKey(code, '3'), p);
    }
    basic += b;
    total += b + p;
  });
  inputs['公开04表'].cells.set(cellKey('1', '1'), total);
  // 公开06表's seed values total 1415.21; 其他工资福利支出 takes up the rest of 基本支出.
  inputs['公开06表'].cells.set(cellKey('30199', '1'), basic - 14_152_100);
  return inputs;
}

export async function benchValidation(): Promise<void> {
  const clean = new YearModel(TABLES, consistentYear(), () => '');
  const cleanOptions = { template: '9' as const, fiscalYear: 2023 };
  const cleanFindings = validateYear(clean, cleanOptions).length;
  const finished = await timed(() => {
    clean.invalidate();
    validateYear(clean, cleanOptions);
  });
  const rows = clean.tableInputs('公开02表').codes.size;
  report(`审核:全年校验(完成的一年:9 张表,公开02/03/05表各 ${rows} 个项级科目,含重算,${cleanFindings} 条结果)`, finished, { p50: 5 });

  // The same checks on a year in progress, whose tables do not agree yet.
  const model = new YearModel(TABLES, bigYear(), () => '');
  const options = { template: '9' as const, fiscalYear: 2024 };
  const findings = validateYear(model, options).length;
  const full = await timed(() => {
    model.invalidate();
    validateYear(model, options);
  });
  // 50 project forms: the twelve 眉山 forms of seed 000, repeated under new codes.
  const forms = Array.from({ length: 50 }, (_, i) => parseForm({ ...MS_P_SEED000[i % 12], subject_code: `XM${String(i).padStart(3, '0')}` }));
  // What the renderer runs after every committed change and the core before export: the same audit.
  const withForms = await timed(() => {
    clean.invalidate();
    auditYear(clean, { ...cleanOptions, explanations: {}, forms });
  });
  report(`审核:全年校验(录入中的一年:9 张表,公开02/03/05表各 ${model.tableInputs('公开02表').codes.size} 个项级科目,含重算,${findings} 条结果)`, full);
  report('审核:完成的一年另加 50 张项目自评表(界面每次修改后、核心导出前运行的同一审核)', withForms, { p50: 5 });
}

/** Validation figures: a full 审核 of a year (9 tables, 300 项 codes) with every value recomputed, as after an edit. */
import { parseForm } from '../../shared/forms/model';
import { checkYearForms } from '../../shared/forms/year-check';
import { validateYear } from '../../shared/rules';
import { MS_P_SEED000 } from '../../test/fixtures/forms/ms-p-seed000';
import { TABLES, YearModel } from '../../shared/tables';
import { bigYear, median } from './engine';

function timed(run: () => unknown): number {
  for (let i = 0; i < 300; i++) run(); // a long session: the JIT has long settled
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function benchValidation(): void {
  const model = new YearModel(TABLES, bigYear(), () => '');
  const options = { template: '9' as const, fiscalYear: 2024 };
  const findings = validateYear(model, options).length;
  const full = timed(() => {
    model.invalidate();
    validateYear(model, options);
  });
  // The renderer re-runs only the rules that read the edited table.
  const incremental = timed(() => {
    model.invalidate();
    validateYear(model, { ...options, tables: ['公开03表'] });
  });
  // 50 project forms: the twelve 眉山 forms of seed 000, repeated under new codes.
  const forms = Array.from({ length: 50 }, (_, i) => parseForm({ ...MS_P_SEED000[i % 12], subject_code: `XM${String(i).padStart(3, '0')}` }));
  const withForms = timed(() => {
    model.invalidate();
    validateYear(model, options);
    checkYearForms(forms, model);
  });
  console.log(`审核:全年校验(9 张表,300 个项级科目,含重算,${findings} 条结果)中位数 ${full.toFixed(3)} ms(目标 < 5 ms)`);
  console.log(`审核:全年校验另加 50 张项目自评表 中位数 ${withForms.toFixed(3)} ms`);
  console.log(`审核:修改公开03表后的增量校验 中位数 ${incremental.toFixed(3)} ms(目标 < 16 ms)`);
}

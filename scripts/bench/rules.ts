/** Validation figures: a full 审核 of a year (9 tables, 300 项 codes) with every value recomputed, as after an edit. */
import { validateYear } from '../../shared/rules';
import { TABLES, YearModel } from '../../shared/tables';
import { bigYear, median } from './engine';

export function benchValidation(): void {
  const model = new YearModel(TABLES, bigYear(), () => '');
  const options = { template: '9' as const, fiscalYear: 2024 };
  let findings = validateYear(model, options).length;
  for (let i = 0; i < 30; i++) validateYear(model, options);
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    model.invalidate();
    const start = performance.now();
    findings = validateYear(model, options).length;
    times.push(performance.now() - start);
  }
  console.log(`审核:全年校验(9 张表,300 个项级科目,含重算,${findings} 条结果)中位数 ${median(times).toFixed(3)} ms(目标 < 5 ms)`);
}

/** Engine figures: full recompute of a year (9 tables, 300 项 codes) after one edit. */
import { TABLES, TEMPLATE_SETS, YearModel, cellKey, emptyInputs, type YearInputs } from '../../shared/tables';
import { measure, report } from './measure';

/** 300 synthetic 项 codes: 10 类 × 6 款 × 5 项, in every functional table of the 9-table set. */
export const BENCH_CODES = Array.from(
  { length: 300 },
  (_, i) => `${201 + Math.floor(i / 30)}${String(1 + (Math.floor(i / 5) % 6)).padStart(2, '0')}${String(1 + (i % 5)).padStart(2, '0')}`,
);

export function bigYear(): YearInputs {
  const inputs: YearInputs = {};
  for (const id of TEMPLATE_SETS['9']) {
    const def = TABLES.get(id)!;
    const table = emptyInputs();
    if (def.kind === 'functional') {
      for (const code of def.codeScope === 'all' ? BENCH_CODES : []) {
        table.codes.add(code);
        for (const [col, rule] of Object.entries(def.leaf)) if (rule.role === 'input') table.cells.set(cellKey(code, col), 12_345);
      }
    } else {
      for (const row of def.rows) for (const [col, rule] of Object.entries(row.cells)) if (rule.role === 'input') table.cells.set(cellKey(row.key, col), 6_789);
    }
    inputs[id] = table;
  }
  return inputs;
}

export async function benchEngine(): Promise<void> {
  const model = new YearModel(TABLES, bigYear(), () => '');
  const recompute = () => {
    model.tableInputs('公开03表').cells.set(cellKey(BENCH_CODES[7], '2'), Math.floor(Math.random() * 1e6));
    model.invalidate();
    let cells = 0;
    for (const id of TEMPLATE_SETS['9']) {
      const cols = TABLES.get(id)!.columns.map((column) => column.col);
      for (const row of model.rows(id)) for (const col of cols) if (row.rules[col]) (model.value(id, row.key, col), cells++);
    }
    return cells;
  };
  const timing = await measure(recompute, { runs: 100, warmup: 300 });
  report(`引擎:一次修改后全年重算(9 张表,公开02/03/05表各 ${BENCH_CODES.length} 个项级科目,${recompute()} 个单元格)`, timing, { p50: 2 });
}

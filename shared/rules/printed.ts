/**
 * R-I01: a computed or linked cell as the imported workbook printed it, against what its details
 * compute to (issue 17). The import keeps every printed value it read (year file table
 * printed_cells); each disagreement is a finding of its own, at that cell — a typo in a printed
 * total (1,066.51 for 10,661.51) is no longer recomputed away. Within the 尾数误差 tolerance it is a
 * warning (seed 002's 合计 3,383.79 against Σ类 3,383.80); the clerk clears it by accepting the
 * computed value, which forgets the printed one.
 */
import { parseAmount, type Amount } from '../money';
import { CELL_KEY_SEPARATOR, type YearModel } from '../tables';
import type { RuleDef } from './types';

/** Printed values of computed cells: table → "row|col" → amount. */
export type PrintedCells = Map<string, Map<string, Amount>>;

export const PRINTED_RULE_ID = 'R-I01';

export const PRINTED_RULE: RuleDef = {
  id: PRINTED_RULE_ID,
  title: '导入文件印出的合计数与按明细计算的结果一致',
  severity: 'error',
  // Any table's inputs can move a printed total of its own or (linked) of another table.
  reads: ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09'],
  check(ctx) {
    for (const [table, cells] of ctx.printed) {
      for (const [key, printed] of cells) {
        const [row, col] = key.split('|');
        const rule = ctx.model.rule(table, row, col);
        if (!rule || rule.role === 'input') continue;
        const cell = { table, row, col };
        ctx.compare({
          at: cell,
          op: '=',
          lhs: printed,
          rhs: ctx.amount(table, row, col),
          lhsText: `${ctx.where(cell)} 导入文件印出`,
          rhsText: '按明细计算为',
          addends: () => ctx.addendsOf([cell]),
          message: '{lhs} 与{rhs},相差 {diff}。请核对印出的数和明细:明细无误请点“采用计算值”,明细有误请改正明细',
        });
      }
    }
  },
};

/** The printed computed cells R-I01 has nothing to say about: their details give the printed amount. */
export function reproducedPrinted(model: YearModel, printed: PrintedCells): { table: string; row: string; col: string }[] {
  const reproduced: { table: string; row: string; col: string }[] = [];
  for (const [table, cells] of printed) {
    for (const [key, amount] of cells) {
      const [row, col] = key.split(CELL_KEY_SEPARATOR);
      const rule = model.rule(table, row, col);
      if (rule && rule.role !== 'input' && (model.value(table, row, col) ?? 0) === amount) reproduced.push({ table, row, col });
    }
  }
  return reproduced;
}

/** Printed cells as the API carries them: table → "row|col" → decimal string. */
export function printedFromDoc(doc: Record<string, Record<string, string>> | null | undefined): PrintedCells {
  return new Map(Object.entries(doc ?? {}).map(([table, cells]) => [table, new Map(Object.entries(cells).map(([key, text]) => [key, parseAmount(text)!]))]));
}

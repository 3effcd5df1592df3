/**
 * R-I03: a 科目 row of a 功能分类 table whose code no catalog the file holds names. A 类 or 款 opened
 * by a new 项 (21704 above 2170404 of 财预〔2025〕41号, 230 above 2300412) has no name in any source
 * we hold; the exported table would print it blank without a word. The clerk names it in the 审核
 * panel (a printed name, as an imported workbook's would be), or the official 科目表 of the year
 * (导入 › 本年度科目表, or `catalog`) names it; either ends the finding.
 */
import { TABLES } from '../tables';
import type { RuleDef } from './types';

export const UNNAMED_ROW_RULE_ID = 'R-I03';

const LEVEL_NAMES = { 1: '类', 2: '款', 3: '项' } as const;
const FUNCTIONAL_TABLES = [...TABLES.values()].filter((def) => def.kind === 'functional').map((def) => def.id);

export const UNNAMED_ROW_RULE: RuleDef = {
  id: UNNAMED_ROW_RULE_ID,
  title: '功能分类科目行有科目名称',
  severity: 'warning',
  reads: ['T02', 'T03', 'T05', 'T07', 'T08 等功能分类表的科目名称'],
  check(ctx) {
    for (const table of FUNCTIONAL_TABLES) {
      for (const row of ctx.model.rows(table)) {
        if (row.level === 0 || !row.code || row.label.trim()) continue;
        ctx.emit({
          severity: 'warning',
          table,
          row: row.code,
          col: '',
          message: `${table} 科目 ${row.code} 没有名称:内置科目表中还没有这个${LEVEL_NAMES[row.level]}的名称,导出的表中这一行的科目名称会是空的。请按本年度官方科目表填写其名称(审核面板此条的输入框),或导入本年度官方科目表(“导入 › 本年度科目表”,或命令 catalog)`,
          expected: null,
          actual: null,
        });
      }
    }
  },
};

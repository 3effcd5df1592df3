import type { TableDef } from './types';
import { TOTAL } from './types';

/** How a row is named in messages: "第28行" (行次), "科目 2010301" (功能分类), "经济分类 30101", "合计行". */
export function describeCell(def: TableDef, row: string): string {
  if (row === TOTAL) return '合计行';
  if (def.kind === 'functional') return `科目 ${row}`;
  if (/^\d{1,2}$/.test(row)) return `第${row}行`;
  if (/^\d{3,5}$/.test(row)) return `经济分类 ${row}`;
  return `“${row}”行`;
}

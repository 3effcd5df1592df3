import { ECONOMIC_LAYOUT, type EconomicCode } from '../catalog';
import { computed, input } from './formula';
import type { CellRule, FixedRowDef, SideDef } from './types';

/** A 经济分类 类 with its 款 in print order (30299 last in 302, as 公开06表 prints it). */
export interface EconomicBlock {
  head: EconomicCode;
  children: EconomicCode[];
}

/** The blocks of the given 类 codes, in the order given, from the 经济分类 layout (the same in every catalog version). */
export function economicBlocks(classCodes: readonly string[]): EconomicBlock[] {
  const codes = ECONOMIC_LAYOUT;
  return classCodes.map((code) => {
    const head = codes.find((entry) => entry.code === code);
    if (!head) throw new Error(`经济分类科目“${code}”不在代码表中`);
    return { head, children: codes.filter((entry) => entry.level === '款' && entry.code.startsWith(code)) };
  });
}

/**
 * Rows of one block for the value columns `cols`: 款 are input, the 类 is the sum of its 款; a 类 without
 * known 款 (the INFERRED 309, 311–313) is input itself. `leafRule` overrides a column's 款 rule (e.g. 小计).
 */
export function blockRows(
  table: string,
  block: EconomicBlock,
  cols: readonly string[],
  leafRule: (code: string, col: string) => CellRule = () => input(),
): FixedRowDef[] {
  const { head, children } = block;
  const headCells: Record<string, CellRule> = {};
  for (const col of cols) {
    headCells[col] = children.length
      ? computed(children.map((child) => `r${child.code}`).join('+'), { table, row: head.code, col })
      : leafRule(head.code, col);
  }
  return [
    { key: head.code, label: head.name, code: head.code, cells: headCells },
    ...children.map((child) => ({
      key: child.code,
      label: child.name,
      code: child.code,
      cells: Object.fromEntries(cols.map((col) => [col, leafRule(child.code, col)])),
    })),
  ];
}

/** Print lines of a block: the 类 then its 款. */
export const blockKeys = (block: EconomicBlock) => [block.head.code, ...block.children.map((child) => child.code)];

/**
 * Splits blocks, in order and never across a block, into `count` printed column groups as even as
 * possible (the longest block sets the minimum height), padding every group to the same number of lines.
 */
export function groupSides(blocks: EconomicBlock[], count: number, side: Omit<SideDef, 'rows'>): SideDef[] {
  const sizes = blocks.map((block) => 1 + block.children.length);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const height = Math.max(...sizes, Math.ceil(total / count));
  const groups: (string | null)[][] = [[]];
  blocks.forEach((block, i) => {
    if (groups[groups.length - 1].length + sizes[i] > height && groups.length < count) groups.push([]);
    groups[groups.length - 1].push(...blockKeys(block));
  });
  while (groups.length < count) groups.push([]);
  const lines = Math.max(...groups.map((group) => group.length));
  return groups.map((rows) => ({ ...side, rows: [...rows, ...Array<null>(lines - rows.length).fill(null)] }));
}

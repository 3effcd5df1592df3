/**
 * Which sheet column holds a value column of the printed layout, when the sheet words its header
 * the way other publications do: 决算数 for 金额, 合计 for 小计, 本年支出 / 合计 for 本年支出合计,
 * and 预算数 / 决算数 under each item instead of over all items (公开09表 alternating per item).
 * A column matches strictly when its header path holds every part of the layout's path, in any
 * order, the last part possibly in another wording; loosely when it holds the last part only.
 */
import { norm } from './text';

/** Other wordings of a header's last part, as real workbooks print them. */
const WORDINGS: Record<string, string[]> = {
  小计: ['合计'],
  合计: ['小计', '总计'],
  本年收入合计: ['合计', '收入合计', '本年收入', '总计'],
  本年支出合计: ['合计', '支出合计', '本年支出', '总计'],
  金额: ['决算数', '本年决算数', '决算金额', '本年数'],
  决算数: ['金额', '本年决算数', '决算金额', '本年数'],
  公务用车运行维护费: ['公务用车运行费'],
  公务用车购置及运行维护费: ['公务用车购置及运行费'],
};

/** The last part of a header and the other wordings that mean the same column. */
export function wordings(part: string): string[] {
  const own = norm(part);
  return [own, ...(WORDINGS[own] ?? [])];
}

/** Every header word any wording could use: the importer looks for these to find the header block. */
export const ALL_WORDINGS = Object.entries(WORDINGS).flatMap(([own, others]) => [own, ...others]);

/** The sheet column's header path holds every part of the layout's header, the last one in any wording. */
export function strictMatch(path: readonly string[], header: readonly string[]): boolean {
  const parts = header.map(norm);
  const last = parts.pop()!;
  return parts.every((part) => path.includes(part)) && wordings(last).some((word) => path.includes(word)) && !extraTitle(path, parts);
}

/** The sheet column's header path holds the layout header's last part, in any wording. */
export function looseMatch(path: readonly string[], header: readonly string[]): boolean {
  return wordings(header[header.length - 1]).some((word) => path.includes(word));
}

/** 预算数 and 决算数 are opposites: a path naming the one never matches a header under the other. */
const OPPOSITES = [['预算数', '决算数']];
function extraTitle(path: readonly string[], parts: readonly string[]): boolean {
  return OPPOSITES.some((pair) => pair.some((word) => parts.includes(word)) && pair.some((word) => !parts.includes(word) && path.includes(word)));
}

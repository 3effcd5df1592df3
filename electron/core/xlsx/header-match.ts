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
  预算数: ['本年预算数', '全年预算数'],
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

/** The sheet column's header path holds every part of the layout's header, each in any wording. */
export function strictMatch(path: readonly string[], header: readonly string[]): boolean {
  const parts = header.map(norm);
  const last = parts.pop()!;
  return parts.every((part) => wordings(part).some((word) => path.includes(word))) && wordings(last).some((word) => path.includes(word)) && !extraTitle(path, parts) && !otherFigure(path, header) && !partOf(path, header);
}

/** The sheet column's header path holds the layout header's last part, in any wording. */
export function looseMatch(path: readonly string[], header: readonly string[]): boolean {
  return wordings(header[header.length - 1]).some((word) => path.includes(word)) && !otherFigure(path, header) && !partOf(path, header);
}

/** Words under a column's own header that still name the whole of it (基本支出 › 小计). */
const WHOLE = new Set(['小计', '合计', '金额', '决算数', '本年决算数', '决算金额', '本年数']);

/**
 * The path goes on below the header's word into a part of it (基本支出 › 人员经费 | 公用经费, no
 * 小计): that column is a part, not the whole, and reading it as the whole would drop the rest.
 */
function partOf(path: readonly string[], header: readonly string[]): boolean {
  const words = wordings(header[header.length - 1]);
  const at = path.findLastIndex((part) => words.includes(part));
  const own = header.map(norm);
  return at >= 0 && path.slice(at + 1).some((part) => !own.includes(part) && !WHOLE.has(part));
}

/**
 * Figures published tables print beside this year's 决算 (年初预算数 | 决算数, 上年数 | 本年数, 增减,
 * 完成预算%): a column under one of them is never read as one of ours, unless our header names it too
 * (公开09表's 预算数). Taking the first "基本支出" column would import the budget as the 决算, silently.
 */
const OTHER_FIGURE = /年初预算|调整后?预算|全年预算|预算数|上年|增减|完成|执行率|比重|%/;
function otherFigure(path: readonly string[], header: readonly string[]): boolean {
  const own = header.map(norm);
  const named = (part: string) => own.some((word) => part === word || (word === '预算数' && /预算/.test(part) && !/上年/.test(part)));
  return path.some((part) => OTHER_FIGURE.test(part) && !named(part));
}

/** The part of a header path naming another figure than the 决算 ("年初预算数"), if any. */
export const otherFigureIn = (path: readonly string[]): string | undefined => path.find((part) => OTHER_FIGURE.test(part));

/** 预算数 and 决算数 are opposites: a path naming the one never matches a header under the other. */
const OPPOSITES = [['预算数', '决算数']];
function extraTitle(path: readonly string[], parts: readonly string[]): boolean {
  return OPPOSITES.some((pair) => pair.some((word) => parts.includes(word)) && pair.some((word) => !parts.includes(word) && path.includes(word)));
}

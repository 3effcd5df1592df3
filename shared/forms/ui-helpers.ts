/**
 * Small pure helpers the form editor needs next to the profiles: which funding row a line sums
 * into on a given layout, and the computed third cell of a DTH 基础数据表 group. They follow the
 * same definitions as the validator (rules.ts FV-02, FV-18), so what the editor fills in is what
 * the validator expects.
 */
import { decToString, divRoundHalfUp, parseDec } from './decimal';
import { DEFAULT_PARENT, type FundingKey } from './model';
import type { BaseDataGroup } from './profiles';

/**
 * The row a funding line rolls up into when only `present` rows exist: a parent missing from the
 * layout is skipped (YL-P prints 上级/本级 without their 一般公共预算 row, so they sum into 合计).
 */
export function effectiveFundingParent(parent: FundingKey | null, present: ReadonlySet<FundingKey>): FundingKey | null {
  let current = parent;
  while (current !== null && !present.has(current)) current = DEFAULT_PARENT[current];
  return current;
}

/** The rows among `present` that sum into `key` (each with its default parent). */
export function fundingChildren(key: FundingKey, present: ReadonlySet<FundingKey>): FundingKey[] {
  return [...present].filter((child) => child !== key && effectiveFundingParent(DEFAULT_PARENT[child], present) === key);
}

/**
 * The third cell of a 基础数据表 group from its first two (SPEC §3.6 b): diff = c1 − c2 (exact),
 * change = (c2 − c1) ÷ |c1|, ratio = c2 ÷ c1, both as a percentage with 2 decimals ("96.13%").
 * Null while an input is missing or not a number, or the base is zero (no rate exists).
 */
export function baseDataResult(formula: BaseDataGroup['formula'], value1: string | null | undefined, value2: string | null | undefined): string | null {
  const c1 = value1 ? parseDec(value1.replace(/,/g, '')) : null;
  const c2 = value2 ? parseDec(value2.replace(/,/g, '')) : null;
  if (!c1 || !c2) return null;
  const scale = Math.max(c1.scale, c2.scale);
  const a = c1.coef * 10n ** BigInt(scale - c1.scale);
  const b = c2.coef * 10n ** BigInt(scale - c2.scale);
  if (formula === 'diff') return decToString({ coef: a - b, scale });
  if (a === 0n) return null;
  const num = formula === 'ratio' ? b : b - a;
  const den = a < 0n ? -a : a;
  const signed = a < 0n ? -num : num;
  return `${decToString({ coef: divRoundHalfUp(signed * 10_000n, den), scale: 2 })}%`;
}

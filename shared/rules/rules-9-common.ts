/** Names and helpers shared by the rule groups of the 9-table set (rules-9.ts). */
import { LAYOUT_CATEGORIES } from '../catalog';
import { rel, type RuleBody } from './builders';
import type { CheckContext } from './context';

export const T01 = '公开01表';
export const T02 = '公开02表';
export const T03 = '公开03表';
export const T04 = '公开04表';
export const T05 = '公开05表';
export const T06 = '公开06表';
export const T07 = '公开07表';
export const T08 = '公开08表';
export const T09 = '公开09表';
export const FUNCTIONAL = [T02, T03, T05, T07, T08];
export const E = 'error';
export const W = 'warning';

/** The 26 类 of 公开01/04表, k = 1…26 in print order (layout, not a year's catalog). */
export const CATEGORIES = LAYOUT_CATEGORIES;

/** One relation per category k: `text(k, code)`. */
export const byCategory = (text: (k: number, code: string) => string, lhs?: string, rhs?: string) =>
  CATEGORIES.map((category, i) => rel(text(i + 1, category.code), lhs, rhs));

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** A custom check with the cells it reads. */
export const custom = (reads: string[], check: (ctx: CheckContext) => void): RuleBody => ({ reads, check });

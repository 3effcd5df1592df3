import { SCALE, type Amount } from '../money';
import type { Op } from './relation';

/** "a b" of the non-empty parts (the message names a place and a label; either may be absent). */
export const joinNonEmpty = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b);

export const DEFAULT_MESSAGE: Record<Op, string> = {
  '=': '{lhs} 与 {rhs} 不相等,相差 {diff}',
  '≤': '{lhs} 大于 {rhs},超出 {diff}',
  '≥': '{lhs} 小于 {rhs},相差 {diff}',
};

/**
 * "3,383.79"; more decimals only when the stored value has them ("710.8078"). Built from the integer
 * directly: a year in progress can have thousands of findings, three amounts each, and splitting
 * formatAmount's text and grouping it by regular expression was a fifth of their cost.
 */
export function show(amount: Amount): string {
  const abs = Math.abs(amount);
  const digits = String(Math.floor(abs / SCALE));
  let whole = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = whole.length; at < digits.length; at += 3) whole += `,${digits.slice(at, at + 3)}`;
  const rest = abs % SCALE;
  // Two decimals always; the third and fourth only when stored (SCALE = 10,000).
  const fraction = rest % 100 === 0 ? String(rest / 100).padStart(2, '0') : rest % 10 === 0 ? String(rest / 10).padStart(3, '0') : String(rest).padStart(4, '0');
  return `${amount < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** A message template cut once at its {names}: filled thousands of times per run in a year in progress. */
const TEMPLATES = new Map<string, string[]>();

export const fill = (template: string, vars: Record<string, string>): string => {
  let parts = TEMPLATES.get(template);
  if (!parts) TEMPLATES.set(template, (parts = template.split(/\{(\w+)\}/)));
  // split with a capture group alternates text and names: text, name, text, name, …, text.
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) text += (vars[parts[i]] ?? '') + parts[i + 1];
  return text;
};

import { displayFullAmount } from '../money';
import type { Op } from './relation';

/** "a b" of the non-empty parts (the message names a place and a label; either may be absent). */
export const joinNonEmpty = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b);

export const DEFAULT_MESSAGE: Record<Op, string> = {
  '=': '{lhs} 与 {rhs} 不相等,相差 {diff}',
  '≤': '{lhs} 大于 {rhs},超出 {diff}',
  '≥': '{lhs} 小于 {rhs},相差 {diff}',
};

/** "3,383.79"; more decimals only when the stored value has them ("710.8078"): the app's one display formatter at full precision. */
export const show = displayFullAmount;

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

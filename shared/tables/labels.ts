/**
 * Printed table labels per numbering style. Seed 002 (湖北) labels its tables 公开01表…公开09表,
 * seed 004 (广西) 表一…表九, seed 000 (四川, 13 tables) 表一…表十三 with 三公 last. The label is a
 * print/export option; the canonical id (公开NN表, 川NN表) never changes.
 */
import type { TableDef } from './types';

/** How a file numbers its tables: "公开" → 公开01表…, "表" → 表一…. */
export type LabelStyle = '公开' | '表';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 13 → 十三, 20 → 二十 (table positions stay below 100). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

export function parseChineseNumber(text: string): number | undefined {
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!match || text === '') return undefined;
  const [, first, ten, last] = match;
  if (!ten) return first && !last ? DIGITS.indexOf(first) : undefined;
  return (first ? DIGITS.indexOf(first) : 1) * 10 + (last ? DIGITS.indexOf(last) : 0);
}

/**
 * The label printed above the table at 1-based `position` of a set of `setSize` tables (line 1 of SPEC §1.0).
 * The 13-table set is only ever numbered 表一…表十三, so `style` applies to the 9-table set.
 */
export function labelAt(position: number, setSize: number, style: LabelStyle): string {
  return style === '公开' && setSize === 9 ? `公开${String(position).padStart(2, '0')}表` : `表${chineseNumber(position)}`;
}

const normalise = (text: string) =>
  text
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/[“”"]/g, '"');

/**
 * Finds a table of the set from what a user typed (CLI --table, import sheet labels): the id, the
 * title, "公开04表" / seed 002's "公开表01" / "T04" (by canonical 9-set number, so 公开05表 is the
 * 05 definition in either set), or "表四" / "表4" / "4" (by position in this set).
 */
export function resolveIn(input: string, tables: readonly TableDef[]): TableDef | undefined {
  const text = normalise(input);
  const byId = tables.find((def) => normalise(def.id) === text || normalise(def.title) === text);
  if (byId) return byId;
  const canonical = /^(?:公开表?|T)(\d{1,2})表?$/i.exec(text);
  if (canonical) return tables.find((def) => def.id === `公开${canonical[1].padStart(2, '0')}表`);
  const positional = /^表?(\d{1,2}|[一二三四五六七八九十]+)$/.exec(text);
  if (positional) {
    const position = /^\d+$/.test(positional[1]) ? Number(positional[1]) : parseChineseNumber(positional[1]);
    return position ? tables[position - 1] : undefined;
  }
  return undefined;
}

/**
 * Which table a printed title names. The whole title decides, never its ending: 一般公共预算财政拨款
 * 基本支出决算表 ends like 支出决算表 (公开03表) but is 公开06表. A title is compared after dropping
 * the year (2024年度) and what stands before the title proper (the unit's name), and a prefix that
 * ends in a word of a table title (…基本 / …拨款 / …项目) means a different, longer title — not ours.
 */
import type { TableDef } from '../../../shared/tables';
import { norm, withoutDraft } from './text';

/**
 * Titles other publications print for our tables (REFERENCE-2026 §1: provinces' published sets).
 * Keyed by table id; a set that declares a table with the alias as its own title (川11表) wins.
 */
const ALIASES: Record<string, string[]> = {
  公开01表: ['部门收入支出决算总表', '收入支出决算表'],
  公开02表: ['部门收入决算表', '收入决算总表'],
  公开03表: ['部门支出决算表', '支出决算总表'],
  公开04表: ['部门财政拨款收入支出决算总表'],
  公开05表: ['一般公共预算财政拨款支出决算明细表'],
  公开06表: ['一般公共预算财政拨款基本支出决算表', '一般公共预算基本支出决算表', '一般公共预算财政拨款基本支出决算明细表'],
  公开07表: ['政府性基金预算财政拨款支出决算表'],
  // A province's 08 prints 收入 and 支出; the 支出 columns are ours, the rest is listed as not imported.
  公开08表: ['国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算支出决算表'],
  公开09表: ['一般公共预算财政拨款"三公"经费支出决算表', '"三公"经费支出决算表', '财政拨款"三公"经费支出情况表', '一般公共预算"三公"经费支出决算表'],
};

/** Words a table title is made of: a prefix ending in one belongs to a longer title, not to a unit name. */
const TITLE_WORDS = ['拨款', '预算', '基本', '项目', '收入', '支出', '经费', '基金', '经营', '资本', '公共', '一般', '财政', '明细', '决算', '三公', '"', '部门'];

/**
 * The title without draft mark, spaces, full-width forms, year ("2024年度"), list number ("八、",
 * seed 000), and a unit or year in brackets after it ("收入决算表(单位:万元)", "收入决算表(2023年度)").
 */
export function titleText(text: string): string {
  return norm(withoutDraft(text))
    .replace(/(?:20\d\d)年度?/g, '')
    .replace(/\((?:(?:金额)?单位:?[^()]*)?\)$/, '')
    .replace(/^(?:[一二三四五六七八九十]+、|\d+[.、])/, '');
}

function titlesOf(def: TableDef, tables: readonly TableDef[]): string[] {
  const own = norm(def.title);
  const aliases = (ALIASES[def.id] ?? []).map(norm).filter((alias) => !tables.some((other) => other !== def && norm(other.title) === alias));
  return [own, ...aliases];
}

/** The table the whole title names, allowing a year and a unit name before it; undefined when none does. */
export function tableByTitle(text: string, tables: readonly TableDef[]): TableDef | undefined {
  const title = titleText(text);
  if (!title.endsWith('表') || title.length > 80) return undefined;
  let best: { def: TableDef; length: number } | undefined;
  for (const def of tables) {
    for (const candidate of titlesOf(def, tables)) {
      if (!title.endsWith(candidate)) continue;
      const prefix = title.slice(0, title.length - candidate.length);
      if (prefix && TITLE_WORDS.some((word) => prefix.endsWith(word))) continue;
      if (!best || candidate.length > best.length) best = { def, length: candidate.length };
    }
  }
  return best?.def;
}

/**
 * Code catalog: 支出功能分类 (类/款/项) and 部门预算支出经济分类 (类/款) names per fiscal year.
 * Tables print names from here, never free text (SPEC §1.10). Pure data, no Node or DOM imports.
 */
import categoriesJson from './categories-26.json';
import inferredJson from './codes-inferred.json';
import economicJson from './economic-codes.json';
import official2023Json from './function-codes-2023.json';
import seedFunctionJson from './function-codes.json';
import type { CodeSource } from './types';
import { CATALOG_CHANGES, CURRENT_EDITION, FIRST_EDITION, type CatalogChange } from './versions';

export type { CodeSource } from './types';
export { FIRST_EDITION, type CatalogChange } from './versions';
export type FunctionLevel = '类' | '款' | '项';

export interface FunctionCode {
  code: string;
  name: string;
  level: FunctionLevel;
  source: CodeSource;
}

export interface EconomicCode {
  code: string;
  name: string;
  level: '类' | '款';
  /** Group in 公开06表; absent for the INFERRED 类 (309, 311–313) that basic expenditure never uses. */
  group?: '人员经费' | '公用经费';
  source: CodeSource;
}

/** One of the 26 expenditure 类 printed in 公开01/04表. */
export interface Category {
  code: string;
  name: string;
  /** Label in 公开01/04表, e.g. "一、一般公共服务支出". */
  label01: string;
}

export interface Catalog {
  /** First fiscal year this version applies to. */
  readonly fromYear: number;
  /** The definitions edition it was built for. */
  readonly edition: number;
  /** The change notices applied on top of the 2023 base, oldest first. */
  readonly basis: readonly string[];
  /** Sorted by code. */
  readonly functionCodes: readonly FunctionCode[];
  /** In 公开06表 order (人员经费 类, then 公用经费 类), then the INFERRED 类. */
  readonly economicCodes: readonly EconomicCode[];
  readonly categories: readonly Category[];
  functionName(code: string): string | undefined;
  economicName(code: string): string | undefined;
  /** Named codes, and codes a change notice lists without a name we can source (see `isUnnamed`). */
  isKnownFunctionCode(code: string): boolean;
  /** A valid code whose name must come from the clerk or the official catalog workbook. */
  isUnnamed(code: string): boolean;
  /** The code whose earlier name this text is (e.g. 文化体育与传媒支出 → 207), for flagging stale imported names. */
  formerNameOf(text: string): { code: string; currentName: string } | undefined;
  /** A code that no longer exists in this version, with its replacement where one is known. */
  retired(code: string): { replacedBy?: string } | undefined;
  /** Retired code → its replacement, for the code-continuity check (R-Y04). */
  readonly replacements: Readonly<Record<string, string>>;
  /** The code and its ancestors, 类 first (for "一般公共服务(类)…(款)…(项)" paths). */
  functionPath(code: string): FunctionCode[];
  /** Autocomplete: digits match a code prefix, anything else a name substring; 项 first, then 款, 类, each by code. */
  searchFunction(query: string, limit?: number): FunctionCode[];
}

/** The base lists (edition 1, fiscal 2023) the change chain of versions.ts applies to. */
interface BaseData {
  /** Later lists fill gaps only: a code already named keeps its first name. */
  functions: { code: string; name: string; source: CodeSource }[][];
  economics: { code: string; name: string; group?: string; source: CodeSource }[];
  categories: Category[];
}

export function functionLevel(code: string): FunctionLevel | undefined {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

const LEVEL_ORDER: Record<FunctionLevel, number> = { 项: 0, 款: 1, 类: 2 };

function levelOrThrow(code: string): FunctionLevel {
  const level = functionLevel(code);
  if (!level) throw new Error(`功能分类科目代码“${code}”位数不对`);
  return level;
}

const entry = (code: string, name: string, source: CodeSource): FunctionCode => ({ code, name, level: levelOrThrow(code), source });

function buildCatalog(data: BaseData, changes: readonly CatalogChange[], edition: number): Catalog {
  const functions = new Map<string, FunctionCode>();
  for (const list of data.functions) {
    for (const { code, name, source } of list) if (!functions.has(code)) functions.set(code, entry(code, name, source));
  }
  const unnamed = new Set<string>();
  const formerNames = new Map<string, string>();
  const retired = new Map<string, { replacedBy?: string }>();
  for (const change of changes) {
    for (const { code, name, source } of change.add ?? []) {
      if (!functions.has(code)) functions.set(code, entry(code, name, source));
      // A code an earlier change listed unnamed is named from here on.
      unnamed.delete(code);
    }
    for (const code of change.unnamed ?? []) if (levelOrThrow(code) && !functions.has(code)) unnamed.add(code);
    for (const { code, name, formerNames: former, source } of change.rename ?? []) {
      functions.set(code, entry(code, name, source));
      for (const text of former) formerNames.set(text, code);
    }
    for (const { code, replacedBy } of change.retire ?? []) {
      functions.delete(code);
      unnamed.delete(code);
      retired.set(code, replacedBy ? { replacedBy } : {});
    }
  }
  const functionCodes = [...functions.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const economicCodes: EconomicCode[] = data.economics.map(({ code, name, group, source }) => {
    const entry: EconomicCode = { code, name, level: code.length === 3 ? '类' : '款', source };
    if (group === '人员经费' || group === '公用经费') entry.group = group;
    return entry;
  });
  const economics = new Map(economicCodes.map((entry) => [entry.code, entry]));

  return {
    fromYear: Math.max(BASE_YEAR, ...changes.map((change) => change.fromYear)),
    edition,
    basis: changes.map((change) => change.basis),
    functionCodes,
    economicCodes,
    categories: data.categories,
    functionName: (code) => functions.get(code)?.name,
    economicName: (code) => economics.get(code)?.name,
    isKnownFunctionCode: (code) => functions.has(code) || unnamed.has(code),
    isUnnamed: (code) => unnamed.has(code),
    formerNameOf(text) {
      const code = formerNames.get(text.replace(/\s+/g, '').replace(/\((类|款|项)\)$/, ''));
      const current = code ? functions.get(code) : undefined;
      return current ? { code: current.code, currentName: current.name } : undefined;
    },
    retired: (code) => retired.get(code),
    replacements: Object.fromEntries([...retired].flatMap(([code, { replacedBy }]) => (replacedBy ? [[code, replacedBy]] : []))),
    functionPath(code) {
      return [3, 5, 7]
        .filter((length) => length <= code.length)
        .map((length) => functions.get(code.slice(0, length)))
        .filter((entry): entry is FunctionCode => entry !== undefined);
    },
    searchFunction(query, limit = 50) {
      const text = query.replace(/\s+/g, '');
      if (!text) return [];
      const byCode = /^\d+$/.test(text);
      return functionCodes
        .filter((entry) => (byCode ? entry.code.startsWith(text) : entry.name.includes(text)))
        .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.code < b.code ? -1 : 1))
        .slice(0, limit);
    },
  };
}

const seedFunctions = seedFunctionJson.map(({ code, name }) => ({ code, name, source: 'seed' as const }));
const officialFunctions = [
  ...categoriesJson.map(({ code, name }) => ({ code, name, source: 'official' as const })),
  ...official2023Json.map(({ code, name }) => ({ code, name, source: 'official' as const })),
];
/** Narrative names with a code inferred at high confidence only (SPEC §6.2); medium/low ones stay out. */
const inferredFunctions = inferredJson.function_names_without_code
  .filter((entry) => entry.confidence === 'high')
  .map(({ inferred_code, name }) => ({ code: inferred_code, name, source: 'inferred' as const }));

/** The year the base lists describe; earlier years get them too, since no older code table ships with the app. */
const BASE_YEAR = 2023;

const BASE: BaseData = {
  // 2023 and 2024 政府收支分类科目 name these codes alike; differences come as changes (versions.ts).
  functions: [seedFunctions, officialFunctions, inferredFunctions],
  economics: [
    ...economicJson.map(({ code, name, group }) => ({ code, name, group, source: 'seed' as const })),
    ...inferredJson.economic_inferred_not_in_seeds.map(({ code, name }) => ({ code, name, source: 'inferred' as const })),
  ],
  categories: categoriesJson,
};

/**
 * The 26 类 of 公开01/04表 and the 经济分类 of 公开06表 are table layout, the same in every catalog
 * version (changes only touch 功能分类 款/项 and names); a new list would be a new table-set version.
 */
export const LAYOUT_CATEGORIES: readonly Category[] = BASE.categories;
export const ECONOMIC_LAYOUT: readonly EconomicCode[] = buildCatalog(BASE, [], FIRST_EDITION).economicCodes;

const changes: CatalogChange[] = [...CATALOG_CHANGES];
const built = new Map<string, Catalog>();

/** The newest definitions edition: what a year file created now records. */
export function currentEdition(): number {
  return Math.max(FIRST_EDITION, CURRENT_EDITION, ...changes.map((change) => change.edition));
}

/**
 * Adds a change shipped by a later release of the definitions (its edition is above every existing
 * one, so files created earlier keep their meaning). The built-in changes are in versions.ts.
 */
export function registerCatalogChange(change: CatalogChange): void {
  const newest = currentEdition();
  if (change.edition <= newest) throw new Error(`科目表变更须使用新的定义版本(现有最新为 ${newest})`);
  changes.push(change);
}

/** The fiscal year used when none is given: the newest year a change takes effect. */
export const DEFAULT_YEAR = Math.max(BASE_YEAR, ...CATALOG_CHANGES.map((change) => change.fromYear));

/**
 * The catalog in force for a fiscal year under a definitions edition (default: the newest): the
 * base lists plus every change of that edition or older taking effect by that year.
 */
export function catalogFor(year: number = DEFAULT_YEAR, edition: number = currentEdition()): Catalog {
  const applied = changes.filter((change) => change.fromYear <= year && change.edition <= edition);
  const key = `${edition}|${applied.map((change) => changes.indexOf(change)).join(',')}`;
  let catalog = built.get(key);
  if (!catalog) {
    catalog = buildCatalog(BASE, applied, edition);
    built.set(key, catalog);
  }
  return catalog;
}

/**
 * What the clerk is told about the built-in catalog a year uses: the 2023 list and the change notices
 * applied on top (the first basis of each year), and, for a year after the newest change we hold (a
 * 2026 决算 before any 2026 notice is in our sources), that the newest year's codes are used as they are.
 * `short` fits beside the 添加科目 box; `full` is said on creating the year and as the box's hint.
 */
export function catalogInForce(year: number, edition: number = currentEdition()): { short: string; full: string } {
  const official = changes.filter((change) => change.edition <= edition && change.fromYear > BASE_YEAR).sort((a, b) => a.fromYear - b.fromYear || a.edition - b.edition);
  const newest = Math.max(BASE_YEAR, ...official.map((change) => change.fromYear));
  const importHint = `收到${year}年官方科目表后请用“导入 › 本年度科目表”导入,名称以其为准`;
  if (year < BASE_YEAR) {
    return { short: `内置科目表:${BASE_YEAR}年版`, full: `${year}年度使用内置的${BASE_YEAR}年政府收支分类科目(程序没有更早年度的科目表);${importHint}。` };
  }
  // One notice per year: the basis of the change that first brought it (later editions only complete it).
  const notices: string[] = [];
  const years = new Set<number>();
  for (const change of official) {
    if (change.fromYear > year || years.has(change.fromYear)) continue;
    years.add(change.fromYear);
    notices.push(change.basis);
  }
  const base = `${BASE_YEAR}年政府收支分类科目${notices.length ? `,加${notices.join('、')}的变动` : ''}`;
  if (year <= newest) return { short: `内置科目表:${year}年版`, full: `${year}年度使用内置科目表:${base}。` };
  return {
    short: `内置科目表:沿用${newest}年版`,
    full: `${year}年度使用内置科目表:${base}。${year}年的科目变动尚无官方资料,沿用${newest}年的科目;${importHint}。`,
  };
}

export const functionName = (code: string, year?: number, edition?: number) => catalogFor(year, edition).functionName(code);
export const economicName = (code: string, year?: number) => catalogFor(year).economicName(code);
export const isKnownFunctionCode = (code: string, year?: number, edition?: number) => catalogFor(year, edition).isKnownFunctionCode(code);
export const searchFunction = (query: string, limit?: number, year?: number, edition?: number) => catalogFor(year, edition).searchFunction(query, limit);

/**
 * Code catalog: 支出功能分类 (类/款/项) and 部门预算支出经济分类 (类/款) names per fiscal year.
 * Tables print names from here, never free text (SPEC §1.10). Pure data, no Node or DOM imports.
 */
import categoriesJson from './categories-26.json';
import inferredJson from './codes-inferred.json';
import economicJson from './economic-codes.json';
import official2023Json from './function-codes-2023.json';
import seedFunctionJson from './function-codes.json';

/** Where a name comes from: printed with its code in a seed, the official 科目 table, or inferred from a seed narrative. */
export type CodeSource = 'seed' | 'official' | 'inferred';
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
  /** Sorted by code. */
  readonly functionCodes: readonly FunctionCode[];
  /** In 公开06表 order (人员经费 类, then 公用经费 类), then the INFERRED 类. */
  readonly economicCodes: readonly EconomicCode[];
  readonly categories: readonly Category[];
  functionName(code: string): string | undefined;
  economicName(code: string): string | undefined;
  isKnownFunctionCode(code: string): boolean;
  /** The code and its ancestors, 类 first (for "一般公共服务(类)…(款)…(项)" paths). */
  functionPath(code: string): FunctionCode[];
  /** Autocomplete: digits match a code prefix, anything else a name substring; 项 first, then 款, 类, each by code. */
  searchFunction(query: string, limit?: number): FunctionCode[];
}

/** The raw lists one version is built from. */
interface CatalogData {
  fromYear: number;
  /** Later lists fill gaps only: a code already named keeps its first name. */
  functions: { code: string; name: string; source: CodeSource }[][];
  economics: { code: string; name: string; group?: string; source: CodeSource }[];
  categories: Category[];
}

export function functionLevel(code: string): FunctionLevel | undefined {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

const LEVEL_ORDER: Record<FunctionLevel, number> = { 项: 0, 款: 1, 类: 2 };

function buildCatalog(data: CatalogData): Catalog {
  const functions = new Map<string, FunctionCode>();
  for (const list of data.functions) {
    for (const { code, name, source } of list) {
      const level = functionLevel(code);
      if (!level) throw new Error(`功能分类科目代码“${code}”位数不对`);
      if (!functions.has(code)) functions.set(code, { code, name, level, source });
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
    fromYear: data.fromYear,
    functionCodes,
    economicCodes,
    categories: data.categories,
    functionName: (code) => functions.get(code)?.name,
    economicName: (code) => economics.get(code)?.name,
    isKnownFunctionCode: (code) => functions.has(code),
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

const VERSIONS: CatalogData[] = [
  {
    // 2023 and 2024 政府收支分类科目 name these codes alike.
    fromYear: 2023,
    functions: [seedFunctions, officialFunctions, inferredFunctions],
    economics: [
      ...economicJson.map(({ code, name, group }) => ({ code, name, group, source: 'seed' as const })),
      ...inferredJson.economic_inferred_not_in_seeds.map(({ code, name }) => ({ code, name, source: 'inferred' as const })),
    ],
    categories: categoriesJson,
  },
];

/** The fiscal year used when none is given: the newest version. */
export const DEFAULT_YEAR = VERSIONS[VERSIONS.length - 1].fromYear;

const built = new Map<number, Catalog>();

/**
 * The catalog in force for a fiscal year: the newest version starting at or before it. Years before
 * the first version get the first one, since no older code table ships with the app.
 */
export function catalogFor(year: number = DEFAULT_YEAR): Catalog {
  const data = [...VERSIONS].reverse().find((version) => version.fromYear <= year) ?? VERSIONS[0];
  let catalog = built.get(data.fromYear);
  if (!catalog) {
    catalog = buildCatalog(data);
    built.set(data.fromYear, catalog);
  }
  return catalog;
}

export const functionName = (code: string, year?: number) => catalogFor(year).functionName(code);
export const economicName = (code: string, year?: number) => catalogFor(year).economicName(code);
export const isKnownFunctionCode = (code: string, year?: number) => catalogFor(year).isKnownFunctionCode(code);
export const searchFunction = (query: string, limit?: number, year?: number) => catalogFor(year).searchFunction(query, limit);

/**
 * Indicator hierarchy (SPEC §3.9) and the value grammar of 指标值 / 完成值 (SPEC §3.10).
 * Stored level names and values stay verbatim (re-export must reproduce the document);
 * everything here derives canonical meaning from them.
 */
import { compareDec, parseDec, toHalfWidth, type Dec } from './decimal';

/** Display order too: MS-P prints its 成本 一级 last, after 满意度; other variants have no 成本 一级 (SPEC §3.9). */
export const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'] as const;
export type Level1 = (typeof LEVEL1)[number];

/**
 * 一级 → allowed 二级, in display order. 成本 appears twice on purpose: YL/DTH file 成本指标 as a
 * 二级 under 产出, MS-P has 成本指标 as its own 一级 with 经济成本指标 (社会/生态环境成本 are INFERRED
 * from the national 2021 framework). "满意度指标" as a 二级 is MS-P's generic spelling (5 of 12 forms).
 */
export const HIERARCHY: Readonly<Record<Level1, readonly string[]>> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标', '满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};

/** The generic 二级 "满意度指标" is accepted only where a profile allows it; elsewhere it means this. */
export const GENERIC_SATISFACTION = '满意度指标';

/**
 * How a written level name relates to its canonical one:
 *  exact   – as canonical, or differing only in spaces/line breaks (PDF extraction splits cells);
 *  variant – an accepted short form ("社会效益", "服务对象满意度", YL);
 *  typo    – a misspelling seen in the seeds ("产生 指标", "经济益 指标", "服务象 满意度指标").
 */
export type AliasKind = 'exact' | 'variant' | 'typo';

export interface NormalisedLevel {
  canonical: string;
  kind: AliasKind;
}

const LEVEL1_TYPOS: Readonly<Record<string, Level1>> = { 产生指标: '产出指标' };
const LEVEL2_TYPOS: Readonly<Record<string, string>> = {
  经济益指标: '经济效益指标',
  社会益指标: '社会效益指标',
  生态益指标: '生态效益指标',
  服务象满意度指标: '服务对象满意度指标',
};
const ALL_LEVEL2 = [...new Set(Object.values(HIERARCHY).flat())];

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

export function normaliseLevel1(written: string): NormalisedLevel | null {
  const s = squeeze(written);
  if ((LEVEL1 as readonly string[]).includes(s)) return { canonical: s, kind: 'exact' };
  if (LEVEL1_TYPOS[s]) return { canonical: LEVEL1_TYPOS[s], kind: 'typo' };
  if ((LEVEL1 as readonly string[]).includes(`${s}指标`)) return { canonical: `${s}指标`, kind: 'variant' };
  return null;
}

export function normaliseLevel2(written: string): NormalisedLevel | null {
  const s = squeeze(written);
  if (ALL_LEVEL2.includes(s)) return { canonical: s, kind: 'exact' };
  if (LEVEL2_TYPOS[s]) return { canonical: LEVEL2_TYPOS[s], kind: 'typo' };
  if (ALL_LEVEL2.includes(`${s}指标`)) return { canonical: `${s}指标`, kind: 'variant' };
  return null;
}

/** Whether a (canonical) 二级 may sit under a (canonical) 一级. */
export function isAllowedUnder(level1: string, level2: string, allowGenericSatisfaction = true): boolean {
  const allowed = HIERARCHY[level1 as Level1];
  if (!allowed?.includes(level2)) return false;
  return allowGenericSatisfaction || level2 !== GENERIC_SATISFACTION;
}

/** Cost indicators: a missing operator means "at most" (SPEC §3.10). */
export function isCostLevel2(level2: string): boolean {
  return /成本指标$/.test(level2);
}

// ---------------------------------------------------------------- value grammar

export type Comparator = '≥' | '≤' | '>' | '<' | '=';

export interface NumberValue {
  kind: 'number';
  op: Comparator | null;
  num: Dec;
  /** Normalised unit: "百分比"/"％" become "%"; null when none is written or given by a unit column. */
  unit: string | null;
  /** Text before the number ("占入库税收的"), kept so the value can be shown as written. */
  prefix: string;
  /** A written form the grammar accepted only leniently: the seed typo "96.%" / "33.%". */
  typo: boolean;
}

export interface DateValue {
  kind: 'date';
  text: string;
  year: number | null;
}

export interface TextValue {
  kind: 'text';
  text: string;
  /** A number inside a sentence ("力争网上可办率90%以上。" → ≥ 90 %), used only to judge met / not met. */
  embedded: NumberValue | null;
}

export type IndicatorValue = NumberValue | DateValue | TextValue | { kind: 'empty' };

const OPERATORS: ReadonlyArray<[RegExp, Comparator]> = [
  [/^(≥|>=|≧|＞＝|不低于|不少于)/, '≥'],
  [/^(≤|<=|≦|＜＝|不超过|不高于|不多于)/, '≤'],
  [/^(>|＞|大于|超过)/, '>'],
  [/^(<|＜|小于|低于)/, '<'],
  [/^(=|＝|等于)/, '='],
];

/** Suffix words that carry the comparison inside sentences ("90%以上", "200万以内"). */
const SUFFIX_OPERATORS: ReadonlyArray<[RegExp, Comparator]> = [
  [/^(及以上|以上)/, '≥'],
  [/^(以内|以下|及以下)/, '≤'],
];

const DATE = /\d{4}\s*年|年底|年内|月底|季度|\d{1,2}\s*月\s*-\s*\d{1,2}\s*月/;

function normaliseUnit(unit: string): string | null {
  const u = unit.trim();
  if (u === '') return null;
  if (u === '%' || u === '百分比') return '%';
  return u;
}

function readOperator(text: string): [Comparator | null, string] {
  for (const [pattern, op] of OPERATORS) {
    const m = pattern.exec(text);
    if (m) return [op, text.slice(m[0].length).trim()];
  }
  return [null, text];
}

/** Strict form: op? number unit?, the whole cell. Trailing sentence punctuation is tolerated. */
function parseQuantity(text: string, columnUnit: string | null): NumberValue | null {
  const [op, rest] = readOperator(text);
  const m = /^(-?\d+(?:\.\d*)?)\s*([^\d\s][^\d]{0,7})?$/.exec(rest);
  if (!m) return null;
  const num = parseDec(m[1]);
  if (!num) return null;
  let unitText = m[2] ?? '';
  let suffixOp: Comparator | null = null;
  // "95%以上", "2个工作日以内": the comparison written after the unit.
  const suffix = /(及以上|以上|及以下|以下|以内)$/.exec(unitText);
  if (suffix) {
    suffixOp = suffix[1].endsWith('以上') ? '≥' : '≤';
    unitText = unitText.slice(0, -suffix[1].length);
  }
  const written = normaliseUnit(unitText);
  if (written !== null && /[,,、;;。]/.test(written)) return null;
  return { kind: 'number', op: op ?? suffixOp, num, unit: written ?? normaliseUnit(columnUnit ?? ''), prefix: '', typo: m[1].endsWith('.') };
}

/** The first number inside a sentence, with the operator before it or the 以上/以内 after it. */
function embeddedQuantity(text: string, columnUnit: string | null): NumberValue | null {
  const m = /(≥|≤|>=|<=|>|<|=|＝|不低于|不超过|大于|小于|达|超过)?\s*(-?\d+(?:\.\d*)?)\s*(%|百分比|万元|元|万户|万|个|项|件|人|次|天|小时|分钟)?/.exec(text);
  if (!m) return null;
  const num = parseDec(m[2]);
  if (!num) return null;
  let op: Comparator | null = m[1] ? readOperator(m[1])[0] : null;
  const after = text.slice((m.index ?? 0) + m[0].length);
  for (const [pattern, suffixOp] of SUFFIX_OPERATORS) if (pattern.test(after)) op = op ?? suffixOp;
  return {
    kind: 'number',
    op,
    num,
    unit: m[3] ? normaliseUnit(m[3]) : normaliseUnit(columnUnit ?? ''),
    prefix: text.slice(0, m.index),
    typo: m[2].endsWith('.'),
  };
}

/**
 * Parsed cells by unit column and text. The forms' 审核 and scoring read each cell several times per
 * run and every run reads the same texts again (the renderer runs it after each change): parsing was
 * most of a form's 审核. Callers only read the values. Bounded: a long session forgets and starts over.
 */
const PARSED = new Map<string, IndicatorValue>();
const PARSED_LIMIT = 20_000;

/**
 * Parses a 指标值 or 完成值 cell. `columnUnit` is the separate 度量单位/单位 column (MS-P, JM-P);
 * an embedded unit wins over it ("≤2小时" with unit 小时 is both at once in JM-P).
 */
export function parseIndicatorValue(raw: string | null | undefined, columnUnit: string | null = null): IndicatorValue {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  // The unit's length first: no unit and text can run together into another pair's key.
  const key = columnUnit === null ? `-${raw}` : `${columnUnit.length}:${columnUnit}${raw}`;
  let value = PARSED.get(key);
  if (!value) {
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    PARSED.set(key, (value = parseIndicatorText(raw, columnUnit)));
  }
  return value;
}

function parseIndicatorText(raw: string, columnUnit: string | null): IndicatorValue {
  const text = toHalfWidth(raw).trim().replace(/[。;;,,]+$/, '').trim();
  if (text === '') return { kind: 'empty' };
  const quantity = parseQuantity(text, columnUnit);
  if (quantity && !DATE.test(text)) return quantity;
  if (DATE.test(text)) {
    const y = /(\d{4})\s*年/.exec(text);
    return { kind: 'date', text, year: y ? Number(y[1]) : null };
  }
  return { kind: 'text', text, embedded: embeddedQuantity(text, columnUnit) };
}

/** A 完成值 that is an operator range ("≤1%", "≥5个"), not a measurement (FV-09). */
export function isRange(value: IndicatorValue): boolean {
  return value.kind === 'number' && value.op !== null;
}

/** Qualitative completion words that mean the target was reached (SPEC §3.10; configurable per profile). */
export const DEFAULT_MET_WORDS: readonly string[] = ['达成预期指标', '完成', '符合', '效果明显', '明显提升', '良好', '按时完成', '安全', '达到预期', '合格'];

export type MetState = 'met' | 'not_met' | 'unknown';

export interface MetContext {
  /** Canonical 二级 of the indicator, to pick the default comparison. */
  level2: string | null;
  metWords?: readonly string[];
}

const MONEY_UNIT = /^万?元(\/.+)?$/;

/**
 * The comparison implied when the target has none. SPEC: ≥ for 数量/质量/满意度, ≤ for 成本.
 * INFERRED extension: a money unit also means ≤ — a budget figure is a ceiling wherever it is
 * filed (JM-P files "全年免费邮寄费用 1.33 万元" under 质量指标, seed 002 F-15).
 */
export function defaultComparator(level2: string | null, unit: string | null): Comparator {
  if ((level2 && isCostLevel2(level2)) || (unit && MONEY_UNIT.test(unit))) return '≤';
  return '≥';
}

function compare(actual: Dec, op: Comparator, target: Dec): boolean {
  const c = compareDec(actual, target);
  switch (op) {
    case '≥':
      return c >= 0;
    case '≤':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    case '=':
      // Exact decimals make the SPEC's ε unnecessary: "=100百分比" vs "100" compares equal exactly.
      return c === 0;
  }
}

function unitsCompatible(target: NumberValue, actual: NumberValue): boolean {
  return actual.unit === null || target.unit === null || actual.unit === target.unit;
}

function squeezeText(text: string): string {
  return text.replace(/[\s。;;,,]/g, '');
}

/**
 * Met / not met of one indicator (SPEC §3.10). Used for warnings and score suggestions,
 * never to score by itself: "unknown" whenever the texts do not allow a sure answer.
 */
export function evaluateTarget(target: IndicatorValue, actual: IndicatorValue, context: MetContext): MetState {
  const metWords = context.metWords ?? DEFAULT_MET_WORDS;
  if (actual.kind === 'empty') return 'unknown';
  if (actual.kind === 'text' && metWords.includes(squeezeText(actual.text))) return 'met';
  if (target.kind === 'number' && actual.kind === 'number') {
    if (actual.op !== null || !unitsCompatible(target, actual)) return 'unknown';
    const op = target.op ?? defaultComparator(context.level2, target.unit);
    return compare(actual.num, op, target.num) ? 'met' : 'not_met';
  }
  if (target.kind === 'text' && actual.kind === 'text') {
    if (squeezeText(target.text) === squeezeText(actual.text)) return 'met';
    const t = target.embedded;
    const a = actual.embedded;
    // Inside sentences only like-for-like units compare: the first number of a long text is often a count of something else.
    if (t && a && t.unit !== null && t.unit === a.unit) {
      const op = t.op ?? defaultComparator(context.level2, t.unit);
      return compare(a.num, op, t.num) ? 'met' : 'not_met';
    }
    return 'unknown';
  }
  if (target.kind === 'date' && actual.kind === 'date') return squeezeText(target.text) === squeezeText(actual.text) ? 'met' : 'unknown';
  return 'unknown';
}

/** Count units: a rate ("…率") measured in them is incoherent (FV-10, JM-P "好差评对接完成率" in 个). */
export const COUNT_UNITS: readonly string[] = ['个', '项', '件', '套', '枚', '份', '次', '人次', '张', '家', '人', '坐席', '台', '条', '场'];

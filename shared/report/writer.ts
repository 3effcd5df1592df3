/**
 * What the sentence generators read (the year model, last year's values, 补充信息, the clerk's texts)
 * and the small vocabulary they write with: a quantity carries its value and its source cells, so
 * every printed figure can name the cells it came from.
 */
import type { Amount } from '../money';
import { enteredChecker } from '../rules/entered';
import type { ModelView, Supplementary } from '../rules/types';
import { SUPP_TABLE } from '../rules/types';
import { amountText, beyond, percentText } from './format';
import type { ReportOutline } from './outline';
import type { ConsolidatedName } from './organisation';
import type { Figure, Part, ReasonSlot, Sentence, SourceCell } from './types';

/** A stored text of the clerk's: reasons (reason.<sentence>), 概况 (profile.*), 名词解释 (glossary). */
export interface ReportText {
  text: string;
  /** Carried from last year's file and not yet confirmed. */
  draft: boolean;
}

export interface ReportSource {
  fiscalYear: number;
  unitName: string;
  model: ModelView;
  /** Last year's values (上年数); without them no "比上年" clause is printed. */
  lastYear?: ModelView;
  supp: Supplementary;
  texts: Readonly<Record<string, ReportText>>;
  /** A 汇总 file's units as consolidated and its own unit code: the 决算单位构成 is drafted from them. */
  consolidated?: { unitCode: string; units: readonly ConsolidatedName[] };
  /** 绩效自评 results for section 十 (project forms: name, 预算, 执行数, score, grade). */
  performance?: { name: string; budget: Amount | null; spent: Amount | null; score: string | null; grade: string | null }[];
}

/** An amount with the cells it sums. */
export interface Quantity {
  value: Amount;
  cells: SourceCell[];
}

export const REASON_PREFIX = 'reason.';

export class Writer {
  /** Whether this year's figures behind a reason's sentence have been entered (see enteredChecker). */
  private readonly entered: ReturnType<typeof enteredChecker>;

  constructor(
    readonly source: ReportSource,
    readonly outline: ReportOutline,
  ) {
    this.entered = enteredChecker(source.model);
  }

  get year(): number {
    return this.source.fiscalYear;
  }

  get hasLastYear(): boolean {
    return this.source.lastYear !== undefined;
  }

  /** A cell of this year (empty = 0). */
  cell(table: string, row: string, col: string): Quantity {
    return { value: this.source.model.value(table, row, col) ?? 0, cells: [{ table, row, col }] };
  }

  /** The same cell in last year's values; null without a baseline. */
  lastYear(table: string, row: string, col: string): Quantity | null {
    const ly = this.source.lastYear;
    return ly ? { value: ly.value(table, row, col) ?? 0, cells: [{ table, row, col, lastYear: true }] } : null;
  }

  /** A 补充信息 amount, or null when it was not entered. */
  supp(key: string, value: Amount | undefined): Quantity | null {
    return value === undefined ? null : { value, cells: [{ table: SUPP_TABLE, row: key, col: '' }] };
  }

  sum(...parts: (Quantity | null)[]): Quantity {
    const present = parts.filter((part): part is Quantity => part !== null);
    return { value: present.reduce((total, part) => total + part.value, 0), cells: present.flatMap((part) => part.cells) };
  }

  amount(q: Quantity): Figure {
    return { kind: 'amount', text: amountText(q.value, this.outline.amountStyle), cells: q.cells };
  }

  /** "41.82%" of part in base; "0.00%" when the base is 0 (a share of nothing is printed as none). */
  share(part: Quantity, base: Quantity): Figure {
    return { kind: 'percent', text: `${percentText(part.value, base.value) ?? '0.00'}%`, cells: [...part.cells, ...base.cells] };
  }

  /**
   * "比上年度增加1,210.52万元,增长55.70%" / "减少…,下降…" / "上年无此项资金" / "与上年持平";
   * nothing without last year's values.
   */
  change(current: Quantity, last: Quantity | null, subject = ''): Part[] {
    if (!last) return [];
    const delta = current.value - last.value;
    if (delta === 0) return ['与上年持平'];
    if (last.value === 0) return ['上年无此项资金'];
    const cells = [...current.cells, ...last.cells];
    const up = delta > 0;
    return [
      `${this.outline.lastYearWord}${subject}${up ? '增加' : '减少'}`,
      { kind: 'amount', text: amountText(Math.abs(delta), this.outline.amountStyle), cells },
      `万元,${up ? '增长' : '下降'}`,
      { kind: 'percent', text: `${percentText(delta, last.value)}%`, cells },
    ];
  }

  /** "完成年初预算的88.15%"; nothing when the budget is 0 or missing (never a rate on a zero base). */
  completion(actual: Quantity, budget: Quantity | null, words = '完成年初预算的'): Part[] {
    if (!budget || budget.value === 0) return [];
    return [words, { kind: 'percent', text: `${percentText(actual.value, budget.value)}%`, cells: [...actual.cells, ...budget.cells] }];
  }

  /**
   * The reason slot of a sentence; needed when the change is beyond the region's threshold and this
   * year's figures behind it have been entered (an unfilled table is no change to explain).
   */
  reason(key: string, lead: string, current: Quantity | null, base: Quantity | null): ReasonSlot {
    const stored = this.source.texts[REASON_PREFIX + key];
    const entered = !!current && this.entered(current.cells);
    const needed = !!current && !!base && entered && beyond(current.value, base.value, this.outline.reasonThreshold);
    const cells = current && base ? [...current.cells, ...base.cells] : [];
    return { key, lead, needed, entered, cells, text: stored?.text.trim() || null, draft: !!stored?.draft };
  }

  /** "增长" / "下降" / "变动" for a reason lead ("增长的主要原因:"). */
  direction(current: Quantity, last: Quantity | null): string {
    if (!last || current.value === last.value) return '变动';
    return current.value > last.value ? '增长' : '下降';
  }

  sentence(id: string, parts: Part[], end = '。', reason?: ReasonSlot): Sentence {
    const sentence: Sentence = { id, parts: mergeText(parts), end };
    if (reason) sentence.reason = reason;
    return sentence;
  }
}

/** Adjacent strings joined, so writers see text runs and figures only. */
function mergeText(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else out.push(part);
  }
  return out;
}

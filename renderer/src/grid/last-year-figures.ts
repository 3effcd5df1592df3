/**
 * 本年 beside 上年 for one cell, as the clerk writes it in the 情况说明 ("比上年增加X万元,增长X%"):
 * the change is exact integer arithmetic on stored amounts, rounded only for display; the % change
 * is the report's own exact percentage (shared/report/format.ts); a zero or missing base has no %
 * ("上年无"), a decrease is negative and reads 下降.
 */
import { displayAmount, formatAmount, type Amount } from '../../../shared/money';
import { percentText } from '../../../shared/report/format';

export type Trend = 'up' | 'down' | 'same' | 'new' | 'none';

export interface LastYearFigures {
  /** Shown in the 上年数 column: "1,000.00", or 上年无 when last year had nothing here. */
  last: string;
  /** Shown in the 增减额 column: "+200.00" / "-50.00" / "0.00". */
  change: string;
  /** Shown in the 增减率 column: "+20.00%" / "-5.00%", 上年无 on a zero base. */
  percent: string;
  /** The same three as raw values for copying out (paste into Excel as numbers). */
  raw: { last: string; change: string; percent: string };
  trend: Trend;
  /** The clerk's sentence for the tooltip. */
  sentence: string;
}

export const NO_BASE = '上年无';
const EMPTY: LastYearFigures = { last: '', change: '', percent: '', raw: { last: '', change: '', percent: '' }, trend: 'none', sentence: '' };

/** Figures of a cell holding `current` this year and `last` last year (null = empty). Both empty: nothing to compare. */
export function lastYearFigures(current: Amount | null, last: Amount | null): LastYearFigures {
  if (current === null && last === null) return EMPTY;
  const base = last ?? 0;
  const delta = (current ?? 0) - base;
  const sign = delta > 0 ? '+' : '';
  const trend: Trend = delta === 0 ? 'same' : base === 0 ? 'new' : delta > 0 ? 'up' : 'down';
  const rate = percentText(delta, base);
  // Nothing either year (a 0.00 line of 公开01表) has no rate to speak of; something new has none either.
  const percent = rate === null ? (delta === 0 ? '' : NO_BASE) : `${delta < 0 ? '-' : sign}${rate}%`;
  const lastShown = last === null ? NO_BASE : displayAmount(last);
  return {
    last: lastShown,
    change: `${sign}${displayAmount(delta)}`,
    percent,
    raw: { last: last === null ? '' : formatAmount(last)!, change: formatAmount(delta)!, percent: rate === null ? '' : percent.replace('+', '') },
    trend,
    sentence: sentenceOf(trend, delta, rate),
  };
}

function sentenceOf(trend: Trend, delta: Amount, rate: string | null): string {
  switch (trend) {
    case 'same':
      return '与上年持平';
    case 'new':
      return '上年无此项资金';
    case 'up':
      return `比上年增加 ${displayAmount(delta)} 万元,增长 ${rate}%`;
    case 'down':
      return `比上年减少 ${displayAmount(-delta)} 万元,下降 ${rate}%`;
    case 'none':
      return '';
  }
}

/** The lines a hover adds to an amount cell: its 上年数 and the change (none when neither year has a value). */
export function lastYearTooltip(figures: LastYearFigures | null): string | null {
  return figures && figures.trend !== 'none' ? `上年数:${figures.last}\n${figures.sentence}` : null;
}

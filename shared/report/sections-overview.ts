/**
 * 情况说明 一–四: 收入支出总体, 收入, 支出, 财政拨款收支总体 (SPEC §5.3 JM-01…JM-07, seed 002 wording).
 */
import type { Block } from './types';
import type { Writer } from './writer';

const T01 = '公开01表';
const T03 = '公开03表';
const T04 = '公开04表';

export function totalSection(w: Writer): Block[] {
  const total = w.cell(T01, '31', '1');
  const last = w.lastYear(T01, '31', '1');
  const sentence = w.sentence(
    'total',
    [`${w.year}年度收、支总计`, w.amount(total), '万元', ...comma(w.change(total, last))],
    '。',
    w.reason('total', `${w.direction(total, last)}的主要原因:`, total, last),
  );
  return [{ kind: 'paragraph', sentences: [sentence] }];
}

/** 本年收入 by source (公开01表 rows 1–8, the three 财政拨款 rows as one). */
const INCOME_SOURCES: { name: string; rows: string[] }[] = [
  { name: '财政拨款收入', rows: ['1', '2', '3'] },
  { name: '上级补助收入', rows: ['4'] },
  { name: '事业收入', rows: ['5'] },
  { name: '经营收入', rows: ['6'] },
  { name: '附属单位上缴收入', rows: ['7'] },
  { name: '其他收入', rows: ['8'] },
];

export function incomeSection(w: Writer): Block[] {
  const total = w.cell(T01, '27', '1');
  const last = w.lastYear(T01, '27', '1');
  const sentences = [w.sentence('income.total', [`${w.year}年度本年收入`, w.amount(total), '万元', ...comma(w.change(total, last))], ',其中:')];
  let i = 0;
  for (const source of INCOME_SOURCES) {
    const x = w.sum(...source.rows.map((row) => w.cell(T01, row, '1')));
    const y = w.hasLastYear ? w.sum(...source.rows.map((row) => w.lastYear(T01, row, '1'))) : null;
    // A source with nothing this year and last year is left out (SPEC §5.2); 财政拨款 always prints.
    if (i > 0 && x.value === 0 && (y?.value ?? 0) === 0) continue;
    i++;
    sentences.push(w.sentence(`income.${source.rows[0]}`, [`${i}.${source.name}`, w.amount(x), '万元,占本年收入的', w.share(x, total), ...comma(w.change(x, y))]));
  }
  sentences.push(w.sentence('income.reason', [], '', w.reason('income', `本年收入${w.direction(total, last)}的主要原因:`, total, last)));
  return [{ kind: 'paragraph', sentences }];
}

/** 本年支出 by kind (公开03表 合计 栏次 2–6). */
const EXPENDITURE_KINDS: { name: string; col: string }[] = [
  { name: '基本支出', col: '2' },
  { name: '项目支出', col: '3' },
  { name: '上缴上级支出', col: '4' },
  { name: '经营支出', col: '5' },
  { name: '对附属单位补助支出', col: '6' },
];

export function expenditureSection(w: Writer): Block[] {
  const total = w.cell(T01, '58', '2');
  const last = w.lastYear(T01, '58', '2');
  const sentences = [w.sentence('expenditure.total', [`${w.year}年度本年支出合计`, w.amount(total), '万元', ...comma(w.change(total, last))], ',其中:')];
  let i = 0;
  for (const kind of EXPENDITURE_KINDS) {
    const x = w.cell(T03, '合计', kind.col);
    const y = w.lastYear(T03, '合计', kind.col);
    if (kind.col > '3' && x.value === 0 && (y?.value ?? 0) === 0) continue;
    i++;
    sentences.push(w.sentence(`expenditure.${kind.col}`, [`${i}.${kind.name}`, w.amount(x), '万元,占本年支出的', w.share(x, total), ...comma(w.change(x, y))]));
  }
  sentences.push(w.sentence('expenditure.reason', [], '', w.reason('expenditure', `本年支出${w.direction(total, last)}的主要原因:`, total, last)));
  return [{ kind: 'paragraph', sentences }];
}

const FUNDS: { name: string; row: string; key: string }[] = [
  { name: '一般公共预算财政拨款收入', row: '1', key: 'fiscal.gpb' },
  { name: '政府性基金预算财政拨款收入', row: '2', key: 'fiscal.fund' },
  { name: '国有资本经营预算财政拨款收入', row: '3', key: 'fiscal.soe' },
];

export function fiscalSection(w: Writer): Block[] {
  const total = w.cell(T04, '32', '1');
  const last = w.lastYear(T04, '32', '1');
  const sentences = [
    w.sentence(
      'fiscal',
      [`${w.year}年度财政拨款收支决算总计`, w.amount(total), '万元', ...comma(w.change(total, last))],
      '。',
      w.reason('fiscal', `${w.direction(total, last)}的主要原因:`, total, last),
    ),
  ];
  let first = true;
  for (const fund of FUNDS) {
    const x = w.cell(T04, fund.row, '1');
    const y = w.lastYear(T04, fund.row, '1');
    if (fund.row !== '1' && x.value === 0 && (y?.value ?? 0) === 0) continue;
    const lead = first ? `${w.year}年度财政拨款收入中:` : '';
    first = false;
    sentences.push(
      w.sentence(fund.key, [lead, fund.name, w.amount(x), '万元', ...comma(w.change(x, y))], '。', w.reason(fund.key, `${w.direction(x, y)}的主要原因:`, x, y)),
    );
  }
  return [{ kind: 'paragraph', sentences }];
}

/** ",比上年…" when there is a change clause, nothing otherwise. */
export function comma(parts: ReturnType<Writer['change']>): ReturnType<Writer['change']> {
  return parts.length ? [',', ...parts] : [];
}

/**
 * 情况说明 五、六: 一般公共预算财政拨款支出 (总体, 结构 by 类, 年初预算 vs 决算) and its 基本支出
 * (人员经费 / 公用经费 and 经济分类) — SPEC §5.3 JM-08…JM-12.
 */
import categories from '../catalog/categories-26.json';
import { economicName } from '../catalog';
import { SUPP_TABLE } from '../rules/types';
import { codeLevel, TOTAL } from '../tables';
import { comma } from './sections-overview';
import type { Block, Sentence } from './types';
import type { Quantity, Writer } from './writer';

const T01 = '公开01表';
const T05 = '公开05表';
const T06 = '公开06表';
const GPB = '一般公共预算财政拨款支出';
export const BUDGET_KEY = 'gpb_initial_budget_by_code';

/**
 * 年初预算 of a 公开05表 row: the amount entered for it, else the sum of what was entered below it;
 * null when nothing was entered at or below the row.
 */
export function initialBudget(w: Writer, row: string): Quantity | null {
  const entered = w.source.supp.gpb_initial_budget_by_code ?? {};
  if (entered[row] !== undefined) return { value: entered[row], cells: [{ table: SUPP_TABLE, row: `${BUDGET_KEY}.${row}`, col: '' }] };
  const below = Object.keys(entered).filter((key) => key !== row && (row === TOTAL ? key !== TOTAL : key.startsWith(row)));
  // Only the highest entered level under the row counts, so a 类 and its 项 are not added twice.
  const top = below.filter((key) => !below.some((other) => other !== key && key.startsWith(other)));
  if (!top.length) return null;
  return w.sum(...top.map((key) => ({ value: entered[key], cells: [{ table: SUPP_TABLE, row: `${BUDGET_KEY}.${key}`, col: '' }] })));
}

export function gpbSection(w: Writer): Block[] {
  const total = w.cell(T05, TOTAL, '1');
  const last = w.lastYear(T05, TOTAL, '1');
  const all = w.cell(T01, '58', '2');
  const overall: Sentence[] = [
    w.sentence('gpb.total', [`${w.year}年度${GPB}`, w.amount(total), '万元', ...comma(w.change(total, last)), ',占本年支出合计的', w.share(total, all)], ',其中:'),
  ];
  [
    ['基本支出', '2'],
    ['项目支出', '3'],
  ].forEach(([name, col], i) => {
    const x = w.cell(T05, TOTAL, col);
    overall.push(w.sentence(`gpb.${col}`, [`${i + 1}.${name}`, w.amount(x), `万元,占${GPB}的`, w.share(x, total), ...comma(w.change(x, w.lastYear(T05, TOTAL, col)))]));
  });
  overall.push(w.sentence('gpb.reason', [], '', w.reason('gpb', `${GPB}较上年${w.direction(total, last)}的主要原因:`, total, last)));

  const structure: Sentence[] = [w.sentence('gpb.structure', [`${w.year}年度${GPB}具体结构如下`], ':')];
  let i = 0;
  for (const category of categories) {
    const x = w.cell(T05, category.code, '1');
    const y = w.lastYear(T05, category.code, '1');
    if (x.value === 0 && (y?.value ?? 0) === 0) continue;
    i++;
    structure.push(w.sentence(`gpb.class.${category.code}`, [`${i}.${category.name}`, w.amount(x), `万元,占${GPB}的`, w.share(x, total), ...comma(w.change(x, y))]));
  }

  return [
    { kind: 'heading', level: 3, text: `(一)${GPB}决算总体情况` },
    { kind: 'paragraph', sentences: overall },
    { kind: 'heading', level: 3, text: `(二)${GPB}决算结构情况` },
    { kind: 'paragraph', sentences: structure },
    { kind: 'heading', level: 3, text: `(三)${GPB}决算具体情况` },
    { kind: 'paragraph', sentences: budgetSentences(w, total) },
  ];
}

/** (三): the whole and each 类 (or 项) against its 年初预算; a reason where they differ beyond the threshold. */
function budgetSentences(w: Writer, total: Quantity): Sentence[] {
  const budget = initialBudget(w, TOTAL);
  if (!budget) return [w.sentence('gpb.budget', [`${w.year}年度${GPB}`, w.amount(total), '万元,年初预算【请在决算公开页底部填写】'])];
  const sentences = [
    w.sentence('gpb.budget', [`${w.year}年度${GPB}年初预算为`, w.amount(budget), '万元,支出决算为', w.amount(total), '万元', ...comma(w.completion(total, budget))], '。其中:'),
  ];
  const entered = Object.keys(w.source.supp.gpb_initial_budget_by_code ?? {});
  // Per 项 where the region lists 项 and the clerk entered 项 budgets; per 类 otherwise.
  const level = w.outline.budgetDetail === 'item' && entered.some((key) => codeLevel(key) === 3) ? 3 : 1;
  const rows = new Set([...w.source.model.rows(T05).filter((row) => row.level === level).map((row) => row.key), ...entered.filter((key) => codeLevel(key) === level)]);
  let i = 0;
  for (const code of [...rows].sort()) {
    const x = w.cell(T05, code, '1');
    const b = initialBudget(w, code);
    if (x.value === 0 && !b?.value) continue;
    i++;
    const name = level === 1 ? rowName(w, code) : `${rowName(w, code.slice(0, 3))}(类)${rowName(w, code.slice(0, 5))}(款)${rowName(w, code)}(项)`;
    const prefix = level === 1 ? `${name}。` : `${i}.${name}:`;
    sentences.push(
      w.sentence(
        `gpb.budget.${code}`,
        [prefix, ...(b ? ['年初预算为', w.amount(b), '万元,'] : ['年初预算【请在决算公开页底部填写】,']), '支出决算为', w.amount(x), '万元', ...comma(w.completion(x, b))],
        '。',
        w.reason(`gpb.budget.${code}`, '主要原因:', x, b),
      ),
    );
  }
  return sentences;
}

function rowName(w: Writer, code: string): string {
  return (w.source.model.row(T05, code)?.label || categories.find((category) => category.code === code)?.name) ?? code;
}

const ECONOMIC_CLASSES = ['301', '302', '303', '307', '310', '399'];
const BASIC = '一般公共预算财政拨款基本支出';

export function basicSection(w: Writer): Block[] {
  const total = w.cell(T05, TOTAL, '2');
  const last = w.lastYear(T05, TOTAL, '2');
  const sentences: Sentence[] = [w.sentence('basic.total', [`${w.year}年度${BASIC}`, w.amount(total), '万元', ...comma(w.change(total, last))], ',其中:')];
  const groups: [string, string, string[]][] = [
    ['人员经费', '人员经费合计', ['301', '303']],
    ['公用经费', '公用经费合计', ['302', '307', '310', '399']],
  ];
  groups.forEach(([name, row, classes], i) => {
    const x = w.cell(T06, row, '1');
    const items = itemNames(w, classes);
    sentences.push(
      w.sentence(`basic.${row}`, [`${i + 1}.${name}`, w.amount(x), `万元,占${BASIC}的`, w.share(x, total), ...comma(w.change(x, w.lastYear(T06, row, '1'))), items.length ? `,主要包括:${items.join('、')}` : '']),
    );
  });
  sentences.push(w.sentence('basic.economic', ['按经济分类如下'], ':'));
  let i = 0;
  for (const code of ECONOMIC_CLASSES) {
    const x = w.cell(T06, code, '1');
    const y = w.lastYear(T06, code, '1');
    if (x.value === 0 && (y?.value ?? 0) === 0) continue;
    i++;
    sentences.push(w.sentence(`basic.${code}`, [`${i}.${economicName(code) ?? code}`, w.amount(x), `万元,占${BASIC}的`, w.share(x, total), ...comma(w.change(x, y))]));
  }
  sentences.push(w.sentence('basic.reason', [], '', w.reason('basic', `${BASIC}较上年${w.direction(total, last)}的主要原因:`, total, last)));
  return [{ kind: 'paragraph', sentences }];
}

/** Names of the non-zero 款 of these 经济分类 类 in 公开06表, in code order. */
export function itemNames(w: Writer, classes: string[]): string[] {
  return w.source.model
    .rows(T06)
    .filter((row) => row.key.length === 5 && classes.includes(row.key.slice(0, 3)) && (w.source.model.value(T06, row.key, '1') ?? 0) !== 0)
    .map((row) => row.label.replace(/\s+/g, ''));
}

/**
 * 图1–图6 of the document, declared once as data (title, kind, series read from the year model);
 * the page draws them and the Word/PDF writers embed the same figures.
 */
import { TOTAL } from '../tables';
import categories from '../catalog/categories-26.json';
import type { ChartId } from './outline';
import { sangongColumn, T09 } from './sections-other';
import type { Writer } from './writer';

export interface ChartData {
  id: ChartId;
  caption: string;
  /** bar: categories × series (e.g. 上年 / 本年); pie: one slice per category. */
  kind: 'bar' | 'pie';
  categories: string[];
  series: { name: string; values: number[] }[];
}

const T01 = '公开01表';
const T03 = '公开03表';
const T04 = '公开04表';
const T05 = '公开05表';

/** 万元 with 2 decimals for drawing only (chart scales need numbers; nothing is computed from them). */
const wan = (minor: number) => Math.round(minor / 100) / 100;

function yearOnYear(w: Writer, id: ChartId, caption: string, table: string, row: string, col: string): ChartData {
  const series = [{ name: `${w.year}年`, values: [wan(w.cell(table, row, col).value)] }];
  const last = w.lastYear(table, row, col);
  if (last) series.unshift({ name: `${w.year - 1}年`, values: [wan(last.value)] });
  return { id, caption, kind: 'bar', categories: ['总计'], series };
}

function pie(id: ChartId, caption: string, slices: [string, number][]): ChartData {
  const kept = slices.filter(([, value]) => value !== 0);
  return { id, caption, kind: 'pie', categories: kept.map(([name]) => name), series: [{ name: caption, values: kept.map(([, value]) => wan(value)) }] };
}

export function chartData(w: Writer, id: ChartId): ChartData {
  const v = (table: string, row: string, col: string) => w.cell(table, row, col).value;
  switch (id) {
    case 'total':
      return yearOnYear(w, id, '图1:收、支决算总计变动情况', T01, '31', '1');
    case 'income':
      return pie(id, '图2:收入决算结构', [
        ['财政拨款收入', v(T01, '1', '1') + v(T01, '2', '1') + v(T01, '3', '1')],
        ['上级补助收入', v(T01, '4', '1')],
        ['事业收入', v(T01, '5', '1')],
        ['经营收入', v(T01, '6', '1')],
        ['附属单位上缴收入', v(T01, '7', '1')],
        ['其他收入', v(T01, '8', '1')],
      ]);
    case 'expenditure':
      return pie(id, '图3:支出决算结构', [
        ['基本支出', v(T03, TOTAL, '2')],
        ['项目支出', v(T03, TOTAL, '3')],
        ['上缴上级支出', v(T03, TOTAL, '4')],
        ['经营支出', v(T03, TOTAL, '5')],
        ['对附属单位补助支出', v(T03, TOTAL, '6')],
      ]);
    case 'fiscal':
      return yearOnYear(w, id, '图4:财政拨款收、支决算总计变动情况', T04, '32', '1');
    case 'gpb':
      return pie(
        id,
        '图5:一般公共预算财政拨款支出结构',
        categories.map((category): [string, number] => [category.name, v(T05, category.code, '1')]),
      );
    case 'sangong': {
      // The outline's “三公” table (陕西 陕07表): its 决算数 columns found by their headers.
      const table = w.outline.sangong?.table ?? T09;
      const items = [
        ['因公出国(境)费', '因公出国(境)费'],
        ['公务用车购置及运行维护费', '小计'],
        ['公务接待费', '公务接待费'],
      ].map(([name, column]) => [name, sangongColumn(table, '决算数', column)]);
      const series = [{ name: `${w.year}年`, values: items.map(([, col]) => wan(v(table, '1', col))) }];
      if (w.hasLastYear) series.unshift({ name: `${w.year - 1}年`, values: items.map(([, col]) => wan(w.lastYear(table, '1', col)!.value)) });
      return { id, caption: '图6:“三公”经费支出决算', kind: 'bar', categories: items.map(([name]) => name), series };
    }
  }
}

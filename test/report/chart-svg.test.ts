/**
 * Every bar of a chart is named under it: a category name too long for its slot wraps rather than
 * being dropped (ECharts hides axis labels that would overlap; 图6 lost 公务用车购置及运行维护费, so the
 * tallest bar had no name).
 */
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import type { ChartData } from '../../shared/report';
import { chartSvg } from '../../shared/report/chart-svg';

/** The SVG's texts in drawing order, joined: a wrapped label's lines follow one another. */
const drawnText = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join('');

describe('bar chart category names', () => {
  const charts: ChartData[] = [
    { id: 'sangong', caption: '图6', kind: 'bar', categories: ['因公出国(境)费', '公务用车购置及运行维护费', '公务接待费'], series: [{ name: '2022年', values: [0, 5.1, 1.8] }, { name: '2023年', values: [0, 6.27, 2.02] }] },
    { id: 'total', caption: '图1', kind: 'bar', categories: ['一般公共服务支出', '社会保障和就业支出', '卫生健康支出', '节能环保支出', '农林水支出', '住房保障支出'], series: [{ name: '2023年', values: [1, 2, 3, 4, 5, 6] }] },
  ];
  it.each(charts)('$caption names each of its bars', (data) => {
    const text = drawnText(chartSvg(echarts, data));
    for (const name of data.categories) expect(text, name).toContain(name);
  });
});

/**
 * 图1–图6 drawn from their one definition (charts.ts) with ECharts' server-side SVG renderer: the
 * same code draws in the page (browser) and for the Word/PDF documents (Node), with no DOM needed,
 * so the figure on screen and on paper are one picture. ECharts because its SSR string renderer is
 * dependency-free and offline, and it labels pies and bars in Chinese fonts without extra work.
 * shared/ imports no package, so each side passes in its `echarts` module.
 */
import type { ChartData } from './charts';

/** The part of the echarts module used here (server-side rendering to an SVG string). */
export interface EChartsLike {
  init(dom: null, theme: null, options: { renderer: 'svg'; ssr: true; width: number; height: number }): {
    setOption(option: object): void;
    renderToSVGString(): string;
    dispose(): void;
  };
}

export const CHART_SIZE = { width: 640, height: 320 };
// Single quotes: ECharts writes the family into a double-quoted style attribute.
const FONT = "'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

function option(data: ChartData, size: { width: number; height: number }): object {
  const common = { animation: false, textStyle: { fontFamily: FONT, fontSize: 13 }, color: ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272'] };
  if (data.kind === 'pie') {
    return {
      ...common,
      series: [
        {
          type: 'pie',
          radius: ['0%', '62%'],
          label: { formatter: '{b}\n{c}万元 ({d}%)', fontFamily: FONT },
          data: data.categories.map((name, i) => ({ name, value: data.series[0].values[i] })),
        },
      ],
    };
  }
  const grid = { left: 70, right: 20, top: 40, bottom: 56 };
  // Every bar keeps its name: ECharts drops axis labels that would overlap, so each one is drawn
  // (interval 0) and wraps within its own slot; the taller bottom margin holds two or three lines.
  const slot = Math.floor((size.width - grid.left - grid.right) / Math.max(1, data.categories.length)) - 8;
  return {
    ...common,
    legend: { top: 0, textStyle: { fontFamily: FONT } },
    grid,
    xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, width: slot, overflow: 'break', fontFamily: FONT } },
    yAxis: { type: 'value', name: '万元' },
    series: data.series.map((series) => ({ type: 'bar', name: series.name, data: series.values, label: { show: true, position: 'top', fontFamily: FONT } })),
  };
}

export function chartSvg(echarts: EChartsLike, data: ChartData, size = CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option(data, size));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Chart pictures for the Word document: the ECharts SVG rasterised by resvg (a prebuilt native
 * module from npm, offline) with the system's Chinese fonts, at twice the drawn size for print.
 */
import { Resvg } from '@resvg/resvg-js';
import { CHART_SIZE, chartSvg, type ChartData } from '../../../shared/report';
import type { ChartImages } from './docx';

export function chartImages(charts: Map<string, ChartData>): ChartImages {
  const images = new Map<string, { png: Buffer; width: number; height: number }>();
  for (const [id, data] of charts) {
    const rendered = new Resvg(chartSvg(data), { fitTo: { mode: 'width', value: CHART_SIZE.width * 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' } }).render();
    images.set(id, { png: Buffer.from(rendered.asPng()), width: rendered.width, height: rendered.height });
  }
  return images;
}

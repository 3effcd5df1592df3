/**
 * Chart pictures for the Word document: the ECharts SVG rasterised by resvg (a prebuilt native
 * module from npm, offline) with a Chinese font, at twice the drawn size for print.
 */
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { ChartData } from '../../../shared/report';
import * as echarts from 'echarts';
import { CHART_SIZE, chartSvg } from '../../../shared/report/chart-svg';
import type { ChartImages } from './docx';

/** Chinese fonts where Windows, macOS and Debian keep them; loading one file is far quicker than scanning all. */
const CJK_FONTS = [
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
  '/System/Library/Fonts/PingFang.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
];

let fontFiles: string[] | undefined;

function fontOptions() {
  fontFiles ??= CJK_FONTS.filter((file) => fs.existsSync(file)).slice(0, 1);
  return fontFiles.length ? { fontFiles, loadSystemFonts: false } : { loadSystemFonts: true };
}

export function chartImages(charts: Map<string, ChartData>): ChartImages {
  const images = new Map<string, { png: Buffer; width: number; height: number }>();
  for (const [id, data] of charts) {
    const rendered = new Resvg(chartSvg(echarts, data), { fitTo: { mode: 'width', value: CHART_SIZE.width * 2 }, font: fontOptions() }).render();
    images.set(id, { png: Buffer.from(rendered.asPng()), width: rendered.width, height: rendered.height });
  }
  return images;
}

/**
 * Chart pictures for the Word document: the ECharts SVG rasterised by resvg (a prebuilt native
 * module from npm, offline) with a Chinese font, at twice the drawn size for print.
 * Rasterising is most of a document's time (resvg lays out every label with the CJK font, several
 * milliseconds each), so pictures are kept by chart content: exporting again, or in another format,
 * redraws only the charts whose figures changed.
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

type Picture = { png: Buffer; width: number; height: number };

/** Pictures by chart content (its data as JSON), newest last; a few years' six charts fit. */
const drawn = new Map<string, Picture>();
const KEEP = 48;

function picture(data: ChartData): Picture {
  const key = JSON.stringify(data);
  let found = drawn.get(key);
  if (found) drawn.delete(key);
  else {
    const rendered = new Resvg(chartSvg(echarts, data), { fitTo: { mode: 'width', value: CHART_SIZE.width * 2 }, font: fontOptions() }).render();
    found = { png: Buffer.from(rendered.asPng()), width: rendered.width, height: rendered.height };
    if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value!);
  }
  drawn.set(key, found);
  return found;
}

export function chartImages(charts: Map<string, ChartData>): ChartImages {
  return new Map([...charts].map(([id, data]) => [id, picture(data)]));
}

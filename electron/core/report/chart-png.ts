/**
 * Chart pictures for the Word document: the ECharts SVG rasterised by resvg (a prebuilt native
 * module from npm, offline) with a Chinese font (chart-font.ts), at twice the drawn size for print.
 * Pictures are kept by chart content: exporting again, or in another format, redraws only the
 * charts whose figures changed. Drawing and compressing run on libuv's worker threads: the charts
 * at once where cores are free, and the main process keeps answering meanwhile.
 */
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { renderAsync } from '@resvg/resvg-js';
import type { ChartData } from '../../../shared/report';
import * as echarts from 'echarts';
import { CHART_SIZE, chartSvg } from '../../../shared/report/chart-svg';
import { withChartFont } from './chart-font';
import type { ChartImages } from './docx';

type Picture = { png: Buffer; width: number; height: number };

/** Pictures by chart content (its data as JSON), newest last; a few years' six charts fit. */
const drawn = new Map<string, Picture>();
const KEEP = 48;

function keep(key: string, picture: Picture): void {
  drawn.delete(key);
  if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, picture);
}

/**
 * RGBA pixels as a PNG. resvg's own encoder (asPng) compresses hard and took twice as long as
 * drawing; fast deflate without row filters is several times quicker and, on flat chart colours,
 * no larger.
 */
async function encodePng(pixels: Buffer, width: number, height: number): Promise<Buffer> {
  const stride = width * 4;
  const rows = Buffer.alloc((stride + 1) * height); // each row starts with filter type 0 (none)
  for (let y = 0; y < height; y++) pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', await deflate(rows, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

const deflate = promisify(zlib.deflate);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export async function chartImages(charts: Map<string, ChartData>): Promise<ChartImages> {
  const pictures = new Map<string, Picture>();
  const missing: { id: string; key: string; svg: string }[] = [];
  for (const [id, data] of charts) {
    const key = JSON.stringify(data);
    const picture = drawn.get(key);
    if (picture) {
      pictures.set(id, picture);
      keep(key, picture); // used now: newest
    } else missing.push({ id, key, svg: chartSvg(echarts, data) });
  }
  if (missing.length) {
    const drawnNow = await withChartFont(
      missing.map((chart) => chart.svg),
      (font) =>
        Promise.all(
          missing.map(async ({ svg }) => {
            const rendered = await renderAsync(svg, { fitTo: { mode: 'width', value: CHART_SIZE.width * 2 }, font });
            return { png: await encodePng(rendered.pixels, rendered.width, rendered.height), width: rendered.width, height: rendered.height };
          }),
        ),
    );
    missing.forEach(({ id, key }, i) => {
      pictures.set(id, drawnNow[i]);
      keep(key, drawnNow[i]);
    });
  }
  return pictures;
}

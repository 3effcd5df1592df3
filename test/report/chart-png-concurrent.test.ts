/**
 * Two documents' charts drawn at once (two exports in the browser mode, or the Word and PDF of two
 * years): the second may bring characters the font copy lacks and replace the copy while the first
 * one's pictures are still being drawn on the worker threads from it. Each picture must still carry
 * its labels: exactly the pixels the whole font draws.
 */
import zlib from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { chartFontFile, withChartFont } from '../../electron/core/report/chart-font';
import { chartImages } from '../../electron/core/report/chart-png';
import type { ChartData } from '../../shared/report';
import { CHART_SIZE, chartSvg } from '../../shared/report/chart-svg';

/** The RGBA pixels of a PNG as chart-png.ts writes it (one IDAT, 8-bit RGBA, no row filters). */
function pngPixels(png: Buffer): Buffer {
  const width = png.readUInt32BE(16);
  const data: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = zlib.inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels: Buffer[] = [];
  for (let at = 0; at < rows.length; at += stride + 1) {
    expect(rows[at]).toBe(0);
    pixels.push(rows.subarray(at + 1, at + 1 + stride));
  }
  return Buffer.concat(pixels);
}

const chart = (id: 'income' | 'total', categories: string[]): ChartData => ({
  id,
  caption: '图',
  kind: 'bar',
  categories,
  series: [{ name: '2025年', values: categories.map((_, i) => 100 * (i + 1)) }],
});

describe.runIf(chartFontFile())('charts of two documents drawn at once', () => {
  it('draws every label of the first though the second replaced the font copy it draws with', async () => {
    const whole = { fontFiles: [chartFontFile()!], loadSystemFonts: false };
    // Far more charts than libuv has worker threads (4): most of them still wait for a thread, the
    // font not yet opened, when the other document's copy replaces theirs.
    const names = ['一般公共服务支出', '教育支出', '社会保障和就业支出', '卫生健康支出', '农林水支出', '住房保障支出', '科学技术支出', '节能环保支出'];
    const first = new Map([...names, ...names, ...names].map((name, i) => [`a${i}`, chart('income', [name, `其他支出${i}`])]));
    const drawing = chartImages(first);
    // Meanwhile another document's charts bring characters the copy lacks (as its chartImages does).
    await withChartFont(['<text>鑫淼森焱垚犇骉羴</text>'], () => undefined);
    const pictures = await drawing;
    for (const [id, data] of first) {
      const expected = new Resvg(chartSvg(echarts, data), { fitTo: { mode: 'width', value: CHART_SIZE.width * 2 }, font: whole }).render().pixels;
      expect(pngPixels(pictures.get(id)!.png).equals(expected), data.categories.join('、')).toBe(true);
    }
  });
});

/**
 * The charts are drawn with a small copy of the Chinese font (only the characters at hand; resvg
 * reads its font file once per glyph). Two paths draw the same picture: on random charts with real
 * 科目 names and amounts, the copy gives exactly the pixels the whole font file gives, and the
 * labels are really drawn (not the pixels of a font-less drawing). The copy grows when a chart
 * brings new characters, and the copy it replaces is removed once no drawing uses it, as are copies
 * killed processes left.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { chartFontFile, withChartFont, type FontOptions } from '../../electron/core/report/chart-font';
import { readFace } from '../../electron/core/report/font-subset';
import { LAYOUT_CATEGORIES } from '../../shared/catalog';
import type { ChartData } from '../../shared/report';
import { chartSvg } from '../../shared/report/chart-svg';
import { seeded, type Random } from '../fixtures/xlsx/random-forms';

const pixels = (svg: string, font: object) => new Resvg(svg, { fitTo: { mode: 'width', value: 1280 }, font }).render().pixels;

function randomChart(random: Random): ChartData {
  const count = 2 + Math.floor(random() * 6);
  const categories = Array.from({ length: count }, () => LAYOUT_CATEGORIES[Math.floor(random() * LAYOUT_CATEGORIES.length)].name);
  const values = () => categories.map(() => Math.round(random() * 1e8) / 100);
  return random() < 0.5
    ? { id: 'income', caption: '图', kind: 'pie', categories, series: [{ name: '2023年', values: values() }] }
    : { id: 'total', caption: '图', kind: 'bar', categories, series: [{ name: '2022年', values: values() }, { name: '2023年', values: values() }] };
}

describe.runIf(chartFontFile())('chart pictures with the small font copy', () => {
  // First in this file (a fresh module): the copy a killed process left is removed by the next one's first chart.
  it('removes a copy left by a process that ended without removing it', async () => {
    const left = path.join(os.tmpdir(), 'juesuan-chart-font-4194303-1.ttf'); // above Linux's highest process id: no such process
    fs.writeFileSync(left, 'left over');
    await withChartFont(['<text>收入</text>'], () => undefined);
    expect(fs.existsSync(left)).toBe(false);
  });

  it('draw exactly what the whole font draws, labels included (random charts)', async () => {
    const random = seeded(13);
    const whole = { fontFiles: [chartFontFile()!], loadSystemFonts: false };
    for (let run = 0; run < 12; run++) {
      const svg = chartSvg(echarts, randomChart(random));
      const drawn = await withChartFont([svg], (font) => pixels(svg, font));
      expect(drawn.equals(pixels(svg, whole))).toBe(true);
      expect(drawn.equals(pixels(svg, { loadSystemFonts: false }))).toBe(false);
    }
  });

  it('grows the copy for new characters, keeps the old ones, and removes the copy it replaces', async () => {
    const fileOf = (svgs: string[]) => withChartFont(svgs, (font: FontOptions) => ('fontFiles' in font ? font.fontFiles[0] : ''));
    const first = await fileOf(['<text>收入</text>']);
    expect(await fileOf(['<text>入收</text>'])).toBe(first);
    const grown = await fileOf(['<text>鑫</text>']);
    expect(grown).not.toBe(first);
    expect(fs.existsSync(first)).toBe(false);
    const face = readFace(fs.readFileSync(grown))!;
    const whole = readFace(fs.readFileSync(chartFontFile()!))!;
    for (const char of '收入鑫') {
      expect(whole.glyphOf(char.codePointAt(0)!)).toBeGreaterThan(0);
      expect(face.glyphOf(char.codePointAt(0)!)).toBe(whole.glyphOf(char.codePointAt(0)!));
    }
    expect(fs.statSync(grown).size).toBeLessThan(fs.statSync(chartFontFile()!).size / 4);
  });

  it('keeps a replaced copy on disk until the drawing that uses it has finished', async () => {
    let held = '';
    let finish = () => {};
    const drawing = withChartFont(['<text>支出</text>'], (font) => {
      held = 'fontFiles' in font ? font.fontFiles[0] : '';
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const grown = await withChartFont(['<text>垚</text>'], (font) => ('fontFiles' in font ? font.fontFiles[0] : ''));
    expect(grown).not.toBe(held);
    expect(fs.existsSync(held)).toBe(true);
    finish();
    await drawing;
    expect(fs.existsSync(held)).toBe(false);
    expect(fs.existsSync(grown)).toBe(true);
  });
});

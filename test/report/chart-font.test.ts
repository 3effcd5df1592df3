/**
 * The charts are drawn with a small copy of the Chinese font (only the characters at hand; resvg
 * reads its font file once per glyph). Two paths draw the same picture: on random charts with real
 * 科目 names and amounts, the copy gives exactly the pixels the whole font file gives, and the
 * labels are really drawn (not the pixels of a font-less drawing). The copy grows when a chart
 * brings new characters, and the copy it replaces is removed, as are copies killed processes left.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { chartFontFile, chartFontOptions } from '../../electron/core/report/chart-font';
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
  it('removes a copy left by a process that ended without removing it', () => {
    const left = path.join(os.tmpdir(), 'juesuan-chart-font-4194303-1.ttf'); // above Linux's highest process id: no such process
    fs.writeFileSync(left, 'left over');
    chartFontOptions(['<text>收入</text>']);
    expect(fs.existsSync(left)).toBe(false);
  });

  it('draw exactly what the whole font draws, labels included (random charts)', () => {
    const random = seeded(13);
    const whole = { fontFiles: [chartFontFile()!], loadSystemFonts: false };
    for (let run = 0; run < 12; run++) {
      const svg = chartSvg(echarts, randomChart(random));
      const drawn = pixels(svg, chartFontOptions([svg]));
      expect(drawn.equals(pixels(svg, whole))).toBe(true);
      expect(drawn.equals(pixels(svg, { loadSystemFonts: false }))).toBe(false);
    }
  });

  it('grows the copy for new characters, keeps the old ones, and removes the copy it replaces', () => {
    const first = chartFontOptions(['<text>收入</text>']) as { fontFiles: string[] };
    const same = chartFontOptions(['<text>入收</text>']) as { fontFiles: string[] };
    expect(same.fontFiles).toEqual(first.fontFiles);
    const grown = chartFontOptions(['<text>鑫</text>']) as { fontFiles: string[] };
    expect(grown.fontFiles).not.toEqual(first.fontFiles);
    expect(fs.existsSync(first.fontFiles[0])).toBe(false);
    const face = readFace(fs.readFileSync(grown.fontFiles[0]))!;
    const whole = readFace(fs.readFileSync(chartFontFile()!))!;
    for (const char of '收入鑫') {
      expect(whole.glyphOf(char.codePointAt(0)!)).toBeGreaterThan(0);
      expect(face.glyphOf(char.codePointAt(0)!)).toBe(whole.glyphOf(char.codePointAt(0)!));
    }
    expect(fs.statSync(grown.fontFiles[0]).size).toBeLessThan(fs.statSync(chartFontFile()!).size / 4);
  });
});

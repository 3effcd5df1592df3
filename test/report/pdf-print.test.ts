/**
 * The 决算公开 PDF as Chromium prints it (report --out X.pdf), read back with pdftotext: a table
 * that fills its page (公开04表 with five-figure amounts) prints whole on one page with its 注, and
 * each 目录 line's page number is the page its heading prints on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { seed002Doc } from '../fixtures/seed-002';
import { pdfPages } from '../helpers/libreoffice';
import { tempDir } from '../helpers/temp';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const canPrint = fs.existsSync(chromium) && spawnSync('pdftotext', ['-v']).status === 0;

describe.runIf(canPrint)('决算公开 PDF printed by Chromium', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('prints 公开04表 with five-figure amounts on one page, title to 注', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'wide.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.load({ file: 'wide.sqlite', doc: seed002Doc() });
    await core.edit({ file: 'wide.sqlite', cells: [{ table: '公开04表', row: '1', col: '1', value: '12345.67' }] });
    const pdf = path.join(temp.dir, 'wide.pdf');
    fs.writeFileSync(pdf, Buffer.from((await core.exportReport({ file: 'wide.sqlite', format: 'pdf', draft: true })).dataBase64, 'base64'));
    core.close();

    const pages = pdfPages(pdf).map((page) => page.replace(/\s+/g, ''));
    const title = pages.findIndex((page) => page.includes('财政拨款收入支出决算总表'));
    expect(title).toBeGreaterThan(0);
    expect(pages[title]).toMatch(/总计3[12]12,345.67/);
    expect(pages[title]).toContain('注:本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款');
  }, 120_000);

  it('numbers each 目录 line with the page its heading prints on', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'toc.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.load({ file: 'toc.sqlite', doc: seed002Doc() });
    const pdf = path.join(temp.dir, 'toc.pdf');
    fs.writeFileSync(pdf, Buffer.from((await core.exportReport({ file: 'toc.sqlite', format: 'pdf', draft: true })).dataBase64, 'base64'));
    core.close();

    const squeeze = (line: string) => line.replace(/\s+/g, '');
    const pages = pdfPages(pdf).map((page) => page.split('\n').map(squeeze).filter(Boolean));
    const tocAt = pages.findIndex((lines) => lines[0] === '目录');
    const entries = pages[tocAt].slice(1).filter((line) => /^(第.部分|[一二三四五六七八九十]+、)/.test(line));
    expect(entries.length).toBeGreaterThan(10);
    // Headings in order, each on the first page from the last one found where a line shows it.
    let at = tocAt + 1;
    for (const entry of entries) {
      const [, text, page] = /^(.*?)(\d+)$/.exec(entry) ?? [entry, entry, ''];
      expect(page, `目录“${entry}”没有页码`).not.toBe('');
      while (at < pages.length && !pages[at].includes(text)) at++;
      expect(at + 1, `“${text}”`).toBe(Number(page));
    }
  }, 120_000);
});

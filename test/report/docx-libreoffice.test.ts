/**
 * The Word document opened by another word processor (LibreOffice headless, a stand-in for Word/WPS):
 * it converts without repair and prints the cover, 目录 with each part's page, the tables in their
 * layout, the generated sentences, the charts' captions and page numbers.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { SEED_002_INPUTS, seed002Doc } from '../fixtures/seed-002';
import { SEED_002_PROFILE_TEXTS, SEED_002_REPORT_INPUTS } from '../fixtures/seed-002-last-year';
import { convert, hasLibreOffice, pdfPages } from '../helpers/libreoffice';
import { tempDir } from '../helpers/temp';

describe.runIf(hasLibreOffice())('决算公开 .docx in LibreOffice', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('renders every part of the document', async () => {
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'jm.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.load({ file: 'jm.sqlite', doc: seed002Doc() });
    await core.setFormRegion({ file: 'jm.sqlite', region: '荆门' });
    await core.setSupplementary({ file: 'jm.sqlite', values: SEED_002_REPORT_INPUTS });
    for (const [key, text] of Object.entries(SEED_002_PROFILE_TEXTS)) await core.setReportText({ file: 'jm.sqlite', key, text });
    const docx = path.join(temp.dir, '决算公开.docx');
    fs.writeFileSync(docx, Buffer.from((await core.exportReport({ file: 'jm.sqlite', format: 'docx' })).dataBase64, 'base64'));
    core.close();

    const pdf = convert([docx], 'pdf', temp.dir)[0];
    const printed = pdfPages(pdf);
    const pages = printed.map((page) => page.replace(/\s+/g, ''));
    const all = pages.join('\n');
    expect(pages.length).toBeGreaterThan(15);
    expect(pages[0]).toContain('荆门市行政审批局(本级)');
    expect(pages[1]).toContain('目录');
    expect(all).toContain('收入支出决算总表');
    expect(all).toContain('财政拨款“三公”经费支出决算表');
    expect(all).toContain('2023年度收、支总计3,383.79万元。');
    expect(all).toContain('完成年初预算的88.15%');
    expect(all).toContain('图1:收、支决算总计变动情况');
    expect(all).toContain('本单位当年无政府性基金预算财政拨款收入支出。');
    // Page numbers in the footer.
    expect(pages[4]).toContain('—5—');
    // The 目录 gives each part's page: the page whose text starts with that heading (dot leaders between).
    const toc = printed[1].split('\n').map((line) => /^\s*(\S.*?)\.{3,}\s*(\d+)\s*$/.exec(line)).filter((match) => match !== null);
    expect(toc.map((match) => match[1])).toEqual(expect.arrayContaining(['第一部分 部门概况', '第二部分 2023 年度部门决算表', '一、收入支出决算总体情况说明', '第四部分 名词解释']));
    expect(toc.length).toBeGreaterThan(12);
    for (const [, text, page] of toc) expect({ text, shown: pages[Number(page) - 1]?.includes(text.replace(/\s+/g, '')) }).toEqual({ text, shown: true });
    expect(Number(toc.find((match) => match[1] === '第四部分 名词解释')![2])).toBeGreaterThan(15);
    // No heading is the last line of a page of text, away from the text it heads (第二部分 has a page of its own).
    const headings = new Set(toc.map((match) => match[1].replace(/\s+/g, '')));
    const lines = printed.map((page) => page.split('\n').map((line) => line.replace(/\s+/g, '')).filter((line) => line && !/^—\d+—$/.test(line)));
    expect(lines.filter((page) => page.length > 1 && headings.has(page.at(-1)!)).map((page) => page.at(-1))).toEqual([]);
    // Codes and amounts print whole, none broken over two lines of its cell (公开06表 had them wrapped).
    const words = new Set(printed.join('\n').split(/\s+/));
    const codes = Object.keys(SEED_002_INPUTS.公开06表.cells);
    expect(codes.filter((code) => !words.has(code))).toEqual([]);
    expect(['1,299.22', '1,315.01', '3,249.78', '2,880.75', '1,968.59'].filter((amount) => !words.has(amount))).toEqual([]);
    // The six charts as pictures at twice their printed size.
    const images = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.split('\n').filter((line) => /^\s*\d+\s+\d+\s+image\s+1280\s+640\b/.test(line));
    expect(images).toHaveLength(6);
    // No page is blank (a page break after a full page, 公开04表's, printed one with only its number).
    expect(pages.filter((page) => /^—\d+—$/.test(page))).toEqual([]);
  });

  it('prints 公开04表 with five-figure amounts on one page, and keeps the notes of a table on the page of its last line', async () => {
    // 公开04表 with a five-figure 一般公共预算财政拨款: its amounts widen, its labels wrap, and the table fills the page.
    const core = createCore({ resolveFile: (file) => path.join(temp.dir, file) });
    await core.createYear({ file: 'wide.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
    await core.load({ file: 'wide.sqlite', doc: seed002Doc() });
    await core.edit({ file: 'wide.sqlite', cells: [{ table: '公开04表', row: '1', col: '1', value: '12345.67' }] });
    const docx = path.join(temp.dir, 'wide.docx');
    fs.writeFileSync(docx, Buffer.from((await core.exportReport({ file: 'wide.sqlite', format: 'docx', draft: true })).dataBase64, 'base64'));
    core.close();

    const pages = pdfPages(convert([docx], 'pdf', path.join(temp.dir, 'wide'))[0]).map((page) => page.replace(/\s+/g, ''));
    const note = pages.findIndex((page) => page.includes('注:本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支'));
    expect(note).toBeGreaterThan(0);
    // The whole table on one upright page: title, 总计 and 注 (lines 10 pt apart, as in every table).
    expect(pages[note]).toMatch(/总计3[12]12,345.67/);
    expect(pages[note]).toContain('财政拨款收入支出决算总表');
  }, 120_000);
});

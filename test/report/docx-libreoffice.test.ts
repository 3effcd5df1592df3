/**
 * The Word document opened by another word processor (LibreOffice headless, a stand-in for Word/WPS):
 * it converts without repair and prints the cover, 目录, the tables in their layout, the generated
 * sentences, the charts' captions and page numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { seed002Doc } from '../fixtures/seed-002';
import { SEED_002_REPORT_INPUTS } from '../fixtures/seed-002-last-year';
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
    const docx = path.join(temp.dir, '决算公开.docx');
    fs.writeFileSync(docx, Buffer.from((await core.exportReport({ file: 'jm.sqlite', format: 'docx' })).dataBase64, 'base64'));
    core.close();

    const pages = pdfPages(convert([docx], 'pdf', temp.dir)[0]).map((page) => page.replace(/\s+/g, ''));
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
  });
});

/**
 * The Word document of each regional set opened by LibreOffice (one soffice run for the four): it
 * converts without repair and prints the set's own 情况说明 sections and the region-only sentences.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { outlineFor } from '../../shared/report';
import { buildRegionalYears, REGIONAL_CASES } from '../fixtures/regional-years';
import { convert, hasLibreOffice, pdfPages } from '../helpers/libreoffice';
import { tempDir } from '../helpers/temp';

describe.runIf(hasLibreOffice())('决算公开 .docx of the regional sets in LibreOffice', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('renders each set’s sections and its own sentences', async () => {
    const files: string[] = [];
    for (const c of REGIONAL_CASES) {
      const dir = path.join(temp.dir, c.set);
      fs.mkdirSync(dir);
      const core = createCore({ resolveFile: (file) => path.join(dir, file) });
      await buildRegionalYears(core, dir, c);
      const docx = path.join(temp.dir, `${c.set}.docx`);
      fs.writeFileSync(docx, Buffer.from((await core.exportReport({ file: '2023.sqlite', format: 'docx', draft: true })).dataBase64, 'base64'));
      core.close();
      files.push(docx);
    }
    const pdfs = convert(files, 'pdf', temp.dir);
    REGIONAL_CASES.forEach((c, i) => {
      const all = pdfPages(pdfs[i]).map((page) => page.replace(/\s+/g, '')).join('\n');
      const outline = outlineFor(c.set, '通用');
      for (const part of outline.parts) expect(all).toContain(part.title.replace('{Y}', '2023').replace(/\s+/g, ''));
      for (const section of outline.parts.flatMap((part) => part.sections)) expect(all).toContain(section.title.replace(/\s+/g, ''));
      // The first region-only sentences, as the page and the --json listing print them.
      for (const sentence of c.expected.slice(0, 2)) expect(all).toContain(sentence.replace(/\s+/g, ''));
    });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seed002Doc } from '../fixtures/seed-002';
import { SEED_002_PROFILE_TEXTS, SEED_002_REPORT_INPUTS } from '../fixtures/seed-002-last-year';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('CLI report', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('writes the document as .docx and .md, lists sentences with their cells, and refuses other endings', () => {
    const file = path.join(temp.dir, '2023.sqlite');
    const doc = path.join(temp.dir, 'doc.json');
    const reportTexts = Object.fromEntries(Object.entries(SEED_002_PROFILE_TEXTS).map(([key, text]) => [key, { text, draft: false }]));
    fs.writeFileSync(doc, JSON.stringify({ ...seed002Doc(), supplementary: SEED_002_REPORT_INPUTS, reportTexts }));
    expect(runCli('load', '--file', file, '--json', doc).code).toBe(0);

    const docx = path.join(temp.dir, '决算公开.docx');
    expect(runCli('report', '--file', file, '--out', docx)).toMatchObject({ code: 0 });
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    const md = path.join(temp.dir, '决算公开.md');
    expect(runCli('report', '--file', file, '--out', md).code).toBe(0);
    // No baseline: no "比上年" clause; 年初预算 from 补充信息.
    const text = fs.readFileSync(md, 'utf8');
    expect(text).toContain('2023年度收、支总计3383.79万元。');
    expect(text).toContain('年初预算为3810.00万元,支出决算为3383.80万元,完成年初预算的88.81%');

    const listed = runCli('report', '--file', file, '--json');
    expect(listed.code).toBe(0);
    const sentences = JSON.parse(listed.out).sentences as { id: string; figures: { text: string; cells: unknown[] }[] }[];
    expect(sentences.find((sentence) => sentence.id === 'income.1')!.figures[0]).toEqual({
      text: '3383.79',
      cells: [
        { table: '公开01表', row: '1', col: '1' },
        { table: '公开01表', row: '2', col: '1' },
        { table: '公开01表', row: '3', col: '1' },
      ],
    });

    const refused = runCli('report', '--file', file, '--out', path.join(temp.dir, 'x.txt'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('应以 .docx、.pdf、.md 或 .html 结尾');
  });
});

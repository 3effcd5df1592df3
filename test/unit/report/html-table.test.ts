/**
 * The printable HTML (what Chromium prints to the PDF) shows each annex table as the workbook and
 * seed 002 print it: 部门 on the left of 金额单位, and the 栏次 line under the header.
 */
import { describe, expect, it } from 'vitest';
import { functionName } from '../../../shared/catalog';
import { toHtml, type ReportDoc } from '../../../shared/report';
import { TABLES, YearModel } from '../../../shared/tables';

describe('printable HTML annex tables', () => {
  const model = new YearModel(TABLES, {}, functionName);
  const doc: ReportDoc = {
    fiscalYear: 2023,
    unitName: '荆门市行政审批局(本级)',
    outline: '荆门',
    title: '2023年度部门决算',
    coverLines: [],
    blocks: [
      { kind: 'table', table: '公开01表', label: '公开01表', title: '收入支出决算总表' },
      { kind: 'table', table: '公开06表', label: '公开06表', title: '一般公共预算财政拨款基本支出决算明细表' },
      { kind: 'table', table: '公开02表', label: '公开02表', title: '收入决算表' },
    ],
  };
  const html = toHtml(doc, model);
  const [t01, t06] = html.split('<div class="table">').slice(1);

  it('names the unit beside 金额单位 above every table', () => {
    for (const table of [t01, t06]) expect(table).toContain('<div class="unit"><span>部门:荆门市行政审批局(本级)</span><span>金额单位:万元</span></div>');
  });

  it('prints the 栏次 line last in the header, none where the official table has none (公开06表)', () => {
    const headerRows = (table: string) => /<thead>([\s\S]*?)<\/thead>/.exec(table)![1].split('</tr>').filter((row) => row.includes('<th'));
    const cells = (row: string) => [...row.matchAll(/<th colspan="(\d+)"[^>]*>([^<]*)<\/th>/g)].map((match) => `${match[2]}×${match[1]}`);
    expect(cells(headerRows(t01).at(-1)!)).toEqual(['栏 次×2', '1×1', '栏 次×2', '2×1']);
    expect(headerRows(t06).every((row) => !row.includes('栏'))).toBe(true);
  });

  it('lays columns out as the Word tables do: 科目代码 and 行次 with room for their header, the rest of the page to the names', () => {
    const shares = (table: string) => [.../<colgroup>(.*?)<\/colgroup>/.exec(table)![1].matchAll(/<col style="width:([\d.]+)%">/g)].map((match) => Number(match[1]));
    // Twips of the 170 mm text width; a header of n characters at 9 pt needs (2n + 1) half-ems of 90 twips and 57 twips of padding a side.
    const twips = (share: number) => (share / 100) * Math.round((170 / 25.4) * 1440);
    const header = (chars: number) => (2 * chars + 1) * 90 + 2 * 57;
    const t02 = shares(html.split('<div class="table">')[3]);
    expect(t02).toHaveLength(9);
    expect(t02.reduce((sum, share) => sum + share, 0)).toBeCloseTo(100, 0);
    expect(twips(t02[0])).toBeGreaterThanOrEqual(header(4) - 1);
    const t01 = shares(html.split('<div class="table">')[1]);
    expect([twips(t01[1]), twips(t01[4])].every((width) => width >= header(2) - 1)).toBe(true);
    expect(html).toContain('table-layout: fixed');
  });
});

/**
 * The document as a printable HTML page (A4 portrait, 仿宋 text, 黑体 headings, tables in their
 * printed layout, charts as inline SVG when given): what Chromium prints to PDF.
 */
import type { ModelView } from '../rules/types';
import { TABLES } from '../tables';
import { columnNeeds, fitColumns } from './column-widths';
import { lineCells, printTable, tableNotes, type PrintedTable } from './table-print';
import { blankText, sentenceText, type Block, type ReportDoc } from './types';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
@page { size: A4 portrait; margin: 25mm 20mm; }
body { font-family: "FangSong", "仿宋", "WenQuanYi Micro Hei", serif; font-size: 16pt; line-height: 1.75; }
h1, h2, h3 { font-family: "SimHei", "黑体", "WenQuanYi Micro Hei", sans-serif; font-weight: normal; }
h1 { text-align: center; font-size: 16pt; break-before: page; }
h2 { font-size: 16pt; } h3 { font-size: 16pt; font-family: inherit; font-weight: bold; }
h1, h2, h3 { break-after: avoid; break-inside: avoid; }
p { text-indent: 2em; margin: 0; }
.cover { text-align: center; padding-top: 60mm; font-family: "SimHei", "黑体", sans-serif; font-size: 22pt; }
.toc p { text-indent: 0; } .toc .l2 { padding-left: 2em; }
.toc a { display: flex; align-items: baseline; color: inherit; text-decoration: none; }
.toc .leader { flex: 1; min-width: 2em; margin: 0 0.25em; border-bottom: 1.5pt dotted; } .toc .page { min-width: 2em; text-align: right; }
.table { break-before: page; font-size: 9pt; line-height: 10pt; }
.table .label { text-align: right; } .table .title { text-align: center; font-size: 14pt; line-height: 1.5; font-family: "SimHei", "黑体", sans-serif; }
.table .unit { display: flex; justify-content: space-between; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; } th, td { border: 0.5pt solid #000; padding: 0.5pt 3pt; }
td.num { text-align: right; white-space: nowrap; } .table p { text-indent: 0; }
figure { text-align: center; margin: 6pt 0; break-inside: avoid; } figcaption { font-size: 12pt; }
`;

/**
 * `tocPages`, when given, prints the 目录 as the PDF does: each line linked to its heading (id
 * toc1, toc2… as the Word bookmarks), dots and the page number found for that id. Chromium has no
 * CSS target-counter(), so the printer lays the page out once and fills the numbers in (pdf-pages.ts);
 * the number's room is kept while empty, so filling it moves nothing.
 */
export function toHtml(doc: ReportDoc, model: ModelView, chartSvg: (id: string) => string | undefined = () => undefined, tocPages?: ReadonlyMap<string, number>): string {
  const listed = doc.blocks.filter((block): block is Extract<Block, { kind: 'heading' }> => block.kind === 'heading' && block.level <= 2);
  const ids = new Map<Block, string>(listed.map((block, i) => [block, `toc${i + 1}`]));
  const out: string[] = [`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(doc.title)}</title><style>${STYLE}</style></head><body>`];
  out.push(`<div class="cover"><div>${escape(doc.unitName)}</div><div>${doc.fiscalYear}年度部门决算</div>${doc.coverLines.map((line) => `<div style="font-size:14pt">${escape(line)}</div>`).join('')}</div>`);
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'toc':
        out.push('<h1>目  录</h1><div class="toc">');
        for (const entry of listed) {
          const id = ids.get(entry)!;
          const text = escape(entry.text);
          const line = tocPages ? `<a href="#${id}"><span>${text}</span><span class="leader"></span><span class="page">${tocPages.get(id) ?? ''}</span></a>` : text;
          out.push(`<p class="l${entry.level}">${line}</p>`);
        }
        out.push('</div>');
        break;
      case 'heading':
        out.push(`<h${block.level}${ids.has(block) ? ` id="${ids.get(block)}"` : ''}>${escape(block.text)}</h${block.level}>`);
        break;
      case 'paragraph':
        for (const sentence of block.sentences) {
          const text = sentenceText(sentence);
          if (text) out.push(`<p>${escape(text)}</p>`);
        }
        break;
      case 'text':
        for (const line of (block.text.trim() || blankText(block.label)).split('\n')) if (line.trim()) out.push(`<p>${escape(line.trim())}</p>`);
        break;
      case 'chart':
        out.push(`<figure>${chartSvg(block.chart) ?? ''}<figcaption>${escape(block.caption)}</figcaption></figure>`);
        break;
      case 'table': {
        const def = TABLES.get(block.table)!;
        const printed = printTable(def, model);
        out.push(`<div class="table"><div class="label">${escape(block.label)}</div><div class="title">${escape(block.title)}</div><div class="unit"><span>部门:${escape(doc.unitName)}</span><span>金额单位:万元</span></div><table>${colgroup(printed)}<thead>`);
        for (const row of printed.header) out.push(`<tr>${row.map((head) => `<th colspan="${head.colSpan}" rowspan="${head.rowSpan}">${escape(head.text)}</th>`).join('')}</tr>`);
        out.push('</thead><tbody>');
        printed.body.forEach((_, index) => {
          const cells = lineCells(printed, index).map(({ column, span, text }) => `<td${span > 1 ? ` colspan="${span}"` : ''}${printed.numeric[column] ? ' class="num"' : ''}>${escape(text)}</td>`);
          out.push(`<tr>${cells.join('')}</tr>`);
        });
        out.push(`</tbody></table>${tableNotes(def, printed).map((note) => `<p>${escape(note)}</p>`).join('')}</div>`);
        break;
      }
    }
  }
  out.push('</body></html>');
  return out.join('\n');
}

/** The page's text width (A4, 20 mm margins) and half an em of the tables' 9 pt text, in twips. */
const TEXT_TWIPS = Math.round(((210 - 40) / 25.4) * 1440);
const HALF_EM_TWIPS = 90;

/**
 * The Word tables' column widths (column-widths.ts) as shares of the page: codes, 行次 and amounts
 * whole, the room left to the names and headers that would wrap. Left to itself the browser gave
 * empty amount columns the room and broke “科目代码” and 公开04表's 项目 over lines.
 */
function colgroup(printed: PrintedTable): string {
  const { widths } = fitColumns(columnNeeds(printed), HALF_EM_TWIPS, { portrait: TEXT_TWIPS, landscape: TEXT_TWIPS });
  const total = widths.reduce((sum, width) => sum + width, 0);
  return `<colgroup>${widths.map((width) => `<col style="width:${((100 * width) / total).toFixed(2)}%">`).join('')}</colgroup>`;
}

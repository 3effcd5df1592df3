/**
 * The 决算公开 document of a year file in each output format: Word, Markdown, printable HTML,
 * JSON (every sentence with the cells its numbers come from), and PDF printed by Chromium.
 */
import { ApiError } from '../../../shared/contract';
import { GLOSSARY_KEY, outlineFor, publishedDoc, reportBlock, sentenceSources, toHtml, toMarkdown, type ReportDoc } from '../../../shared/report';
import * as echarts from 'echarts';
import { chartSvg } from '../../../shared/report/chart-svg';
import { chartImages } from './chart-png';
import type { YearSession } from '../year-session';
import { writeDocx } from './docx';
import { destinationPages } from './pdf-pages';
import { PDF_PAGE, type PdfPrinter } from './pdf-page';
import { yearReport } from './source';

/** On a draft's cover: it is not the text to publish. */
const DRAFT_LINE = '(草稿:未经审核通过,不作为公开文本)';

export type ReportFormat = 'docx' | 'md' | 'html' | 'json' | 'pdf';

const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  pdf: 'application/pdf',
};

/**
 * The document in `format`. The 报送版 (not `draft`) is refused while 审核 has errors or, where the
 * region requires reasons, a sentence lacks its 主要原因 (gate.ts); a draft says so on its cover.
 * The --json listing is a check of the text, never a document: it is not gated.
 */
export async function exportReport(session: YearSession, format: ReportFormat, draft = false, printer: PdfPrinter = printWithChromium): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const report = yearReport(session);
  if (!draft && format !== 'json') {
    const errors = session.findings().filter((finding) => finding.severity === 'error').length;
    const blocked = reportBlock(errors, report.doc, outlineFor(session.info.template, session.info.formRegion));
    if (blocked) throw new ApiError('refused', blocked);
    report.doc = publishedDoc(report.doc);
  }
  if (draft) report.doc.coverLines = [...report.doc.coverLines, DRAFT_LINE];
  const name = `${report.doc.title}公开${draft ? '(草稿)' : ''}.${format}`;
  let bytes: Buffer;
  if (format === 'docx') bytes = await writeDocx(report, session.model, await chartImages(report.charts));
  else if (format === 'md') bytes = Buffer.from(toMarkdown(report.doc, session.model), 'utf8');
  else if (format === 'json') bytes = Buffer.from(JSON.stringify({ outline: report.doc.outline, sentences: sentenceSources(report.doc), texts: textSources(report.doc) }, null, 1), 'utf8');
  else {
    const html = (tocPages?: ReadonlyMap<string, number>) => toHtml(report.doc, session.model, (id) => chartSvg(echarts, report.charts.get(id)!), tocPages);
    bytes = format === 'html' ? Buffer.from(html(), 'utf8') : await printPdf(html, printer);
  }
  return { name, mime: MIME[format], bytes };
}

/** For --json: the 概况 texts as printed, a draft (carried, or the program's: `generated`) marked so. */
function textSources(doc: ReportDoc): { key: string; label: string; text: string; draft: boolean; generated?: true }[] {
  return doc.blocks.flatMap((block) => (block.kind === 'text' && block.key !== GLOSSARY_KEY ? [{ key: block.key, label: block.label, text: block.text, draft: block.draft, ...(block.generated ? { generated: true as const } : {}) }] : []));
}

/**
 * Chromium (CHROMIUM_PATH or /usr/bin/chromium) through playwright-core: the browser mode's and
 * the CLI's printer. One browser per document.
 */
async function printWithChromium(html: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const { margins, headerTemplate, footerTemplate } = PDF_PAGE;
    const mm = (value: number) => `${value}mm`;
    return await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate, footerTemplate, margin: { top: mm(margins.top), bottom: mm(margins.bottom), left: mm(margins.left), right: mm(margins.right) } });
  } finally {
    await browser.close();
  }
}

/**
 * The 目录's page numbers: printed with the numbers' room left empty, the PDF says on which page
 * each heading fell (its named destination); printed again with those numbers, the layout is the
 * same. Checked, not assumed: while a heading moved, it prints again (never more than 3 times).
 */
async function printPdf(html: (tocPages?: ReadonlyMap<string, number>) => string, printer: PdfPrinter): Promise<Buffer> {
  let tocPages = new Map<string, number>();
  for (let pass = 1; ; pass++) {
    const pdf = await printer(html(tocPages));
    const found = destinationPages(pdf);
    if (samePages(found, tocPages) || pass === 3) return pdf;
    tocPages = found;
  }
}

const samePages = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) => a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);

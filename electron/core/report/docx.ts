/**
 * The 决算公开 document as Word (.docx, opens in Word, WPS and LibreOffice): A4 portrait, 黑体
 * headings and 仿宋 text as official documents use, a 目录, the annex tables in their printed layout
 * (merged multi-level headers from the same declarations), charts as images, page numbers.
 */
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LeaderType,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  PageReference,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import { TABLES } from '../../../shared/tables';
import { blankText, columnBands, columnNeeds, fitColumns, printTable, sentenceText, tableNotes, type BuiltReport, type PrintedTable, type ReportDoc } from '../../../shared/report';
import type { ModelView } from '../../../shared/rules';
import { packZip, unpackZip } from '../xlsx/zip-check';
import { TABLE_STYLE, tableXml } from './docx-table';

const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong' };
const HEADING_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
/** Half-points: 三号 16pt text, 二号 22pt title, 小五 9pt in tables. */
const SIZE = { title: 44, h1: 32, h2: 32, h3: 32, body: 32, table: 18 };
/** A4 in twentieths of a point, 2.5 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1418 };
/** Text width between the margins, upright and turned. */
const TEXT_WIDTH = { portrait: PAGE.width - 2 * PAGE.margin, landscape: PAGE.height - 2 * PAGE.margin };
/** Half an em of the tables' 9 pt text, in twips: the unit of column widths (a Chinese character is 2). */
const TABLE_HALF_EM = (SIZE.table / 2) * 10;
/** Table lines, in twips: 10 pt for the 9 pt text. */
const TABLE_LINE = 200;

const run = (text: string, options: { heading?: boolean; size?: number; bold?: boolean } = {}) =>
  new TextRun({ text, font: options.heading ? HEADING_FONT : BODY_FONT, size: options.size ?? SIZE.body, bold: options.bold });

const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: { line: 560 } });

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A heading; `bookmark` names it for the 目录's page reference. */
function heading(level: 1 | 2 | 3, text: string, bookmark?: string, pageBreakBefore = false): Paragraph {
  const content = run(text, { heading: level < 3, size: level === 1 ? SIZE.h1 : SIZE.h2, bold: level === 3 });
  return new Paragraph({
    heading: HEADINGS[level],
    pageBreakBefore,
    // Never the last line of a page, away from the text it heads.
    keepNext: true,
    keepLines: true,
    alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: level === 1 ? undefined : { firstLine: 640 },
    spacing: { before: 240, after: 240 },
    children: [bookmark ? new Bookmark({ id: bookmark, children: [content] }) : content],
  });
}

/**
 * A 目录 line: the heading's text, dots, and its page number as official documents print it. The
 * number is a PAGEREF field to the heading's bookmark: word processors count it when they lay the
 * document out (LibreOffice always, Word when it updates the fields it is asked to on opening).
 */
function tocLine(level: number, text: string, bookmark: string): Paragraph {
  return new Paragraph({
    indent: { left: level === 2 ? 640 : 0 },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH.portrait, leader: LeaderType.DOT }],
    children: [run(text), new TextRun({ font: BODY_FONT, size: SIZE.body, children: [new Tab()] }), new PageReference(bookmark)],
  });
}

/**
 * The annex tables go in as XML of their own (docx-table.ts): each is a placeholder paragraph here,
 * replaced in word/document.xml once the package is written.
 */
class TablePlaceholders {
  readonly xml: string[] = [];

  add(xml: string): Paragraph {
    this.xml.push(xml);
    return new Paragraph({ children: [new TextRun(`${MARK}${this.xml.length - 1}${MARK}`)] });
  }

  /** The package with every placeholder paragraph replaced by its table. */
  fill(bytes: Buffer): Buffer {
    if (!this.xml.length) return bytes;
    const entries = unpackZip(bytes, { maxBytes: 1 << 30, maxEntries: 10_000 });
    const document = entries.find((entry) => entry.name === 'word/document.xml')!;
    let placed = 0;
    const xml = document.data.toString('utf8').replace(PLACEHOLDER, (_, index: string) => {
      placed++;
      return this.xml[Number(index)];
    });
    if (placed !== this.xml.length) throw new Error(`docx: ${placed} of ${this.xml.length} table placeholders found`);
    document.data = Buffer.from(xml, 'utf8');
    return packZip(entries, { level: 1, stored: (name) => name.startsWith('word/media/') });
  }
}

/** Private-use characters around a table's index: text no document of ours contains. */
const MARK = '\uE000';
const PLACEHOLDER = /<w:p><w:r><w:t xml:space="preserve">\uE000(\d+)\uE000<\/w:t><\/w:r><\/w:p>/g;

/**
 * The pages of the document as Word sections: upright, except a table too wide for an upright
 * page, which gets turned pages of its own. A section starts its own page.
 */
class Pages {
  readonly sections: { landscape: boolean; children: Paragraph[]; done?: boolean }[] = [{ landscape: false, children: [] }];

  private get last() {
    return this.sections[this.sections.length - 1];
  }

  /**
   * What is added next starts a new page, turned or upright. Returns whether its first paragraph
   * must break the page itself (pageBreakBefore): a paragraph holding only a page break would land
   * on a new page of its own after a full page (公开04表), leaving that page blank.
   */
  newPage(landscape = false): boolean {
    const last = this.last;
    if (last.landscape !== landscape || last.done) this.sections.push({ landscape, children: [] });
    else if (last.children.length) return true;
    return false;
  }

  add(...paragraphs: Paragraph[]): void {
    if (this.last.done) this.sections.push({ landscape: false, children: [] }); // what follows a turned table is upright
    this.last.children.push(...paragraphs);
  }

  /** Ends a turned table's pages. */
  endTurned(): void {
    if (this.last.landscape) this.last.done = true;
  }
}

function tableBlock(id: string, label: string, title: string, unitName: string, model: ModelView, tables: TablePlaceholders, pages: Pages): void {
  const def = TABLES.get(id)!;
  const printed = printTable(def, model);
  const fit = (part: PrintedTable, page = TEXT_WIDTH) => fitColumns(columnNeeds(part), TABLE_HALF_EM, page);
  const bands = fit(printed).overflow ? columnBands(printed, (band) => !fit(band).overflow) : [printed];
  const landscape = bands.some((band) => fit(band).landscape);
  // Every band on the pages the widest one needs, filling their width.
  const page = landscape ? { portrait: TEXT_WIDTH.landscape, landscape: TEXT_WIDTH.landscape } : TEXT_WIDTH;
  const pageBreakBefore = pages.newPage(landscape);
  pages.add(
    new Paragraph({ pageBreakBefore, alignment: AlignmentType.RIGHT, children: [run(label, { size: SIZE.table })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(title, { heading: true, size: 28 })] }),
    // As the workbook and the official tables print it: the unit on the left, 金额单位 on the right.
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait }],
      children: [new TextRun({ font: BODY_FONT, size: SIZE.table, children: [`部门:${unitName}`, new Tab(), '金额单位:万元'] })],
    }),
    // Bands one under the other, a line apart.
    ...bands.flatMap((band, i) => [...(i ? [new Paragraph({ children: [] })] : []), tables.add(tableXml(band, fit(band, page).widths))]),
    ...tableNotes(def, printed).map((note) => new Paragraph({ children: [run(note, { size: SIZE.table })] })),
  );
  pages.endTurned();
}

export interface ChartImages {
  /** PNG bytes per chart id, with their size in pixels. */
  get(id: string): { png: Buffer; width: number; height: number } | undefined;
}

export async function writeDocx(report: BuiltReport, model: ModelView, images?: ChartImages): Promise<Buffer> {
  const doc: ReportDoc = report.doc;
  // The headings the 目录 lists, each with a bookmark its page number refers to.
  const bookmarks = new Map(doc.blocks.filter((block) => block.kind === 'heading' && block.level <= 2).map((block, i) => [block, `toc${i + 1}`]));
  const tables = new TablePlaceholders();
  const pages = new Pages();
  pages.add(
    new Paragraph({ spacing: { before: 3000, after: 600 }, alignment: AlignmentType.CENTER, children: [run(doc.unitName, { heading: true, size: SIZE.title })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 1200 }, children: [run(`${doc.fiscalYear}年度部门决算`, { heading: true, size: SIZE.title })] }),
    ...doc.coverLines.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(line)] })),
  );
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'toc':
        pages.add(heading(1, '目  录', undefined, pages.newPage()));
        for (const entry of doc.blocks) if (entry.kind === 'heading' && entry.level <= 2) pages.add(tocLine(entry.level, entry.text, bookmarks.get(entry)!));
        break;
      case 'heading':
        pages.add(heading(block.level, block.text, bookmarks.get(block), block.level === 1 && pages.newPage()));
        break;
      case 'paragraph':
        for (const sentence of block.sentences) {
          const text = sentenceText(sentence);
          if (text) pages.add(body(text));
        }
        break;
      case 'text':
        for (const line of (block.text.trim() || blankText(block.label)).split('\n')) if (line.trim()) pages.add(body(line.trim()));
        break;
      case 'table':
        tableBlock(block.table, block.label, block.title, doc.unitName, model, tables, pages);
        break;
      case 'chart': {
        const image = images?.get(block.chart);
        if (image) {
          const width = 560;
          pages.add(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              keepNext: true, // the caption under it, on the same page
              children: [new ImageRun({ type: 'png', data: image.png, transformation: { width, height: Math.round((image.height * width) / image.width) } })],
            }),
          );
        }
        pages.add(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(block.caption, { size: 24 })] }));
        break;
      }
    }
  }
  const document = new Document({
    creator: '决算通',
    // Word counts the 目录's page numbers (PAGEREF fields) when it opens the document.
    features: { updateFields: true },
    title: doc.title,
    styles: {
      default: { document: { run: { font: BODY_FONT, size: SIZE.body } } },
      // Official documents print headings in black, not Word's theme blue.
      paragraphStyles: [
        ...([1, 2, 3] as const).map((level) => ({
          id: `Heading${level}`,
          name: `Heading ${level}`,
          basedOn: 'Normal',
          next: 'Normal',
          run: { color: '000000', font: level < 3 ? HEADING_FONT : BODY_FONT, size: SIZE.h1 },
        })),
        {
          id: TABLE_STYLE,
          name: '表格',
          basedOn: 'Normal',
          next: TABLE_STYLE,
          run: { color: '000000', font: BODY_FONT, size: SIZE.table },
          // Lines 10 pt apart whatever the font's own leading (a substitute for 仿宋 has more), so
          // 公开04表's 64 lines with their wrapped 项目 print on one upright page with their 注.
          paragraph: { spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT } },
        },
      ],
    },
    sections: pages.sections.map(({ landscape, children }) => ({
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
        },
      },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })] }) },
      children,
    })),
  });
  return tables.fill(await Packer.toBuffer(document));
}

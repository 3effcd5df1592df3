/**
 * An annex table as WordprocessingML (`<w:tbl>`), written straight from its printed layout.
 * Building thousands of cells through the docx package's object model took almost all of a large
 * year's document time; this writes the same XML the package wrote for our tables (fixed layout,
 * single borders, repeated header rows, merged header cells, rows kept whole), as text.
 */
import { CELL_PADDING, lineCells, type PrintedTable } from '../../../shared/report';

/** The paragraph style every table cell uses (declared in the document's styles). */
export const TABLE_STYLE = 'TableText';

const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const BORDERS = `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** Text content escaped; control characters Word cannot read are dropped. */
const escapeText = (text: string) => text.replace(/[&<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? '');

type Align = 'left' | 'center' | 'right';

function paragraph(text: string, align: Align, bold: boolean, keepNext = false): string {
  const run = bold ? '<w:r><w:rPr><w:b/><w:bCs/></w:rPr>' : '<w:r>';
  return `<w:p><w:pPr><w:pStyle w:val="${TABLE_STYLE}"/>${keepNext ? '<w:keepNext/>' : ''}<w:jc w:val="${align}"/></w:pPr>${run}<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r></w:p>`;
}

const sum = (widths: number[]) => widths.reduce((total, width) => total + width, 0);

/** The table of `printed` over columns of `columnWidths` twips. */
export function tableXml(printed: PrintedTable, columnWidths: number[]): string {
  const cellWidth = (column: number, span: number) => sum(columnWidths.slice(column, column + span));
  const tcPr = (column: number, span: number, merge?: 'restart' | 'continue', spanned = true) =>
    `<w:tcPr><w:tcW w:type="dxa" w:w="${cellWidth(column, span)}"/>${spanned ? `<w:gridSpan w:val="${span}"/>` : ''}${merge ? `<w:vMerge w:val="${merge}"/>` : ''}<w:vAlign w:val="center"/></w:tcPr>`;

  const margins = `<w:tblCellMar><w:left w:w="${CELL_PADDING}" w:type="dxa"/><w:right w:w="${CELL_PADDING}" w:type="dxa"/></w:tblCellMar>`;
  const parts: string[] = [`<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${sum(columnWidths)}"/>${BORDERS}<w:tblLayout w:type="fixed"/>${margins}</w:tblPr><w:tblGrid>`];
  for (const w of columnWidths) parts.push(`<w:gridCol w:w="${w}"/>`);
  parts.push('</w:tblGrid>');

  // Header cells merged downwards continue in the rows below as empty cells marked "continue".
  const continued = new Map<number, { column: number; span: number; rows: number }[]>();
  printed.header.forEach((row, r) => {
    const cells: { column: number; xml: string }[] = [];
    for (const below of continued.get(r) ?? []) cells.push({ column: below.column, xml: `<w:tc>${tcPr(below.column, below.span, 'continue')}<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p></w:tc>` });
    const taken = new Set(cells.map((cell) => cell.column));
    let column = 0;
    for (const head of row) {
      while (taken.has(column)) column += (continued.get(r) ?? []).find((below) => below.column === column)!.span;
      const merged = head.rowSpan > 1;
      cells.push({ column, xml: `<w:tc>${tcPr(column, head.colSpan, merged ? 'restart' : undefined)}${paragraph(head.text, 'center', true)}</w:tc>` });
      for (let next = 1; next < head.rowSpan; next++) {
        const list = continued.get(r + next) ?? [];
        list.push({ column, span: head.colSpan, rows: head.rowSpan - next });
        continued.set(r + next, list);
      }
      column += head.colSpan;
    }
    cells.sort((a, b) => a.column - b.column);
    parts.push('<w:tr><w:trPr><w:tblHeader/></w:trPr>', ...cells.map((cell) => cell.xml), '</w:tr>');
  });

  const cellProps = printed.numeric.map((_, c) => tcPr(c, 1, undefined, false));
  printed.body.forEach((_, index) => {
    parts.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    const last = index === printed.body.length - 1;
    for (const { column, span, text } of lineCells(printed, index)) {
      const props = span > 1 ? tcPr(column, span) : cellProps[column];
      parts.push(`<w:tc>${props}${paragraph(text, span > 1 ? 'center' : printed.numeric[column] ? 'right' : 'left', false, last)}</w:tc>`);
    }
    parts.push('</w:tr>');
  });
  parts.push('</w:tbl>');
  return parts.join('');
}

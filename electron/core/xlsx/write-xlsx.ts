/**
 * Renders sheet plans as an .xlsx workbook: the look of look.ts, live formulas with their cached
 * values, print setup, merged headers, optional protection, hidden sheets. The SpreadsheetML is
 * written here directly from the plans, one pass per sheet into one string, and zipped with
 * node:zlib: building exceljs' cell-by-cell object model first was nearly all of the export time of
 * a large year (2 s for 5,000 项 rows, 4 s for 1,000 forms). The parts and attributes are the ones
 * exceljs wrote, so Excel, WPS, LibreOffice and exceljs read the same workbook as before.
 */
import { formulaText } from './formulas';
import { FONT, GRID_LOOK, LOOKS, PAGE, SHADE, type Look, type WriteOptions } from './look';
import { titleRows, type SheetPlan } from './plan';
import { columnLetter } from './text';
import { assembleZip, deflateEntry } from './zip-check';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's built-in number formats we use; any other format gets an id from 164 on. */
const BUILTIN_FORMATS: Record<string, number> = { '#,##0.00': 4, '@': 49 };
/** Fastest deflate: the sheets are repetitive XML, so it compresses nearly as well at a fraction of the time. */
const DEFLATE_LEVEL = 1;

// XML 1.0 forbids these control characters outright; a pasted one must not make the workbook unreadable.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
export const escapeXml = (text: string) =>
  NEEDS_ESCAPE.test(text) ? text.replace(INVALID_XML, '').replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;')) : text;

/** One cell style as styles.xml stores it: font, fill, border, number format, alignment, protection. */
interface CellFormat {
  look: Look;
  border: boolean;
  /** Hex RGB of a solid fill. */
  fill?: string;
  /** Align and wrap per the look (the bare grid style of an empty body cell has none). */
  align: boolean;
  unlocked?: boolean;
}

/**
 * The workbook's styles: one xf per distinct cell format, with fonts, fills and number formats
 * deduplicated the way Excel expects (font 0, fills 0–1 and the empty border are the defaults).
 */
class StyleSheet {
  private fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private formats = new Map<string, number>();
  private xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private index = new Map<string, number>();

  /** The xf index of a format; `key` names it for reuse (the callers' formats are few and fixed). */
  id(key: string, make: () => CellFormat): number {
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.xfs.push(this.xf(make())) - 1;
      this.index.set(key, id);
    }
    return id;
  }

  private xf(format: CellFormat): string {
    const { look } = format;
    const font = this.add(
      this.fonts,
      `<font>${look.bold ? '<b/>' : ''}<charset val="${FONT.charset}"/>${look.color ? `<color rgb="FF${look.color}"/>` : ''}<sz val="${look.size}"/><name val="${FONT.name}"/></font>`,
    );
    const fill = format.fill ? this.add(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${format.fill}"/></patternFill></fill>`) : 0;
    const numFmt = format.align && look.numFmt ? this.numFmt(look.numFmt) : 0;
    const alignment = format.align ? `<alignment horizontal="${look.horizontal}" vertical="${look.vertical === 'middle' ? 'center' : look.vertical}"${look.wrap ? ' wrapText="1"' : ''}/>` : '';
    const protection = format.unlocked ? '<protection locked="0"/>' : '';
    const applies = [numFmt ? ' applyNumberFormat="1"' : '', ' applyFont="1"', fill ? ' applyFill="1"' : '', format.border ? ' applyBorder="1"' : '', alignment ? ' applyAlignment="1"' : '', protection ? ' applyProtection="1"' : ''].join('');
    const head = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${format.border ? 1 : 0}" xfId="0"${applies}`;
    return alignment || protection ? `${head}>${alignment}${protection}</xf>` : `${head}/>`;
  }

  private add(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    return at >= 0 ? at : list.push(xml) - 1;
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = 164 + this.formats.size));
    return id;
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>'
    );
  }
}

/** Shared strings: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private ids = new Map<string, number>();
  private count = 0;

  id(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }

  xml(): string {
    const items: string[] = [];
    for (const text of this.ids.keys()) items.push(/^\s|\s$/.test(text) ? `<si><t xml:space="preserve">${escapeXml(text)}</t></si>` : `<si><t>${escapeXml(text)}</t></si>`);
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.ids.size}">${items.join('')}</sst>`;
  }
}

function sheetXml(plan: SheetPlan, index: number, names: readonly string[], options: WriteOptions, styles: StyleSheet, strings: SharedStrings): string {
  // Per row: each column's style index and, unless empty, its content as XML (no object per cell).
  const styleAt: number[][] = [];
  const contentAt: (string | undefined)[][] = [];
  const setStyle = (row: number, col: number, style: number) => ((styleAt[row] ??= [])[col] = style);
  const gridStyle = styles.id('grid', () => ({ look: GRID_LOOK, border: true, align: false }));
  for (let row = plan.grid.first; row <= plan.grid.last; row++) for (let col = 1; col <= plan.width; col++) setStyle(row, col, gridStyle);
  // Style ids by look, then role and whether in the grid: no key string built per cell.
  const formats = new Map<string, number[]>();
  const sheetLogic = options.logic?.[index];
  for (let at = 0; at < plan.cells.length; at++) {
    const item = plan.cells[at];
    const logic = sheetLogic?.[at];
    const inGrid = item.row >= plan.grid.first && item.row <= plan.grid.last && item.col <= plan.width;
    const role = logic?.role;
    const slot = (role === 'input' ? 2 : role === 'computed' ? 4 : role === 'linked' ? 6 : 0) + (inGrid ? 1 : 0);
    const ofLook = formats.get(item.style) ?? formats.set(item.style, []).get(item.style)!;
    let style = ofLook[slot];
    if (style === undefined) {
      style = styles.id(`${item.style}|${role ?? ''}|${inGrid}`, () => ({ look: LOOKS[item.style], border: inGrid, align: true, fill: role === 'computed' || role === 'linked' ? SHADE[role] : undefined, unlocked: role === 'input' }));
      ofLook[slot] = style;
    }
    setStyle(item.row, item.col, style);
    const content = logic?.operands ? formulaXml(formulaText(logic.operands, names, index), item.value ?? 0) : item.value !== null ? valueXml(item.value, strings) : undefined;
    (contentAt[item.row] ??= [])[item.col] = content;
  }
  // A merged range shows its top-left cell; the covered cells take its style (borders on every edge) and no value.
  for (const range of plan.merges) {
    const style = styleAt[range.top]?.[range.left] ?? 0;
    for (let row = range.top; row <= range.bottom; row++) {
      for (let col = range.left; col <= range.right; col++) {
        if (row === range.top && col === range.left) continue;
        setStyle(row, col, style);
        if (contentAt[row]) contentAt[row][col] = undefined;
      }
    }
  }

  const hasHeader = plan.header.last >= plan.header.first;
  const parts: string[] = [`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`];
  const lastRow = Math.max(styleAt.length - 1, ...plan.rowHeights.keys(), 1);
  let lastCol = 1;
  for (const styles of styleAt) if (styles) lastCol = Math.max(lastCol, styles.length - 1);
  const letters = Array.from({ length: lastCol + 1 }, (_, col) => columnLetter(col));
  parts.push(`<dimension ref="A1:${columnLetter(lastCol)}${lastRow}"/>`);
  // A form has no repeated header block: nothing to freeze.
  parts.push(
    hasHeader
      ? `<sheetViews><sheetView workbookViewId="0" showGridLines="0"><pane ySplit="${plan.header.last}" topLeftCell="A${plan.header.last + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0" showGridLines="0"/></sheetViews>',
  );
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const hidden = new Set(plan.hiddenColumns ?? []);
  const cols: string[] = [];
  const colCount = Math.max(plan.columnWidths.length, ...hidden);
  for (let col = 1; col <= colCount; col++) {
    const width = plan.columnWidths[col - 1];
    if (width === undefined && !hidden.has(col)) continue;
    cols.push(`<col min="${col}" max="${col}" width="${width ?? 9}"${hidden.has(col) ? ' hidden="1"' : ''} customWidth="1"/>`);
  }
  if (cols.length) parts.push(`<cols>${cols.join('')}</cols>`);
  parts.push('<sheetData>');
  for (let row = 1; row <= lastRow; row++) {
    const styles = styleAt[row];
    const height = plan.rowHeights.get(row);
    if (!styles && height === undefined) continue;
    // One string per row: joining a part per cell (hundreds of thousands) was a third of this function.
    let line = height === undefined ? `<row r="${row}">` : `<row r="${row}" ht="${height}" customHeight="1">`;
    const contents = contentAt[row];
    if (styles) {
      for (let col = 1; col < styles.length; col++) {
        const style = styles[col];
        if (style === undefined) continue;
        const content = contents?.[col];
        line += content === undefined ? `<c r="${letters[col]}${row}" s="${style}"/>` : `<c r="${letters[col]}${row}" s="${style}"${content}</c>`;
      }
    }
    parts.push(`${line}</row>`);
  }
  parts.push('</sheetData>');
  // Without a password: the point is to keep totals from being typed over, not to hide anything.
  if (options.protect) parts.push('<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>');
  if (plan.merges.length) {
    parts.push(`<mergeCells count="${plan.merges.length}">`);
    for (const range of plan.merges) parts.push(`<mergeCell ref="${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${range.bottom}"/>`);
    parts.push('</mergeCells>');
  }
  const { left, right, top, bottom, header, footer } = PAGE.margins;
  parts.push(
    '<printOptions horizontalCentered="1"/>',
    `<pageMargins left="${left}" right="${right}" top="${top}" bottom="${bottom}" header="${header}" footer="${footer}"/>`,
    `<pageSetup paperSize="9" orientation="${plan.orientation ?? 'landscape'}" fitToWidth="1" fitToHeight="${plan.onePage ? 1 : 0}"/>`,
    `<headerFooter>${options.draft ? `<oddHeader>${escapeXml(PAGE.draftHeader)}</oddHeader>` : ''}<oddFooter>${escapeXml(PAGE.footer)}</oddFooter></headerFooter>`,
    // A break's id is the last row above it.
    plan.pageBreaks?.length ? `<rowBreaks count="${plan.pageBreaks.length}" manualBreakCount="${plan.pageBreaks.length}">${plan.pageBreaks.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>` : '',
    '</worksheet>',
  );
  return parts.join('');
}

/** What follows a cell's style attribute: its type, if any, then its value (a text goes to the shared strings). */
function valueXml(value: string | number, strings: SharedStrings): string {
  return typeof value === 'number' ? `><v>${value}</v>` : ` t="s"><v>${strings.id(value)}</v>`;
}

/** A formula with the engine's value as its cached result (a text result is stored in place). */
function formulaXml(formula: string, result: string | number): string {
  const f = `<f>${escapeXml(formula)}</f>`;
  return typeof result === 'number' ? `>${f}<v>${result}</v>` : ` t="str">${f}<v>${escapeXml(result)}</v>`;
}

/** Print titles (the header block) and print areas (a form without its hidden data column), per sheet. */
function definedNames(plans: readonly SheetPlan[]): string {
  const names: string[] = [];
  plans.forEach((plan, index) => {
    const sheet = `'${plan.name.replace(/'/g, "''")}'`;
    const titles = titleRows(plan);
    if (titles) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${sheet}!$${titles.first}:$${titles.last}`)}</definedName>`);
    if (plan.hiddenColumns?.length) {
      // The printed page is the form itself, never the hidden data beside it.
      const lastRow = Math.max(1, ...plan.cells.filter((cell) => cell.col <= plan.width).map((cell) => cell.row));
      names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(`${sheet}!$A$1:$${columnLetter(plan.width)}$${lastRow}`)}</definedName>`);
    }
  });
  return names.length ? `<definedNames>${names.join('')}</definedNames>` : '';
}

export async function writeXlsx(plans: SheetPlan[], options: WriteOptions): Promise<Buffer> {
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const names = plans.map((plan) => plan.name);
  // Each sheet is compressed on the thread pool while the next one is built (zip-check.ts).
  const sheets = plans.map((plan, index) => deflateEntry(`xl/worksheets/sheet${index + 1}.xml`, Buffer.from(sheetXml(plan, index, names, options, styles, strings)), DEFLATE_LEVEL));
  const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    plans.map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${sheetType}"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
  const rootRels =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
  // Fixed dates keep the output a function of the data (equal years give equal bytes).
  const date = '2000-01-01T00:00:00Z';
  const core =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${escapeXml(options.creator)}</dc:creator><dc:title>${escapeXml(options.properties?.title ?? '')}</dc:title><cp:keywords>${escapeXml(options.properties?.keywords ?? '')}</cp:keywords>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`;
  const app =
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${escapeXml(options.creator)}</Application><TitlesOfParts><vt:vector size="${plans.length}" baseType="lpstr">${names.map((name) => `<vt:lpstr>${escapeXml(name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`;
  const workbook =
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    plans.map((plan, index) => `<sheet name="${escapeXml(plan.name)}" sheetId="${index + 1}"${plan.hidden ? ' state="hidden"' : ''} r:id="rId${index + 3}"/>`).join('') +
    `</sheets>${definedNames(plans)}<calcPr calcId="171027"/></workbook>`;
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    plans.map((_, index) => `<Relationship Id="rId${index + 3}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join('') +
    '</Relationships>';
  const text = (name: string, xml: string) => deflateEntry(name, Buffer.from(xml), DEFLATE_LEVEL);
  return assembleZip(
    await Promise.all([
      text('[Content_Types].xml', contentTypes),
      text('_rels/.rels', rootRels),
      text('docProps/core.xml', core),
      text('docProps/app.xml', app),
      text('xl/workbook.xml', workbook),
      text('xl/_rels/workbook.xml.rels', workbookRels),
      text('xl/styles.xml', styles.xml()),
      text('xl/sharedStrings.xml', strings.xml()),
      ...sheets,
    ]),
  );
}

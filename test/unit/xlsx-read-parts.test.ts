/**
 * The one-pass .xlsx reader on the forms of SpreadsheetML other tools write: namespace prefixes,
 * inline and rich strings with phonetic runs, cells and rows without positions, dates by number
 * format, booleans and error values, formulas with and without a saved result, merged ranges whose
 * covered cells carry values of their own, entities. Each is read as the importer expects.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook, type SheetGrid } from '../../electron/core/xlsx/read';
import { zipOf } from '../fixtures/xlsx/malformed';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbook(sheetXml: string, { prefix = '', strings = '', styles = '', keywords = '' } = {}): Buffer {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const text = (name: string, xml: string) => ({ name, data: Buffer.from(xml) });
  return zipOf([
    text('[Content_Types].xml', '<Types/>'),
    text('xl/workbook.xml', `<${p}workbook ${ns} xmlns:r="${REL}"><${p}sheets><${p}sheet name="甲 &amp; 乙" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`),
    text('xl/_rels/workbook.xml.rels', `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`),
    text('xl/sharedStrings.xml', `<${p}sst ${ns}>${strings}</${p}sst>`),
    text('xl/styles.xml', `<${p}styleSheet ${ns}>${styles}</${p}styleSheet>`),
    text('xl/worksheets/sheet1.xml', `<${p}worksheet ${ns}><${p}sheetData>${sheetXml}</${p}sheetData></${p}worksheet>`),
    text('docProps/core.xml', `<cp:coreProperties xmlns:cp="x"><cp:keywords>${keywords}</cp:keywords></cp:coreProperties>`),
  ]);
}

async function grid(bytes: Buffer): Promise<SheetGrid> {
  const read = await readWorkbook(bytes, 'x.xlsx');
  return read.sheets[0];
}

describe('reading an .xlsx in one pass', () => {
  it('reads shared, rich and inline strings (phonetic runs left out), with entities, and the unit code', async () => {
    const strings = '<si><t>合计</t></si><si><r><t>一般</t></r><r><t xml:space="preserve">公共 &lt;服务&gt;</t></r><rPh><t>いっぱん</t></rPh></si>';
    const sheet = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>手写&#x4E00;</t></is></c></row>';
    const read = await readWorkbook(workbook(sheet, { strings, keywords: '单位代码:158001' }), 'x.xlsx');
    expect(read.sheets[0].name).toBe('甲 & 乙');
    expect(read.sheets[0].rows[1]).toEqual([
      { kind: 'text', value: '合计' },
      { kind: 'text', value: '一般公共 <服务>' },
      { kind: 'text', value: '手写一' },
    ]);
    expect(read.unitCode).toBe('158001');
  });

  it('places cells and rows that do not state their position after the previous ones', async () => {
    const sheet = '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>';
    const rows = (await grid(workbook(sheet))).rows;
    expect(rows[0].map((cell) => cell && 'value' in cell && cell.value)).toEqual([1, 2]);
    expect(rows[1][2]).toEqual({ kind: 'number', value: 3, text: '3' });
    expect(rows[1][3]).toEqual({ kind: 'number', value: 4, text: '4' });
  });

  it('reads a namespace-prefixed workbook the same way', async () => {
    const sheet = '<x:row r="1"><x:c r="B1"><x:v>12.5</x:v></x:c></x:row>';
    expect((await grid(workbook(sheet, { prefix: 'x' }))).rows[0][1]).toEqual({ kind: 'number', value: 12.5, text: '12.5' });
  });

  it('tells dates, booleans, error values and unsaved formulas from amounts; formulas count by their saved result', async () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/></cellXfs>';
    const sheet =
      '<row r="1"><c r="A1" s="1"><v>45291</v></c><c r="B1" s="2"><v>45291</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#DIV/0!</v></c>' +
      '<c r="E1"><f>SUM(A2:A3)</f></c><c r="F1" s="0"><f>SUM(A2:A3)</f><v>0</v></c><c r="G1" t="str"><f>A2&amp;"x"</f><v>1x</v></c><c r="H1"><v>19,1</v></c><c r="I1" t="d"><v>2023-12-31</v></c></row>';
    expect((await grid(workbook(sheet, { styles }))).rows[0]).toEqual([
      { kind: 'invalid', value: '2023-12-31' },
      { kind: 'invalid', value: '2023-12-31' },
      { kind: 'invalid', value: 'TRUE' },
      { kind: 'invalid', value: '#DIV/0!' },
      { kind: 'formula' },
      { kind: 'number', value: 0, formula: true, text: '0' },
      { kind: 'text', value: '1x', formula: true },
      { kind: 'text', value: '19,1' },
      { kind: 'text', value: '2023-12-31' },
    ]);
  });

  it('shows a merged range by its top-left cell only, and ignores a merge larger than any heading', async () => {
    const sheet =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>收入</t></is></c><c r="B1" t="inlineStr"><is><t>收入</t></is></c><c r="C1"><v>5</v></c></row>' +
      '</sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="A3:Z9999"/></mergeCells><sheetData>';
    const read = await grid(workbook(sheet));
    expect(read.rows[0][1]).toBeUndefined();
    expect(read.rows[0][2]).toEqual({ kind: 'number', value: 5, text: '5' });
    expect(read.mergedInto.get('1,2')).toEqual([1, 1]);
    expect(read.mergedInto.get('2,2')).toEqual([1, 1]);
    expect(read.mergedInto.has('4,2')).toBe(false);
  });

  it('reads attributes as XML writes them: either quotes, spaces around "=", the first of two; never text inside another value', async () => {
    const sheet =
      "<row r = '1'><c x=' r=\"Z9\" t=\"s\"' r='B1'><v>7</v></c><c r=\"C1\" r=\"E1\" t = \"inlineStr\" ><is><t>甲</t></is></c><c\tr=\"D1\"/></row>" +
      '<row r="3"><c r="AB3"><v>-1.5</v></c><c r=$C$3 r="C3"><v>2</v></c></row>';
    const rows = (await grid(workbook(sheet))).rows;
    expect(rows[0][1]).toEqual({ kind: 'number', value: 7, text: '7' });
    expect(rows[0][2]).toEqual({ kind: 'text', value: '甲' });
    expect(rows[0].length).toBe(3);
    expect(rows[2][27]).toEqual({ kind: 'number', value: -1.5, text: '-1.5' });
    // An unquoted value is no attribute: the quoted one after it places the cell.
    expect(rows[2][2]).toEqual({ kind: 'number', value: 2, text: '2' });
  });

  it('refuses a sheet whose XML was cut off, naming the file', async () => {
    const bytes = zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c>`) },
    ]);
    await expect(readWorkbook(bytes, 'cut.xlsx')).rejects.toThrow('文件 cut.xlsx:文件已损坏,无法读取');
  });
});

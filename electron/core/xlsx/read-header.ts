/**
 * The top of a located table: the preamble (unit line, amount unit, year), the header block and
 * the 栏次 line, and which sheet column holds each column of the printed layout — the same
 * `printedLayout` the grid and the exporter use, so there is no second description of any table.
 */
import { printedLayout, type LayoutColumn, type PrintedLayout, type TableDef } from '../../../shared/tables';
import { gridWidth, rowTexts, type Block } from './locate';
import { shownAt, textOf } from './read';
import type { BlockInfo, Findings } from './read-table';
import { ALL_WORDINGS, looseMatch, otherFigureIn, strictMatch } from './header-match';
import { columnLetter, message, norm } from './text';

export interface Header {
  layout: PrintedLayout;
  /** Layout column id → sheet column (1-based). */
  mapped: Map<string, number>;
  bodyStart: number;
  width: number;
  /** The sheet states 金额单位:元: cells count whole 元. */
  yuan: boolean;
  info: BlockInfo;
  /** The 功能分类 code printed in parts (类 | 款 | 项): their sheet columns. */
  codeParts?: number[];
  /**
   * Sheet columns read as nothing, named once in the preview with their count of numbers: under
   * another figure than the 决算 (年初预算数, 上年数…), or hidden beside the visible column of that header.
   */
  setAside: Map<number, string>;
}

/** Header texts that name key columns, as other tools and clerks write them. */
export const KEY_NAMES: Record<Exclude<LayoutColumn['kind'], 'value'>, string[]> = {
  label: ['项目', '项目名称', '科目名称', '科目'],
  rowno: ['行次', '行号'],
  code: ['科目代码', '代码', '科目编码', '编码', '科目编号', '功能分类科目代码', '经济分类科目代码'],
  // The last three hold the code and the name in one cell ("2010301 行政运行"), as hand-made tables print them.
  name: ['科目名称', '名称', '项目名称', '项目', '科目', '科目编码及名称', '科目代码及名称', '功能分类科目'],
};

export const isInt = (text: string) => /^\d+$/.test(text);

/** Published layouts print the 功能分类 code in three columns headed 类 | 款 | 项. */
const CODE_PARTS = ['类', '款', '项'];

const columnsFrom = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

export function readHeader(block: Block, file: string, out: Findings): Header | null {
  const { grid, def, start, end } = block;
  const failures = out.errors.length;
  const fail = (row: number, reason: string) => out.errors.push(message({ file, sheet: grid.name, row }, reason));
  const width = gridWidth(grid, start, end);
  const layout = printedLayout(def, []);
  const headerWords = new Set([...layout.columns.flatMap((column) => column.header.map(norm)), ...Object.values(KEY_NAMES).flat(), ...ALL_WORDINGS, ...CODE_PARTS, '栏次']);

  // Preamble, down to the first row with a header word.
  const info: BlockInfo = {};
  /** The unit the preamble states ("金额单位:元", "单位:万元"), if any. */
  let lineUnit: string | undefined;
  let headerStart = 0;
  for (let r = start; r < Math.min(end, start + 15) && !headerStart; r++) {
    for (let c = 1; c <= width; c++) {
      const raw = textOf(grid.rows[r - 1]?.[c - 1]).trim();
      const text = norm(raw);
      const amountUnit = statedAmountUnit(text);
      const unit = /^\s*(?:部门|单位|编制单位|单位名称|填报单位)\s*[::]\s*(.+)$/.exec(raw);
      if (unit && !text.startsWith('金额') && !(amountUnit && text.startsWith(`单位:${amountUnit}`))) {
        info.unitName = unit[1].replace(/\s*(?:金额)?单位\s*[::].*$/, '').trim();
      }
      if (amountUnit === '元' || amountUnit === '万元') lineUnit = amountUnit;
      else if (amountUnit) fail(r, `不支持的金额单位“${amountUnit}”,请换算为万元后再导入`);
      const year = /(20\d\d)年/.exec(text);
      if (year && !info.fiscalYear) info.fiscalYear = Number(year[1]);
    }
    if (rowTexts(grid, r, width).some((text) => headerWords.has(text))) headerStart = r;
  }
  if (!headerStart) {
    fail(start, `找到了${def.id}的表号或表名,但找不到表头(如“项目”“行次”“科目代码”),无法识别此表`);
    return null;
  }

  // The 栏次 line: labelled "栏次", or (公开09表) bare numbers 1, 2, 3… and nothing else.
  const ownInt = (r: number, c: number) => {
    const text = norm(textOf(grid.rows[r - 1]?.[c - 1]));
    return isInt(text) ? Number(text) : undefined;
  };
  let colNoRow = 0;
  for (let r = headerStart; r < Math.min(end, headerStart + 8) && !colNoRow; r++) {
    const texts = rowTexts(grid, r, width);
    const numbers = texts.map((_, c) => ownInt(r, c + 1)).filter((n): n is number => n !== undefined);
    const onlyNumbers = texts.every((text, c) => !text || text === '栏次' || ownInt(r, c + 1) !== undefined);
    if (texts.includes('栏次') || (onlyNumbers && numbers.length >= 2 && numbers.every((n, i) => n === i + 1))) colNoRow = r;
  }
  // Without one (公开06表), the header is the run of rows with header words and no numbers.
  let bodyStart = colNoRow + 1;
  if (!colNoRow) {
    const numeric = (r: number) => (grid.rows[r - 1] ?? []).some((cell) => cell?.kind === 'number' || /^[\d.,]+$/.test(norm(textOf(cell))));
    // An empty table's 合计 line (one text merged across, no numbers) is not a header row.
    const headerRow = (r: number) => {
      const texts = rowTexts(grid, r, width);
      return texts.some((text) => headerWords.has(text)) && new Set(texts.filter(Boolean)).size > 1 && !numeric(r);
    };
    // Below them, a line naming only sub-columns (人员经费 | 公用经费 under 基本支出), its key columns
    // blank and no numbers, is header too: its words tell the sub-columns from the whole.
    const subHeaderRow = (r: number) => {
      const texts = rowTexts(grid, r, width);
      return !texts[0] && !texts[1] && texts.some(Boolean) && !numeric(r);
    };
    for (bodyStart = headerStart; bodyStart < end && headerRow(bodyStart); ) bodyStart++;
    while (bodyStart > headerStart && bodyStart < end && subHeaderRow(bodyStart)) bodyStart++;
  }
  const headerEnd = colNoRow || bodyStart;
  // A header may state the unit itself ("金额(万元)", "决算数(元)"): the words are matched without it.
  const headerUnits = new Map<number, string>();
  const paths = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (let r = headerStart; r < headerEnd; r++) {
      const shown = norm(textOf(shownAt(grid, r, c + 1)));
      const unit = /\((万?元)\)$/.exec(shown);
      if (unit) headerUnits.set(c + 1, unit[1]);
      const text = unit && unit.index ? shown.slice(0, unit.index) : shown;
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    return parts;
  });

  const mapped = mapValueColumns(layout, paths, colNoRow ? (c) => ownInt(colNoRow, c) : () => undefined, grid.hiddenCols);
  // Key columns lie between the previous side's values and this side's (公开01表's two 行次 columns stay apart).
  const sides = Math.max(...layout.columns.map((column) => column.side)) + 1;
  const taken = () => new Set(mapped.values());
  for (let side = 0, from = 1; side < sides; side++) {
    const values = layout.columns.filter((c) => c.side === side && c.kind === 'value').flatMap((c) => mapped.get(c.id) ?? []);
    const until = values.length ? Math.min(...values) : width + 1;
    for (const column of layout.columns.filter((c) => c.side === side && c.kind !== 'value')) {
      const names = [...KEY_NAMES[column.kind as keyof typeof KEY_NAMES], norm(column.header[column.header.length - 1])];
      for (let c = from; c < until; c++) {
        if (!taken().has(c) && names.includes(paths[c - 1][paths[c - 1].length - 1] ?? '')) {
          mapped.set(column.id, c);
          from = c + 1;
          break;
        }
      }
    }
    if (values.length) from = Math.max(...values) + 1;
  }

  const codeParts = def.kind === 'functional' ? splitCodeColumns(paths, mapped, grid, headerEnd - 1) : undefined;
  const valueColumns = layout.columns.filter((column) => column.kind === 'value');
  // One header merged over several columns with nothing under it to tell them apart (基本支出 over
  // 人员经费 | 公用经费, no 小计): taking the first would import a part as the whole.
  const master = (c: number) => grid.mergedInto.get(`${headerEnd - 1},${c}`)?.join(',') ?? `${headerEnd - 1},${c}`;
  for (const column of valueColumns.filter((column) => mapped.has(column.id))) {
    const c = mapped.get(column.id)!;
    const spanned = columnsFrom(1, width).filter((other) => master(other) === master(c) && paths[other - 1].join('/') === paths[c - 1].join('/'));
    if (spanned.length > 1) {
      fail(headerEnd - 1, `${def.id}第 ${column.col} 栏“${paths[c - 1].join('/')}”的表头合并了 ${spanned.map(columnLetter).join('、')} 列,无法确定是哪一列(如基本支出分为人员经费、公用经费而没有小计):请插入一列小计,或合为一列后再导入`);
    }
  }
  const missing = valueColumns.filter((column) => !mapped.has(column.id));
  if (missing.length === valueColumns.length) {
    fail(headerStart, `无法识别${def.id}的表头:没有找到任何金额栏(栏次或列名)`);
    return null;
  }
  // Computed columns are recomputed from the details, so a sheet may leave them out.
  // A 栏次 printed in several groups (公开06表) needs only one of them: rows are found by code.
  const elsewhere = (column: LayoutColumn) => layout.columns.some((other) => other.col === column.col && mapped.has(other.id));
  for (const column of missing.filter((column) => isInputColumn(def, column.col!) && !elsewhere(column))) {
    // Printed only in parts (基本支出 › 人员经费 | 公用经费): say so, the clerk can add the 小计.
    const word = norm(column.header[column.header.length - 1]);
    const parts = paths.flatMap((path, i) => (path.includes(word) && path[path.length - 1] !== word ? [`${columnLetter(i + 1)}列“${path[path.length - 1]}”`] : []));
    const split = parts.length ? `:表上“${word}”分为 ${parts.join('、')},没有小计;请插入一列“${word}”小计后再导入` : '';
    fail(headerStart, `找不到${def.id}“${column.header.join('/')}”(第 ${column.col} 栏)所在的列${split}`);
  }
  for (let side = 0; side < sides; side++) {
    const keys = layout.columns.filter((c) => c.side === side && c.kind !== 'value');
    // Rows keyed by 经济分类 code are found whichever group they print in (公开06表 in two groups).
    const optional = def.kind === 'fixed' && def.sides[side].keyColumns === 'code-name' && !layout.columns.some((c) => c.side === side && mapped.has(c.id));
    if (keys.length && !optional && !keys.some((c) => mapped.has(c.id)) && !codeParts) fail(headerStart, `找不到${def.id}第 ${side + 1} 组的行次、项目或科目代码列`);
  }
  const units = new Set([lineUnit, ...[...mapped.values()].map((c) => headerUnits.get(c))].filter((unit) => unit !== undefined));
  if (units.size > 1) fail(headerStart, `金额单位前后不一致(${[...units].join('、')}),请统一为万元后再导入`);
  if (out.errors.length > failures) return null;
  const yuan = units.has('元');
  if (yuan) out.warnings.push(message({ file, sheet: grid.name }, `${def.id}金额单位为元,已换算为万元`));
  const setAside = new Map<number, string>();
  paths.forEach((path, i) => {
    const figure = otherFigureIn(path);
    if (taken().has(i + 1)) return;
    if (figure) setAside.set(i + 1, `“${figure}”栏不是本表的决算数`);
    else if (grid.hiddenCols?.has(i + 1)) setAside.set(i + 1, `隐藏列${path.length ? `“${path.join('/')}”` : ''}`);
  });
  return { layout, mapped, bodyStart, width, yuan, info, codeParts, setAside };
}

/**
 * Which sheet column holds each value column, left to right: by 栏次 number where the header agrees,
 * else by header text. Visible columns first: a hidden one under the same header (a stale copy, a
 * helper column) is taken only for a column no visible one matches.
 */
function mapValueColumns(layout: PrintedLayout, paths: string[][], colNo: (c: number) => number | undefined, hidden = new Set<number>()): Map<string, number> {
  const mapped = new Map<string, number>();
  const width = paths.length;
  for (const visibleOnly of [true, false]) {
    let cursor = 1;
    for (const column of layout.columns.filter((c) => c.kind === 'value')) {
      const already = mapped.get(column.id);
      if (already) {
        cursor = already + 1;
        continue;
      }
      const free = (c: number) => !(visibleOnly && hidden.has(c)) && ![...mapped.values()].includes(c);
      const numbered = (c: number) => isInt(column.col!) && colNo(c) === Number(column.col);
      const found =
        columnsFrom(1, width).find((c) => free(c) && numbered(c) && strictMatch(paths[c - 1], column.header)) ??
        columnsFrom(1, width).find((c) => free(c) && strictMatch(paths[c - 1], column.header)) ??
        columnsFrom(cursor, width).find((c) => free(c) && numbered(c) && (!paths[c - 1].length || looseMatch(paths[c - 1], column.header))) ??
        columnsFrom(cursor, width).find((c) => free(c) && looseMatch(paths[c - 1], column.header));
      if (found) {
        mapped.set(column.id, found);
        cursor = found + 1;
      }
    }
  }
  return mapped;
}

/**
 * The amount unit a preamble cell states (in its comparable form): "金额单位:万元", or "单位:元" /
 * "(单位:万元)" as many published tables print it — a plain "单位:" line states the amount unit only
 * when its text is a money unit, else it names the department ("单位:某某局"); the colon keeps
 * header words like "附属单位上缴收入" out. 人民币元 is 元.
 */
export function statedAmountUnit(text: string): string | undefined {
  const stated = /(金额单位):?\(?([^:]*?)\)?$|单位:\(?([^:]*?)\)?$/.exec(text);
  const unit = (stated?.[2] ?? stated?.[3])?.replace(/^人民币/, '');
  if (!unit) return undefined;
  return stated![1] || /元$/.test(unit) ? unit : undefined;
}

function isInputColumn(def: TableDef, col: string): boolean {
  if (def.kind === 'functional') return def.leaf[col]?.role === 'input';
  return def.rows.some((row) => row.cells[col]?.role === 'input');
}

/**
 * The 功能分类 code printed in parts: three columns headed 类 | 款 | 项, or one 科目代码 header merged
 * over three columns. Returns the part columns (the code column itself becomes the first part).
 */
function splitCodeColumns(paths: string[][], mapped: Map<string, number>, grid: Block['grid'], headerLast: number): number[] | undefined {
  const leaf = (c: number) => paths[c - 1]?.[paths[c - 1].length - 1];
  const start = paths.findIndex((_, i) => leaf(i + 1) === '类' && leaf(i + 2) === '款' && leaf(i + 3) === '项');
  if (start >= 0) {
    const parts = [start + 1, start + 2, start + 3];
    mapped.delete('s0-code');
    mapped.set('s0-code', parts[0]);
    return parts;
  }
  const code = mapped.get('s0-code');
  if (!code) return undefined;
  const master = (c: number) => grid.mergedInto.get(`${headerLast},${c}`)?.join(',') ?? `${headerLast},${c}`;
  const parts = [code, code + 1, code + 2].filter((c) => master(c) === master(code));
  return parts.length > 1 && ![...mapped.values()].some((c) => c !== code && parts.includes(c)) ? parts : undefined;
}

/**
 * The printed sheet of one annex table, as plain data: which text or number goes in which cell,
 * which cells merge, how wide each column is. Derived from `printedLayout` (the same layout the
 * grid shows) so the .xlsx and .xls writers only render it and never decide layout themselves.
 */
import { SCALE, type Amount } from '../../../shared/money';
import { TOTAL, printedLayout, type LayoutColumn, type ResolvedRow, type TableDef, type YearModel } from '../../../shared/tables';
import { DRAFT } from './text';

export type CellStyle =
  | 'draft' | 'label' | 'title' | 'unit' | 'amountUnit' | 'header' | 'colno' | 'text' | 'center' | 'code' | 'amount' | 'note'
  /** A weight or score: right-aligned, shortest form (7.1, 3.64). */
  | 'number'
  /** Machine-readable data in a hidden column: never wrapped, so it cannot stretch a row. */
  | 'data';

export interface PlanCell {
  row: number;
  col: number;
  value: string | number | null;
  style: CellStyle;
  /** An amount cell: the table row and 栏次 it prints (the writers derive its formula and role from them). */
  ref?: { row: string; col: string };
  /** A balance as the imported workbook stated it (STATED_BALANCES): a plain number, not a formula. */
  stated?: true;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetPlan {
  /** Sheet name: the printed label (公开01表 / 表一), with the draft mark when drafting. */
  name: string;
  table: string;
  width: number;
  cells: PlanCell[];
  merges: Range[];
  /** Excel character widths per column (1-based index − 1). */
  columnWidths: number[];
  rowHeights: Map<number, number>;
  /** Header block including the 栏次 line: repeated on every printed page and frozen on screen. */
  header: { first: number; last: number };
  /** Rows that start a printed page, where the exporter breaks the pages itself (a 自评表: form-pages.ts). */
  pageBreaks?: number[];
  /** Rows that get the thin grid: header block through the last body line. */
  grid: { first: number; last: number };
  /** Default landscape (the annex tables are wide); a narrow form prints portrait. */
  orientation?: 'portrait' | 'landscape';
  /** Columns (1-based) hidden on screen and left out of the print area. */
  hiddenColumns?: number[];
  /** Fit the whole sheet on one printed page (fixed tables such as 公开01/04表); otherwise one page wide. */
  onePage?: boolean;
  /** Kept in the workbook but never printed (the 报送版's 审核说明). */
  hidden?: boolean;
}

/**
 * Header paths → merged cells, from row `top` over `depth` rows: equal neighbouring parts merge
 * across, a path shorter than the block runs down to its bottom. Each item spans `left…right`.
 */
export function placeHeaders(
  items: ReadonlyArray<{ left: number; right: number; header: readonly string[] }>,
  top: number,
  depth: number,
  put: (row: number, col: number, text: string) => void,
  merge: (top: number, left: number, bottom: number, right: number) => void,
  level = 0,
): void {
  for (let i = 0; i < items.length; ) {
    const item = items[i];
    if (item.header.length <= level + 1) {
      put(top + level, item.left, item.header[item.header.length - 1] ?? '');
      merge(top + level, item.left, top + depth - 1, item.right);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < items.length && items[j].header.length > level + 1 && items[j].header[level] === item.header[level]) j++;
    put(top + level, item.left, item.header[level]);
    merge(top + level, item.left, top + level, items[j - 1].right);
    placeHeaders(items.slice(i, j), top, depth, put, merge, level + 1);
    i = j;
  }
}

export interface PlanContext {
  label: string;
  unitName: string;
  draft: boolean;
  /** The table's computed cells as an imported workbook printed them ("row|col" → amount). */
  printed?: ReadonlyMap<string, Amount>;
}

/**
 * A fixed table of at most this many printed lines goes on one A4 landscape page (公开01/04/06/09表,
 * 川09表); longer ones (川05/07表, 86 economic codes) print one page wide over several pages.
 */
const ONE_PAGE_LINES = 40;

/**
 * Balances the source states (公开04表 r60 年末结转和结余, 公开07表 栏 6): where the imported workbook
 * printed one, that value prints, never a balance nobody entered (0.01 left by the details'
 * rounding); R-I01 reports the difference until the clerk accepts the computed value.
 */
const STATED_BALANCES: Record<string, (row: string, col: string) => boolean> = {
  公开04表: (row) => row === '60',
  公开07表: (_row, col) => col === '6',
};

const WIDTH: Record<LayoutColumn['kind'], number> = { label: 34, rowno: 6, code: 11, name: 30, value: 14 };

/** Which rows of a functional table print: 合计 always, 项 rows with a non-zero cell, and their 款 / 类 (SPEC §1.10). */
export function printedRows(def: TableDef, model: YearModel): ResolvedRow[] {
  const rows = model.rows(def.id);
  if (def.kind !== 'functional') return rows;
  const shown = new Set<string>([TOTAL]);
  for (const row of rows) {
    if (row.level !== 3) continue;
    if (Object.keys(row.rules).some((col) => (model.value(def.id, row.key, col) ?? 0) !== 0)) {
      for (const key of [row.key.slice(0, 3), row.key.slice(0, 5), row.key]) shown.add(key);
    }
  }
  return rows.filter((row) => shown.has(row.key));
}

/**
 * The exact stored decimal as a number, converted only here at the edge: 710.8078 stays 710.8078.
 * One correctly rounded division gives the double nearest to the exact quotient, which is the very
 * double Number(formatAmount(value)) parses (test/unit/xlsx-excel-number.test.ts), without
 * printing and parsing a text for each of a large year's hundred thousand amounts.
 */
export const excelNumber = (value: Amount) => value / SCALE;

/** Approximate printed lines of `text` in a cell `width` characters wide (CJK characters count double). */
export function lineCount(text: string, width: number): number {
  // Counted in place (no array of characters): a form sheet measures every text it prints.
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
}

export function planTable(def: TableDef, model: YearModel, context: PlanContext): SheetPlan {
  const rows = printedRows(def, model);
  const layout = printedLayout(def, rows);
  const columns = layout.columns;
  const width = columns.length;
  const cells: PlanCell[] = [];
  const merges: Range[] = [];
  const rowHeights = new Map<number, number>();
  const put = (row: number, col: number, value: PlanCell['value'], style: CellStyle) => cells.push({ row, col, value, style });
  const merge = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };
  const columnWidths = columns.map((column) => WIDTH[column.kind]);
  const spanWidth = (left: number, right: number) => columnWidths.slice(left - 1, right).reduce((a, b) => a + b, 0);

  // Preamble: draft mark, label, title, unit line (SPEC §1.0 lines 1–3).
  let row = 1;
  if (context.draft) {
    put(row, 1, `${DRAFT}:未经审核通过,仅供核对,不得作为正式报表报送`, 'draft');
    merge(row, 1, row, width);
    rowHeights.set(row++, 24);
  }
  put(row, 1, context.label, 'label');
  merge(row, 1, row++, width);
  const title = context.draft ? `${def.title}(${DRAFT})` : def.title;
  put(row, 1, title, 'title');
  merge(row, 1, row, width);
  // The title is 16 pt against the 10 pt the column widths count in: it needs about 1.6 width units a character.
  rowHeights.set(row++, Math.max(30, 24 * lineCount(title, Math.floor(spanWidth(1, width) / 1.6))));
  const unitSplit = width >= 4 ? width - 2 : width - 1;
  put(row, 1, `部门:${context.unitName}`, 'unit');
  if (unitSplit >= 1) {
    merge(row, 1, row, unitSplit);
    put(row, unitSplit + 1, '金额单位:万元', 'amountUnit');
    merge(row, unitSplit + 1, row, width);
  }
  row++;

  // Header block: header paths become merged cells; a path shorter than the block runs down to its bottom.
  const headerFirst = row;
  const depth = layout.headerDepth;
  placeHeaders(
    columns.map((column, index) => ({ left: index + 1, right: index + 1, header: column.header })),
    headerFirst,
    depth,
    (row, col, text) => put(row, col, text, 'header'),
    merge,
  );
  for (let level = 0; level < depth; level++) {
    const needed = Math.max(1, ...columns.map((column, index) => (column.header[level] ? lineCount(column.header[level], columnWidths[index]) : 1)));
    rowHeights.set(headerFirst + level, Math.min(60, 16 * needed + 4));
  }
  row = headerFirst + depth;

  // 栏次 line: the label over each side's key columns, the 栏次 number over each value column.
  if (def.colNoRow !== null) {
    for (let side = 0; side <= Math.max(...columns.map((column) => column.side)); side++) {
      const keys = columns.map((column, index) => ({ column, col: index + 1 })).filter(({ column }) => column.side === side && column.kind !== 'value');
      if (keys.length) {
        put(row, keys[0].col, def.colNoRow, 'colno');
        merge(row, keys[0].col, row, keys[keys.length - 1].col);
      }
    }
    columns.forEach((column, index) => column.kind === 'value' && put(row, index + 1, Number(column.col), 'colno'));
    row++;
  }
  const headerLast = row - 1;

  // Body lines; the totals line of side-by-side groups (公开06表) prints its labels merged across groups.
  layout.lines.forEach((line, index) => {
    if (layout.footer && index === layout.footer.line) footerLine(row++, layout.footer.spans);
    else bodyLine(row++, line);
  });
  const gridLast = row - 1;

  function bodyLine(row: number, line: (string | null)[]): void {
    columns.forEach((column, index) => {
      const key = line[column.side];
      const resolved = key === null ? undefined : model.row(def.id, key);
      if (!resolved) return;
      const col = index + 1;
      const isTotal = def.kind === 'functional' && resolved.key === TOTAL;
      switch (column.kind) {
        case 'label':
          if (resolved.label) put(row, col, resolved.label, 'text');
          break;
        case 'rowno':
          put(row, col, /^\d+$/.test(resolved.key) ? Number(resolved.key) : resolved.key, 'center');
          break;
        case 'code':
          if (isTotal) {
            put(row, col, resolved.label, 'center');
            merge(row, col, row, col + 1);
          } else if (resolved.code) put(row, col, resolved.code, 'code');
          break;
        case 'name':
          if (!isTotal) put(row, col, resolved.label, 'text');
          break;
        case 'value':
          if (!resolved.blank && resolved.rules[column.col!]) putAmount(row, col, resolved.key, column.col!);
          break;
      }
    });
  }

  /** The label spans from the side's first column up to the value column of the last spanned side, where the value prints. */
  function footerLine(row: number, spans: { side: number; row: string; span: number }[]): void {
    for (const span of spans) {
      const first = columns.findIndex((column) => column.side === span.side) + 1;
      const valueIndex = columns.findIndex((column) => column.side === span.side + span.span - 1 && column.kind === 'value');
      const total = model.row(def.id, span.row)!;
      put(row, first, total.label, 'center');
      merge(row, first, row, valueIndex);
      putAmount(row, valueIndex + 1, total.key, columns[valueIndex].col!);
    }
  }

  /**
   * An input nobody entered stays blank, as the grid shows it: printing 0.00 there (tables that
   * show empty totals as 0.00) made a re-import read it as an entered zero. Computed and linked
   * cells always print a number in those tables.
   */
  function putAmount(row: number, col: number, key: string, valueCol: string): void {
    const stated = STATED_BALANCES[def.id]?.(key, valueCol) ? context.printed?.get(`${key}|${valueCol}`) : undefined;
    const value = stated ?? model.value(def.id, key, valueCol);
    const blank = def.emptyAsZero && model.rule(def.id, key, valueCol)?.role !== 'input' ? 0 : null;
    cells.push({ row, col, value: value !== null ? excelNumber(value) : blank, style: 'amount', ref: { row: key, col: valueCol }, ...(stated !== undefined ? { stated: true as const } : {}) });
  }

  // Notes, then the empty-table line (SPEC §1.10: after the 注).
  const notes = [...def.notes];
  if (def.kind === 'functional' && def.emptyText && rows.length === 1) notes.push(def.emptyText);
  for (const note of notes) {
    put(row, 1, note, 'note');
    merge(row, 1, row, width);
    const lines = lineCount(note, spanWidth(1, width));
    if (lines > 1) rowHeights.set(row, 16 * lines + 2);
    row++;
  }

  return {
    name: context.draft ? `${context.label}(${DRAFT})` : context.label,
    table: def.id,
    width,
    cells,
    merges,
    columnWidths,
    rowHeights,
    header: { first: headerFirst, last: headerLast },
    grid: { first: headerFirst, last: gridLast },
    onePage: def.kind === 'fixed' && layout.lines.length <= ONE_PAGE_LINES,
  };
}

/** The rows each printed page repeats at its top, if any. */
export function titleRows(plan: SheetPlan): { first: number; last: number } | undefined {
  return plan.header.last >= plan.header.first ? plan.header : undefined;
}

/**
 * An annex table as the document prints it, from the same declaration and printed layout as the
 * grid and the workbook: header rows with merged cells, then the body lines as display text.
 */
import { displayAmount } from '../money';
import type { ModelView } from '../rules/types';
import { printedLayout, type LayoutColumn, type TableDef } from '../tables';

export interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface PrintedTable {
  /** Header rows, the 栏次 line last where the table prints one. */
  header: HeaderCell[][];
  body: string[][];
  /** Value columns (right-aligned) by position. */
  numeric: boolean[];
  /** What each column holds (label, 行次, code, name, value), for column widths. */
  kinds: LayoutColumn['kind'][];
  /** Each column's header path joined ("收 入/金额"), for one-row headers (Markdown). */
  names: string[];
  /** Body cells that run over the next `span - 1` columns (those print empty): the totals line's labels (公开06表). */
  merged: { line: number; column: number; span: number }[];
}

export function printTable(def: TableDef, model: ModelView): PrintedTable {
  const layout = printedLayout(def, model.rows(def.id));
  const { columns, headerDepth } = layout;
  // A header path shorter than the block runs down to the last header row (merged vertically).
  const at = (c: number, level: number) => {
    const path = columns[c].header;
    return level < path.length ? path[level] : null;
  };
  const header: HeaderCell[][] = [];
  for (let level = 0; level < headerDepth; level++) {
    const row: HeaderCell[] = [];
    for (let c = 0; c < columns.length; ) {
      const text = at(c, level);
      if (text === null) {
        c++;
        continue;
      }
      const path = columns[c].header;
      const rowSpan = level === path.length - 1 ? headerDepth - level : 1;
      let span = 1;
      while (c + span < columns.length && at(c + span, level) === text && sameParents(columns[c].header, columns[c + span].header, level) && (level === columns[c + span].header.length - 1 ? headerDepth - level : 1) === rowSpan) span++;
      row.push({ text, colSpan: span, rowSpan });
      c += span;
    }
    header.push(row);
  }
  if (def.colNoRow !== null) header.push(colNoCells(def.colNoRow, columns));
  // Functional rows with nothing in them (项 carried from last year and left empty) are not printed.
  const lines = def.kind === 'functional' ? layout.lines.filter(([key]) => key === '合计' || def.columns.some((column) => model.value(def.id, key!, column.col) !== null)) : layout.lines;
  const body = lines.map((line) =>
    columns.map((column) => {
      const key = line[column.side];
      if (key === null) return '';
      const row = model.row(def.id, key);
      if (!row || row.blank) return column.kind === 'rowno' && row ? key : '';
      switch (column.kind) {
        case 'label':
          return row.label;
        case 'rowno':
          return /^\d+$/.test(key) ? key : '';
        case 'code':
          return row.code ?? (key === '合计' ? '' : key);
        case 'name':
          return row.label;
        default: {
          if (!row.rules[column.col!]) return '';
          const value = model.value(def.id, key, column.col!);
          return value === null ? (def.emptyAsZero ? '0.00' : '') : displayAmount(value);
        }
      }
    }),
  );
  const merged: PrintedTable['merged'] = [];
  if (layout.footer && def.kind !== 'functional') {
    // As the workbook prints it: the label from the side's first column up to the value column of
    // the last side it spans, where the total prints.
    const line = layout.footer.line;
    body[line] = columns.map(() => '');
    for (const span of layout.footer.spans) {
      const first = columns.findIndex((column) => column.side === span.side);
      const valueAt = columns.findIndex((column) => column.side === span.side + span.span - 1 && column.kind === 'value');
      const value = model.value(def.id, span.row, columns[valueAt].col!);
      body[line][first] = model.row(def.id, span.row)?.label ?? span.row;
      body[line][valueAt] = value === null ? (def.emptyAsZero ? '0.00' : '') : displayAmount(value);
      merged.push({ line, column: first, span: valueAt - first });
    }
  }
  return { header, body, merged, numeric: columns.map((column) => column.kind === 'value'), kinds: columns.map((column) => column.kind), names: columns.map((column) => column.header.join('/')) };
}

/**
 * The lines printed under a table: its 注, then, for a table with nothing in it that declares what
 * to say then (公开07表, 公开08表: "(本单位今年没有……)"), that line, as the published tables print it.
 */
export function tableNotes(def: TableDef, printed: PrintedTable): string[] {
  const empty = printed.body.every((line) => line.every((value, c) => !printed.numeric[c] || value === '' || value === '0.00'));
  return def.emptyText && empty ? [...def.notes, def.emptyText] : def.notes;
}

/**
 * The 栏次 line under the header, as the workbook and the official tables print it: the label over
 * each side's key columns (项目 and 行次, or 科目代码 and 科目名称), each value column's 栏次 number.
 */
function colNoCells(label: string, columns: LayoutColumn[]): HeaderCell[] {
  const cells: HeaderCell[] = [];
  columns.forEach((column, c) => {
    if (column.kind === 'value') cells.push({ text: column.col!, colSpan: 1, rowSpan: 1 });
    else if (c > 0 && columns[c - 1].kind !== 'value' && columns[c - 1].side === column.side) cells[cells.length - 1].colSpan++;
    else cells.push({ text: label, colSpan: 1, rowSpan: 1 });
  });
  return cells;
}

function sameParents(a: string[], b: string[], level: number): boolean {
  for (let i = 0; i < level; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The cells of body line `index` as printed: a merged cell once, with the columns it covers. */
export function lineCells(printed: PrintedTable, index: number): { column: number; span: number; text: string }[] {
  const cells: { column: number; span: number; text: string }[] = [];
  const line = printed.body[index];
  for (let column = 0; column < line.length; ) {
    const span = printed.merged.find((merge) => merge.line === index && merge.column === column)?.span ?? 1;
    cells.push({ column, span, text: line[column] });
    column += span;
  }
  return cells;
}

import type { ResolvedRow } from './engine';
import type { TableDef } from './types';

/** One printed column: a key column of a side (label, 行次, code, name) or a value column (栏次). */
export interface LayoutColumn {
  id: string;
  side: number;
  kind: 'label' | 'rowno' | 'code' | 'name' | 'value';
  /** 栏次 of a value column. */
  col?: string;
  /** Header path, outermost first. Neighbours with equal parts at the same depth merge. */
  header: string[];
}

/** A printed line: for each side, the row key it shows (null = empty on that side). */
export type LayoutLine = (string | null)[];

export interface PrintedLayout {
  columns: LayoutColumn[];
  lines: LayoutLine[];
  /**
   * The totals line under side-by-side groups (公开06表), if any: its index in `lines`, and per
   * side that prints a total, how many sides its label spans (the value prints in the last one).
   */
  footer?: { line: number; spans: { side: number; row: string; span: number }[] };
  /** Depth of the header block (the longest header path). */
  headerDepth: number;
}

/**
 * How a table is printed: derived from its declaration and this year's rows, and used by
 * the grid, the exporter and the importer alike, so the layout exists in one place.
 */
export function printedLayout(def: TableDef, rows: ResolvedRow[]): PrintedLayout {
  const header = (col: string) => def.columns.find((column) => column.col === col)!.header;
  const columns: LayoutColumn[] = [];
  let lines: LayoutLine[];
  if (def.kind === 'functional') {
    columns.push({ id: 's0-code', side: 0, kind: 'code', header: ['项 目', '科目代码'] });
    columns.push({ id: 's0-name', side: 0, kind: 'name', header: ['项 目', '科目名称'] });
    for (const column of def.columns) columns.push({ id: `s0-c${column.col}`, side: 0, kind: 'value', col: column.col, header: column.header });
    lines = rows.map((row) => [row.key]);
  } else {
    def.sides.forEach((side, index) => {
      const prefix = side.title ? [side.title] : [];
      if (side.keyColumns === 'code-name') {
        columns.push({ id: `s${index}-code`, side: index, kind: 'code', header: [...prefix, '科目代码'] });
        columns.push({ id: `s${index}-name`, side: index, kind: 'name', header: [...prefix, '科目名称'] });
      } else if (side.keyColumns !== 'none') {
        columns.push({ id: `s${index}-label`, side: index, kind: 'label', header: [...prefix, '项 目'] });
        if (side.keyColumns === 'label-rowno') columns.push({ id: `s${index}-rowno`, side: index, kind: 'rowno', header: [...prefix, '行次'] });
      }
      // A value column belongs under its side's title unless its own header path already starts there.
      for (const col of side.cols) {
        const own = header(col);
        columns.push({ id: `s${index}-c${col}`, side: index, kind: 'value', col, header: side.title && own[0] !== side.title ? [side.title, ...own] : own });
      }
    });
    const count = Math.max(...def.sides.map((side) => side.rows.length));
    lines = Array.from({ length: count }, (_, line) => def.sides.map((side) => side.rows[line] ?? null));
    const spans = def.sides.flatMap((side, index) => (side.footer ? [{ side: index, row: side.footer.row, span: side.footer.span ?? 1 }] : []));
    if (spans.length) {
      const footer = { line: lines.length, spans };
      lines.push(def.sides.map((_, index) => spans.find((span) => span.side === index)?.row ?? null));
      return { columns, lines, footer, headerDepth: depth(columns) };
    }
  }
  return { columns, lines, headerDepth: depth(columns) };
}

function depth(columns: LayoutColumn[]): number {
  return Math.max(...columns.map((column) => column.header.length));
}

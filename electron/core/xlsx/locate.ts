/**
 * Finds the annex tables in a workbook: by the label cell (公开02表, seed 002's 公开表01, 表二), by the
 * title (收入决算表), or failing both by the sheet name. A sheet may hold several tables one under
 * another (as the published document does); each label or title starts a block that runs to the next.
 */
import type { TableDef } from '../../../shared/tables';
import { resolveIn } from '../../../shared/tables/labels';
import { shownAt, textOf, type SheetGrid } from './read';
import { norm, withoutDraft } from './text';
import { tableByTitle } from './titles';

export interface Block {
  grid: SheetGrid;
  def: TableDef;
  /** First and one-past-last row (1-based) of the table's block. */
  start: number;
  end: number;
  /** A label and a title naming different tables: the title wins, and the importer says so. */
  conflict?: string;
}

const LABEL = /^(?:附表?\d*[-—.、]?)?(公开表?\d{1,2}表?|表[一二三四五六七八九十]{1,3}|表\d{1,2})$/;
/** Markers (label, title) are looked for only in cells of short rows: body rows are never that sparse. */
const MARKER_ROW_CELLS = 4;

export function tableByLabel(text: string, tables: readonly TableDef[]): TableDef | undefined {
  const label = norm(withoutDraft(text));
  return LABEL.test(label) ? resolveIn(label.replace(/^附表?\d*[-—.、]?/, ''), tables) : undefined;
}

interface Marker {
  row: number;
  def: TableDef;
  by: 'label' | 'title';
}

export function findBlocks(grid: SheetGrid, tables: readonly TableDef[]): Block[] {
  const markers: Marker[] = [];
  grid.rows.forEach((cells, index) => {
    const texts = (cells ?? []).map((cell) => textOf(cell).trim()).filter(Boolean);
    if (!texts.length || texts.length > MARKER_ROW_CELLS) return;
    for (const text of texts) {
      const label = tableByLabel(text, tables);
      if (label) return void markers.push({ row: index + 1, def: label, by: 'label' });
    }
    for (const text of texts) {
      const title = tableByTitle(text, tables);
      if (title) return void markers.push({ row: index + 1, def: title, by: 'title' });
    }
  });
  const end = grid.rows.length + 1;
  if (!markers.length) {
    const def = tableByLabel(grid.name, tables) ?? tableByTitle(grid.name, tables);
    return def ? [{ grid, def, start: 1, end }] : [];
  }
  // A label and the title just under it are one table.
  const blocks: Block[] = [];
  for (const marker of markers) {
    const last = blocks[blocks.length - 1];
    const lastMarker = last && markers.find((m) => m.row === last.start);
    if (last && marker.row - last.start <= 3 && lastMarker?.by === 'label' && marker.by === 'title') {
      if (marker.def !== last.def) {
        last.conflict = `表号指向${last.def.id},表名“${marker.def.title}”指向${marker.def.id},按表名处理`;
        last.def = marker.def;
      }
      continue;
    }
    blocks.push({ grid, def: marker.def, start: marker.row, end });
  }
  blocks.forEach((block, index) => (block.end = blocks[index + 1]?.start ?? end));
  return blocks;
}

/** Text of a row's cells as shown (merged ranges read through to their top-left cell), 1-based columns. */
export function rowTexts(grid: SheetGrid, row: number, width: number): string[] {
  return Array.from({ length: width }, (_, i) => norm(textOf(shownAt(grid, row, i + 1))));
}

/**
 * The same texts, each worked out when first asked for: a body row needs its key columns' texts,
 * not the amounts' (thousands of rows in a large year).
 */
export class RowTexts {
  private texts: string[] = [];

  constructor(
    private readonly grid: SheetGrid,
    private readonly row: number,
    private readonly width: number,
  ) {}

  at(col: number): string {
    return (this.texts[col - 1] ??= norm(textOf(shownAt(this.grid, this.row, col))));
  }

  first(): string | undefined {
    for (let col = 1; col <= this.width; col++) if (this.at(col)) return this.at(col);
    return undefined;
  }
}

export function gridWidth(grid: SheetGrid, from: number, to: number): number {
  let width = 0;
  for (let r = from; r < to; r++) width = Math.max(width, grid.rows[r - 1]?.length ?? 0);
  return width;
}

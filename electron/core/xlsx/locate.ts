/**
 * Finds the annex tables in a workbook: by the label cell (公开02表, seed 002's 公开表01, 表二), by the
 * title (收入决算表), or failing both by the sheet name. A sheet may hold several tables one under
 * another (as the published document does); each label or title starts a block that runs to the next.
 */
import type { TableDef } from '../../../shared/tables';
import { labelAt, resolveIn } from '../../../shared/tables/labels';
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

/**
 * What a label names: `national` by the national numbering (公开07表 is the national table 07 in
 * any set, 表七 the seventh table of the set), `own` by the set's own 公开NN表 numbering where it
 * differs — a 9-table regional set numbers its tables by position (陕西9 prints its 陕07表 as
 * 公开07表 and 公开07表 as 公开08表). Only a title under the label can confirm the set's own reading.
 */
export function readLabel(text: string, tables: readonly TableDef[]): { national?: TableDef; own?: TableDef } | undefined {
  const label = norm(withoutDraft(text));
  if (!LABEL.test(label)) return undefined;
  const bare = label.replace(/^附表?\d*[-—.、]?/, '');
  const national = resolveIn(bare, tables);
  const number = /^公开表?(\d{1,2})表?$/.exec(bare)?.[1];
  const own = number ? tables.find((_, index) => labelAt(index + 1, tables.length, '公开') === `公开${number.padStart(2, '0')}表`) : undefined;
  return national || own ? { national, own: own !== national ? own : undefined } : undefined;
}

export const tableByLabel = (text: string, tables: readonly TableDef[]): TableDef | undefined => readLabel(text, tables)?.national;

interface Marker {
  row: number;
  /** The table a title names, or a label's national reading (absent when only the set's own numbering reads it). */
  def?: TableDef;
  /** A label's reading by the set's own numbering, where that differs (readLabel). */
  own?: TableDef;
  by: 'label' | 'title';
}

export function findBlocks(grid: SheetGrid, tables: readonly TableDef[]): Block[] {
  const markers: Marker[] = [];
  grid.rows.forEach((cells, index) => {
    const texts = (cells ?? []).map((cell) => textOf(cell).trim()).filter(Boolean);
    if (!texts.length || texts.length > MARKER_ROW_CELLS) return;
    const label = texts.map((text) => readLabel(text, tables)).find(Boolean);
    if (label?.national) return void markers.push({ row: index + 1, def: label.national, own: label.own, by: 'label' });
    const title = texts.map((text) => tableByTitle(text, tables)).find(Boolean);
    if (title) return void markers.push({ row: index + 1, def: title, by: 'title' });
    if (label?.own) markers.push({ row: index + 1, own: label.own, by: 'label' });
  });
  const end = grid.rows.length + 1;
  // A label and the title just under it are one table, and the title decides: quietly when the
  // label reads as that table by either numbering, otherwise the importer says so. A label only
  // the set's own numbering reads needs that title.
  const blocks: Block[] = [];
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i];
    const next = markers[i + 1];
    if (marker.by === 'label' && next?.by === 'title' && next.row - marker.row <= 3) {
      const title = next.def!;
      const agrees = title === marker.def || title === marker.own;
      blocks.push({ grid, def: title, start: marker.row, end, ...(agrees ? {} : { conflict: `表号指向${(marker.def ?? marker.own)!.id},表名“${title.title}”指向${title.id},按表名处理` }) });
      i++;
    } else if (marker.def) blocks.push({ grid, def: marker.def, start: marker.row, end });
  }
  if (!blocks.length) {
    const def = tableByLabel(grid.name, tables) ?? tableByTitle(grid.name, tables);
    return def ? [{ grid, def, start: 1, end }] : [];
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

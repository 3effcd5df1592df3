/**
 * A read-only view of one worksheet for the form importer: shown text through merged ranges,
 * the value to the right of a label (after the label's own merged range), label search by row.
 * Only columns up to `width` count: the hidden data column beside our forms is not part of them.
 */
import { labelMatches } from './form-cells';
import { shownAt, textOf, type CellValue, type SheetGrid } from './read';
import { norm } from './text';

export class SheetView {
  /** Whether a text is one of the form's printed labels (set once the profile is known). */
  isLabel: (text: string) => boolean = () => false;

  constructor(
    readonly grid: SheetGrid,
    readonly width: number,
  ) {}

  get name(): string {
    return this.grid.name;
  }

  get rows(): number {
    return this.grid.rows.length;
  }

  /** The top-left cell of the merged range covering (r, c), or (r, c) itself. */
  master(r: number, c: number): [number, number] {
    return this.grid.mergedInto.get(`${r},${c}`) ?? [r, c];
  }

  /** Text shown at (r, c), merged ranges read through ('' when empty). */
  text(r: number, c: number): string {
    return textOf(shownAt(this.grid, r, c));
  }

  /**
   * The value cell at (r, c): a cell merged down from above counts (一级 runs), one merged in from
   * the left does not (it belongs to the label or value before it).
   */
  value(r: number, c: number): CellValue | undefined {
    const [, mc] = this.master(r, c);
    return mc === c ? shownAt(this.grid, r, c) : undefined;
  }

  /** Last column of the merged range (r, c) lies in. */
  rightEdge(r: number, c: number): number {
    const [mr, mc] = this.master(r, c);
    let right = c;
    while (right < this.width) {
      const next = this.grid.mergedInto.get(`${r},${right + 1}`);
      if (!next || next[0] !== mr || next[1] !== mc) break;
      right++;
    }
    return right;
  }

  /**
   * Column of the value right of the label at (r, c). Other tools' unmerged layouts are allowed
   * for: a label repeated across cells is skipped, and so are empty cells before the value —
   * unless what follows them is the next label (then the value is empty).
   */
  valueCol(r: number, c: number): number {
    const label = norm(this.text(r, c));
    let col = this.rightEdge(r, c) + 1;
    while (col < this.width && label && norm(this.text(r, col)) === label) col = this.rightEdge(r, col) + 1;
    if (this.text(r, col).trim() || this.rightEdge(r, col) > col) return col;
    for (let next = col + 1; next <= this.width; next++) {
      if (this.master(r, next)[1] !== next) continue;
      const text = this.text(r, next);
      if (!text.trim()) continue;
      return this.isLabel(text) ? col : next;
    }
    return col;
  }

  /** Columns of row r whose shown text is `label`; exact matches first, then loose ones. */
  labelCols(r: number, label: string, from = 1): number[] {
    const cols: number[] = [];
    for (let c = from; c <= this.width; c++) if (this.master(r, c)[1] === c && labelMatches(this.text(r, c), label)) cols.push(c);
    const exact = cols.filter((c) => norm(this.text(r, c)) === norm(label));
    return exact.length ? exact : cols;
  }

  /** First row ≥ from (and < to) where `test` holds. */
  findRow(from: number, test: (r: number) => boolean, to = this.rows + 1): number | undefined {
    for (let r = Math.max(1, from); r < to; r++) if (test(r)) return r;
    return undefined;
  }

  /** First row ≥ from showing `label` in a cell of its own (not a continuation of a merge from above). */
  findLabel(from: number, label: string, to?: number): { row: number; col: number } | undefined {
    let col = 0;
    const row = this.findRow(
      from,
      (r) => {
        const found = this.labelCols(r, label).find((c) => this.master(r, c)[0] === r);
        col = found ?? 0;
        return found !== undefined;
      },
      to,
    );
    return row === undefined ? undefined : { row, col };
  }

  /** Whether row r shows nothing in columns `from`…width. */
  empty(r: number, from = 1): boolean {
    for (let c = from; c <= this.width; c++) if (this.text(r, c).trim()) return false;
    return true;
  }
}

/** A cell as text for a text field: numbers as written, empty as null (never trimmed: texts are verbatim). */
export function cellText(cell: CellValue | undefined): string | null {
  if (!cell || cell.kind === 'formula') return null;
  const text = cell.kind === 'number' ? (cell.text ?? String(cell.value)) : cell.value;
  return text === '' ? null : text;
}

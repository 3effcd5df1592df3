/**
 * A rectangular cell range as the clerk's spreadsheet has it: an anchor (where the selection
 * started, and where typing goes) and a head (the corner that Shift+arrows and dragging move).
 * Positions are printed lines and indexes into the layout's columns.
 */
export interface GridPoint {
  line: number;
  column: number;
}

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export class CellRange {
  constructor(
    readonly anchor: GridPoint,
    readonly head: GridPoint = anchor,
  ) {}

  bounds(): Bounds {
    return {
      top: Math.min(this.anchor.line, this.head.line),
      bottom: Math.max(this.anchor.line, this.head.line),
      left: Math.min(this.anchor.column, this.head.column),
      right: Math.max(this.anchor.column, this.head.column),
    };
  }

  /** More than the one focused cell: only then is it drawn and acted on as a range. */
  isBlock(): boolean {
    return this.anchor.line !== this.head.line || this.anchor.column !== this.head.column;
  }

  contains(line: number, column: number): boolean {
    const { top, bottom, left, right } = this.bounds();
    return line >= top && line <= bottom && column >= left && column <= right;
  }

  extendTo(head: GridPoint): CellRange {
    return new CellRange(this.anchor, head);
  }

  /** Shift+arrow: moves the head one step, kept inside the table. */
  step(key: string, lines: number, columns: number): CellRange {
    const delta: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const [dLine, dColumn] = delta[key] ?? [0, 0];
    const clamp = (value: number, size: number) => Math.max(0, Math.min(size - 1, value));
    return this.extendTo({ line: clamp(this.head.line + dLine, lines), column: clamp(this.head.column + dColumn, columns) });
  }

  static all(lines: number, columns: number): CellRange {
    return new CellRange({ line: 0, column: 0 }, { line: lines - 1, column: columns - 1 });
  }
}

/** Lines and columns of a range, top-left first. */
export function* cellsOf({ top, bottom, left, right }: Bounds): Generator<GridPoint> {
  for (let line = top; line <= bottom; line++) for (let column = left; column <= right; column++) yield { line, column };
}

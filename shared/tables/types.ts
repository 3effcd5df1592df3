/**
 * The declaration format for annex tables. A table is data: its rows, value columns,
 * cell roles and formulas live here once and drive the engine, the grid, the CLI,
 * the validator, the exporter and the importer.
 */

/** A cell's role (SPEC §0.2): input, computed inside the table, linked from another table, blank placeholder. */
export type Role = 'input' | 'computed' | 'linked' | 'blank';

/** Address of one cell. `table` omitted = the table that declares the formula. */
export interface CellRef {
  table?: string;
  row: string;
  col: string;
}

/** One signed addend of a formula. */
export interface Term {
  sign: 1 | -1;
  ref: CellRef;
}

export type CellRule =
  | { role: 'input'; prefill?: string }
  | { role: 'computed'; formula: string; terms: Term[] }
  | { role: 'linked'; formula: string; from: CellRef };

/** A value column, identified by its 栏次 (or a stable key where the table prints none). */
export interface ColumnDef {
  col: string;
  /** Multi-level header path, outermost first; equal neighbouring parts merge. */
  header: string[];
}

export interface FixedRowDef {
  /** 行次, or the 经济分类 code / total name in tables keyed that way. */
  key: string;
  label: string;
  /** Rules per column; a column missing here has no cell in this row. */
  cells: Record<string, CellRule>;
  /** Placeholder row: 行次 printed, nothing else (SPEC role B). */
  blank?: boolean;
  /** 经济分类/功能分类 code shown in a code column, where the table has one. */
  code?: string;
}

/**
 * One column group printed side by side (公开01表 收入 | 支出; 公开06表's three groups).
 * `rows` lists row keys in print order; null leaves a printed line empty on this side.
 * All sides of a table have the same number of lines: printed line k holds rows[k] of every side.
 */
export interface SideDef {
  title?: string;
  /** Key columns printed before the values: the label with 行次, code + name, or none (公开09表's single data row). */
  keyColumns: 'label-rowno' | 'code-name' | 'label' | 'none';
  cols: string[];
  rows: (string | null)[];
  /**
   * A totals line printed below every side's lines (公开06表: 人员经费合计 | 公用经费合计).
   * The label of row `row` is merged over this side's key columns and, when `span` > 1, over the
   * columns of the next span−1 sides as well, up to the value column of the last spanned side,
   * where the value prints. Needed because 公用经费合计 covers groups 2 and 3 with one label.
   */
  footer?: { row: string; span?: number };
}

interface TableBase {
  /** Canonical name, e.g. "公开01表"; also the key in the interchange document. */
  id: string;
  title: string;
  columns: ColumnDef[];
  notes: string[];
  /** Printed under the notes when the table has no data, e.g. "(本单位今年没有政府性基金预算财政拨款)". */
  emptyText?: string;
  /** Whether an empty numeric cell prints as 0.00 (公开01/04表) or stays blank (dynamic tables). */
  emptyAsZero: boolean;
  /**
   * The 栏次 row: its label ("栏 次", "栏次"); "" = printed as bare column numbers with no label
   * (公开09表); null = not printed at all (公开06表).
   */
  colNoRow: string | null;
  /**
   * Set where no official template was seen and the layout is inferred from titles and neighbouring
   * tables: why, in words shown above the table (the UI) and listed in the README.
   */
  inferred?: string;
}

/** Rows fixed by the template (公开01, 04, 06, 09表). */
export interface FixedTableDef extends TableBase {
  kind: 'fixed';
  rows: FixedRowDef[];
  sides: SideDef[];
}

/** Rows are 功能分类 codes chosen per unit: 合计, then 类 / 款 / 项 in code order (SPEC §1.10). */
export interface FunctionalTableDef extends TableBase {
  kind: 'functional';
  /** Rule for each column in a 项 (leaf) row; parents and 合计 are column-wise sums. */
  leaf: Record<string, CellRule>;
  /** Which 功能分类 subset the table accepts (all, or 政府性基金 / 国有资本经营 科目 only). */
  codeScope: 'all' | 'fund' | 'soe';
}

export type TableDef = FixedTableDef | FunctionalTableDef;

/** Row placeholder in per-column rules shared by every leaf row of a functional table. */
export const SAME_ROW = '@';

/** Key of the 合计 row in functional tables. */
export const TOTAL = '合计';

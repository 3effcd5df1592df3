/**
 * The 汇总 record inside a year file (migration 7): the units with their file hash and time, each
 * direct unit's reported input cells, and the offsets applied. All SQL of those tables lives here.
 */
import type { ConsolidatedUnit, Offset } from '../../shared/consolidation';
import { formatAmount, parseAmount, type Amount } from '../../shared/money';
import { ORGANISATION_KEY, type ConsolidatedName } from '../../shared/report/organisation';
import type { UnitFigures } from '../../shared/rules';
import { CELL_KEY_SEPARATOR, TABLES, YearModel, cellKey, emptyInputs, type YearInputs } from '../../shared/tables';
import type { YearStore } from './store';

export interface ConsolidationRecord {
  units: ConsolidatedUnit[];
  /** Each unit's reported inputs, in the order of `units`. */
  inputs: YearInputs[];
  offsets: Offset[];
}

/** Whether the open year file is a 汇总 (its meta says so). */
export function isConsolidation(store: YearStore): boolean {
  return store.meta('consolidation') !== undefined;
}

/** Writes the record; the caller runs it inside the transaction that writes the summed cells. */
export function writeRecord(store: YearStore, record: ConsolidationRecord): void {
  const db = store.database;
  const unit = db.prepare(
    'INSERT INTO consolidation_units (seq, parent, file, unit_name, unit_code, sha256, modified_at, errors, warnings, forms, frameworks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const cell = db.prepare('INSERT INTO consolidation_cells (seq, table_id, row_key, col, value) VALUES (?, ?, ?, ?, ?)');
  const offset = db.prepare(
    'INSERT INTO consolidation_offsets (flow, amount, origin, payer_file, payer_table, payer_row, payer_col, receiver_file, receiver_table, receiver_row, receiver_col) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    let seq = 0;
    record.units.forEach((entry, index) => {
      const own = ++seq;
      unit.run(own, null, entry.file, entry.unitName, entry.unitCode, entry.sha256, entry.modifiedAt, entry.errors, entry.warnings, JSON.stringify(entry.forms), JSON.stringify(entry.frameworks));
      // A 节点汇总's members: recorded for the tree and duplicate checks, their figures and frameworks are in the node's.
      for (const member of entry.members) unit.run(++seq, own, member.file, member.unitName, member.unitCode, '', '', 0, 0, '[]', '[]');
      for (const [table, inputs] of Object.entries(record.inputs[index])) {
        for (const [key, value] of inputs.cells) {
          const [row, col] = key.split('|');
          cell.run(own, table, row, col, value);
        }
      }
    });
    for (const entry of record.offsets) {
      const { payer: p, receiver: r } = entry;
      offset.run(entry.flow, parseAmount(entry.amount), entry.origin, p.file, p.table, p.row, p.col, r.file, r.table, r.row, r.col);
    }
  })();
}

/**
 * The 汇总's units as consolidated, for its 决算单位构成 (undefined for a unit's own year file): a
 * 节点汇总 stands for the units it holds, so they are listed in its place.
 */
export function consolidatedNames(store: YearStore): ConsolidatedName[] | undefined {
  if (!isConsolidation(store)) return undefined;
  const rows = store.database.prepare('SELECT seq, parent, unit_name, unit_code FROM consolidation_units ORDER BY seq').all() as { seq: number; parent: number | null; unit_name: string; unit_code: string }[];
  const nodes = new Set(rows.flatMap((row) => (row.parent === null ? [] : [row.parent])));
  return rows.filter((row) => !nodes.has(row.seq)).map((row) => ({ unitName: row.unit_name, unitCode: row.unit_code }));
}

/**
 * A 汇总's direct units with the inputs each reported, as models of the same tables (none for a unit's
 * own year): its errors name them. Read without the rest of the record (forms, frameworks, offsets):
 * a 300-unit record holds some 60,000 cells.
 */
export function unitFiguresOf(store: YearStore, nameOf: (code: string) => string | undefined): UnitFigures[] {
  if (!isConsolidation(store)) return [];
  const db = store.database;
  const units = db.prepare('SELECT seq, unit_name, file FROM consolidation_units WHERE parent IS NULL ORDER BY seq').all() as { seq: number; unit_name: string; file: string }[];
  const inputs = new Map(units.map((unit) => [unit.seq, {} as YearInputs]));
  // One JSON object per unit and table, built by SQLite: a third of the time of a row per cell (and its garbage).
  const tables = db
    .prepare(`SELECT seq, table_id, json_group_object(row_key || '${CELL_KEY_SEPARATOR}' || col, value) FROM consolidation_cells GROUP BY seq, table_id`)
    .raw(true)
    .all() as [number, string, string][];
  for (const [seq, tableId, cells] of tables) {
    const year = inputs.get(seq);
    if (!year) continue;
    const table = (year[tableId] = emptyInputs());
    for (const [key, value] of Object.entries(JSON.parse(cells) as Record<string, Amount>)) {
      table.cells.set(key, value);
      if (key.indexOf(CELL_KEY_SEPARATOR) === 7 && /^\d{7}/.test(key)) table.codes.add(key.slice(0, 7));
    }
  }
  return units.map((unit) => ({ unitName: unit.unit_name, file: unit.file, model: new YearModel(TABLES, inputs.get(unit.seq)!, nameOf) }));
}

/** Meta key: the units (JSON ConsolidatedName[]) a 汇总's 决算单位构成 was confirmed or written for. */
export const ORGANISATION_UNITS = 'organisation_units';

/** The units the clerk's 决算单位构成 was confirmed for; undefined when it was not (or before this was kept). */
export function confirmedOrganisation(store: YearStore): ConsolidatedName[] | undefined {
  const stored = store.meta(ORGANISATION_UNITS);
  return stored === undefined ? undefined : (JSON.parse(stored) as ConsolidatedName[]);
}

/** The 主管部门's own work in a 汇总 file, none of it summed from the units: kept when the 汇总 is rebuilt. */
const OWN_TABLES = ['report_texts', 'explanations', 'forms', 'frameworks', 'catalog_codes', 'baseline_cells'] as const;
const OWN_META = [ORGANISATION_UNITS, 'supplementary', 'form_region', 'baseline_fiscal_year', 'baseline_unit_name', 'baseline_unit_code', 'baseline_source', 'baseline_imported_at'] as const;

/**
 * Copies the previous 汇总's own work (决算公开 texts, 出错说明, its 绩效自评 forms and 部门整体
 * frameworks, 科目表, 补充信息, region, 上年数) into the one being built: a re-汇总 replaces the sums only.
 * The caller runs it inside the transaction that writes the sums, with `previous` attached.
 */
export function copyOwnWork(store: YearStore, previous: string, organisationUnits?: ConsolidatedName[]): void {
  const db = store.database;
  for (const table of OWN_TABLES) db.prepare(`INSERT INTO main.${table} SELECT * FROM ${previous}.${table}`).run();
  const keys = OWN_META.map(() => '?').join(', ');
  db.prepare(`INSERT OR REPLACE INTO main.meta SELECT * FROM ${previous}.meta WHERE key IN (${keys})`).run(...OWN_META);
  if (organisationUnits) db.prepare('INSERT OR REPLACE INTO main.meta (key, value) VALUES (?, ?)').run(ORGANISATION_UNITS, JSON.stringify(organisationUnits));
}

/**
 * The units a 决算单位构成 confirmed before they were kept with it (ORGANISATION_UNITS) was confirmed
 * for: those of the 汇总 about to be replaced. Undefined when nothing is confirmed or they are kept.
 */
export function unkeptOrganisation(store: YearStore): ConsolidatedName[] | undefined {
  if (!store.reportTexts()[ORGANISATION_KEY] || store.meta(ORGANISATION_UNITS) !== undefined) return undefined;
  return consolidatedNames(store);
}

export function readRecord(store: YearStore): ConsolidationRecord {
  const db = store.database;
  const rows = db.prepare('SELECT * FROM consolidation_units ORDER BY seq').all() as {
    seq: number;
    parent: number | null;
    file: string;
    unit_name: string;
    unit_code: string;
    sha256: string;
    modified_at: string;
    errors: number;
    warnings: number;
    forms: string;
    frameworks: string;
  }[];
  const units: ConsolidatedUnit[] = [];
  const seqs: number[] = [];
  for (const row of rows) {
    if (row.parent !== null) {
      units[units.length - 1].members.push({ unitName: row.unit_name, unitCode: row.unit_code, file: row.file });
      continue;
    }
    seqs.push(row.seq);
    units.push({
      file: row.file,
      unitName: row.unit_name,
      unitCode: row.unit_code,
      sha256: row.sha256,
      modifiedAt: row.modified_at,
      errors: row.errors,
      warnings: row.warnings,
      forms: JSON.parse(row.forms),
      members: [],
      frameworks: JSON.parse(row.frameworks),
    });
  }
  const indexOf = new Map(seqs.map((seq, index) => [seq, index]));
  const inputs: YearInputs[] = seqs.map(() => ({}));
  for (const cell of db.prepare('SELECT seq, table_id, row_key, col, value FROM consolidation_cells').iterate() as Iterable<{
    seq: number;
    table_id: string;
    row_key: string;
    col: string;
    value: Amount;
  }>) {
    const year = inputs[indexOf.get(cell.seq)!];
    const table = (year[cell.table_id] ??= emptyInputs());
    table.cells.set(cellKey(cell.row_key, cell.col), cell.value);
    if (/^\d{7}$/.test(cell.row_key)) table.codes.add(cell.row_key);
  }
  const offsets = (db.prepare('SELECT * FROM consolidation_offsets ORDER BY id').all() as Record<string, string & number>[]).map(
    (row): Offset => ({
      flow: row.flow as Offset['flow'],
      amount: formatAmount(row.amount)!,
      origin: row.origin as Offset['origin'],
      payer: { file: row.payer_file, table: row.payer_table, row: row.payer_row, col: row.payer_col },
      receiver: { file: row.receiver_file, table: row.receiver_table, row: row.receiver_row, col: row.receiver_col },
    }),
  );
  return { units, inputs, offsets };
}

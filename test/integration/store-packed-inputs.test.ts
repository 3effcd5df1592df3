/**
 * A year file's inputs are read packed (issue 18: `validate` of a large year makes no cell keys and no
 * Map): the model places them straight into its arrays. What the model computes, and what 审核 finds,
 * must be exactly what the same inputs read into Maps give, before and after edits; and the inputs
 * that cross threads (汇总, the parse worker) are plain Maps. User-defined codes' names, read joined too,
 * and 上年数 / printed cells, read joined too, are what the row-by-row query gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { YearStore } from '../../electron/core/store';
import { plainInputs, readCustomNames, readKeyedCells } from '../../electron/core/store-inputs';
import { YearSession } from '../../electron/core/year-session';
import { applyToModel, TABLES, YearModel } from '../../shared/tables';
import { seed002Doc } from '../fixtures/seed-002';
import { tempDir } from '../helpers/temp';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

async function seedYear(): Promise<string> {
  const core = createCore({ resolveFile: (file) => path.resolve(temp.dir, file) });
  await core.createYear({ file: 'y.sqlite', fiscalYear: 2023, unitName: '测试单位' });
  await core.load({ file: 'y.sqlite', doc: seed002Doc() });
  // A 项 row added by hand, with a cell of its own: codes and cells of more than one table.
  await core.edit({ file: 'y.sqlite', cells: [{ table: '公开05表', row: '2010301', col: '2', value: '3.5' }] });
  core.close();
  return path.join(temp.dir, 'y.sqlite');
}

/** Every cell of every table, computed ones included, as the model gives it. */
function everyValue(model: YearModel): Record<string, (number | null)[]> {
  const values: Record<string, (number | null)[]> = {};
  for (const def of TABLES.values()) {
    values[def.id] = model.rows(def.id).flatMap((row) => def.columns.map((column) => model.value(def.id, row.key, column.col)));
  }
  return values;
}

it('computes and audits packed inputs exactly as the same inputs read into Maps, and after edits', async () => {
  const file = await seedYear();
  const store = YearStore.openReadOnly(file, fs.readFileSync(file), '测试');
  try {
    const session = new YearSession(file, store);
    const inputs = store.loadInputs();
    expect(inputs['公开01表'].packed?.rows.length).toBeGreaterThan(0);
    // The Map form, as a structured clone gives it: what crosses threads.
    const mapped = new YearModel(TABLES, structuredClone(plainInputs(inputs)), (code) => session.nameOf(code));
    expect(Object.values(mapped.inputs).every((table) => table.packed === undefined && table.cells instanceof Map)).toBe(true);
    expect(everyValue(session.model)).toEqual(everyValue(mapped));
    expect(session.model.inputsBehind('公开05表', '合计', '1')).toBe(mapped.inputsBehind('公开05表', '合计', '1'));
    // Nothing asked for the session's Maps: its tables are still packed.
    expect(session.model.inputs['公开05表'].packed).toBeDefined();

    // A code added without cells keeps the table packed; its rows are rebuilt from the packed cells.
    const added = { addCodes: [{ table: '公开05表', code: '2010302' }], cells: [], removeCodes: [] };
    applyToModel(session.model, added);
    applyToModel(mapped, added);
    expect(session.model.inputs['公开05表'].packed).toBeDefined();
    expect(everyValue(session.model)).toEqual(everyValue(mapped));

    // A cell edit makes the Map, which is the truth from then on.
    const edited = { addCodes: [], cells: [{ table: '公开05表', row: '2010301', col: '2', value: 70_000 }, { table: '公开01表', row: '28', col: '1', value: null }], removeCodes: [] };
    applyToModel(session.model, edited);
    applyToModel(mapped, edited);
    expect(session.model.inputs['公开05表'].packed).toBeUndefined();
    expect(session.model.value('公开05表', '2010301', '2')).toBe(70_000);
    expect(everyValue(session.model)).toEqual(everyValue(mapped));
  } finally {
    store.close();
  }
});

it('reads user-defined codes\' names joined, and row by row when a name holds the separator or is no text', async () => {
  const file = await seedYear();
  const db = new Database(file);
  try {
    const byRows = () => new Map(db.prepare('SELECT code, custom_name FROM code_rows WHERE custom_name IS NOT NULL').raw().all() as [string, string][]);
    const add = db.prepare('INSERT INTO code_rows (table_id, code, custom_name) VALUES (?, ?, ?)');
    add.run('公开02表', '2019901', '自定义科目甲');
    add.run('公开03表', '2019901', '自定义科目甲(另一张表)');
    add.run('公开03表', '2019902', '自定义科目乙');
    expect(readCustomNames(db)).toEqual(byRows());
    expect(readCustomNames(db).get('2019901')).toBe('自定义科目甲(另一张表)');
    add.run('公开05表', '2019903', '带\x1e分隔符');
    expect(readCustomNames(db)).toEqual(byRows());
    expect(readCustomNames(db).get('2019903')).toBe('带\x1e分隔符');
    db.prepare('DELETE FROM code_rows WHERE code = ?').run('2019903');
    add.run('公开05表', '2019904', 12345);
    expect(readCustomNames(db)).toEqual(byRows());
    db.prepare('DELETE FROM code_rows WHERE custom_name IS NOT NULL').run();
    expect(readCustomNames(db)).toEqual(new Map());
  } finally {
    db.close();
  }
});

it('reads 上年数 joined exactly as row by row, and row by row when a cell holds the separator or a value is no integer', async () => {
  const file = await seedYear();
  const db = new Database(file);
  try {
    const byRows = () => {
      const tables = new Map<string, Map<string, unknown>>();
      for (const cell of db.prepare('SELECT table_id, row_key, col, value FROM baseline_cells').all() as { table_id: string; row_key: string; col: string; value: unknown }[]) {
        if (!tables.has(cell.table_id)) tables.set(cell.table_id, new Map());
        tables.get(cell.table_id)!.set(`${cell.row_key}|${cell.col}`, cell.value);
      }
      return tables;
    };
    db.exec('INSERT INTO baseline_cells (table_id, row_key, col, value) SELECT table_id, row_key, col, value FROM cells');
    expect([...readKeyedCells(db, 'baseline_cells').values()].reduce((n, cells) => n + cells.size, 0)).toBeGreaterThan(50);
    expect(readKeyedCells(db, 'baseline_cells')).toEqual(byRows());
    const add = db.prepare('INSERT INTO baseline_cells (table_id, row_key, col, value) VALUES (?, ?, ?, ?)');
    add.run('公开09表', '1', '99', 12.5);
    expect(readKeyedCells(db, 'baseline_cells')).toEqual(byRows());
    expect(readKeyedCells(db, 'baseline_cells').get('公开09表')!.get('1|99')).toBe(12.5);
    db.prepare('DELETE FROM baseline_cells WHERE col = ?').run('99');
    add.run('公开09表', '1\x1e2', '1', 5);
    expect(readKeyedCells(db, 'baseline_cells')).toEqual(byRows());
    expect(readKeyedCells(db, 'printed_cells')).toEqual(new Map());
  } finally {
    db.close();
  }
});

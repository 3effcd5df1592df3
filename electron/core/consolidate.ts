/**
 * 汇总 (consolidation) of units' files into one year file: every input cell summed exactly, 科目
 * rows the union, computed cells recomputed by the engine, forms listed per unit, internal flows
 * offset (consolidate-offsets.ts). Planning reads and checks every file and writes nothing; only
 * writeConsolidation, after the clerk confirmed, creates the 汇总 file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { catalogFor } from '../../shared/catalog';
import { ApiError, type TemplateSet } from '../../shared/contract';
import type { CellChange, ConsolidationPlan, ConsolidationProblem, Offset } from '../../shared/consolidation';
import { formatAmount, type Amount } from '../../shared/money';
import { DEFAULT_FORM_REGION } from '../../shared/forms/regions';
import { TABLES, YearModel, describeCell, emptyInputs, templateTables, type TableDef, type YearInputs } from '../../shared/tables';
import { offsetDebits, proposeOffsets, unmatchedFlows, type UnitFigures } from './consolidate-offsets';
import type { ReadUnit } from './consolidate-read';
import { copyOwnWork, isConsolidation, readRecord, unkeptOrganisation, writeRecord } from './consolidate-store';
import { unitPool } from './unit-pool';
import { YearStore } from './store';
import { buildingPathOf, discardBuilt } from './year-file-place';

export interface ConsolidateRequest {
  /** The unit files, as they are named in the plan and recorded in the 汇总. */
  files: string[];
  /** Turns a recorded file name into a path (the CLI: itself; the app: inside the data folder). */
  resolve(file: string): string;
  unitName: string;
  unitCode?: string;
  /** auto: propose offsets from matching amounts; none: no offsets. Ignored when `offsets` is given. */
  adjust: 'auto' | 'none';
  /** The offsets as the clerk edited them. */
  offsets?: Offset[];
  /** Worker threads reading the files (unit-pool.ts); 0 reads them one by one in this thread. */
  jobs?: number;
}

/** What writing needs beyond the plan the clerk sees. */
export interface Consolidation {
  plan: ConsolidationPlan;
  summed: YearInputs;
  customNames: Map<string, string>;
  unitInputs: YearInputs[];
}

/** The most frequent value, the first seen on a tie. */
function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

/** Reads and checks every file, sums the accepted ones, proposes or checks the offsets. Writes nothing. */
export async function planConsolidation(request: ConsolidateRequest): Promise<Consolidation> {
  const problems: ConsolidationProblem[] = [];
  const read: ReadUnit[] = [];
  const pool = unitPool(request.files.length, request.jobs);
  try {
    const results = await Promise.all(request.files.map((file) => pool.run({ kind: 'consolidate', name: file, file: request.resolve(file) }) as Promise<ReadUnit | { unreadable: string }>));
    results.forEach((result, index) => {
      if ('unreadable' in result) problems.push({ file: request.files[index], kind: 'unreadable', refused: true, message: `无法读取:${result.unreadable}` });
      else read.push(result);
    });
  } finally {
    await pool.close();
  }
  const fiscalYear = mostCommon(read.map((unit) => unit.fiscalYear));
  const template = mostCommon(read.map((unit) => unit.template)) ?? '9';
  const formRegion = mostCommon(read.map((unit) => unit.formRegion)) ?? DEFAULT_FORM_REGION;
  const numbering = mostCommon(read.map((unit) => unit.numbering)) ?? '公开';
  const accepted: ReadUnit[] = [];
  const seen = new Map<string, string>();
  for (const unit of read) {
    const refuse = (kind: ConsolidationProblem['kind'], message: string) => problems.push({ file: unit.file, unitName: unit.unitName, kind, refused: true, message });
    if (unit.fiscalYear !== fiscalYear) {
      refuse('year', `年度 ${unit.fiscalYear} 与其他单位的年度 ${fiscalYear} 不一致,未汇总`);
      continue;
    }
    if (unit.template !== template) {
      refuse('template', `表样为${unit.template}表,其他单位为${template}表,未汇总`);
      continue;
    }
    const identities = [unit, ...unit.members].map((member) => (member.unitCode ? `代码 ${member.unitCode}` : `名称 ${member.unitName}`));
    const clash = identities.find((identity) => seen.has(identity));
    if (clash) {
      refuse('duplicate', `单位重复(${clash} 已在 ${seen.get(clash)} 中),未汇总`);
      continue;
    }
    for (const identity of identities) seen.set(identity, unit.file);
    if (unit.errors) {
      problems.push({ file: unit.file, unitName: unit.unitName, kind: 'errors', refused: false, message: `审核有 ${unit.errors} 个错误:已汇总,汇总结果只能作为草稿` });
    }
    accepted.push(unit);
  }
  if (!accepted.length || fiscalYear === undefined) throw new ApiError('refused', `没有可以汇总的单位文件:\n${problems.map((p) => `${p.file}:${p.message}`).join('\n')}`);

  const figures: UnitFigures[] = accepted.map((unit) => ({ file: unit.file, inputs: unit.inputs }));
  const offsets = request.offsets ?? (request.adjust === 'auto' ? proposeOffsets(figures) : []);
  const before = sumInputs(accepted.map((unit) => unit.inputs));
  const after = subtract(before, offsetDebits(offsets, figures));
  const customNames = new Map<string, string>();
  for (const unit of accepted) for (const [code, name] of unit.customNames) if (!customNames.has(code)) customNames.set(code, name);
  // The catalog found once, not per row (functionName finds it by year and edition on every call).
  const catalog = catalogFor();
  const nameOf = (code: string) => customNames.get(code) ?? catalog.functionName(code);
  const modelBefore = new YearModel(TABLES, before, nameOf);
  const modelAfter = new YearModel(TABLES, after, nameOf);
  const plan: ConsolidationPlan = {
    fiscalYear,
    template,
    formRegion,
    numbering,
    unitName: request.unitName,
    unitCode: request.unitCode ?? '',
    units: accepted.map(({ fiscalYear: _y, template: _t, formRegion: _r, numbering: _n, inputs: _i, customNames: _c, ...unit }) => unit),
    problems,
    offsets,
    unmatched: unmatchedFlows(figures, offsets),
    changes: cellChanges(modelBefore, modelAfter, template),
    total: { before: formatAmount(modelBefore.value('公开01表', '31', '1')), after: formatAmount(modelAfter.value('公开01表', '31', '1')) },
  };
  return { plan, summed: after, customNames, unitInputs: accepted.map((unit) => unit.inputs) };
}

/** Every input cell added up exactly; the 科目 rows are the union of the units'. */
export function sumInputs(units: YearInputs[]): YearInputs {
  const total: YearInputs = {};
  for (const inputs of units) {
    for (const [table, own] of Object.entries(inputs)) {
      const sum = (total[table] ??= emptyInputs());
      for (const code of own.codes) sum.codes.add(code);
      for (const [key, value] of own.cells) sum.cells.set(key, (sum.cells.get(key) ?? 0) + value);
    }
  }
  return total;
}

function subtract(summed: YearInputs, debits: Map<string, Map<string, Amount>>): YearInputs {
  const result: YearInputs = {};
  for (const [table, inputs] of Object.entries(summed)) {
    const cells = new Map(inputs.cells);
    for (const [key, amount] of debits.get(table) ?? []) cells.set(key, (cells.get(key) ?? 0) - amount);
    result[table] = { cells, codes: new Set(inputs.codes) };
  }
  return result;
}

/** The cells (input or computed) whose value the offsets change, in table and row order. */
function cellChanges(before: YearModel, after: YearModel, template: TemplateSet): CellChange[] {
  const changes: CellChange[] = [];
  for (const def of templateTables(template)) {
    for (const row of after.rows(def.id)) {
      for (const col of Object.keys(row.rules)) {
        const was = before.value(def.id, row.key, col);
        const now = after.value(def.id, row.key, col);
        if (was !== now) changes.push({ table: def.id, row: row.key, col, label: cellLabel(def, row), before: formatAmount(was), after: formatAmount(now) });
      }
    }
  }
  return changes;
}

/** "第31行 总 计", "科目 2010302 行政运行": where the cell is and what the row is called. */
export function cellLabel(def: TableDef, row: { key: string; label: string }): string {
  const where = describeCell(def, row.key);
  return where.includes(row.label.replace(/\s/g, '')) ? where : `${where} ${row.label.trim()}`.trim();
}

/**
 * Writes the 汇总 file: a new year file (unit = the 主管部门) holding the summed inputs, marked 汇总
 * with the record of its units and offsets. Built beside the target and renamed over it, so a
 * rebuild replaces the old 汇总 whole or not at all. An existing file that is not a 汇总 is refused.
 */
export function writeConsolidation(out: string, consolidation: Consolidation): void {
  const { plan, summed, customNames, unitInputs } = consolidation;
  const rebuilding = fs.existsSync(out);
  let organisationUnits: ReturnType<typeof unkeptOrganisation>;
  if (rebuilding) {
    // Opened through the store: migrated to the schema the new file has, so its own work copies column for column.
    const existing = YearStore.open(out);
    const replaceable = isConsolidation(existing);
    if (replaceable) organisationUnits = unkeptOrganisation(existing);
    existing.close();
    if (!replaceable) throw new ApiError('refused', `文件已存在且不是汇总结果,不能覆盖:${out}`);
  }
  // As `new` does: a 汇总 named into a folder not made yet (汇总/2025汇总.sqlite) makes the folder.
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Built beside the target and renamed over it when whole; a killed build's leftovers go with the next one.
  const building = buildingPathOf(out);
  discardBuilt(building);
  const store = YearStore.create(building, { fiscalYear: plan.fiscalYear, unitName: plan.unitName, unitCode: plan.unitCode, template: plan.template, numbering: plan.numbering });
  try {
    const cells = Object.entries(summed).flatMap(([table, inputs]) =>
      [...inputs.cells].map(([key, value]) => {
        const [row, col] = key.split('|');
        return { table, row, col, value };
      }),
    );
    const addCodes = Object.entries(summed).flatMap(([table, inputs]) => [...inputs.codes].map((code) => ({ table, code, name: customNames.get(code) })));
    // A 类/款 a unit named only as its workbook printed it keeps that name in the 汇总 (no blank row names).
    const printedNames = Object.entries(summed).flatMap(([table, inputs]) => {
      const parents = new Set([...inputs.codes].flatMap((code) => [code.slice(0, 3), code.slice(0, 5)]));
      return [...parents].filter((code) => customNames.has(code)).map((code) => ({ table, code, name: customNames.get(code)! }));
    });
    if (rebuilding) store.database.prepare('ATTACH DATABASE ? AS previous').run(out);
    store.database.transaction(() => {
      store.write({ cells, addCodes, printedNames: { entries: printedNames }, meta: { consolidation: '汇总', consolidated_at: new Date().toISOString(), form_region: plan.formRegion } });
      writeRecord(store, { units: plan.units, inputs: unitInputs, offsets: plan.offsets });
      if (rebuilding) copyOwnWork(store, 'previous', organisationUnits);
    })();
    if (rebuilding) store.database.exec('DETACH DATABASE previous');
    store.checkpoint();
  } catch (error) {
    store.close();
    discardBuilt(building);
    throw error;
  }
  store.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(out + suffix, { force: true });
  fs.renameSync(building, out);
}

/**
 * The request that rebuilds a 汇总 from its record: the same files, unit and offsets; `changed`
 * lists the unit files whose contents differ from when the 汇总 was made.
 */
export function rebuildRequest(file: string, resolve: (name: string) => string): { request: ConsolidateRequest; changed: string[] } {
  const store = YearStore.open(file);
  try {
    if (!isConsolidation(store)) throw new ApiError('refused', `${file} 不是汇总结果,不能重新汇总`);
    const info = store.info(file);
    const record = readRecord(store);
    const changed = record.units.filter((unit) => {
      try {
        return crypto.createHash('sha256').update(fs.readFileSync(resolve(unit.file))).digest('hex') !== unit.sha256;
      } catch {
        return true;
      }
    });
    return {
      request: { files: record.units.map((unit) => unit.file), resolve, unitName: info.unitName, unitCode: info.unitCode, adjust: 'none', offsets: record.offsets },
      changed: changed.map((unit) => unit.file),
    };
  } finally {
    store.close();
  }
}

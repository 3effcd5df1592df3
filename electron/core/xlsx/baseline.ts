/**
 * Last year as baseline (SPEC §5.1): last year's file or workbook gives this year's file
 *  - 上年数 for every cell (stored read-only in baseline_cells, as last year printed them),
 *  - the opening balances declared as `prefill` (公开01 r29 ← LY r60; 公开04 r29–r31 ← LY r60 c3–c5;
 *    公开07 c1 ← LY c6 per code), filled where this year's cell is still empty,
 *  - last year's 项 code rows (values empty; rows still empty are not printed), and the printed
 *    names of the 类/款 above them that no catalog names,
 *  - the unit code when this year's file has none, and its 单位性质 (补充信息) when this year has none.
 * Projects and long-term 绩效 indicators (SPEC §5.1 "Projects") carry forward with the forms
 * feature: it adds its part to the change built here.
 */
import type { CellEdit, YearChange } from '../../../shared/contract';
import { formatAmount, type Amount } from '../../../shared/money';
import { SAME_ROW, TABLES, TABLE_SETS, YearModel, cellKey, codeLevel, describeCell, emptyInputs, type TableDef, type YearInputs } from '../../../shared/tables';
import { parseFormula } from '../../../shared/tables/formula';
import type { StoredCell } from '../store';
import type { YearSession } from '../year-session';
import type { Findings } from './read-table';
import { norm } from './text';
import type { SourceYear } from './source';

const UNIT_NATURE = 'unit_info.nature';

const setName = (id: string) => TABLE_SETS.find((set) => set.id === id)?.name ?? id;

export interface BaselinePlan {
  change: YearChange;
  baseline: StoredCell[];
  meta: Record<string, string>;
  prefilled: number;
}

export function planBaseline(session: YearSession, source: SourceYear, file: string, out: Findings): BaselinePlan {
  const info = session.info;
  const lastYear = info.fiscalYear - 1;
  if (source.fiscalYear !== undefined && source.fiscalYear !== lastYear) {
    out.errors.push(`文件 ${file}:是 ${source.fiscalYear} 年度的数据,作为上年数须为 ${lastYear} 年度(本年度文件为 ${info.fiscalYear} 年度)`);
  } else if (source.fiscalYear === undefined) {
    out.warnings.push(`文件 ${file}:未写明年度,按 ${lastYear} 年度的上年数导入`);
  }
  if (source.unitCode && info.unitCode && source.unitCode !== info.unitCode) {
    out.warnings.push(`文件 ${file}:单位编码 ${source.unitCode} 与本年度的 ${info.unitCode} 不同(机构改革后可忽略)`);
  } else if (source.unitName && norm(source.unitName) !== norm(info.unitName)) {
    out.warnings.push(`文件 ${file}:单位“${source.unitName}”与本年度的“${info.unitName}”不同`);
  }

  // A year file states its 表套: another one this year (a slip when creating it) loses last year's own tables.
  const lastSet = source.kind === 'year-file' ? source.layout?.template : undefined;
  if (lastSet && lastSet !== info.template) {
    const own = new Set(session.tables().map((def) => def.id));
    const unplaced = [...source.tables.values()].filter((table) => !own.has(table.table)).map((table) => table.sheet);
    out.warnings.push(`文件 ${file}:上年为“${setName(lastSet)}”,本年度为“${setName(info.template)}”${unplaced.length ? `;上年的${unplaced.join('、')}在本年度没有对应的表` : ''}`);
  }

  // Last year's values: every cell of its model, with the printed figure where the workbook shows one.
  const model = source.model ?? new YearModel(TABLES, inputsOf(source), () => undefined);
  const ly = new Map<string, Map<string, Amount>>();
  const baseline: StoredCell[] = [];
  for (const [table, extracted] of source.tables) {
    const values = new Map<string, Amount>();
    for (const row of model.rows(table)) {
      if (row.blank) continue;
      for (const col of Object.keys(row.rules)) {
        const value = extracted.printed.get(cellKey(row.key, col)) ?? model.value(table, row.key, col);
        if (value === null) continue;
        values.set(cellKey(row.key, col), value);
        baseline.push({ table, row: row.key, col, value });
      }
    }
    ly.set(table, values);
  }
  // As last year printed it: an empty cell of a table that prints 0.00 for empty (公开01/04表) was a 0.
  const lyValue = (table: string, row: string, col: string) =>
    ly.get(table)?.get(cellKey(row, col)) ?? (ly.has(table) && TABLES.get(table)?.emptyAsZero && model.rule(table, row, col) ? 0 : undefined);
  const lyCodes = (table: string) => [...new Set([...(ly.get(table)?.keys() ?? [])].map((key) => key.split('|')[0]))].filter((row) => codeLevel(row) === 3);

  const addCodes: NonNullable<YearChange['addCodes']> = [];
  const printedNames: NonNullable<YearChange['printedNames']> = [];
  const cells: CellEdit[] = [];
  const isKnown = (code: string) => session.catalog.functionName(code) !== undefined;
  for (const def of session.tables()) {
    if (def.kind === 'functional') {
      // Row skeleton: last year's 项 rows, so this year's entry starts from them.
      const present = session.model.tableInputs(def.id).codes;
      for (const [code, { name }] of source.tables.get(def.id)?.codes ?? []) {
        if (present.has(code)) continue;
        const retired = session.catalog.retired(code);
        if (retired) {
          carryRetired(def, code, name, retired.replacedBy, { session, info, present, addCodes, out });
          continue;
        }
        if (isKnown(code)) addCodes.push({ table: def.id, code });
        else if (name) addCodes.push({ table: def.id, code, name });
        else out.warnings.push(`${def.id}:上年科目 ${code} 不在 ${info.fiscalYear} 年功能分类科目表中(可能已停用),未带入`);
      }
      // A 类/款 last year named only as printed (above a 自定义 项) keeps that name, not a blank (R-I03).
      for (const [code, { name }] of source.tables.get(def.id)?.names ?? []) {
        if (name && codeLevel(code) !== 3 && !session.nameOf(code)) printedNames.push({ table: def.id, code, name });
      }
    }
    prefill(def, { session, lyValue, lyCodes, hasRow: (code) => present(def, code, session, addCodes), cells, out });
  }

  const meta: Record<string, string> = {
    baseline_fiscal_year: String(source.fiscalYear ?? lastYear),
    baseline_unit_name: source.unitName ?? '',
    baseline_unit_code: source.unitCode ?? '',
    baseline_source: file,
    baseline_imported_at: new Date().toISOString(),
  };
  if (!info.unitCode && source.unitCode) meta.unit_code = source.unitCode;
  // 单位性质 describes the unit, not the year (kept like its name and code); the year's figures start empty.
  const nature = (source.supplementary ?? source.inputs?.supplementary)?.[UNIT_NATURE];
  const current = session.supplementary();
  if (nature && !current[UNIT_NATURE]) meta.supplementary = JSON.stringify({ ...current, [UNIT_NATURE]: nature });
  return { change: { addCodes, cells, ...(printedNames.length ? { printedNames } : {}) }, baseline, meta, prefilled: cells.length };
}

/**
 * A 项 code of last year that this year's catalog no longer has: reported, and its replacement row
 * added where the change notice names one, so the clerk enters this year's figures there.
 */
function carryRetired(
  def: TableDef,
  code: string,
  name: string,
  replacedBy: string | undefined,
  { session, info, present, addCodes, out }: { session: YearSession; info: { fiscalYear: number }; present: ReadonlySet<string>; addCodes: NonNullable<YearChange['addCodes']>; out: Findings },
): void {
  const old = `上年科目 ${code}${name ? ` ${name}` : ''}`;
  if (!replacedBy) {
    out.warnings.push(`${def.id}:${old} 在 ${info.fiscalYear} 年功能分类科目表中已停用,没有对应的新科目,未带入`);
    return;
  }
  const newName = session.nameOf(replacedBy);
  // A replacement without a name (listed unnamed in the notice) cannot become a row until the clerk names it.
  const added = newName !== undefined;
  out.warnings.push(
    `${def.id}:${old} 在 ${info.fiscalYear} 年功能分类科目表中已停用,由 ${replacedBy}${newName ? ` ${newName}` : ''} 替代,${added ? '已带入新科目行' : '请添加该科目并填写名称'}`,
  );
  if (added && !present.has(replacedBy) && !addCodes.some((entry) => entry.table === def.id && entry.code === replacedBy)) addCodes.push({ table: def.id, code: replacedBy });
}

/** Whether this year's table will have the 项 row: already there, or added by this import. */
function present(def: TableDef, code: string, session: YearSession, added: NonNullable<YearChange['addCodes']>): boolean {
  return session.model.tableInputs(def.id).codes.has(code) || added.some((entry) => entry.table === def.id && entry.code === code);
}

interface PrefillContext {
  session: YearSession;
  lyValue: (table: string, row: string, col: string) => Amount | undefined;
  lyCodes: (table: string) => string[];
  hasRow: (code: string) => boolean;
  cells: CellEdit[];
  out: Findings;
}

/** Fills the declared `prefill` inputs from last year's values, leaving cells this year already has. */
function prefill(def: TableDef, { session, lyValue, lyCodes, hasRow, cells, out }: PrefillContext): void {
  const fill = (row: string, col: string, value: Amount | undefined) => {
    if (value === undefined) return;
    const current = session.model.value(def.id, row, col);
    if (current === null) cells.push({ table: def.id, row, col, value: formatAmount(value) });
    else if (current !== value) {
      out.warnings.push(`${def.id} ${describeCell(def, row)} 第 ${col} 栏已有本年数 ${formatAmount(current)},未用上年数 ${formatAmount(value)} 覆盖`);
    }
  };
  if (def.kind === 'fixed') {
    for (const row of def.rows) {
      for (const [col, rule] of Object.entries(row.cells)) {
        if (rule.role !== 'input' || !rule.prefill) continue;
        const ref = sourceOf(rule.prefill, def.id, row.key, col);
        fill(row.key, col, lyValue(ref.table, ref.row, ref.col));
      }
    }
    return;
  }
  for (const [col, rule] of Object.entries(def.leaf)) {
    if (rule.role !== 'input' || !rule.prefill) continue;
    const ref = sourceOf(rule.prefill, def.id, SAME_ROW, col);
    for (const code of lyCodes(ref.table)) if (hasRow(code)) fill(code, col, lyValue(ref.table, code, ref.col));
  }
}

/** "LY.T04[r60].c3" → the cell of last year's file it names. */
function sourceOf(prefill: string, table: string, row: string, col: string): { table: string; row: string; col: string } {
  const [term] = parseFormula(prefill.replace(/^LY\./, ''), { table, row, col });
  return { table: term.ref.table ?? table, row: term.ref.row, col: term.ref.col };
}

function inputsOf(source: SourceYear): YearInputs {
  const inputs: YearInputs = {};
  for (const [table, extracted] of source.tables) {
    const target = (inputs[table] = emptyInputs());
    for (const [key, value] of extracted.inputs) if (value !== null) target.cells.set(key, value);
    for (const code of extracted.codes.keys()) if (codeLevel(code) === 3) target.codes.add(code);
  }
  return inputs;
}


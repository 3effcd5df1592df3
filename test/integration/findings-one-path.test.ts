/**
 * One path for 审核: after every committed change the renderer's findings (the real zustand stores,
 * talking to the real core over the same contract calls) equal the core's `validate` on the same
 * year file, finding for finding, over hundreds of random edit sequences: inputs in every table,
 * pastes, code rows added and removed, undo/redo, 补充信息, 出错说明, 绩效自评 forms, with and
 * without last year's file. A sequence ends by reopening the file from disk in a fresh core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { ApiError, type TemplateSet } from '../../shared/contract';
import { catalogFor } from '../../shared/catalog';
import type { PerfFormJson } from '../../shared/forms/model';
import { profileFor } from '../../shared/forms/profiles';
import { SUPP_FIELDS, type Finding } from '../../shared/rules';
import { templateTables } from '../../shared/tables';
import { MS_P_SEED000 } from '../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004 } from '../fixtures/forms/yl-seed004';
import { seed002Doc } from '../fixtures/seed-002';
import { seeded } from '../fixtures/xlsx/random-forms';
import { tempDir } from '../helpers/temp';

const SEQUENCES = Number(process.env.ONE_PATH_SEQUENCES ?? 200);
const STEPS = 6;

// In memory where the system offers it: this test is about findings, not durability, and fsync on a shared disk dominates its time.
const temp = tempDir('juesuan-one-path-', fs.existsSync('/dev/shm') ? '/dev/shm' : undefined);
const resolveFile = (file: string) => path.join(temp.dir, file);
const core = createCore({ resolveFile, dataDir: temp.dir });

// The renderer reaches the core through `window.juesuan` (as under Electron's preload); arguments
// and answers cross as JSON, as they do over IPC or HTTP.
const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
Object.assign(globalThis, {
  window: {
    addEventListener: () => undefined,
    juesuan: {
      async call(method: string, args: unknown) {
        try {
          return { ok: true, result: clone(await core.call(method, clone(args))) };
        } catch (error) {
          if (error instanceof ApiError) return { ok: false, error: { kind: error.kind, message: error.message } };
          throw error;
        }
      },
    },
  },
});
const { useYearStore } = await import('../../renderer/src/stores/use-year-store');
const { useFormsStore } = await import('../../renderer/src/features/forms/use-forms-store');
const { setFundingAmount, setIndicatorField } = await import('../../renderer/src/features/forms/form-draft');

/** Deterministic random numbers, so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  const next = seeded(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const LEAF_CODES = catalogFor(2024).functionCodes.filter((entry) => entry.code.length === 7).map((entry) => entry.code);
/** A 项 whose 类 (230) no catalog names, so R-I03 and naming it in the panel come up often enough. */
const UNDER_UNNAMED = '2300412';

function amountText(rnd: Random): string | null {
  switch (rnd.int(7)) {
    case 0:
      return null;
    case 1:
      return '100';
    case 2:
      return '0.01';
    case 3:
      return (rnd.int(2_000_000) / 100).toFixed(2);
    case 4:
      return (rnd.int(10_000_000) / 10_000).toFixed(4);
    case 5:
      return `-${rnd.int(500)}`;
    default:
      return String(rnd.int(50));
  }
}

/** Every input cell of a table as the model resolves it now. */
function inputCells(table: string): { row: string; col: string }[] {
  const model = useYearStore.getState().model!;
  return model.rows(table).flatMap((row) => (row.blank ? [] : Object.entries(row.rules).filter(([, rule]) => rule.role === 'input').map(([col]) => ({ row: row.key, col }))));
}

function functionalTables(): string[] {
  return templateTables(useYearStore.getState().info!.template).filter((def) => def.kind === 'functional').map((def) => def.id);
}

async function settled(): Promise<void> {
  await useFormsStore.getState().flush();
  // Let the forms store's reload after a refusal (if any) finish.
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

const canonical = (findings: Finding[]) => findings.map((finding) => JSON.stringify(clone(finding), Object.keys(finding).sort())).sort();

/** Steps at which a printed 科目 name contradicted the catalog (R-I02): the generator must produce them. */
let namedSteps = 0;

async function expectOnePath(step: string): Promise<void> {
  const state = useYearStore.getState();
  if (state.findings.some((finding) => finding.rule === 'R-I02')) namedSteps++;
  const { findings } = await core.validate({ file: state.info!.file });
  expect(canonical(state.findings), step).toEqual(canonical(findings));
  // The 科目 rows read the same on both sides, names included (catalog, custom, or as printed).
  for (const table of functionalTables()) {
    const shown = state.model!.rows(table).map((row) => `${row.key} ${row.label}`);
    const stored = (await core.getTable({ file: state.info!.file, table })).rows.map((row) => `${row.row} ${row.label}`);
    expect(shown, `${step}: ${table} rows`).toEqual(stored);
  }
}

/** The core's export gate counts the errors the panel shows (a clean year is exported for real, so only checked when refused). */
async function expectGateAgrees(step: string): Promise<void> {
  const state = useYearStore.getState();
  const errors = state.findings.filter((finding) => finding.severity === 'error').length;
  if (!errors) return;
  const refused = await core.exportWorkbook({ file: state.info!.file }).then(
    () => '',
    (error: Error) => error.message,
  );
  expect(refused, step).toContain(`审核还有 ${errors} 个错误`);
}

/** One random user action through the renderer's stores; returns what it did, for the failure message. */
async function randomStep(rnd: Random, projectCodes: string[]): Promise<string> {
  const year = useYearStore.getState();
  const tables = templateTables(year.info!.template).map((def) => def.id);
  const roll = rnd.next();
  if (roll < 0.36) {
    const table = rnd.pick(tables);
    const cells = inputCells(table);
    if (!cells.length) return `${table}: no input cell`;
    const at = rnd.pick(cells);
    const value = amountText(rnd);
    await year.editCells([{ table, ...at, value }]);
    return `edit ${table} ${at.row}/${at.col} = ${value}`;
  }
  if (roll < 0.44) {
    const table = rnd.pick(tables);
    const cells = inputCells(table);
    const edits = Array.from({ length: Math.min(cells.length, 2 + rnd.int(5)) }, () => ({ table, ...rnd.pick(cells), value: amountText(rnd) }));
    await year.change({ cells: edits });
    return `paste ${table} ${edits.length} cells`;
  }
  if (roll < 0.54) {
    const table = rnd.pick(functionalTables());
    const code = rnd.next() < 0.15 ? UNDER_UNNAMED : rnd.pick(LEAF_CODES);
    const def = year.model!.table(table);
    const cols = def.kind === 'functional' ? Object.entries(def.leaf).filter(([, rule]) => rule.role === 'input').map(([col]) => col) : [];
    const cells = cols.filter(() => rnd.next() < 0.5).map((col) => ({ table, row: code, col, value: amountText(rnd) }));
    await year.change({ addCodes: [{ table, code }], cells });
    return `add ${table} ${code} with ${cells.length} values`;
  }
  if (roll < 0.59) {
    const table = rnd.pick(functionalTables());
    const codes = [...year.model!.tableInputs(table).codes];
    if (!codes.length) return `${table}: no code row to remove`;
    const code = rnd.pick(codes);
    await year.change({ removeCodes: [{ table, code }] });
    return `remove ${table} ${code}`;
  }
  if (roll < 0.62) {
    const named = year.findings.filter((finding) => finding.rule === 'R-I02');
    if (named.length) {
      const finding = rnd.pick(named);
      await year.acceptCatalogName(finding.table, finding.row);
      return `采用目录名称 ${finding.table} ${finding.row}`;
    }
    // A 类/款 no catalog names (230 above 2300412): the clerk names it in the panel (R-I03).
    const unnamed = year.findings.filter((finding) => finding.rule === 'R-I03');
    if (unnamed.length) {
      const finding = rnd.pick(unnamed);
      await year.nameCode(finding.table, finding.row, rnd.pick(['转移性支出', '其他支出', '经办人填写的名称']));
      return `填写名称 ${finding.table} ${finding.row}`;
    }
  }
  if (roll < 0.65) {
    await year.undo();
    return 'undo';
  }
  if (roll < 0.68) {
    await year.redo();
    return 'redo';
  }
  if (roll < 0.74) {
    const values: Record<string, string> = {};
    for (const field of SUPP_FIELDS) {
      if (rnd.next() < 0.6) continue;
      values[field.key] = field.kind === 'choice' ? rnd.pick(field.choices!) : field.kind === 'count' ? String(rnd.int(9)) : field.kind === 'percent' ? String(rnd.int(101)) : (amountText(rnd) ?? '');
    }
    await year.saveSupplementary(values);
    return `补充信息 ${Object.keys(values).join(',')}`;
  }
  if (roll < 0.8) {
    const explained = Object.keys(year.explanations);
    if (explained.length && rnd.next() < 0.3) {
      await year.explain(rnd.pick(explained), '');
      return 'remove an explanation';
    }
    // Mostly warnings; sometimes an error, which the core refuses to take an explanation for.
    const target = rnd.next() < 0.85 ? year.findings.filter((finding) => finding.severity === 'warning') : year.findings;
    if (!target.length) return 'no finding to explain';
    const finding = rnd.pick(target);
    await year.explain(finding.key, `说明${rnd.int(100)}`);
    return `explain ${finding.key}`;
  }
  if (roll < 0.96) return formStep(rnd, projectCodes);
  await year.editCells([{ table: rnd.pick(tables), row: '1', col: '1', value: rnd.pick(['abc', '1e300', '1.23456']) }]);
  return 'rejected text';
}

async function formStep(rnd: Random, projectCodes: string[]): Promise<string> {
  const forms = useFormsStore.getState();
  const roll = rnd.next();
  if (roll < 0.3 || !forms.entries.length) {
    const department = !forms.entries.some((entry) => entry.json.subject_type === 'department') && rnd.next() < 0.3;
    const template: PerfFormJson = department ? YL_D_SEED004 : { ...rnd.pick(MS_P_SEED000), subject_code: `5114${String(projectCodes.length).padStart(17, '0')}` };
    if (!department) projectCodes.push(template.subject_code!);
    await forms.create(clone(template));
    return `create form ${template.subject_code ?? '部门整体'}`;
  }
  const entry = rnd.pick(forms.entries);
  if (roll < 0.4) {
    await forms.remove(entry.id);
    return `delete form ${entry.json.subject_code}`;
  }
  const profile = profileFor(entry.json.variant);
  if (roll < 0.75 || !entry.json.indicators.length) {
    const field = rnd.pick(['actual', 'budget_adjusted'] as const);
    const value = amountText(rnd)?.replace('-', '') ?? null;
    forms.update(entry.id, (json) => setFundingAmount(json, profile, 'TOTAL', field, value));
    await settled();
    return `form ${entry.json.subject_code} TOTAL ${field} = ${value}`;
  }
  const index = rnd.int(entry.json.indicators.length);
  const value = String(rnd.int(30));
  forms.update(entry.id, (json) => setIndicatorField(json, profile, index, rnd.next() < 0.5 ? 'score' : 'actual_raw', value));
  await settled();
  return `form ${entry.json.subject_code} indicator ${index} = ${value}`;
}

/**
 * 科目 names as an imported file might have printed them (R-I02): another 科目's name, the code's
 * former name, or merely another wording of its own; on 项 rows and on their 类 and 款 lines.
 */
function printedNamesFor(rnd: Random, tables: Record<string, Record<string, unknown>>): Record<string, Record<string, string>> {
  const catalog = catalogFor(2024);
  const names: Record<string, Record<string, string>> = {};
  for (const table of ['公开02表', '公开03表', '公开05表']) {
    const leaves = Object.keys(tables[table] ?? {}).filter((code) => /^\d{7}$/.test(code));
    for (const code of leaves.filter(() => rnd.next() < 0.4)) {
      const row = rnd.pick([code, code.slice(0, 5), code.slice(0, 3)]);
      const own = catalog.functionName(row) ?? '';
      (names[table] ??= {})[row] = rnd.pick([catalog.functionName(rnd.pick(LEAF_CODES)) ?? '其他支出', `${own} 支出`, own.replace(/^(.)/, '$1　')]);
    }
    if (rnd.next() < 0.3) (names[table] ??= {})['207'] = '文化体育与传媒支出';
  }
  return names;
}

beforeAll(async () => {
  // Last year's file for the sequences that start from one: seed 002 (荆门 2023).
  await core.createYear({ file: 'base-2023.sqlite', fiscalYear: 2023, unitName: '荆门市行政审批局(本级)' });
  await core.load({ file: 'base-2023.sqlite', doc: seed002Doc() });
});

afterAll(() => {
  core.close();
  temp.cleanup();
});

describe('审核 in the renderer is the core’s 审核', () => {
  it(`after every step of ${SEQUENCES} random edit sequences, finding for finding`, async () => {
    let steps = 0;
    for (let sequence = 0; sequence < SEQUENCES; sequence++) {
      const rnd = random(9000 + sequence);
      const template: TemplateSet = sequence % 5 === 4 ? '13' : '9';
      const withBaseline = sequence % 2 === 1;
      const unitName = `单位${sequence}`;
      await useYearStore.getState().createYear({ fiscalYear: 2024, unitName, unitCode: '', template, numbering: '公开', baselineFrom: withBaseline ? 'base-2023.sqlite' : '' });
      const file = useYearStore.getState().info?.file;
      expect(file, useYearStore.getState().error ?? '').toBeTruthy();
      if (sequence % 3 === 0) {
        // A year already filled (seed 002's figures), so relations hold and rounding warnings occur too.
        const doc = { ...seed002Doc(), fiscalYear: 2024, unit: { name: unitName }, template };
        await core.load({ file: file!, doc: { ...doc, printedNames: printedNamesFor(rnd, doc.tables) } });
        await useYearStore.getState().openYear(file!);
      }
      while (useFormsStore.getState().file !== file || useFormsStore.getState().loading) await new Promise((resolve) => setImmediate(resolve));
      await settled();
      await expectOnePath(`seed ${9000 + sequence}: opened`);
      const projectCodes: string[] = [];
      const done: string[] = [];
      for (let step = 0; step < STEPS; step++) {
        done.push(await randomStep(rnd, projectCodes));
        await settled();
        await expectOnePath(`seed ${9000 + sequence}: ${done.join(' → ')}`);
        steps++;
      }
      // The file as stored: with its session closed, the core reads it again from disk and finds the same.
      core.close();
      const { findings } = await core.validate({ file: file! });
      expect(canonical(useYearStore.getState().findings), `seed ${9000 + sequence} reopened`).toEqual(canonical(findings));
      await expectGateAgrees(`seed ${9000 + sequence}`);
      useYearStore.getState().closeYear();
      // Done with: the year list the store reloads on closing stays short.
      core.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(resolveFile(file!) + suffix, { force: true });
    }
    expect(steps).toBe(SEQUENCES * STEPS);
    expect(namedSteps).toBeGreaterThan(SEQUENCES);
  }, 600_000);
});

/** What a year session shows and hands out: the renderer's snapshot, a table view, the interchange document. */
import type { InterchangeDoc, TableInputsDoc, TableView, YearSnapshot } from '../../shared/contract';
import { formatAmount } from '../../shared/money';
import { CELL_KEY_SEPARATOR, printedLabel } from '../../shared/tables';
import { printedNamesToDoc } from '../../shared/rules';
import { serializeForm } from '../../shared/forms/model';
import { formatPoints } from '../../shared/forms/decimal';
import { profileFor } from '../../shared/forms/profiles';
import { formatRate, scoreForm } from '../../shared/forms/scoring';
import { frameworksDump, storedFrameworks } from './frameworks';
import { confirmedOrganisation, consolidatedNames } from './consolidate-store';
import { currentFindings } from './latest-findings';
import type { YearSession } from './year-session';

export function snapshotOf(session: YearSession): YearSnapshot {
  const tables: Record<string, TableInputsDoc> = {};
  for (const def of session.tables()) {
    const inputs = session.model.tableInputs(def.id);
    const cells: TableInputsDoc['cells'] = {};
    for (const [key, value] of inputs.cells) {
      const bar = key.indexOf(CELL_KEY_SEPARATOR);
      (cells[key.slice(0, bar)] ??= {})[key.slice(bar + 1)] = formatAmount(value)!;
    }
    const doc: TableInputsDoc = { cells };
    if (def.kind === 'functional') {
      doc.codes = [...inputs.codes].sort();
      const names = doc.codes.filter((code) => session.customName(code) !== undefined).map((code) => [code, session.customName(code)!]);
      if (names.length) doc.names = Object.fromEntries(names);
    }
    tables[def.id] = doc;
  }
  const printed: NonNullable<YearSnapshot['printed']> = {};
  for (const [table, cells] of session.store.loadPrinted()) printed[table] = Object.fromEntries([...cells].map(([key, value]) => [key, formatAmount(value)!]));
  const baseline: YearSnapshot['baseline'] = {};
  for (const [table, cells] of session.store.loadBaseline()) baseline[table] = Object.fromEntries([...cells].map(([key, value]) => [key, formatAmount(value)!]));
  return {
    info: session.info,
    tables,
    explanations: session.store.explanations(),
    forms: session.forms().map(serializeForm),
    catalog: session.store.catalogCodes(),
    supplementary: session.supplementary(),
    baseline: Object.keys(baseline).length ? baseline : null,
    ...(Object.keys(printed).length ? { printed } : {}),
    ...printedNamesDoc(session),
    revision: session.store.revision,
    reportTexts: session.store.reportTexts(),
    frameworks: storedFrameworks(session),
    ...consolidatedOf(session),
  };
}

function consolidatedOf(session: YearSession): Pick<YearSnapshot, 'consolidatedUnits' | 'unitFixes' | 'confirmedOrganisation'> {
  const units = consolidatedNames(session.store);
  if (!units) return {};
  const confirmed = confirmedOrganisation(session.store);
  return {
    consolidatedUnits: units,
    // Its summed amounts do not change while it is open: the errors on them, pointed once, hold for the renderer's 审核.
    unitFixes: Object.fromEntries(currentFindings(session).flatMap((finding) => (finding.fixIn ? [[finding.key, finding.fixIn]] : []))),
    ...(confirmed ? { confirmedOrganisation: confirmed } : {}),
  };
}

export function tableView(session: YearSession, tableName: string): TableView {
  const def = session.table(tableName);
  const rows = session.model
    .rows(def.id)
    .filter((row) => !row.blank)
    .map((row) => ({
      row: row.key,
      label: row.label,
      cells: Object.fromEntries(Object.keys(row.rules).map((col) => [col, formatAmount(session.model.value(def.id, row.key, col))])),
    }));
  return { table: def.id, label: printedLabel(def.id, session.info.template, session.info.numbering), title: def.title, rows };
}

export function dumpOf(session: YearSession): InterchangeDoc {
  const info = session.info;
  const tables: InterchangeDoc['tables'] = {};
  for (const def of session.tables()) {
    const rows: Record<string, Record<string, string | null>> = {};
    for (const row of session.model.rows(def.id)) {
      if (row.blank) continue;
      const cells: Record<string, string | null> = {};
      for (const col of Object.keys(row.rules)) {
        const value = session.model.value(def.id, row.key, col);
        if (value !== null) cells[col] = formatAmount(value);
      }
      if (Object.keys(cells).length || row.level === 3) rows[row.key] = cells;
    }
    tables[def.id] = rows;
  }
  const forms = session.forms().map((form) => {
    const score = scoreForm(form, profileFor(form.variant));
    return {
      ...serializeForm(form),
      exec_rate: score.execRateBp === null ? null : formatRate(score.execRateBp),
      budget_exec_score: formatPoints(score.budgetScore),
      total_score: formatPoints(score.total),
      grade: score.grade,
    };
  });
  const supplementary = session.supplementary();
  const reportTexts = session.store.reportTexts();
  return {
    format: 'juesuan/1',
    fiscalYear: info.fiscalYear,
    unit: { name: info.unitName, code: info.unitCode },
    template: info.template,
    numbering: info.numbering,
    formRegion: info.formRegion,
    tables,
    forms,
    ...(Object.keys(supplementary).length ? { supplementary } : {}),
    ...(Object.keys(reportTexts).length ? { reportTexts } : {}),
    ...printedNamesDoc(session),
    ...frameworksDump(session),
  };
}

/** 科目 names imported files printed against the catalog (R-I02), as the API carries them; {} when none. */
function printedNamesDoc(session: YearSession): { printedNames?: Record<string, Record<string, string>> } {
  const doc = printedNamesToDoc(session.store.loadPrintedNames());
  return Object.keys(doc).length ? { printedNames: doc } : {};
}

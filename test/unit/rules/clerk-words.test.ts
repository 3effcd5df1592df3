/**
 * Messages a clerk reads carry no developer notation: every finding message of many random years
 * (tables, last year's file, 补充信息, forms), every rule title, and every computed or linked cell's
 * explanation as the grid shows it.
 */
import { describe, expect, it } from 'vitest';
import { auditYear } from '../../../shared/audit';
import { parseForm, type PerfFormJson } from '../../../shared/forms/model';
import { RULE_SETS, SUPP_FIELDS, parseSupplementary, type Finding } from '../../../shared/rules';
import { TABLES, cellKey, explainRule, type YearInputs } from '../../../shared/tables';
import { MS_P_SEED000 } from '../../fixtures/forms/ms-p-seed000';
import { modelOf, seedInputs } from './helpers';

/** SPEC §0.3 notation, code-ish tokens and leaked placeholders. */
const NOTATION = /≠|T\d\d\[|\[r\d|\]\.c\d|\br\d+\b|\bc\d+\b|SUM\(|Σ|\{\w+\}|undefined|NaN|\bnull\b|\d{21}|@|LY\./;

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Seed 002 with a share of its input cells changed, so relations fail in many ways. */
function shaken(seed: number): YearInputs {
  const next = random(seed);
  const inputs = seedInputs();
  const model = modelOf(inputs);
  for (const [table] of TABLES) {
    for (const row of model.rows(table)) {
      for (const [col, rule] of Object.entries(row.rules)) {
        if (rule.role !== 'input' || row.blank || next() > 0.15) continue;
        inputs[table] ??= { cells: new Map(), codes: new Set() };
        inputs[table].cells.set(cellKey(row.key, col), Math.round(next() * 10_000_000) * (next() < 0.5 ? 1 : 100));
      }
    }
  }
  return inputs;
}

function shakenForm(form: PerfFormJson, seed: number): PerfFormJson {
  const next = random(seed);
  return {
    ...form,
    funding: form.funding.map((line) => ({ ...line, actual: next() < 0.5 ? String(Math.round(next() * 500)) : line.actual })),
    indicators: form.indicators.map((ind) => ({ ...ind, weight: next() < 0.3 ? String(Math.round(next() * 40)) : ind.weight, score: next() < 0.3 ? String(Math.round(next() * 40)) : ind.score })),
  };
}

describe('what a clerk reads', () => {
  it('finding messages name places in words, never in notation or by a 21-digit code', () => {
    const findings: Finding[] = [];
    const baseline = modelOf(seedInputs());
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed * 7);
      const supp = parseSupplementary(
        Object.fromEntries(SUPP_FIELDS.filter(() => next() < 0.5).map((field) => [field.key, field.kind === 'choice' ? field.choices![0] : String(Math.round(next() * 90))])),
      );
      const forms = MS_P_SEED000.slice(0, 4).map((form, i) => parseForm(shakenForm(form, seed * 10 + i)));
      findings.push(...auditYear(modelOf(shaken(seed)), { template: '9', fiscalYear: 2023, explanations: {}, supp, forms, baseline: seed % 2 ? baseline : undefined }));
    }
    const rules = new Set(findings.map((finding) => finding.rule));
    expect(rules.size).toBeGreaterThan(25);
    if (process.env.SHOW_MESSAGES) for (const rule of [...rules].sort()) console.log(findings.find((finding) => finding.rule === rule)!.message);
    for (const finding of findings) expect(finding.message, finding.rule).not.toMatch(NOTATION);
    // Form findings lead with the project's name.
    for (const finding of findings.filter((candidate) => candidate.rule.startsWith('FV-'))) {
      expect(MS_P_SEED000.some((form) => finding.message.startsWith(`${form.subject_name}:`)), finding.message).toBe(true);
    }
  });

  it('rule titles and cell explanations are words', () => {
    for (const set of RULE_SETS) for (const rule of set.rules) expect(rule.title, rule.id).not.toMatch(NOTATION);
    const model = modelOf(seedInputs());
    for (const [table] of TABLES) {
      for (const row of model.rows(table)) {
        for (const [col, rule] of Object.entries(row.rules)) {
          const words = explainRule(TABLES, rule, { table, row: row.key, col });
          if (rule.role !== 'input') expect(words, `${table} ${row.key} ${col}`).toMatch(/^(= |取自 )/);
          if (words) expect(words).not.toMatch(NOTATION);
        }
      }
    }
  });
});

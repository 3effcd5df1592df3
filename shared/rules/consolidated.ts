/**
 * A 汇总's errors point to the unit files. Its amounts are the units' inputs summed (then offset) and
 * read-only in the 汇总 file, so "改正录入有误的一处" would send the clerk to a cell nobody can edit
 * there. The units' own inputs are kept in the 汇总's record: each failed rule is asked of every unit,
 * and the error names the units whose own files fail it (the place a fix can be made), each with its
 * figure of the cell. Where none fails alone (the 汇总's 调整, or a check the sum fails and no part
 * does), it names every unit contributing to the cell. Rules that read what the 汇总 file owns (上年数,
 * 补充信息, 决算公开 texts: any rule with `needs`) keep their hint: the fix is made in the 汇总 itself.
 *
 * Only the core holds the units' figures (unitFixes, from the record); the renderer gets the result
 * per finding key with the snapshot. Both word the errors through pointToUnits, so they say the same.
 */
import { formatAmount, parseAmount } from '../money';
import { templateTables } from '../tables';
import { show } from './message';
import { UNNAMED_ROW_RULE_ID } from './unnamed-rows';
import { planRules, validateYear } from './validate';
import type { Finding, FixIn, ModelView, ValidateOptions } from './types';

/** One unit of a 汇总 as its record keeps it: its own inputs, as a model of the same tables. */
export interface UnitFigures {
  unitName: string;
  file: string;
  model: ModelView;
}

/** Where each error on the 汇总's summed amounts is fixed, by finding key, for these errors. */
export type UnitFixes = (errors: readonly Finding[]) => ReadonlyMap<string, FixIn>;

/** Which findings are errors on the summed amounts: a rule reading only the tables, on a table of the template. */
function summedErrors(options: ValidateOptions): (finding: Finding) => boolean {
  const summedTables = new Set(templateTables(options.template).map((def) => def.id));
  const tablesOnly = new Set(planRules(options).flatMap(({ rule }) => (rule.needs?.length || rule.needsOneOf?.length ? [] : [rule.id])));
  // R-I03 too: its input box is not offered in a read-only 汇总, so it names the units whose rows lack the name.
  return (finding) => (finding.severity === 'error' || finding.rule === UNNAMED_ROW_RULE_ID) && summedTables.has(finding.table) && tablesOnly.has(finding.rule);
}

/** The errors of a 汇总 on its summed amounts, pointed at the unit files; every other finding as it was. */
export function pointToUnits(findings: Finding[], fixes: UnitFixes | undefined, options: ValidateOptions): Finding[] {
  if (!fixes) return findings;
  const summed = summedErrors(options);
  const errors = findings.filter(summed);
  if (!errors.length) return findings;
  const byKey = fixes(errors);
  return findings.map((finding) => {
    const fixIn = summed(finding) ? byKey.get(finding.key) : undefined;
    return fixIn ? { ...finding, message: fixMessage(finding, fixIn), fixIn } : finding;
  });
}

type FailedKeys = Map<string, Finding['severity']>;

/** Finding keys each unit fails (with how), per rule id: a unit's figures never change inside a 汇总, so each rule runs once per unit. */
const FAILED = new WeakMap<ModelView, Map<string, FailedKeys>>();

function failedKeys(model: ModelView, ruleIds: ReadonlySet<string>, options: ValidateOptions): FailedKeys {
  let byRule = FAILED.get(model);
  if (!byRule) FAILED.set(model, (byRule = new Map()));
  const missing = new Set([...ruleIds].filter((id) => !byRule.has(id)));
  if (missing.size) {
    const { template, fiscalYear, region, edition } = options;
    for (const id of missing) byRule.set(id, new Map());
    for (const finding of validateYear(model, { template, fiscalYear, region, edition, only: missing })) byRule.get(finding.rule)!.set(finding.key, finding.severity);
  }
  return new Map([...ruleIds].flatMap((id) => [...byRule.get(id)!]));
}

/** Where each of these errors of a 汇总 is fixed, asked of its units' own figures (the core's side of pointToUnits). */
export function unitFixes(errors: readonly Finding[], units: readonly UnitFigures[], options: ValidateOptions): Map<string, FixIn> {
  const fixes = new Map<string, FixIn>();
  if (!units.length || !errors.length) return fixes;
  const failed = units.map((unit) => failedKeys(unit.model, new Set(errors.map((finding) => finding.rule)), options));
  for (const finding of errors) {
    const share = (unit: UnitFigures) => {
      const value = unit.model.value(finding.table, finding.row, finding.col);
      // An empty amount cell is 0 to the rules (SPEC §2); a finding on a whole row (col "") has no figure.
      const figure = value ?? (unit.model.rule(finding.table, finding.row, finding.col) ? 0 : null);
      return { unitName: unit.unitName, file: unit.file, value: formatAmount(figure) };
    };
    // A unit whose own check is an error is where the fix is; one within 尾数误差 only when none errs
    // (14 units each 0.0003 off named beside the one 30.00 off hid it).
    const erring = units.filter((_, index) => failed[index].get(finding.key) === 'error');
    const failing = (erring.length ? erring : units.filter((_, index) => failed[index].has(finding.key))).map(share);
    const contributing = units.map(share).filter((unit) => unit.value !== null && unit.value !== formatAmount(0));
    const listed = failing.length ? failing : contributing.length ? contributing : units.map(share);
    fixes.set(finding.key, { failing: failing.length > 0, units: listed });
  }
  return fixes;
}

/** The finding's own words without its "请…" (which meant this file), then where the fix is made. */
function fixMessage({ rule, message }: Finding, { failing, units }: FixIn): string {
  const hint = message.lastIndexOf('。请');
  const what = hint < 0 ? message : message.slice(0, hint);
  const named = units.map((unit) => (unit.value === null ? unit.unitName : `${unit.unitName} ${show(parseAmount(unit.value)!)}`)).join('、');
  if (rule === UNNAMED_ROW_RULE_ID) {
    return `${what}。汇总中不能填写:请在单位文件中按官方科目表填写名称(${named}),改后按原汇总重新汇总;或在汇总结果中导入本年度官方科目表(“导入 › 本年度科目表”,或命令 catalog)`;
  }
  return failing
    ? `${what}。汇总数,请在单位文件中改正:${named},改后按原汇总重新汇总`
    : `${what}。汇总数,各单位文件单独审核都没有此错误(由汇总的相加或调整造成),请核对调整或单位文件:${named},改后按原汇总重新汇总`;
}

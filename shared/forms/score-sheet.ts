/**
 * 自评得分一览: one row per 绩效自评 form of the year, with what its score is made of: 预算数,
 * 执行数, 执行率, the parts and the total, the grade, every rule of the region's profile (Sichuan
 * 10 + 90, the reason required below a 执行率, the 一体化 cap and overshoot deduction), each change
 * such a rule made, and the reasons the clerk still owes (from the one 审核 path, not re-checked
 * here). The columns are declared once and drive the app's page, the .xlsx and the CLI.
 */
import { displayAmount, type Amount } from '../money';
import type { Finding } from '../rules/types';
import { formatPoints, type Points } from './decimal';
import { FORMS_TABLE } from './year-check';
import { formLabel, fundingLine, type PerfForm, type SubjectType, type Variant } from './model';
import { profileFor, type ScoringProfile } from './profiles';
import { adjustmentText, formatRate, scoreForm } from './scoring';
import { FRAMEWORK_DEFS, type SettledFramework } from './framework-entry';
import type { FrameworkKind } from './framework';

/** Rules whose findings are a reason the clerk has not (properly) given: 执行率 原因 (FV-11), 偏差原因 (FV-08). */
const REASON_RULES = new Set(['FV-11', 'FV-08']);

export interface ScoreSheetRow {
  /** The form's name in findings: its code, else its name (formLabel). */
  label: string;
  subjectType: SubjectType;
  /** null for a scored framework's row. */
  variant: Variant | null;
  /** A scored framework (附件1.1, 附件2, 大通湖 附件5) rather than a 自评表. */
  framework?: FrameworkKind;
  code: string | null;
  name: string;
  unit: string | null;
  budget: Amount | null;
  actual: Amount | null;
  execRateBp: number | null;
  budgetScore: Points | null;
  indicatorTotal: Points;
  total: Points | null;
  maxTotal: Points | null;
  grade: string | null;
  /** The profile's scoring rules, in words. */
  rules: string[];
  /** Each change a platform rule made to the total, with its points. */
  adjustments: string[];
  /** Reasons still owed, and indicators nobody has scored. */
  missing: string[];
}

/** The scoring rules a profile switches on, as a clerk reads them. */
export function scoringRuleTexts(scoring: ScoringProfile): string[] {
  const rules: string[] = [];
  if (scoring.budgetWeight !== null && scoring.indicatorTotal !== null) {
    rules.push(`预算执行 ${formatPoints(scoring.budgetWeight)} 分 + 绩效指标 ${formatPoints(scoring.indicatorTotal)} 分`);
  }
  if (scoring.reasonBelowBp !== null) {
    const limit = scoring.reasonMaxChars === null ? '' : `(不超过 ${scoring.reasonMaxChars} 字)`;
    rules.push(`执行率低于 ${formatRate(scoring.reasonBelowBp)} 须说明原因${limit}`);
  }
  if (scoring.platformRules.execRateCap) rules.push('执行率低于 80% 总分封顶');
  if (scoring.platformRules.overshootDeduction) rules.push('完成值超出指标值 30% 及以上扣 2 分');
  return rules;
}

export function scoreSheetRow(form: PerfForm, findings: readonly Finding[]): ScoreSheetRow {
  const profile = profileFor(form.variant);
  const score = scoreForm(form, profile);
  const total = fundingLine(form, 'TOTAL');
  const label = formLabel(form);
  const owed = findings.filter((finding) => finding.table === FORMS_TABLE && finding.row === label && REASON_RULES.has(finding.rule));
  const unscored = score.indicators.filter((assessment) => assessment !== null && assessment.effective === null).length;
  return {
    label,
    subjectType: form.subject_type,
    variant: form.variant,
    code: form.subject_code,
    name: form.subject_name,
    unit: form.implementing_unit ?? form.competent_dept,
    budget: total?.budget_adjusted ?? null,
    actual: total?.actual ?? null,
    execRateBp: score.execRateBp,
    budgetScore: score.budgetScore,
    indicatorTotal: score.indicatorTotal,
    total: score.total,
    maxTotal: score.maxTotal,
    grade: score.grade,
    rules: scoringRuleTexts(profile.scoring),
    adjustments: score.adjustments.map(adjustmentText),
    missing: [...owed.map((finding) => finding.message), ...(unscored ? [`${unscored} 个指标未评分`] : [])],
  };
}

/** A scored framework's row: its 合计得分 and 等级 (it has no 预算/执行 of its own), items not yet scored. */
export function frameworkScoreRow(subjectCode: string, settled: SettledFramework, subjectName: string | null): ScoreSheetRow {
  const def = FRAMEWORK_DEFS[settled.framework.framework];
  return {
    label: `${def.attachment}${subjectCode ? `-${subjectCode}` : ''}`,
    subjectType: def.subject,
    variant: null,
    framework: def.kind,
    code: subjectCode || null,
    name: `${def.attachment} ${def.title}${subjectName ? `《${subjectName}》` : ''}`,
    unit: null,
    budget: null,
    actual: null,
    execRateBp: null,
    budgetScore: null,
    indicatorTotal: settled.total,
    total: settled.total,
    maxTotal: settled.max,
    grade: settled.grade,
    rules: [`${def.title}:各指标得分之和,满分 ${formatPoints(settled.max)} 分`],
    adjustments: [],
    missing: [...settled.issues, ...(settled.unscored ? [`${settled.unscored} 个指标未评分`] : [])],
  };
}

/** Every form of the year, projects in their stored order, then the department form; then the scored frameworks. */
export function scoreSheet(forms: readonly PerfForm[], findings: readonly Finding[], frameworks: readonly ScoredFramework[] = []): ScoreSheetRow[] {
  const ordered = [...forms.filter((form) => form.subject_type === 'project'), ...forms.filter((form) => form.subject_type === 'department')];
  const names = new Map(forms.map((form) => [form.subject_code ?? '', form.subject_name]));
  const scored = frameworks.map(({ subjectCode, settled }) => frameworkScoreRow(subjectCode, settled, subjectCode ? (names.get(subjectCode) ?? null) : null));
  return [...ordered.map((form) => scoreSheetRow(form, findings)), ...scored];
}

export interface ScoredFramework {
  subjectCode: string;
  settled: SettledFramework;
}

export interface ScoreColumn {
  key: string;
  header: string;
  /** Width in characters (the .xlsx; the page sizes itself). */
  width: number;
  numeric: boolean;
  text(row: ScoreSheetRow): string;
  /** What the column sorts by; null sorts last. */
  sortKey(row: ScoreSheetRow): number | string | null;
}

const points = (value: Points | null) => formatPoints(value) ?? '';
const kindText = (r: ScoreSheetRow) => (r.framework ? FRAMEWORK_DEFS[r.framework].attachment : r.subjectType === 'project' ? '项目' : '部门');
const lines = (items: string[]) => items.join(';');

export const SCORE_COLUMNS: readonly ScoreColumn[] = [
  { key: 'kind', header: '类型', width: 8, numeric: false, text: kindText, sortKey: kindText },
  { key: 'code', header: '编码', width: 22, numeric: false, text: (r) => r.code ?? '', sortKey: (r) => r.code },
  { key: 'name', header: '项目/部门名称', width: 30, numeric: false, text: (r) => r.name, sortKey: (r) => r.name },
  { key: 'unit', header: '实施单位/主管部门', width: 20, numeric: false, text: (r) => r.unit ?? '', sortKey: (r) => r.unit },
  { key: 'budget', header: '预算数(万元)', width: 14, numeric: true, text: (r) => displayAmount(r.budget), sortKey: (r) => r.budget },
  { key: 'actual', header: '执行数(万元)', width: 14, numeric: true, text: (r) => displayAmount(r.actual), sortKey: (r) => r.actual },
  { key: 'rate', header: '执行率', width: 9, numeric: true, text: (r) => (r.execRateBp === null ? '' : formatRate(r.execRateBp)), sortKey: (r) => r.execRateBp },
  { key: 'budgetScore', header: '预算执行得分', width: 10, numeric: true, text: (r) => points(r.budgetScore), sortKey: (r) => r.budgetScore },
  { key: 'indicatorTotal', header: '指标得分', width: 9, numeric: true, text: (r) => points(r.indicatorTotal), sortKey: (r) => r.indicatorTotal },
  { key: 'total', header: '自评得分', width: 9, numeric: true, text: (r) => points(r.total), sortKey: (r) => r.total },
  { key: 'grade', header: '等级', width: 6, numeric: false, text: (r) => r.grade ?? '', sortKey: (r) => r.grade },
  { key: 'rules', header: '计分规则', width: 34, numeric: false, text: (r) => lines(r.rules), sortKey: (r) => lines(r.rules) },
  { key: 'adjustments', header: '封顶与扣分', width: 40, numeric: false, text: (r) => lines(r.adjustments), sortKey: (r) => r.adjustments.length },
  { key: 'missing', header: '缺少的说明', width: 40, numeric: false, text: (r) => lines(r.missing), sortKey: (r) => r.missing.length },
];

/** Items (rows, or what the page keeps beside each row) ordered by one column; null values last whichever the direction, ties keep their order. */
export function sortScoreRows<T>(items: readonly T[], rowOf: (item: T) => ScoreSheetRow, column: ScoreColumn, descending: boolean): T[] {
  return items
    .map((item, index) => ({ item, index, key: column.sortKey(rowOf(item)) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key), 'zh-CN');
      return (descending ? -order : order) || a.index - b.index;
    })
    .map((entry) => entry.item);
}

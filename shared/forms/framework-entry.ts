/**
 * The scored frameworks as a clerk fills them (issue 15): which frameworks a region uses, the blank
 * template of each (the seed's declaration with every judged value cleared), the range a judged
 * score must keep, and `settleFramework` — the one function that fills the computed items and
 * totals a framework. The page (live), the core (on save, dump, workbook) and the 得分一览 all call
 * it, so they cannot disagree.
 */
import { formatPoints, parseDec, parsePoints, POINT_SCALE, roundPoints, type Points } from './decimal';
import { parseFramework, serializeFramework, type Framework, type FrameworkItem, type FrameworkItemJson, type FrameworkJson, type FrameworkKind, type ScoreRuleJson } from './framework';
import { DTH_SCORE_TABLE_SEED001, MS_FW1_SEED000, MS_FW2_SEED000 } from './framework-seeds';
import type { FormRegion } from './regions';
import { fundingLine, type PerfForm } from './model';
import { computeFrameworkItem, execResultScore, frameworkIssues, frameworkMaxScore, frameworkTotal, gradeFor, itemCounts, type ProjectExecution } from './scoring';
import { NATIONAL_GRADES } from './profiles-common';

export interface FrameworkDef {
  kind: FrameworkKind;
  /** How the region's manual names it. */
  attachment: string;
  title: string;
  /** A department framework is one per year; a project framework (附件2) one per project (subject_code = 项目编码). */
  subject: 'department' | 'project';
  region: FormRegion;
  seed: FrameworkJson;
  /** The printed headings of the two text columns: 指标解释 (or 评价标准) and 评分说明 (or 指标说明). */
  headings: { notes: string; formula: string };
  /** The tick-box column groups printed after the text columns, in order (none for 大通湖 附件5). */
  ticks: readonly TickGroup[];
}

/** A group of tick-box columns under one printed heading; an item's `ticks` lists the ticked options. */
export interface TickGroup {
  heading: string;
  options: readonly string[];
}

const MS_HEADINGS = { notes: '指标解释', formula: '评分说明' };

/**
 * Seed 000 prints 评价方式 / 评价属性 / 评价标准 as tick boxes on 附件1.1 and on 附件2 (SPEC §4.1), empty
 * in the seed. They record how an item was judged; the 自评得分 follows the 评分说明 alone, so they
 * do not score. The seed shows no rule that one group takes a single tick, so each box is its own.
 */
const MS_TICKS: readonly TickGroup[] = [
  { heading: '评价方式', options: ['整体评价', '样本评价'] },
  { heading: '评价属性', options: ['定性评价', '定量评价'] },
  { heading: '评价标准', options: ['国家标准', '行业标准', '地方标准', '申报标准', '历史均值', '样本均值', '其他标准'] },
];

export const FRAMEWORK_DEFS: Record<FrameworkKind, FrameworkDef> = {
  DEPT_OVERALL_MS: { kind: 'DEPT_OVERALL_MS', attachment: '附件1.1', title: '部门预算绩效评价指标体系', subject: 'department', region: '眉山', seed: MS_FW1_SEED000, headings: MS_HEADINGS, ticks: MS_TICKS },
  PROJECT_SPECIAL_MS: { kind: 'PROJECT_SPECIAL_MS', attachment: '附件2', title: '专项预算项目绩效评价指标体系', subject: 'project', region: '眉山', seed: MS_FW2_SEED000, headings: MS_HEADINGS, ticks: MS_TICKS },
  DEPT_OVERALL_DTH: { kind: 'DEPT_OVERALL_DTH', attachment: '附件5', title: '部门整体支出绩效自评指标计分表', subject: 'department', region: '大通湖', seed: DTH_SCORE_TABLE_SEED001, headings: { notes: '评价标准', formula: '指标说明' }, ticks: [] },
};

/** What the notes column shows of an item: 指标解释, else the 评分说明/评价标准 text the seed prints there. */
export const itemNotes = (item: { explanation?: string | null; scoring_notes?: string | null }) => item.explanation ?? item.scoring_notes ?? '';

/** Every tick-box column of a framework, in printed order. */
export const tickOptions = (kind: FrameworkKind): string[] => FRAMEWORK_DEFS[kind].ticks.flatMap((group) => [...group.options]);

/** An item's ticks with `option` ticked or not, kept in printed order. */
export function withTick(kind: FrameworkKind, ticks: readonly string[], option: string, on: boolean): string[] {
  return tickOptions(kind).filter((name) => (name === option ? on : ticks.includes(name)));
}

export function frameworksOfRegion(region: FormRegion): FrameworkDef[] {
  return Object.values(FRAMEWORK_DEFS).filter((def) => def.region === region);
}

/**
 * Items whose score the year's own data decides (SPEC §4.2): 附件1.1 执行结果 from the year's project
 * forms (结余率 < 10 % shares of 常年 and 阶段/一次性 projects).
 */
const FROM_PROJECTS: Partial<Record<FrameworkKind, string>> = { DEPT_OVERALL_MS: '执行结果' };

/** One stored framework: its key (kind + subject_code, '' for a department framework) and its JSON. */
export interface FrameworkDoc {
  subject_code: string;
  /** Carried from last year's file and not yet touched this year. */
  draft?: boolean;
  framework: FrameworkJson;
}

/** The blank framework of a year: the seed's layout, no score, no input, no chosen block. */
export function frameworkTemplate(kind: FrameworkKind, fiscalYear: number): Framework {
  const seed = parseFramework(FRAMEWORK_DEFS[kind].seed);
  return clearJudgements({ ...seed, fiscal_year: fiscalYear, title: seed.title.replace(/^\d{4}年/, `${fiscalYear}年`) });
}

/**
 * What last year's scores say nothing about this year: every score, input and choice is cleared.
 * The ticks stay: they say how an item is judged (整体/样本, 定性/定量, which 标准), not how it did.
 */
export function clearJudgements(fw: Framework): Framework {
  return { ...fw, total_score: null, chosen: {}, items: fw.items.map((item) => ({ ...item, self_score: null, inputs: {} })) };
}

/** The inputs a rule reads, in its declared order ("-上年预算数" reads 上年预算数). */
export function ruleInputs(rule: ScoreRuleJson | null): string[] {
  if (!rule) return [];
  if (rule.type === 'per_case' || rule.type === 'choice') return [rule.input];
  return [...new Set([...rule.measure.num, ...rule.measure.den].map((name) => name.replace(/^-/, '')))];
}

/** The lowest and highest score a clerk may give an item: 0…分值, a deduction −一级分值…0. */
export function scoreRange(item: FrameworkItem): { min: Points; max: Points } {
  return item.is_deduction ? { min: -(item.l1_weight ?? 0), max: 0 } : { min: 0, max: item.weight ?? 0 };
}

/** A typed score → points, or the reason it is refused (shown beside the field). */
export function checkJudgedScore(item: FrameworkItem, text: string): { value: Points | null } | { error: string } {
  let value: Points | null;
  try {
    value = parsePoints(text, '得分');
  } catch {
    return { error: `“${text}”不是有效分值` };
  }
  const { min, max } = scoreRange(item);
  if (value !== null && (value < min || value > max)) {
    return { error: item.is_deduction ? `扣分须在 ${formatPoints(min)} 至 0 之间` : `得分须在 0 至 ${formatPoints(max)} 分之间` };
  }
  return { value };
}

export interface SettledItem {
  /** Counts toward the total (false: a block of a choose-one group not chosen). */
  counts: boolean;
  /** The score comes from data, not the clerk: read-only, with how it was computed. */
  computed: boolean;
  how: string | null;
}

export interface SettledFramework {
  framework: Framework;
  items: SettledItem[];
  total: Points;
  max: Points;
  grade: string;
  /** Judged items of counted blocks without a score. */
  unscored: number;
  issues: string[];
}

/** Whether settling a framework of `kind` reads the year's project forms (a 汇总 keeps them beside it). */
export const readsProjects = (kind: FrameworkKind): boolean => FROM_PROJECTS[kind] !== undefined;

/**
 * Fills computed items from their inputs (and the year's projects) and totals the framework.
 * `projects` null: the projects are not at hand (a 汇总 made before it kept them), so an item they
 * decide keeps the score it was stored with.
 */
export function settleFramework(fw: Framework, projects: readonly ProjectExecution[] | null): SettledFramework {
  const settledItems: SettledItem[] = [];
  const items = fw.items.map((item) => {
    const counts = itemCounts(fw, item);
    if (FROM_PROJECTS[fw.framework] === item.l3) {
      if (projects === null) {
        settledItems.push({ counts, computed: true, how: '按该单位本年度项目自评表计算(汇总时的得分)' });
        return item;
      }
      settledItems.push({ counts, computed: true, how: projectsHow(projects) });
      return { ...item, self_score: execResultScore([...projects], item.weight ? item.weight / 2 : 2 * POINT_SCALE) };
    }
    const names = ruleInputs(item.rule);
    const complete = names.length > 0 && names.every((name) => (item.inputs[name] ?? '').trim() !== '');
    const score = complete ? safeCompute(item) : null;
    if (score === null) {
      settledItems.push({ counts, computed: false, how: null });
      return item;
    }
    settledItems.push({ counts, computed: true, how: `按所填${names.join('、')}依评价标准计算` });
    return { ...item, self_score: score };
  });
  const settled = { ...fw, items };
  const total = frameworkTotal(settled);
  return {
    framework: { ...settled, total_score: total },
    items: settledItems,
    total,
    max: frameworkMaxScore(settled),
    grade: gradeFor(total, NATIONAL_GRADES),
    unscored: items.filter((item, i) => settledItems[i].counts && !settledItems[i].computed && !item.is_deduction && item.self_score === null).length,
    issues: frameworkIssues(settled),
  };
}

function safeCompute(item: FrameworkItem): Points | null {
  try {
    return computeFrameworkItem(item);
  } catch {
    // An input that is not a number leaves the item to the clerk; the page names the field.
    return null;
  }
}

function projectsHow(projects: readonly ProjectExecution[]): string {
  const yearly = projects.filter((p) => p.lifecycle === '常年项目' && p.budget !== null && p.budget > 0);
  const staged = projects.filter((p) => (p.lifecycle === '阶段项目' || p.lifecycle === '一次性项目') && p.budget !== null && p.budget > 0);
  const good = (list: typeof yearly) => list.filter((p) => ((p.budget ?? 0) - (p.actual ?? 0)) * 10 < (p.budget ?? 0)).length;
  const part = (name: string, list: typeof yearly) => (list.length ? `${name} ${good(list)}/${list.length} 个结余率低于 10%` : `没有${name}(按满分)`);
  return `按本年度项目自评表计算:${part('常年项目', yearly)};${part('阶段和一次性项目', staged)}`;
}

/**
 * A framework as it reaches the core (page, load, workbook) checked and settled. Only the clerk's
 * part is taken from it — scores, measured data, the chosen block — and laid on the template: the
 * indicators, weights and rules are the declaration's, so no document can change how an item scores.
 * Refuses, in Chinese, a changed layout, an unknown block or datum, and a score out of range.
 */
export function acceptFramework(json: unknown, projects: readonly ProjectExecution[]): SettledFramework {
  const given = parseFramework(json);
  const template = parseFramework(FRAMEWORK_DEFS[given.framework].seed);
  const layout = (f: Framework) => f.items.map((item) => `${item.l1}|${item.l2 ?? ''}|${item.l3}|${item.weight ?? ''}|${item.alternative ?? ''}`).join('\n');
  if (layout(given) !== layout(template)) throw new RangeError(`${FRAMEWORK_DEFS[given.framework].title}的指标与表样不一致(指标不能增删或改名)`);
  for (const [group, chosen] of Object.entries(given.chosen)) {
    if (!template.items.some((item) => item.alternative_group === group && item.alternative === chosen)) throw new RangeError(`“${group}”没有“${chosen}”这一评价方向`);
  }
  const items = template.items.map((item, i) => ({
    ...item,
    self_score: given.items[i].self_score,
    inputs: checkedInputs(item, given.items[i].inputs),
    ticks: checkedTicks(given.framework, item, given.items[i].ticks),
  }));
  const fw: Framework = { ...template, fiscal_year: given.fiscal_year, title: given.title, chosen: given.chosen, items };
  const settled = settleFramework(fw, projects);
  settled.framework.items.forEach((item, i) => {
    if (settled.items[i].computed || item.self_score === null) return;
    const { min, max } = scoreRange(item);
    if (item.self_score < min || item.self_score > max) {
      throw new RangeError(`“${item.l3}”${item.is_deduction ? '扣分' : '得分'} ${formatPoints(item.self_score)} 超出范围(${formatPoints(min)} 至 ${formatPoints(max)})`);
    }
  });
  return settled;
}

/** An item's measured data: only what its rule reads, numbers (a choice: one of its words). */
function checkedInputs(item: FrameworkItem, inputs: Record<string, string>): Record<string, string> {
  const names = ruleInputs(item.rule);
  for (const [name, value] of Object.entries(inputs)) {
    if (!names.includes(name)) throw new RangeError(`“${item.l3}”没有评分数据“${name}”`);
    const valid = item.rule?.type === 'choice' ? Object.hasOwn(item.rule.options, value) : parseDec(value) !== null;
    if (!valid) throw new RangeError(`“${item.l3}”的${name}“${value}”${item.rule?.type === 'choice' ? '不是可选的评价' : '不是数字'}`);
  }
  return inputs;
}

/** An item's ticks: only the framework's own tick-box columns, in printed order. */
function checkedTicks(kind: FrameworkKind, item: FrameworkItem, ticks: readonly string[]): string[] {
  const options = tickOptions(kind);
  const unknown = ticks.find((name) => !options.includes(name));
  if (unknown !== undefined) throw new RangeError(`“${item.l3}”没有“${unknown}”一栏可勾选`);
  return options.filter((name) => ticks.includes(name));
}

export function frameworkToJson(fw: Framework): FrameworkJson {
  return serializeFramework(fw);
}

/** A score as the page and the workbook show it: 2 decimals ("7.00", "95.78", "-1.00"); '' for none. */
export function displayScore(points: Points | null): string {
  if (points === null) return '';
  const text = formatPoints(roundPoints(points, 2))!;
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

/** The year's project forms as 附件1.1 执行结果 reads them: 项目类型, 调整后预算 and 执行数 of the 合计 line. */
export function executionsOf(forms: readonly PerfForm[]): ProjectExecution[] {
  return forms
    .filter((form) => form.subject_type === 'project')
    .map((form) => ({ lifecycle: form.lifecycle, budget: fundingLine(form, 'TOTAL')?.budget_adjusted ?? null, actual: fundingLine(form, 'TOTAL')?.actual ?? null }));
}

type LevelItem = Pick<FrameworkItemJson, 'l1' | 'l2' | 'alternative'> & { l2_weight?: string | number | null };
const LEVEL_KEYS: Record<1 | 2, (item: LevelItem) => string> = {
  1: (item) => item.l1,
  2: (item) => `${item.l1}|${item.l2 ?? ''}|${item.l2_weight ?? ''}|${item.alternative ?? ''}`,
};

/** How many rows from `index` the 一级 / 二级 cell spans as printed (merged); 0 inside a run. */
export function levelSpan(items: readonly LevelItem[], index: number, level: 1 | 2): number {
  const key = LEVEL_KEYS[level];
  if (index > 0 && key(items[index - 1]) === key(items[index])) return 0;
  let end = index + 1;
  while (end < items.length && key(items[end]) === key(items[index])) end++;
  return end - index;
}

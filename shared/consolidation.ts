/**
 * 汇总 (consolidation) as data: which flows inside a group are counted twice when units are added
 * up, and the shapes a consolidation plan and a drill-down take between core, CLI and renderer.
 */
import { parsePoints } from './forms/decimal';
import { displayScore, FRAMEWORK_DEFS, type FrameworkDoc } from './forms/framework-entry';
import type { ProjectExecution } from './forms/scoring';
import type { TemplateSet } from './tables/sets';
import type { FormRegion } from './forms/regions';
import type { Numbering } from './contract';

/** A cell of one unit's file: the unit by its file (path for the CLI, name in the data folder for the app). */
export interface UnitCell {
  file: string;
  table: string;
  row: string;
  col: string;
}

/**
 * An internal flow (调整表, REFERENCE Q5): what one unit pays inside the group (payer column of
 * 公开03表) shows up as another unit's income (receiver column of 公开02表). Summed as they are,
 * both would count the same money twice; an offset removes it from both sides.
 */
export interface FlowDef {
  id: '补助' | '上缴';
  label: string;
  payer: { table: string; col: string; label: string };
  receiver: { table: string; col: string; label: string };
}

export const FLOWS: readonly FlowDef[] = [
  {
    id: '补助',
    label: '对附属单位补助支出 ↔ 上级补助收入',
    payer: { table: '公开03表', col: '6', label: '对附属单位补助支出' },
    receiver: { table: '公开02表', col: '3', label: '上级补助收入' },
  },
  {
    id: '上缴',
    label: '上缴上级支出 ↔ 附属单位上缴收入',
    payer: { table: '公开03表', col: '4', label: '上缴上级支出' },
    receiver: { table: '公开02表', col: '6', label: '附属单位上缴收入' },
  },
];

export type FlowId = FlowDef['id'];

/** One offset pair: `amount` (万元, decimal string) is removed from the payer cell and the receiver cell. */
export interface Offset {
  flow: FlowId;
  amount: string;
  payer: UnitCell;
  receiver: UnitCell;
  /** auto: proposed from matching amounts; manual: entered or changed by the clerk. */
  origin: 'auto' | 'manual';
}

/** Why a file is listed: refused ones are left out of the 汇总, the others are in it and only listed. */
export type ProblemKind = 'unreadable' | 'year' | 'template' | 'duplicate' | 'errors';

export interface ConsolidationProblem {
  file: string;
  unitName?: string;
  kind: ProblemKind;
  refused: boolean;
  message: string;
}

/** A unit taken into the 汇总. */
export interface ConsolidatedUnit {
  file: string;
  unitName: string;
  unitCode: string;
  sha256: string;
  modifiedAt: string;
  errors: number;
  warnings: number;
  /** 绩效自评 forms of the unit: listed, never summed. */
  forms: { subject_type: 'project' | 'department'; subject_code: string; subject_name: string }[];
  /** When the file is itself a 汇总 (节点汇总): the units it holds. */
  members: { unitName: string; unitCode: string; file: string }[];
  /** The unit's 评价指标体系 (a 节点汇总: those of the units it holds), kept whole in the 汇总. */
  frameworks: UnitFramework[];
}

/**
 * A 评价指标体系 (附件1.1, 附件2, 附件5) of a unit, as the 汇总 keeps it: whole, labelled by its unit,
 * never added up — a score says how one unit did against its own indicators, and two scores of 90
 * do not make 180 or a department's 90. The 汇总 file's own 部门整体 evaluation is filled there.
 */
export interface UnitFramework {
  unitName: string;
  unitCode: string;
  doc: FrameworkDoc;
  /**
   * The unit's project forms as a framework that reads them (附件1.1 执行结果) was settled with, so the
   * 汇总 shows it as the unit's own page does; absent for other frameworks and in 汇总 files made before.
   */
  projects?: ProjectExecution[];
}

/** What the 汇总 says of the units' frameworks, on its page and in the CLI. */
export const FRAMEWORKS_NOTE = '各单位的评价指标体系按单位原样保存在汇总结果中,得分不相加;汇总单位自身的部门整体评价请在汇总结果中另行填写。';

/** "附件2 专项预算项目绩效评价指标体系(项目 P1)": which framework of the unit it is. */
export function unitFrameworkTitle({ doc }: UnitFramework): string {
  const def = FRAMEWORK_DEFS[doc.framework.framework];
  return `${def.attachment} ${def.title}${doc.subject_code ? `(项目 ${doc.subject_code})` : ''}${doc.draft ? '(上年带入的草稿)' : ''}`;
}

/** A cell the offsets change (input or computed), in 万元. */
export interface CellChange {
  table: string;
  row: string;
  col: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface ConsolidationPlan {
  fiscalYear: number;
  template: TemplateSet;
  /** The region and table numbering most units have: the 汇总's 决算公开 outline and labels follow its units'. */
  formRegion: FormRegion;
  numbering: Numbering;
  unitName: string;
  unitCode: string;
  units: ConsolidatedUnit[];
  problems: ConsolidationProblem[];
  offsets: Offset[];
  /** Internal-flow cells left without a counterpart (e.g. 上级补助收入 from outside the group). */
  unmatched: (UnitCell & { flow: FlowId; amount: string })[];
  changes: CellChange[];
  /** 公开01表 总计 before and after the offsets, for the summary line. */
  total: { before: string | null; after: string | null };
}

/** One unit's share of a 汇总 cell. */
export interface DrillDown {
  table: string;
  row: string;
  col: string;
  label: string;
  /** The 汇总 value, after offsets. */
  value: string | null;
  units: { unitName: string; unitCode: string; file: string; value: string | null }[];
  /** Offsets that change this cell directly (input cells of the flow columns). */
  offsets: Offset[];
}

/** Batch 审核 of one unit file: who and which year, the counts, every finding; or why it could not be read. */
export interface ValidationReport {
  file: string;
  unitName?: string;
  unitCode?: string;
  fiscalYear?: number;
  /** 表样: 9, 13, 四川14…, for the check across files (a 四川 unit among a county's 9-table files). */
  template?: string;
  errors: number;
  warnings: number;
  /** Warnings without a 出错说明. */
  unexplained: number;
  /** tableLabel: the table as the file prints it (表七 of a 四川 year, not 川07表), for the people who read the report. */
  findings: { rule: string; severity: 'error' | 'warning'; table: string; tableLabel?: string; row: string; col: string; message: string; expected: string | null; actual: string | null; explanation?: string }[];
  /** The 决算公开 情况说明 generated from the file's tables; absent when the file could not be read. */
  narrative?: NarrativeCheck;
  error?: string;
}

/**
 * 情况说明数字一致 / 原因齐全 of one unit: every number of the 情况说明 is computed from the tables, so
 * only the clerk's own words can disagree with them (P-06) or be missing (P-05).
 */
export interface NarrativeCheck {
  /** Sentences whose 主要原因 is needed but not written, or carried from last year and not confirmed (P-05). */
  reasonsMissing: number;
  /** Reasons whose numbers disagree with the tables, or whose sentence the tables no longer produce (P-06). */
  figuresDisagreeing: number;
}

/** The findings' share of a NarrativeCheck. */
export function narrativeCheck(findings: readonly { rule: string }[]): NarrativeCheck {
  return {
    reasonsMissing: findings.filter((finding) => finding.rule === 'P-05').length,
    figuresDisagreeing: findings.filter((finding) => finding.rule === 'P-06').length,
  };
}

/** The two columns of the batch summary, in words: "是" or "否(N 处)"; "—" for a file not read. */
export function narrativeColumns(check: NarrativeCheck | undefined): { figuresAgree: string; reasonsComplete: string } {
  if (!check) return { figuresAgree: '—', reasonsComplete: '—' };
  const say = (count: number) => (count ? `否(${count} 处)` : '是');
  return { figuresAgree: say(check.figuresDisagreeing), reasonsComplete: say(check.reasonsMissing) };
}

/** The unit's 合计得分 as the framework pages show it ("90.00"). */
export const unitFrameworkScore = ({ doc }: UnitFramework): string => displayScore(parsePoints(doc.framework.total_score ?? '0', '合计得分'));

import type { Amount } from '../money';
import type { YearModel } from '../tables/engine';
import type { TemplateSet } from '../tables';
import type { CheckContext } from './context';
import type { PrintedCells } from './printed';
import type { PrintedNames } from './printed-names';
import type { OrganisationChange } from '../report/organisation';

export type Severity = 'error' | 'warning';

/**
 * What the rules read of a year. A YearModel satisfies it; so does any view with the same public
 * reads, e.g. an imported file whose totals are kept as printed, or a test that overrides one cell.
 */
export type ModelView = Pick<YearModel, 'value' | 'rows' | 'row' | 'rule' | 'table' | 'inputsBehind' | 'column'>;

/** Where findings about supplementary inputs and narrative text are placed (they have no annex table). */
export const SUPP_TABLE = '补充信息';
export const TEXT_TABLE = '情况说明';

/** One failed check at one cell. `row` is the 行次 or code, `col` the 栏次 ("" = the whole row). */
export interface Finding {
  /** Stable across runs and edits: rule + table + row + col. 出错说明 are stored under it. */
  key: string;
  /** SPEC rule id, e.g. "R-B03". */
  rule: string;
  severity: Severity;
  table: string;
  row: string;
  col: string;
  /** Plain Chinese, with both values and the difference. */
  message: string;
  /** Canonical decimal strings ("3383.79"); null where the rule is not about an amount. */
  expected: string | null;
  actual: string | null;
  /** The difference is within the 尾数误差 tolerance of SPEC §0.5 (hence a warning). */
  rounding?: boolean;
  /** The user's 出错说明; only warnings carry one, an error cannot be explained away. */
  explanation?: string;
  /** In a 汇总: the amounts are summed from unit files and read-only here, so the fix is made in these (consolidated.ts). */
  fixIn?: FixIn;
}

/**
 * Where an error of a 汇总 is fixed: `failing` = these units' own files fail the same check (each
 * with its figure of the cell); otherwise none does alone (the 汇总's 调整 or the sum makes it) and
 * every unit contributing to the cell is listed.
 */
export interface FixIn {
  failing: boolean;
  units: { unitName: string; file: string; value: string | null }[];
}

export const findingKey = (rule: string, table: string, row: string, col: string) => `${rule}|${table}|${row}|${col}`;

/**
 * Supplementary inputs (SPEC §1.12) that some checks compare with the tables. Not stored by the
 * app yet: a rule needing one is skipped while it is absent. Keys follow SPEC §1.12; amounts are
 * minor units like every Amount, counts are plain numbers.
 */
export interface Supplementary {
  unit_info?: { nature?: string };
  /** 机关运行经费 (R-X19). */
  admin_running_cost?: Amount;
  /** 培训费 / 会议费 totals over all funds (R-X20). */
  training_fee?: Amount;
  meeting_fee?: Amount;
  /** 绩效自评 coverage: amount covered and the stated percentage, e.g. 100 for "100%" (R-X21). */
  perf_summary?: { amount: Amount; coverage_pct?: number };
  /** 执行数 of each project self-assessment form (R-X22). */
  project_forms?: { name: string; spent: Amount }[];
  /** 政府采购 (R-X23). */
  gov_procurement?: { total: Amount; goods: Amount; works: Amount; services: Amount; sme_amount?: Amount; small_micro_amount?: Amount };
  /** 车辆 held, in total and by type (R-X24); 大额设备 counts for the 公开 document. */
  assets?: { vehicles_total: number; vehicles_by_type: Record<string, number>; general_equipment_over_500k?: number; equipment_over_1m?: number };
  /** 三公 statistics; 公务用车保有量 (R-X24); 团组, 人次, 购置, 接待 for the 公开 document. */
  sangong_stats?: {
    vehicles_held?: number;
    outbound_groups?: number;
    outbound_people?: number;
    vehicles_bought?: number;
    reception_batches?: number;
    reception_people?: number;
    foreign_reception_batches?: number;
    foreign_reception_people?: number;
  };
  /** “三公”经费 年初预算 per item (the 公开 document's "低于年初预算…,执行率为…"). */
  sangong_initial_budget?: { outbound?: Amount; vehicle_purchase?: Amount; vehicle_running?: Amount; reception?: Amount };
  /** 一般公共预算财政拨款 年初预算 by 公开05表 row key (code or 合计) (P-03). */
  gpb_initial_budget_by_code?: Record<string, Amount>;
  /** Narrative sections by name (P-04). */
  narrative?: Record<string, string>;
  /** The 公开 document's stored texts (reasons, 概况) and its outline, for the missing-reason check (P-05). */
  report?: {
    outline: string;
    fiscalYear: number;
    texts: Record<string, { text: string; draft: boolean }>;
    /** A 汇总 whose units changed since its 决算单位构成 was confirmed (P-07). */
    organisation?: OrganisationChange;
  };
}

/** Inputs a rule cannot run without: last year's file, or a supplementary field. */
export type Need = 'baseline' | keyof Supplementary;

export interface RuleDef {
  /** SPEC id. */
  id: string;
  /** What the rule checks, in Chinese (for the rule list and the 审核 panel). */
  title: string;
  /** Severity of a violation beyond the rounding tolerance. */
  severity: Severity;
  /** The cells read, in SPEC §0.3 notation (documentation of the rule; never shown to a clerk). */
  reads: string[];
  /** Skipped unless all of these are present. */
  needs?: Need[];
  /** Skipped unless at least one of these is present. */
  needsOneOf?: Need[];
  check(ctx: CheckContext): void;
}

/** The rules in force for one template set from one fiscal year on (and optionally one region). */
export interface RuleSet {
  id: string;
  template: TemplateSet;
  fromYear: number;
  /** Region code prefix (e.g. "4208" 荆门) this version is specific to; absent = every region. */
  region?: string;
  /** First definitions edition that ships this set (absent = 1); files of older editions keep theirs. */
  edition?: number;
  rules: RuleDef[];
  /** 功能分类 codes renamed or merged since last year: old → new (R-Y04). */
  codeMappings: Record<string, string>;
}

export interface ValidateOptions {
  template: TemplateSet;
  fiscalYear: number;
  region?: string;
  /** The definitions edition the year file was created with (catalog and rule set); default the newest. */
  edition?: number;
  /** Last year's file; cross-year rules are skipped without it. */
  baseline?: ModelView;
  /** 出错说明 by finding key. */
  explanations?: Readonly<Record<string, string>>;
  supp?: Supplementary;
  /** This year's 功能分类 code table (R-Y04); defaults to the catalog of the fiscal year. */
  isKnownCode?: (code: string) => boolean;
  /** Computed cells as an imported workbook printed them (R-I01); none when absent. */
  printed?: PrintedCells;
  /** 科目 names as an imported workbook printed them (R-I02); none when absent. */
  printedNames?: PrintedNames;
  /** Only the rules with these ids run (a 汇总 asks its units about its own failed rules). */
  only?: ReadonlySet<string>;
}

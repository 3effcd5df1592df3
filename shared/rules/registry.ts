import { FIRST_EDITION } from '../catalog';
import type { TemplateSet } from '../tables';
import { PRINTED_RULE } from './printed';
import { NAME_RULE } from './printed-names';
import { UNNAMED_ROW_RULE } from './unnamed-rows';
import { RULES_13_EXTRA } from './rules-13';
import { RULES_9 } from './rules-9';
import {
  CN05_VS_FUNDS,
  CN07_VS_T06,
  CN09_VS_CN07,
  CN09_VS_T05,
  CN11_VS_T04,
  CN11_VS_T08,
  CN14_VS_T07,
  NM05_VS_T03,
  NM12_RULES,
  SHAANXI_SANGONG,
  YN10_RUNNING_COST,
  YN10_VS_T09,
} from './rules-regional';
import { REPORT_RULES } from './report-rules';
import type { RuleDef, RuleSet } from './types';

/**
 * Checks of what the file holds rather than of a layout's relations (printed totals and names of an
 * imported workbook, 科目 rows without a name): every set has them, whatever its tables.
 */
const FILE_CHECKS: RuleDef[] = [PRINTED_RULE, NAME_RULE, UNNAMED_ROW_RULE];

/** The national rules without those a regional set replaces (it prints another table in their place). */
const nationalWithout = (...ids: string[]): RuleDef[] => RULES_9.filter((rule) => !ids.includes(rule.id));

/** 四川 13 表 from definitions edition 3: every relation of 川05/07/09/11表 we can state. */
const SICHUAN_13: RuleDef[] = [...RULES_9, ...REPORT_RULES, ...FILE_CHECKS, ...RULES_13_EXTRA, CN11_VS_T04, CN11_VS_T08, CN09_VS_T05, CN05_VS_FUNDS, CN07_VS_T06, CN09_VS_CN07];

/**
 * Rule versions, like table templates, per template set and fiscal year (and region where one
 * deviates). A new 政府收支分类 year or a regional variant adds an entry; old files keep theirs.
 */
export const RULE_SETS: readonly RuleSet[] = [
  {
    id: '9/2020',
    template: '9',
    // The 26-类 list of 公开01/04表 (with 234 抗疫特别国债) exists from 2020 on.
    fromYear: 2020,
    rules: [...RULES_9, ...REPORT_RULES, ...FILE_CHECKS],
    // 207 was renamed 文化体育与传媒支出 → 文化旅游体育与传媒支出 under the same code, so no mapping
    // is needed for it; renumbered codes go here as they are met.
    codeMappings: {},
  },
  {
    // 四川 13-table set: the nine shared tables keep their relations. The INFERRED 川05/07/09/11表
    // have no declared relations in files of the first definitions edition.
    id: '13/2020',
    template: '13',
    fromYear: 2020,
    rules: [...RULES_9, ...REPORT_RULES, ...FILE_CHECKS],
    codeMappings: {},
  },
  {
    // From definitions edition 2: the INFERRED 川05/07/09表 relations, as warnings (rules-13.ts).
    id: '13/2020/2',
    template: '13',
    fromYear: 2020,
    edition: 2,
    rules: [...RULES_9, ...REPORT_RULES, ...FILE_CHECKS, ...RULES_13_EXTRA],
    codeMappings: {},
  },
  // Edition 3: the regional sets (shared/tables/sets.ts) and the remaining 川05/09/11表 relations.
  { id: '13/2020/3', template: '13', fromYear: 2020, edition: 3, rules: SICHUAN_13, codeMappings: {} },
  { id: '四川14/2020', template: '四川14', fromYear: 2020, edition: 3, rules: [...SICHUAN_13, CN14_VS_T07], codeMappings: {} },
  {
    // 云南 prints 国有资本经营 as 收入支出 (川11表's layout) and no 公开08表: R-X09 reads 川11表 instead (R-S05).
    id: '云南11/2020',
    template: '云南11',
    fromYear: 2020,
    edition: 3,
    rules: [...nationalWithout('R-X09'), ...REPORT_RULES, ...FILE_CHECKS, CN11_VS_T04, CN09_VS_T05, YN10_VS_T09, YN10_RUNNING_COST],
    codeMappings: {},
  },
  {
    // 内蒙古 prints all nine national tables, plus 项目收入支出 (蒙05表), 项目支出明细 (川09表) and 蒙12表.
    id: '内蒙古12/2020',
    template: '内蒙古12',
    fromYear: 2020,
    edition: 3,
    rules: [...RULES_9, ...REPORT_RULES, ...FILE_CHECKS, CN09_VS_T05, NM05_VS_T03, ...NM12_RULES],
    codeMappings: {},
  },
  {
    // 陕西 prints 表七 (“三公” with 会议费、培训费) in place of 公开09表.
    id: '陕西9/2020',
    template: '陕西9',
    fromYear: 2020,
    edition: 3,
    rules: [...nationalWithout('R-X16', 'R-X18'), ...REPORT_RULES, ...FILE_CHECKS, ...SHAANXI_SANGONG],
    codeMappings: {},
  },
];

/**
 * The newest version for the template set, year and region that the file's definitions edition knows
 * (default: every edition): a region-specific one wins over the general.
 */
export function ruleSetFor(template: TemplateSet, fiscalYear: number, region?: string, edition: number = Number.MAX_SAFE_INTEGER): RuleSet {
  const inForce = (year: number) =>
    RULE_SETS.filter(
      (set) =>
        set.template === template &&
        set.fromYear <= year &&
        (set.edition ?? FIRST_EDITION) <= edition &&
        (!set.region || (region ?? '').startsWith(set.region)),
    );
  let candidates = inForce(fiscalYear);
  // A year before every set (a 2019 file kept as 上年数 for 2020): the earliest rules serve it, as the 2023 科目 lists do.
  if (!candidates.length) candidates = inForce(Math.min(...inForce(Number.MAX_SAFE_INTEGER).map((set) => set.fromYear)));
  const best = candidates.sort(
    (a, b) => b.fromYear - a.fromYear || (b.region?.length ?? 0) - (a.region?.length ?? 0) || (b.edition ?? FIRST_EDITION) - (a.edition ?? FIRST_EDITION),
  )[0];
  if (!best) throw new Error(`没有适用于 ${fiscalYear} 年度 ${template} 表套的审核规则`);
  return best;
}

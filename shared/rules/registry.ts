import { FIRST_EDITION } from '../catalog';
import type { TemplateSet } from '../tables';
import { PRINTED_RULE } from './printed';
import { NAME_RULE } from './printed-names';
import { RULES_13_EXTRA } from './rules-13';
import { RULES_9 } from './rules-9';
import { REPORT_RULES } from './report-rules';
import type { RuleSet } from './types';

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
    rules: [...RULES_9, ...REPORT_RULES, PRINTED_RULE, NAME_RULE],
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
    rules: [...RULES_9, ...REPORT_RULES, PRINTED_RULE, NAME_RULE],
    codeMappings: {},
  },
  {
    // From definitions edition 2: the INFERRED 川05/07/09表 relations, as warnings (rules-13.ts).
    id: '13/2020/2',
    template: '13',
    fromYear: 2020,
    edition: 2,
    rules: [...RULES_9, ...REPORT_RULES, ...RULES_13_EXTRA, NAME_RULE],
    codeMappings: {},
  },
];

/**
 * The newest version for the template set, year and region that the file's definitions edition knows
 * (default: every edition): a region-specific one wins over the general.
 */
export function ruleSetFor(template: TemplateSet, fiscalYear: number, region?: string, edition: number = Number.MAX_SAFE_INTEGER): RuleSet {
  const candidates = RULE_SETS.filter(
    (set) =>
      set.template === template &&
      set.fromYear <= fiscalYear &&
      (set.edition ?? FIRST_EDITION) <= edition &&
      (!set.region || (region ?? '').startsWith(set.region)),
  );
  const best = candidates.sort(
    (a, b) => b.fromYear - a.fromYear || (b.region?.length ?? 0) - (a.region?.length ?? 0) || (b.edition ?? FIRST_EDITION) - (a.edition ?? FIRST_EDITION),
  )[0];
  if (!best) throw new Error(`没有适用于 ${fiscalYear} 年度 ${template} 表套的审核规则`);
  return best;
}

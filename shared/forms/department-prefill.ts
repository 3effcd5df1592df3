/**
 * The department form's figures the year's annex tables already hold, filled into a new form
 * where its layout has the place for them and the clerk has typed nothing there: 实际支出 by
 * source (公开03/05/07/08表 合计), and in the 基础数据表 the 决算总额, 项目支出, 结转结余 and
 * “三公”经费 (公开09表). The clerk can change every one of them.
 */
import { formatAmount } from '../money';
import type { ModelView } from '../rules/types';
import { TOTAL } from '../tables/types';
import type { BaseDataJson, FundingKey, FundingLineJson, PerfFormJson } from './model';
import { baseDataGroups, fundingRows, profileFor } from './profiles';

type Cell = [table: string, row: string, col: string];

/** 实际支出数 of each funding source, from the annex table that reports it. */
const ACTUAL_FROM: Partial<Record<FundingKey, Cell>> = {
  TOTAL: ['公开03表', TOTAL, '1'],
  GPB: ['公开05表', TOTAL, '1'],
  GOV_FUND: ['公开07表', TOTAL, '3'],
  SOE: ['公开08表', TOTAL, '1'],
};

/** 基础数据表 cells (value1, value2) by group. */
const BASE_DATA_FROM: Record<string, [Cell | null, Cell | null]> = {
  预算完成情况: [null, ['公开03表', TOTAL, '1']],
  项目支出安排情况: [null, ['公开03表', TOTAL, '3']],
  结转结余变动情况: [['公开01表', '29', '1'], ['公开01表', '60', '2']],
  '“三公经费”控制情况': [['公开09表', '1', '1'], ['公开09表', '1', '7']],
  '“三公经费”变动情况': [null, ['公开09表', '1', '1']],
};

export function prefillDepartment(form: PerfFormJson, model: ModelView): PerfFormJson {
  const profile = profileFor(form.variant);
  const read = (cell: Cell | null): string | null => {
    if (!cell) return null;
    try {
      return formatAmount(model.value(...cell));
    } catch {
      return null;
    }
  };
  const funding: FundingLineJson[] = [...form.funding];
  for (const row of fundingRows(profile)) {
    const actual = read(ACTUAL_FROM[row.key] ?? null);
    const line = funding.find((candidate) => candidate.key === row.key);
    if (actual === null || line?.actual) continue;
    if (line) funding[funding.indexOf(line)] = { ...line, actual };
    else funding.push({ key: row.key, actual });
  }
  const baseData: BaseDataJson[] = [...(form.base_data ?? [])];
  for (const group of baseDataGroups(profile)) {
    const [first, second] = (BASE_DATA_FROM[group.group] ?? [null, null]).map(read);
    if (first === null && second === null) continue;
    const current = baseData.find((row) => row.group === group.group) ?? { group: group.group };
    const next = { ...current, value1: current.value1 || first, value2: current.value2 || second };
    if (baseData.includes(current)) baseData[baseData.indexOf(current)] = next;
    else baseData.push(next);
  }
  return { ...form, funding, ...(baseData.length ? { base_data: baseData } : {}) };
}

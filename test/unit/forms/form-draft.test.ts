import { describe, expect, it } from 'vitest';
import { profileFor } from '../../../shared/forms/profiles';
import { scoreForm } from '../../../shared/forms/scoring';
import { baseDataResult, effectiveFundingParent, fundingChildren } from '../../../shared/forms/ui-helpers';
import {
  addIndicator, appendListItem, computeForm, lineOf, moveIndicator, newForm, removeIndicator, savable, setBaseData, setFundingAmount, setIndicatorField,
} from '../../../renderer/src/features/forms/form-draft';
import { YL_P_SEED004 } from '../../fixtures/forms/yl-seed004';

const YL_P = profileFor('YL-P');
const MS_P = profileFor('MS-P');

describe('form editor drafts', () => {
  it('fills 调整后预算数 from 年初 + 调整 and parents from their children, clearing printed figures', () => {
    let form = { ...YL_P_SEED004 };
    form = setFundingAmount(form, YL_P, 'GPB_LOCAL', 'budget_initial', '100');
    form = setFundingAmount(form, YL_P, 'GPB_LOCAL', 'budget_adjustment', '-0.5');
    expect(lineOf(form, 'GPB_LOCAL')?.budget_adjusted).toBe('99.50');
    // 上级/本级 have no 一般公共预算 row on YL-P: they sum straight into 合计.
    expect(lineOf(form, 'TOTAL')?.budget_initial).toBe('2100.00');
    expect(lineOf(form, 'TOTAL')?.budget_adjusted).toBe('2053.91');
    expect(lineOf(form, 'TOTAL')?.exec_rate).toBeNull();
    expect(lineOf(form, 'TOTAL')?.score).toBeNull();
    expect(form.total_score).toBeNull();
    expect(scoreForm(computeForm(form)!, YL_P).budgetScore).toBe(3.46 * 10_000);
  });

  it('keeps a typed parent until a child is typed', () => {
    let form = newForm('MS-P', 'project', { code: '51140024T000000000001', name: '测试项目' });
    form = setFundingAmount(form, MS_P, 'TOTAL', 'actual', '50');
    expect(lineOf(form, 'TOTAL')?.actual).toBe('50');
    form = setFundingAmount(form, MS_P, 'FISCAL', 'actual', '40');
    form = setFundingAmount(form, MS_P, 'UNIT', 'actual', '2.5');
    expect(lineOf(form, 'TOTAL')?.actual).toBe('42.50');
  });

  it('adds, moves and removes indicator rows; 二级 follows a new 一级', () => {
    let form = newForm('YL-P', 'project', { code: 'P1', name: '测试' });
    let added = addIndicator(form, YL_P, 'ANNUAL', null);
    form = setIndicatorField(added.form, YL_P, added.index, 'name', '甲');
    added = addIndicator(form, YL_P, 'ANNUAL', 0);
    form = setIndicatorField(added.form, YL_P, added.index, 'name', '乙');
    form = setIndicatorField(form, YL_P, 1, 'level1', '满意度指标');
    expect(form.indicators[1].level2).toBe('服务对象满意度指标');
    form = moveIndicator(form, 1, -1).form;
    expect(form.indicators.map((ind) => ind.name)).toEqual(['乙', '甲']);
    expect(moveIndicator(form, 0, -1).index).toBe(0);
    form = removeIndicator(form, 0);
    expect(form.indicators.map((ind) => ind.name)).toEqual(['甲']);
  });

  it('holds back rows without a 三级指标 from saving but scores them live', () => {
    let form = newForm('YL-P', 'project', { code: 'P1', name: '测试' });
    form = addIndicator(form, YL_P, 'ANNUAL', null).form;
    form = setIndicatorField(form, YL_P, 0, 'weight', '90');
    form = setIndicatorField(form, YL_P, 0, 'score', '80');
    expect(savable(form)).toMatchObject({ waiting: 1, payload: { indicators: [] } });
    expect(scoreForm(computeForm(form)!, YL_P).indicatorTotal).toBe(80 * 10_000);
  });

  it('appends list items and clears a printed base-data result when its inputs change', () => {
    const form = newForm('DTH-D', 'department', { code: '', name: '大通湖区政务中心' });
    expect(appendListItem(form, 'dept_functions').dept_functions).toEqual(['', '']);
    const edited = setBaseData({ ...form, base_data: [{ group: '项目支出安排情况', value1: '483.59', value2: '464.89', value3: '96.13%' }] }, '项目支出安排情况', 'value2', '470');
    expect(edited.base_data).toEqual([{ group: '项目支出安排情况', value1: '483.59', value2: '470', value3: null }]);
  });
});

describe('ui helpers', () => {
  it('computes the 基础数据表 third cell as the validator does', () => {
    expect(baseDataResult('diff', '7', '6')).toBe('1');
    expect(baseDataResult('change', '20', '18')).toBe('-10.00%');
    expect(baseDataResult('ratio', '483.59', '464.89')).toBe('96.13%');
    expect(baseDataResult('ratio', '0', '5')).toBeNull();
    expect(baseDataResult('ratio', '18', '')).toBeNull();
  });

  it('finds the row a funding line sums into on a layout', () => {
    const present = new Set(['TOTAL', 'GPB_UPPER', 'GPB_LOCAL', 'GOV_FUND'] as const);
    expect(effectiveFundingParent('GPB', present)).toBe('TOTAL');
    expect(fundingChildren('TOTAL', present).sort()).toEqual(['GOV_FUND', 'GPB_LOCAL', 'GPB_UPPER']);
  });
});

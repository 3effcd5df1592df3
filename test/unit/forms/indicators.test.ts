import { describe, expect, it } from 'vitest';
import { decToString } from '../../../shared/forms/decimal';
import {
  evaluateTarget, HIERARCHY, isAllowedUnder, isRange, normaliseLevel1, normaliseLevel2, parseIndicatorValue, type IndicatorValue,
} from '../../../shared/forms/indicators';
import { parseForm } from '../../../shared/forms/model';
import { DTH_D_SEED001 } from '../../fixtures/forms/dth-d-seed001';
import { JM_P_SEED002 } from '../../fixtures/forms/jm-p-seed002';
import { MS_P_SEED000 } from '../../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004, YL_P_SEED004 } from '../../fixtures/forms/yl-seed004';

/** A compact view of a parsed value for table-style assertions. */
function show(value: IndicatorValue): string {
  switch (value.kind) {
    case 'number':
      return `${value.op ?? ''}${decToString(value.num)}${value.unit ?? ''}${value.typo ? ' (typo)' : ''}`;
    case 'date':
      return `date:${value.text}`;
    case 'text':
      return `text${value.embedded ? `[${show(value.embedded)}]` : ''}`;
    case 'empty':
      return 'empty';
  }
}

describe('value grammar (SPEC §3.10)', () => {
  it.each([
    ['≥10项', null, '≥10项'],
    ['=100百分比', null, '=100%'],
    ['＝100', null, '=100'],
    ['>90百分比', null, '>90%'],
    ['≤0百分比', null, '≤0%'],
    ['≤12元/件', null, '≤12元/件'],
    ['=24小时/天', null, '=24小时/天'],
    ['<1小时', null, '<1小时'],
    ['≤2小时', '小时', '≤2小时'],
    ['100', '%', '100%'],
    ['24', '小时', '24小时'],
    ['76.27万元', null, '76.27万元'],
    ['1500项', null, '1500项'],
    ['-45.59', null, '-45.59'],
    ['96.%', null, '96% (typo)'],
    ['95%以上', null, '≥95%'],
    ['2个工作日以内', null, '≤2个工作日'],
    ['１２６０８', null, '12608'],
    ['100%。', null, '100%'],
    ['2024年12月31日止', null, 'date:2024年12月31日止'],
    ['2021年1月-12月', null, 'date:2021年1月-12月'],
    ['2023年底前', null, 'date:2023年底前'],
    ['合格及以上', null, 'text'],
    ['符合规定', null, 'text'],
    ['占入库税收的 33.%;', null, 'text[33% (typo)]'],
    ['力争网上可办率90%以上。', null, 'text[≥90%]'],
    ['其中项目评价咨询服务成本控制在200万以内', null, 'text[≤200万]'],
    ['', null, 'empty'],
  ])('%s (unit column %s) → %s', (raw, unit, expected) => {
    expect(show(parseIndicatorValue(raw, unit))).toBe(expected);
  });

  it('parses every 指标值 and 完成值 of every seed form without throwing', () => {
    const forms = [...MS_P_SEED000, ...JM_P_SEED002, YL_P_SEED004, YL_D_SEED004, DTH_D_SEED001].map(parseForm);
    const kinds = new Set<string>();
    for (const form of forms) for (const ind of form.indicators) for (const raw of [ind.target_raw, ind.actual_raw]) kinds.add(parseIndicatorValue(raw, ind.unit).kind);
    expect([...kinds].sort()).toEqual(['date', 'empty', 'number', 'text']);
  });

  it('recognises 完成值 written as ranges (JM-P 运维 / 等保)', () => {
    expect(isRange(parseIndicatorValue('≤1%'))).toBe(true);
    expect(isRange(parseIndicatorValue('≥5个'))).toBe(true);
    expect(isRange(parseIndicatorValue('98%'))).toBe(false);
  });
});

describe('met / not met', () => {
  const judge = (target: string, actual: string, level2: string | null = null, unit: string | null = null) =>
    evaluateTarget(parseIndicatorValue(target, unit), parseIndicatorValue(actual, unit), { level2 });

  it('applies the written comparator exactly', () => {
    expect(judge('>90百分比', '90')).toBe('not_met'); // YL-P 群众满意度 (Y-10)
    expect(judge('≥90百分比', '90')).toBe('met');
    expect(judge('=100百分比', '100')).toBe('met');
    expect(judge('≤12元/件', '12')).toBe('met');
    expect(judge('≥98百分比', '99.99')).toBe('met');
  });

  it('defaults to ≥, and to ≤ for cost indicators and money units', () => {
    expect(judge('17', '16', '数量指标')).toBe('not_met'); // DTH 全中心工作人员数量
    expect(judge('165', '162.71', '经济成本指标', '万元')).toBe('met');
    expect(judge('76.27万元', '106.19', '成本指标')).toBe('not_met'); // DTH 全年基本支出
    expect(judge('1.33', '1.38', '质量指标', '万元')).toBe('not_met'); // JM-P 全年免费邮寄费用 (F-15)
  });

  it('accepts the qualitative 完成 words and equal texts, and says unknown otherwise', () => {
    expect(judge('符合规定', '符合')).toBe('met');
    expect(judge('2024年12月31日止', '达成预期指标')).toBe('met');
    expect(judge('力争网上可办率90%以上。', '网上可办率90%以上。')).toBe('met');
    expect(judge('占入库税收的 33.%;', '占入库税收的 33.%;')).toBe('met');
    expect(judge('2021年1月-12月', '2020年1月-12月')).toBe('unknown');
    expect(judge('≤1%', '≤1%')).toBe('unknown'); // a range is no measurement
    expect(judge('明显提升', '')).toBe('unknown');
  });
});

describe('indicator hierarchy (SPEC §3.9)', () => {
  it('normalises the seed spellings', () => {
    expect(normaliseLevel1('产生 指标')).toEqual({ canonical: '产出指标', kind: 'typo' });
    expect(normaliseLevel1('满意度 指标')).toEqual({ canonical: '满意度指标', kind: 'exact' });
    expect(normaliseLevel2('经济效 益指标')).toEqual({ canonical: '经济效益指标', kind: 'exact' });
    expect(normaliseLevel2('经济益 指标')).toEqual({ canonical: '经济效益指标', kind: 'typo' });
    expect(normaliseLevel2('服务象 满意度指标')).toEqual({ canonical: '服务对象满意度指标', kind: 'typo' });
    expect(normaliseLevel2('社会效益')).toEqual({ canonical: '社会效益指标', kind: 'variant' });
    expect(normaliseLevel2('服务对象满意度')).toEqual({ canonical: '服务对象满意度指标', kind: 'variant' });
    expect(normaliseLevel2('可持续 影响指标')).toEqual({ canonical: '可持续影响指标', kind: 'exact' });
    expect(normaliseLevel2('效率指标')).toBeNull();
  });

  it('places 成本 both as a 二级 under 产出 (YL, DTH) and as its own 一级 (MS-P)', () => {
    expect(isAllowedUnder('产出指标', '成本指标')).toBe(true);
    expect(isAllowedUnder('成本指标', '经济成本指标')).toBe(true);
    expect(isAllowedUnder('产出指标', '经济成本指标')).toBe(false);
    expect(isAllowedUnder('满意度指标', '满意度指标', false)).toBe(false);
  });

  it('admits every level pair used by the seed forms after normalisation', () => {
    const forms = [...MS_P_SEED000, ...JM_P_SEED002, YL_P_SEED004, YL_D_SEED004, DTH_D_SEED001].map(parseForm);
    for (const form of forms) {
      for (const ind of form.indicators) {
        const l1 = normaliseLevel1(ind.level1)!.canonical;
        const l2 = normaliseLevel2(ind.level2)!.canonical;
        expect(HIERARCHY[l1 as keyof typeof HIERARCHY]).toContain(l2);
      }
    }
  });
});

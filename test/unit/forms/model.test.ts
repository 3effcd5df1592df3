import { describe, expect, it } from 'vitest';
import {
  FormParseError, fundingLine, parseForm, parseFramework, parseRegistryEntry, registryEntryFromForm, serializeForm,
  serializeFramework, serializeRegistryEntry, splitCodedName, type PerfFormJson,
} from '../../../shared/forms/model';
import { fillTemplate, fundingRows, baseDataGroups, profileFor, PROFILES, textSections } from '../../../shared/forms/profiles';
import { DTH_D_SEED001, DTH_SCORE_TABLE_SEED001 } from '../../fixtures/forms/dth-d-seed001';
import { JM_P_SEED002 } from '../../fixtures/forms/jm-p-seed002';
import { MS_FW1_SEED000, MS_FW2_SEED000 } from '../../fixtures/forms/ms-fw-seed000';
import { MS_P_SEED000 } from '../../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004, YL_P_SEED004 } from '../../fixtures/forms/yl-seed004';

const ALL_FORMS: PerfFormJson[] = [...MS_P_SEED000, ...JM_P_SEED002, YL_P_SEED004, YL_D_SEED004, DTH_D_SEED001];

function parseError(json: unknown): FormParseError {
  try {
    parseForm(json);
  } catch (error) {
    if (error instanceof FormParseError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('interchange JSON ↔ exact form', () => {
  it('parses the SPEC example shape with exact amounts and scores', () => {
    const form = parseForm({
      variant: 'MS-P', subject_type: 'project', subject_name: '眉山市12345政务服务便民热线升级改造项目', subject_code: '51140022T000000254621', lifecycle: '阶段项目',
      funding: [{ key: 'TOTAL', budget_initial: '0', budget_adjusted: '446.50', actual: '446.50' }],
      indicators: [{ horizon: 'ANNUAL', level1: '产出指标', level2: '数量指标', name: '热线服务', target_raw: '24', unit: '小时', actual_raw: '24', weight: '20', score: '20' }],
    });
    expect(fundingLine(form, 'TOTAL')).toMatchObject({ budget_initial: 0, budget_adjusted: 4_465_000, actual: 4_465_000, parent_key: null });
    expect(form.indicators[0]).toMatchObject({ weight: 200_000, score: 200_000 });
  });

  it('round-trips every seed form: parse(serialize(parse(json))) equals parse(json)', () => {
    for (const json of ALL_FORMS) {
      const form = parseForm(json);
      const again = serializeForm(form);
      expect(parseForm(JSON.parse(JSON.stringify(again)))).toEqual(form);
    }
  });

  it('keeps full precision and writes canonical decimal strings', () => {
    const yl = serializeForm(parseForm(YL_D_SEED004));
    expect(yl.funding.find((l) => l.key === 'GPB')).toMatchObject({ budget_adjusted: '1081.284', actual: '1053.755', exec_rate: '0.975' });
    expect(yl.funding[0].score).toBe('5.94');
    const ms = serializeForm(parseForm(MS_P_SEED000[3]));
    expect(ms.funding[0]).toMatchObject({ budget_initial: '35.16', actual: '142.88', weight: '10', score: '7.1' });
    expect(ms.total_score).toBe('97.1');
  });

  it('refuses bad input with a Chinese message naming the field', () => {
    expect(parseError({ ...MS_P_SEED000[0], funding: [{ key: 'TOTAL', actual: '44x' }] }).message).toBe('funding[TOTAL].actual(实际支出数):“44x”不是有效金额');
    expect(parseError({ ...MS_P_SEED000[0], total_score: '九十' }).message).toBe('total_score(自评得分):“九十”不是有效分值');
    expect(parseError({ ...MS_P_SEED000[0], variant: 'XX' }).message).toMatch(/^variant\(表样\):“XX”不在可选值 MS-P、JM-P/);
    expect(parseError({ ...MS_P_SEED000[0], subject_name: ' ' }).message).toBe('subject_name(项目/部门名称):不能为空');
    expect(parseError({ ...MS_P_SEED000[0], indicators: [{ horizon: 'ANNUAL', level1: '产出指标', level2: '数量指标', name: 'x', weight: 20 }] }).message).toBe('indicators[0].weight(权重):应为文本');
    expect(parseError({ ...MS_P_SEED000[0], budget: '1' }).message).toBe('budget:不是可识别的字段');
    expect(parseError({ ...MS_P_SEED000[0], funding: [{ key: 'TOTAL' }, { key: 'TOTAL' }] }).message).toBe('funding[TOTAL](预算执行情况):资金来源重复');
    expect(parseError({ ...MS_P_SEED000[0], funding: [{ key: 'TOTAL', actual: '1.23456' }] }).field).toBe('funding[TOTAL].actual');
  });

  it('round-trips the scored frameworks', () => {
    for (const json of [MS_FW1_SEED000, MS_FW2_SEED000, DTH_SCORE_TABLE_SEED001]) {
      const fw = parseFramework(json);
      expect(parseFramework(JSON.parse(JSON.stringify(serializeFramework(fw))))).toEqual(fw);
    }
  });
});

describe('project registry', () => {
  it('derives the registry entry from a form and round-trips it', () => {
    const entry = registryEntryFromForm(parseForm(MS_P_SEED000[0]))!;
    expect(entry).toMatchObject({ project_code: '51140022T000000254621', name: '眉山市12345政务服务便民热线升级改造项目', competent_dept: '眉山市政务服务管理局(部门)', lifecycle: '阶段项目' });
    expect(parseRegistryEntry(serializeRegistryEntry(entry))).toEqual(entry);
    expect(registryEntryFromForm(parseForm(YL_D_SEED004))).toBeNull();
    expect(() => parseRegistryEntry({ project_code: 'x', name: 'y', type: '长期项目' })).toThrow(/type\(项目类型\):“长期项目”不在可选值/);
  });

  it('splits the MS-P 项目名称 cell into code and name', () => {
    expect(splitCodedName('51140022Y000000279446-后勤物业管理专项经费')).toEqual({ code: '51140022Y000000279446', name: '后勤物业管理专项经费' });
    expect(splitCodedName('证照邮寄费')).toEqual({ code: null, name: '证照邮寄费' });
  });
});

describe('profiles', () => {
  it('lay out every funding row the seed forms use, and nothing more than the model knows', () => {
    for (const json of ALL_FORMS) {
      const keys = fundingRows(profileFor(json.variant)).map((r) => r.key);
      for (const line of json.funding) expect(keys).toContain(line.key);
    }
  });

  it('weights: budget + indicators = 100 wherever both exist; JM-P 80 without a budget score', () => {
    for (const profile of Object.values(PROFILES)) {
      const { budgetWeight, indicatorTotal } = profile.scoring;
      if (budgetWeight !== null && indicatorTotal !== null) expect(budgetWeight + indicatorTotal).toBe(1_000_000);
    }
    expect(profileFor('JM-P').scoring).toMatchObject({ budgetWeight: null, indicatorTotal: 800_000, hasTotal: false });
    expect(profileFor('MS-P').scoring.scoreDecimals).toBe(1);
    expect(profileFor('YL-D').scoring.scoreDecimals).toBe(2);
  });

  it('state the character limits the seeds print', () => {
    const limits = Object.values(PROFILES).flatMap((p) =>
      textSections(p).flatMap((s) => (s.kind === 'text' && s.maxChars ? [`${p.variant}/${s.field}/${s.maxChars}`] : s.kind === 'list' && s.maxCharsEach ? [`${p.variant}/${s.field}[]/${s.maxCharsEach}`] : [])),
    );
    expect(limits).toEqual(['MS-P/objective_result/100', 'MS-P/conclusion/200', 'MS-P/problems/200', 'MS-P/improvement/200', 'YL-D/dept_functions[]/150']);
  });

  it('declare the DTH 基础数据表 groups the seed fills, in order', () => {
    expect(baseDataGroups(profileFor('DTH-D')).map((g) => g.group)).toEqual(DTH_D_SEED001.base_data!.map((row) => row.group));
  });

  it('fill titles from the form', () => {
    const title = profileFor('MS-P').layout[0];
    expect(title.kind === 'title' && fillTemplate(title.text, { year: 2023 })).toBe('部门预算项目支出绩效自评表(2023年度)');
    const heading = profileFor('JM-P').layout[0];
    expect(heading.kind === 'heading' && fillTemplate(heading.text, { seq: '三', year: 2023, subject_name: '行政审批事务管理' })).toBe('三、2023年度行政审批事务管理项目绩效评价报告');
    // A name that already ends in 项目 (most clerks type it so) does not print “…项目项目绩效评价报告”.
    expect(heading.kind === 'heading' && fillTemplate(heading.text, { seq: '一', year: 2024, subject_name: '政务服务平台运维项目' })).toBe('一、2024年度政务服务平台运维项目绩效评价报告');
  });
});

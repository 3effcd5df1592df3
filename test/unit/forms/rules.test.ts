import { describe, expect, it } from 'vitest';
import { parseAmount, type Amount } from '../../../shared/money';
import { parsePoints } from '../../../shared/forms/decimal';
import { parseForm, type PerfFormJson } from '../../../shared/forms/model';
import { profileFor } from '../../../shared/forms/profiles';
import { checkForm, checkProjectSet, FORM_RULES, hasBlockingErrors, parsePrintedRate, type CheckContext, type Finding } from '../../../shared/forms/rules';
import { DTH_D_SEED001 } from '../../fixtures/forms/dth-d-seed001';
import { JM_P_NARRATIVE_SEED002, JM_P_PROJECT_EXPENDITURE_SEED002, JM_P_SEED002 } from '../../fixtures/forms/jm-p-seed002';
import { MS_P_NARRATIVE_SEED000, MS_P_PROJECT_EXPENDITURE_SEED000, MS_P_SEED000 } from '../../fixtures/forms/ms-p-seed000';
import { YL_D_SEED004, YL_FINAL_ACCOUNTS, YL_P_SEED004 } from '../../fixtures/forms/yl-seed004';

const amount = (text: string): Amount => parseAmount(text)!;

/** Every finding the tests below raise: the last test checks that each message variant occurred and is clerk-shaped. */
const raised: Finding[] = [];

function check(json: PerfFormJson, context: CheckContext = {}): Finding[] {
  const form = parseForm(json);
  const findings = checkForm(form, profileFor(form.variant), context);
  raised.push(...findings);
  return findings;
}

/** The findings a mutation adds to a form: a planted violation must produce exactly the expected one. */
function planted(base: PerfFormJson, mutate: (form: PerfFormJson) => void, context: CheckContext = {}): Finding[] {
  const copy = structuredClone(base);
  mutate(copy);
  const before = new Set(check(base, context).map((f) => JSON.stringify(f)));
  return check(copy, context).filter((f) => !before.has(JSON.stringify(f)));
}

const byName = (name: string) => MS_P_SEED000.find((f) => f.subject_name === name)!;
const HOTLINE = MS_P_SEED000[0]; // 眉山市12345政务服务便民热线升级改造项目: clean in the seed
const HOTLINE_CODE = HOTLINE.subject_code!;
const total = (form: PerfFormJson) => form.funding.find((l) => l.key === 'TOTAL')!;
const summary = (findings: Finding[]) => findings.map((f) => `${f.rule}/${f.severity}/${f.field}`);

const ylContext: CheckContext = {
  projectFundType: YL_FINAL_ACCOUNTS.projectFundType,
  annex: { gpbExpenditure: amount(YL_FINAL_ACCOUNTS.gpbExpenditure), govFundExpenditure: amount(YL_FINAL_ACCOUNTS.govFundExpenditure) },
};

describe('rule declarations', () => {
  it('declare FV-01 … FV-18 and R-X22, each with Chinese templates and a severity per variant', () => {
    expect(FORM_RULES.map((r) => r.id)).toEqual([...Array.from({ length: 18 }, (_, i) => `FV-${String(i + 1).padStart(2, '0')}`), 'R-X22']);
    for (const rule of FORM_RULES) {
      for (const variant of Object.values(rule.variants)) {
        expect(['error', 'warning', 'info']).toContain(variant.severity);
        expect(variant.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('read printed rates in every seed format', () => {
    expect(parsePrintedRate('91.84%')).toEqual({ coef: 9184n, scale: 2 });
    expect(parsePrintedRate('96.%')).toEqual({ coef: 96n, scale: 0 });
    expect(parsePrintedRate('36.37')).toEqual({ coef: 3637n, scale: 2 });
    expect(parsePrintedRate('0.975')).toEqual({ coef: 975n, scale: 1 });
    expect(parsePrintedRate('0')).toEqual({ coef: 0n, scale: 0 });
  });
});

describe('the seeds raise exactly the findings SPEC §7 documents', () => {
  it('seed 000 MS-P: template prompts (M-20), an empty 过程概述, and the 评审费 rate from hidden precision (M-13)', () => {
    const findings = MS_P_SEED000.flatMap((form) => check(form));
    expect(findings.map((f) => `${f.form}/${f.rule}/${f.severity}/${f.field}`)).toEqual([
      // Beyond SPEC §7: this 改进措施 exceeds the 200 字 the Sichuan template states (青神 2023, 510000_0013zp).
      '51140022T000000289336/FV-12/warning/improvement',
      '51140022T000000289351/FV-12/warning/objective_result',
      '51140023T000007858416/FV-12/warning/implementation_summary',
      '51140023T000007858825/FV-03/info/funding[TOTAL].exec_rate',
      '51140023T000007858825/FV-03/info/funding[FISCAL].exec_rate',
      '51140023T000009806335/FV-12/warning/objective_result',
    ]);
    expect(findings[3]).toEqual({
      rule: 'FV-03',
      severity: 'info',
      form: '51140023T000007858825',
      field: 'funding[TOTAL].exec_rate',
      message: '资金“总额”行 预算执行率:印的是 91.84%,按两位小数金额计算为 91.87%(差 ≤ 0.05 个百分点,多为尾数)。请核实',
      expected: '91.87%',
      actual: '91.84%',
    });
    expect(hasBlockingErrors(findings)).toBe(false);
  });

  it('seed 004 YL-P: ">90" with 90 scored full (Y-10) and spending booked as 政府性基金 (Y-07)', () => {
    expect(check(YL_P_SEED004, ylContext)).toEqual([
      {
        rule: 'FV-08', severity: 'warning', form: '450900220416400005156', field: 'indicators[5].deviation',
        message: '指标“群众满意度”:完成值 90 未达到指标值 >90百分比,却得满分。请在偏差原因中说明,或改正得分', expected: '>90百分比', actual: '90',
      },
      {
        rule: 'FV-15', severity: 'warning', form: '450900220416400005156', field: 'funding[GOV_FUND].actual',
        message: '资金“政府性基金”行:项目在决算中列为一般公共预算支出,本行却列了 710.8078 万元。请把资金列到“一般公共预算”对应的行', expected: '一般公共预算', actual: '710.8078',
      },
    ]);
  });

  it('seed 004 YL-D: adjusted ≠ initial + adjustment by 0.001 (Y-09), the fund split against the 决算 (Y-07), a unit cost filed as a 数量 (Y-14)', () => {
    expect(summary(check(YL_D_SEED004, ylContext))).toEqual([
      'FV-01/warning/funding[TOTAL].budget_adjusted',
      'FV-01/warning/funding[GPB].budget_adjusted',
      'FV-10/warning/indicators[11].target_raw',
      'FV-17/warning/funding[GPB].actual',
      'FV-17/warning/funding[GOV_FUND].actual',
    ]);
  });

  it('seed 001 DTH-D: 年初 parent ≠ Σ children (D-02), truncated rates (D-01), 产生指标 (D-09), three base-data cells (D-03…D-05)', () => {
    const findings = check(DTH_D_SEED001);
    expect(summary(findings.filter((f) => f.rule !== 'FV-14'))).toEqual([
      'FV-02/error/funding[TOTAL].budget_initial',
      'FV-03/warning/funding[TOTAL].exec_rate',
      'FV-03/warning/funding[CUR_APPROP].exec_rate',
      'FV-18/warning/base_data[1].value3',
      'FV-18/warning/base_data[4].value3',
      'FV-18/warning/base_data[6].value3',
    ]);
    expect(findings[0].message).toBe('资金“年度资金总额”行 年初预算数:应为其下各资金来源之和 149.21,填的是 149.03。请核对各资金来源的金额');
    expect(findings.filter((f) => f.rule === 'FV-14').every((f) => f.actual === '产生 指标' && f.severity === 'warning')).toBe(true);
    expect(findings.filter((f) => f.rule === 'FV-18').map((f) => [f.actual, f.expected])).toEqual([
      ['10%', '-10.00%'],
      ['298%', '298.57%'],
      ['100%', '30.67%'],
    ]);
  });

  it('seed 002 JM-P: 415000 as a % (F-12), ranges as 完成值 (F-14), 率 in 个, typos and long-term gaps (F-13), 1.38 > 1.33 万元 (F-15)', () => {
    const findings = JM_P_SEED002.flatMap((form) => check(form));
    const count = (rule: string, severity: string) => findings.filter((f) => f.rule === rule && f.severity === severity).length;
    expect(findings.find((f) => f.rule === 'FV-10' && f.severity === 'error')).toMatchObject({ form: '行政审批办公楼租赁及运行', actual: '415000' });
    expect(count('FV-09', 'warning')).toBe(18);
    expect(count('FV-10', 'warning')).toBe(4);
    expect(count('FV-14', 'warning')).toBe(13);
    expect(findings.find((f) => f.rule === 'FV-08')).toMatchObject({ form: '证照邮寄费', expected: '1.33', actual: '1.38' });
    expect(findings.filter((f) => f.rule === 'FV-13').map((f) => `${f.form}/${f.severity}/${f.actual ?? ''}/${f.expected ?? ''}`)).toEqual([
      '证照邮寄费/info/1128/1132',
      '信息系统租赁云资源/info/≥158/≥160',
      '信息系统租赁云资源/warning//',
    ]);
  });

  it('narratives that contradict the forms (M-07, M-11, F-09…F-11) and R-X22 (M-19)', () => {
    const quoted = (code: '51140022Y000000279446' | '51140023T000007858416') => {
      const n = MS_P_NARRATIVE_SEED000[code];
      return check(MS_P_SEED000.find((f) => f.subject_code === code)!, { narrative: { budget: amount(n.budget), actual: amount(n.actual), rate: n.rate } });
    };
    // 后勤: 21.1 / 21.1 against 21.15 / 21.13; its "100%" is 99.91 % at the narrative's own precision, so no rate finding.
    expect(summary(quoted('51140022Y000000279446'))).toEqual(['FV-16/warning/funding[TOTAL].budget_adjusted', 'FV-16/warning/funding[TOTAL].actual']);
    // 110联动: 86.58 / 86.58 / 100 % against 98.00 / 86.58 / 88.35 %.
    expect(quoted('51140023T000007858416').filter((f) => f.rule === 'FV-16').map((f) => f.message)).toEqual([
      '预算数:文字材料中为 86.58,本表为 98.00。请改正不一致的一处',
      '执行率:文字材料中为 100%,本表为 88.35%。请改正不一致的一处',
    ]);
    const reform = MS_P_SEED000.find((f) => f.subject_code === '51140023T000007813544')!;
    const cited = parsePoints(MS_P_NARRATIVE_SEED000['51140023T000007813544'].total_score, 't');
    expect(check(reform, { narrative: { total_score: cited } })).toEqual([
      {
        rule: 'FV-07', severity: 'error', form: '51140023T000007813544', field: 'total_score',
        message: '自评得分:文字材料引的是 91.8,本表为 91.3。请改正文字材料', expected: '91.3', actual: '91.8',
      },
    ]);
    for (const [name, quoted] of Object.entries(JM_P_NARRATIVE_SEED002)) {
      const form = JM_P_SEED002.find((f) => f.subject_name === name)!;
      const narrative = { budget: amount(quoted.budget), actual: amount(quoted.actual), rate: 'rate' in quoted ? quoted.rate : null };
      expect(check(form, { narrative }).filter((f) => f.rule === 'FV-16').length).toBeGreaterThan(0);
    }
    const ms = MS_P_SEED000.map(parseForm);
    raised.push(...checkProjectSet(ms, amount(MS_P_PROJECT_EXPENDITURE_SEED000)));
    expect(checkProjectSet(ms, amount(MS_P_PROJECT_EXPENDITURE_SEED000))).toEqual([
      {
        rule: 'R-X22', severity: 'warning', form: '(全部项目)', field: 'funding[TOTAL].actual',
        message: '全部项目自评表:12 个项目的实际支出数之和 1,653.50,不应超过公开03表 合计行 项目支出 1,589.14。请核对各项目的实际支出数', expected: '1589.14', actual: '1653.50',
      },
    ]);
    expect(checkProjectSet(JM_P_SEED002.map(parseForm), amount(JM_P_PROJECT_EXPENDITURE_SEED002))).toEqual([]);
  });
});

describe('each rule, planted into a clean seed form, raises exactly its finding', () => {
  it('the base form is clean', () => {
    expect(check(HOTLINE)).toEqual([]);
  });

  it('FV-01 adjusted ≠ initial + adjustment', () => {
    const found = planted(YL_P_SEED004, (f) => {
      f.funding = [{ ...total(f), budget_adjustment: '-45.50' }];
    });
    expect(found).toEqual([
      {
        rule: 'FV-01', severity: 'error', form: '450900220416400005156', field: 'funding[TOTAL].budget_adjusted',
        message: '资金“合计”行:调整后预算数应为年初预算数加年中预算调整数 1,954.50,填的是 1,954.41。请核对这三个数', expected: '1954.50', actual: '1954.41',
      },
    ]);
  });

  it('FV-02 parent ≠ Σ children, outside and inside the rounding tolerance', () => {
    const fiscal = (actual: string) => (f: PerfFormJson) => {
      const line = f.funding.find((l) => l.key === 'FISCAL')!;
      line.actual = actual;
      delete line.exec_rate;
    };
    expect(planted(HOTLINE, fiscal('446.00'))).toEqual([
      {
        rule: 'FV-02', severity: 'error', form: HOTLINE_CODE, field: 'funding[TOTAL].actual',
        message: '资金“总额”行 实际支出数:应为其下各资金来源之和 446.00,填的是 446.50。请核对各资金来源的金额', expected: '446.00', actual: '446.50',
      },
    ]);
    expect(summary(planted(HOTLINE, fiscal('446.49')))).toEqual(['FV-02/warning/funding[TOTAL].actual']);
  });

  it('FV-03 printed rate ≠ actual ÷ adjusted budget (typed amounts W, full-precision amounts E, x/0 E)', () => {
    expect(planted(HOTLINE, (f) => void (total(f).exec_rate = '99.00%'))).toEqual([
      {
        rule: 'FV-03', severity: 'warning', form: HOTLINE_CODE, field: 'funding[TOTAL].exec_rate',
        message: '资金“总额”行 预算执行率:按实际支出数 ÷ 调整后预算数应为 100.00%,印的是 99.00%。请改正执行率或金额', expected: '100.00%', actual: '99.00%',
      },
    ]);
    expect(summary(planted(YL_P_SEED004, (f) => void (total(f).exec_rate = '36.36%')))).toEqual(['FV-03/error/funding[TOTAL].exec_rate']);
    const zeroRow = planted(HOTLINE, (f) => void (f.funding.find((l) => l.key === 'SPECIAL_ACCOUNT')!.exec_rate = '100%'));
    expect(zeroRow).toEqual([
      {
        rule: 'FV-03', severity: 'error', form: HOTLINE_CODE, field: 'funding[SPECIAL_ACCOUNT].exec_rate',
        message: '资金“财政专户管理资金”行 预算执行率:调整后预算数为 0,执行率无定义,应不填,印的是 100%。请删去执行率或填写调整后预算数', actual: '100%',
      },
    ]);
  });

  it('FV-04 budget score ≠ rate × weight, or a score on an undefined rate', () => {
    const outsourcing = byName('“一窗进出”改革前台岗位外包服务经费');
    expect(
      planted(outsourcing, (f) => {
        total(f).score = '7.2';
        f.total_score = '97.2';
      }),
    ).toEqual([
      { rule: 'FV-04', severity: 'error', form: outsourcing.subject_code, field: 'funding[TOTAL].score', message: '预算执行得分:按执行率乘权重应为 7.1,填的是 7.2。请改正预算执行得分', expected: '7.1', actual: '7.2' },
    ]);
    expect(
      planted(HOTLINE, (f) => {
        f.funding = [{ key: 'TOTAL', budget_adjusted: '0', actual: '0', weight: '10', score: '10' }];
      }),
    ).toEqual([
      { rule: 'FV-04', severity: 'error', form: HOTLINE_CODE, field: 'funding[TOTAL].score', message: '预算执行得分:调整后预算数为 0,执行率无定义,得分应为 0,填的是 10。请改正得分或填写调整后预算数', actual: '10' },
    ]);
  });

  it('FV-05 indicator weights ≠ 90, and GENERIC per-一级 weights ≠ 50/30/10', () => {
    expect(
      planted(HOTLINE, (f) => {
        f.indicators[0].weight = '25';
        f.indicators[0].deviation = '权重调整';
      }),
    ).toEqual([{ rule: 'FV-05', severity: 'error', form: HOTLINE_CODE, field: 'indicators[0].weight', message: '绩效指标:权重合计应为 90,填的是 95。请调整各指标的权重', expected: '90', actual: '95' }]);
    const generic: PerfFormJson = { ...HOTLINE, variant: 'GENERIC' };
    expect(check(generic)).toEqual([]);
    const shifted = planted(generic, (f) => {
      Object.assign(f.indicators[0], { weight: '30', score: '30' });
      Object.assign(f.indicators[3], { weight: '20', score: '20' });
    });
    expect(shifted.map((x) => x.message)).toEqual(['一级指标“产出指标”:权重合计应为 50,填的是 60。请调整其下各指标的权重', '一级指标“效益指标”:权重合计应为 30,填的是 20。请调整其下各指标的权重']);
    // A click lands on the first row of the 一级指标 whose weights are off, not on the first indicator.
    const firstOf = (level1: string) => generic.indicators.findIndex((ind) => ind.level1 === level1 && ind.horizon === 'ANNUAL');
    expect(shifted.map((x) => x.field)).toEqual([`indicators[${firstOf('产出指标')}].weight`, `indicators[${firstOf('效益指标')}].weight`]);
  });

  it('FV-06 score above its weight', () => {
    expect(
      planted(HOTLINE, (f) => {
        f.indicators[0].score = '25';
        f.total_score = '105';
      }),
    ).toEqual([
      {
        rule: 'FV-06', severity: 'error', form: HOTLINE_CODE, field: 'indicators[0].score',
        message: '指标“提供24小时12345政务服务便民热线升级改造服务,包含:场地、人员、装修及话务设备配套、系统整合优化、网络运营服务。”得分:应在 0 至权重 20 之间,填的是 25。请改正得分',
        expected: '20', actual: '25',
      },
    ]);
  });

  it('FV-07 total ≠ budget score + Σ indicator scores', () => {
    expect(planted(HOTLINE, (f) => void (f.total_score = '99'))).toEqual([
      { rule: 'FV-07', severity: 'error', form: HOTLINE_CODE, field: 'total_score', message: '自评得分:应为预算执行得分加指标得分合计 100,填的是 99。请改正自评得分', expected: '100', actual: '99' },
    ]);
  });

  it('FV-08 a missed target with full marks, or a met target with lost marks, without a note', () => {
    expect(planted(HOTLINE, (f) => void (f.indicators[1].actual_raw = '70'))).toEqual([
      {
        rule: 'FV-08', severity: 'warning', form: HOTLINE_CODE, field: 'indicators[1].deviation',
        message: '指标“按照省、市目标任务,及时完成热线整合优化工作达80%以上”:完成值 70 未达到指标值 80,却得满分。请在偏差原因中说明,或改正得分', expected: '80', actual: '70',
      },
    ]);
    const partial = planted(HOTLINE, (f) => {
      f.indicators[2].score = '8';
      f.total_score = '98';
    });
    expect(partial).toEqual([
      {
        rule: 'FV-08', severity: 'warning', form: HOTLINE_CODE, field: 'indicators[2].deviation',
        message: '指标“市12345政务热线服务平台提供24小时服务。”:已达到指标值 24,得分 8 却低于权重。请在偏差原因中说明扣分原因,或改正得分', expected: '24', actual: '8',
      },
    ]);
    expect(planted(HOTLINE, (f) => Object.assign(f.indicators[1], { actual_raw: '70', deviation: '部分区县未完成整合' }))).toEqual([]);
  });

  it('FV-09 a range as 完成值', () => {
    expect(planted(HOTLINE, (f) => void (f.indicators[1].actual_raw = '≥80'))).toEqual([
      {
        rule: 'FV-09', severity: 'warning', form: HOTLINE_CODE, field: 'indicators[1].actual_raw',
        message: '指标“按照省、市目标任务,及时完成热线整合优化工作达80%以上”完成值:应为实际完成的数值,填的是范围“≥80”。请填写实际完成的数值', actual: '≥80',
      },
    ]);
  });

  it('FV-10 a % outside 0–100, a 率 counted in 个, a 数量 priced in 元', () => {
    expect(planted(HOTLINE, (f) => void (f.indicators[1].actual_raw = '800'))).toEqual([
      {
        rule: 'FV-10', severity: 'error', form: HOTLINE_CODE, field: 'indicators[1].actual_raw',
        message: '指标“按照省、市目标任务,及时完成热线整合优化工作达80%以上”完成值:以 % 计量应在 0 至 100 之间,填的是“800”。请改正数值或计量单位', actual: '800',
      },
    ]);
    expect(planted(HOTLINE, (f) => Object.assign(f.indicators[0], { name: '热线整合完成率', unit: '个' }))).toEqual([
      { rule: 'FV-10', severity: 'warning', form: HOTLINE_CODE, field: 'indicators[0].unit', message: '指标“热线整合完成率”计量单位:比率应以 % 计量,填的是“个”。请改正计量单位', actual: '个' },
    ]);
    expect(planted(HOTLINE, (f) => Object.assign(f.indicators[0], { name: '寄递数量', unit: '元/件' }))).toEqual([
      { rule: 'FV-10', severity: 'warning', form: HOTLINE_CODE, field: 'indicators[0].unit', message: '指标“寄递数量”计量单位:数量指标应以个、项、人次等计量,填的是金额单位“元/件”。请改正计量单位,或把指标归入成本指标', actual: '元/件' },
    ]);
  });

  it('FV-11 no 原因 below a 90 % rate', () => {
    const outsourcing = byName('“一窗进出”改革前台岗位外包服务经费');
    expect(planted(outsourcing, (f) => void delete total(f).reason)).toEqual([
      { rule: 'FV-11', severity: 'warning', form: outsourcing.subject_code, field: 'funding[TOTAL].reason', message: '预算执行率:71.38% 低于 90.00%,应写明原因,现未填写。请在“总额 原因”中填写', expected: '90.00%', actual: '71.38%' },
    ]);
    expect(planted(outsourcing, (f) => void (total(f).reason = '因'.repeat(101)))).toEqual([
      { rule: 'FV-11', severity: 'warning', form: outsourcing.subject_code, field: 'funding[TOTAL].reason', message: '总额 原因:应不超过 100 字,现有 101 字。请精简', expected: '100', actual: '101' },
    ]);
  });

  it('FV-12 an empty required text, a placeholder, text over its limit', () => {
    expect(planted(HOTLINE, (f) => void (f.conclusion = ' '))).toEqual([
      { rule: 'FV-12', severity: 'warning', form: HOTLINE_CODE, field: 'conclusion', message: '“评价结论”:应填写,现为空。请填写' },
    ]);
    expect(planted(HOTLINE, (f) => void (f.problems = '一是……;二是……'))).toEqual([
      { rule: 'FV-12', severity: 'warning', form: HOTLINE_CODE, field: 'problems', message: '“存在问题”:应为本项目的实际内容,现仍是模板提示语“一是……;二是……”。请改写', actual: '一是……;二是……' },
    ]);
    expect(planted(HOTLINE, (f) => void (f.objective_result = '完'.repeat(101)))).toEqual([
      { rule: 'FV-12', severity: 'warning', form: HOTLINE_CODE, field: 'objective_result', message: '“年度目标完成情况”:应不超过 100 字,现有 101 字。请精简', expected: '100', actual: '101' },
    ]);
    expect(planted(YL_D_SEED004, (f) => void (f.dept_functions![0] = '职'.repeat(151)), ylContext)).toEqual([
      {
        rule: 'FV-12', severity: 'warning', form: '164', field: 'dept_functions[0]',
        message: '“部门职能概述(逐条填写,每条控制在150字以内。)”:应不超过 150 字,现有 151 字。请精简', expected: '150', actual: '151',
      },
    ]);
  });

  it('FV-13 annual indicators against the long-term table (JM-P)', () => {
    const office = JM_P_SEED002[0];
    const annualStart = office.indicators.findIndex((i) => i.horizon === 'ANNUAL');
    expect(planted(office, (f) => void (f.indicators[annualStart].target_raw = '800'))).toEqual([
      {
        rule: 'FV-13', severity: 'info', form: '行政审批办公楼租赁及运行', field: `indicators[${annualStart}].target_raw`,
        message: '指标“制发有关证照”:年度指标值 800,长期目标值为 820。请核实', expected: '820', actual: '800',
      },
    ]);
    expect(planted(office, (f) => void (f.indicators[annualStart].name = '制发有关证件'))).toEqual([
      { rule: 'FV-13', severity: 'warning', form: '行政审批办公楼租赁及运行', field: `indicators[${annualStart}]`, message: '年度指标“制发有关证件”(产出指标/数量指标):应出自长期绩效目标,长期目标中没有此指标。请核对指标名称,或在长期目标中补上' },
      { rule: 'FV-13', severity: 'warning', form: '行政审批办公楼租赁及运行', field: 'indicators[0]', message: '长期绩效目标“制发有关证照”(产出指标/数量指标):年度指标中应有对应指标,现没有。请在年度指标中补上' },
    ]);
  });

  it('FV-14 unknown names, a 二级 under the wrong 一级, typos, the generic 满意度指标 where not allowed', () => {
    expect(planted(HOTLINE, (f) => void (f.indicators[0].level2 = '经济成本指标'))).toEqual([
      { rule: 'FV-14', severity: 'error', form: HOTLINE_CODE, field: 'indicators[0].level2', message: '二级指标“经济成本指标”:不属于一级指标“产出指标”。请改到对应的一级指标下' },
    ]);
    expect(planted(HOTLINE, (f) => void (f.indicators[0].level1 = '产品指标'))).toEqual([
      { rule: 'FV-14', severity: 'error', form: HOTLINE_CODE, field: 'indicators[0].level1', message: '一级指标:应为产出指标、效益指标、满意度指标或成本指标,填的是“产品指标”。请改正', actual: '产品指标' },
    ]);
    expect(planted(HOTLINE, (f) => void (f.indicators[4].level2 = '服务象 满意度指标'))).toEqual([
      { rule: 'FV-14', severity: 'warning', form: HOTLINE_CODE, field: 'indicators[4].level2', message: '指标名称:应为“服务对象满意度指标”,填的是“服务象 满意度指标”。请改正', expected: '服务对象满意度指标', actual: '服务象 满意度指标' },
    ]);
    expect(planted(YL_P_SEED004, (f) => void (f.indicators[5].level2 = '满意度指标'), ylContext)).toEqual([
      { rule: 'FV-14', severity: 'warning', form: '450900220416400005156', field: 'indicators[5].level2', message: '二级指标:应写作“服务对象满意度指标”,填的是“满意度指标”。请改正', expected: '服务对象满意度指标', actual: '满意度指标' },
    ]);
    expect(planted(HOTLINE, (f) => void (f.indicators[4].level2 = '好评指标'))).toEqual([
      { rule: 'FV-14', severity: 'error', form: HOTLINE_CODE, field: 'indicators[4].level2', message: '二级指标:填的“好评指标”不是可识别的二级指标。请按指标体系改正', actual: '好评指标' },
    ]);
    expect(planted(HOTLINE, (f) => void (f.indicators[4].level2 = '满意度指标'))).toEqual([]); // MS-P allows it
  });

  it('FV-15 spending under a fund type the 决算 does not show', () => {
    const moved = (f: PerfFormJson) => {
      const gov = f.funding.find((l) => l.key === 'GOV_FUND')!;
      const local = f.funding.find((l) => l.key === 'GPB_LOCAL')!;
      Object.assign(local, { budget_initial: gov.budget_initial, budget_adjustment: gov.budget_adjustment, budget_adjusted: gov.budget_adjusted, actual: gov.actual, exec_rate: gov.exec_rate });
      Object.assign(gov, { budget_initial: '0', budget_adjustment: '0', budget_adjusted: '0', actual: '0', exec_rate: '0' });
    };
    const fixed = structuredClone(YL_P_SEED004);
    moved(fixed);
    expect(check(fixed, ylContext).filter((f) => f.rule === 'FV-15')).toEqual([]);
    expect(planted(fixed, (f) => void (f.funding.find((l) => l.key === 'SOE')!.actual = '5'), ylContext).filter((f) => f.rule === 'FV-15')).toEqual([
      { rule: 'FV-15', severity: 'warning', form: '450900220416400005156', field: 'funding[SOE].actual', message: '资金“国有资本经营预算”行:项目在决算中列为一般公共预算支出,本行却列了 5.00 万元。请把资金列到“一般公共预算”对应的行', expected: '一般公共预算', actual: '5.00' },
    ]);
  });

  it('FV-16 narrative figures that differ from the form', () => {
    expect(check(HOTLINE, { narrative: { budget: amount('446.5'), actual: amount('446.50'), rate: '100%' } })).toEqual([]);
    expect(check(HOTLINE, { narrative: { actual: amount('440') } })).toEqual([
      { rule: 'FV-16', severity: 'warning', form: HOTLINE_CODE, field: 'funding[TOTAL].actual', message: '执行数:文字材料中为 440.00,本表为 446.50。请改正不一致的一处', expected: '446.50', actual: '440.00' },
    ]);
  });

  it('FV-17 department spending against the annex total', () => {
    const context: CheckContext = { annex: { gpbExpenditure: amount('2000') } };
    expect(check(YL_D_SEED004, context).filter((f) => f.rule === 'FV-17')[0]).toEqual({
      rule: 'FV-17', severity: 'warning', form: '164', field: 'funding[TOTAL].actual',
      message: '部门整体实际支出数:应与公开05表 一般公共预算财政拨款支出合计 2,000.00 一致,填的是 1,954.425。请核对', expected: '2000.00', actual: '1954.425',
    });
  });

  it('FV-18 a base-data cell that its own formula does not give', () => {
    expect(planted(DTH_D_SEED001, (f) => void (f.base_data![0].value3 = '2'))).toEqual([
      { rule: 'FV-18', severity: 'warning', form: '益阳市大通湖区政务中心', field: 'base_data[0].value3', message: '基础数据表“财政供养人员情况”变动数:按公式应为 1,印的是 2。请改正', expected: '1', actual: '2' },
    ]);
  });
});

describe('every message a clerk reads', () => {
  // Runs last: `raised` holds every finding of the tests above.
  it('occurs for every variant of every rule, and says where, what was expected, what was found and what to do', () => {
    const pattern = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[\\s\\S]*')}$`);
    const unseen = FORM_RULES.flatMap((rule) => Object.entries(rule.variants).filter(([, variant]) => !raised.some((f) => f.rule === rule.id && pattern(variant.message).test(f.message))).map(([name]) => `${rule.id}/${name}`));
    expect(unseen).toEqual([]);
    const weak = raised.flatMap((f) => {
      // Amounts read grouped as in the cells ("1,954.50"); expected / actual keep the plain form.
      const plain = f.message.replace(/(\d),(?=\d{3})/g, '$1');
      const missing = [
        !/^[^:]+:/.test(f.message) && '位置',
        f.expected !== undefined && !plain.includes(f.expected) && `应有 ${f.expected}`,
        f.actual !== undefined && !plain.includes(f.actual) && `实有 ${f.actual}`,
        !/请/.test(f.message) && '请…',
      ].filter(Boolean);
      return missing.length ? [`${f.message} → 缺:${missing.join('、')}`] : [];
    });
    expect([...new Set(weak)]).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { canSubmit, planRules, summarise } from '../../../shared/rules';
import { difference, modelOf, seedInputs, setInput, tag, validate, withOverrides } from './helpers';

/**
 * SPEC §2 lists the seed's ≈ cases as R-W02, R-W03, R-H01, R-H07 and R-H08: the printed 合计 3383.79
 * against the printed 类 summing to 3383.80. In our engine every 合计 / 类 / 款 row, r58 and r59 are
 * computed from the keyed 项, so all of those become exact (3383.80 = 3383.80). The one typed total
 * is 公开04表 r1 = 3383.79 (财政拨款收入, keyed from the 财政 system), and it reaches 公开01表 r1–r3
 * and r27/r31. So the 0.01 now shows where income typed as a total meets expenditure summed from
 * 项: R-X01 (r27 vs 公开02表 合计), R-X02 (r1–r3 vs 公开02表 财政拨款收入) and R-B03 (收入总计 vs
 * 支出总计). 公开04表 r60 = r29 + r1 − r59 absorbs it as −0.01 there, so R-B04/R-B05 hold exactly.
 */
const ROUNDING = [
  'R-B03 公开01表 31 1 warning 尾数',
  'R-X01 公开01表 27 1 warning 尾数',
  'R-X02 公开01表 1 1 warning 尾数',
];

/**
 * Plausibility on the seed: P-01's evidence (2010302 一般行政管理事务 carries 基本支出 1272.68) and P-02's
 * one pair where the seed uses the 功能 item: 养老 30108 189.76 against 2080505 123.43. SPEC §2.7
 * counted five P-02 ✗ (年金 30109, 医疗 30110, 公积金 30113, 退休费 30302 against 功能 items the seed
 * never uses); re-derived from real departments (issue 17), an unused 功能 item is no evidence.
 */
const PLAUSIBILITY = ['P-01 公开03表 2010302 2 warning', 'P-02 公开06表 30108 1 warning'];

describe('审核 of seed 002 (荆门 2023)', () => {
  const model = modelOf(seedInputs());
  const findings = validate(model);

  it('has no errors and exactly the 尾数误差 and plausibility warnings', () => {
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings.map(tag).sort()).toEqual([...ROUNDING, ...PLAUSIBILITY].sort());
    expect(canSubmit(findings)).toBe(true);
  });

  it('says what differs, by how much, in plain Chinese', () => {
    const b03 = findings.find((finding) => finding.rule === 'R-B03')!;
    expect(b03.message).toBe('公开01表 第31行 收入总计 3,383.79 与 第62行 支出总计 3,383.80 不相等,相差 0.01(尾数误差)。差额在尾数误差范围内,核实无误可填写出错说明');
    expect(b03).toMatchObject({ key: 'R-B03|公开01表|31|1', expected: '3383.80', actual: '3383.79', rounding: true });
    const x01 = findings.find((finding) => finding.rule === 'R-X01')!;
    expect(x01.message).toBe('公开01表 第27行 本年收入合计 3,383.79 与 公开02表 合计行 第1栏 本年收入合计 3,383.80 不相等,相差 0.01(尾数误差)。差额在尾数误差范围内,核实无误可填写出错说明');
    const p02 = findings.find((finding) => finding.key === 'P-02|公开06表|30108|1')!;
    expect(p02.message).toContain('189.76');
    expect(p02.message).toContain('123.43');
    expect(p02.message).toContain('相差 66.33');
  });

  it('an imported file keeping the printed totals brings back SPEC’s ≈ cases', () => {
    // The seed prints 公开03表 合计 c1 = 3383.79 (Σ 类 = 3383.80): with that total kept as printed,
    // R-W02 (合计 row) and R-H01 are the ≈ of SPEC §2.2, and it now also differs from 公开01表 r58.
    const imported = withOverrides(model, { '公开03表|合计|1': '3383.79' });
    expect(difference(findings, validate(imported))).toEqual({
      added: [
        'R-W02 公开03表 合计 1 warning 尾数',
        'R-H01 公开03表 合计 1 warning 尾数',
        'R-X05 公开01表 58 2 warning 尾数',
        'R-X14 公开02表 合计 1 warning 尾数',
      ],
      removed: [],
    });
  });

  it('keying 财政拨款收入 as the sum of the 项 (3383.80) clears every 尾数误差', () => {
    const inputs = seedInputs();
    setInput(inputs, '公开04表', '1', '1', '3383.80');
    const clean = validate(modelOf(inputs));
    expect(clean.map(tag).sort()).toEqual([...PLAUSIBILITY].sort());
  });

  it('beyond the tolerance the same relation is an error', () => {
    const inputs = seedInputs();
    setInput(inputs, '公开01表', '60', '2', '0.1');
    const b03 = validate(modelOf(inputs)).find((finding) => finding.rule === 'R-B03')!;
    expect(b03.severity).toBe('error');
    expect(b03.message).toBe('公开01表 第31行 收入总计 3,383.79 与 第62行 支出总计 3,383.90 不相等,相差 0.11。请核对这两处数字,改正录入有误的一处');
    expect(canSubmit(validate(modelOf(inputs)))).toBe(false);
  });

  it('attaches 出错说明 to warnings only; errors cannot be explained away', () => {
    const inputs = seedInputs();
    setInput(inputs, '公开01表', '60', '2', '10');
    const explanations = {
      'R-B03|公开01表|31|1': '年末结转和结余待核实',
      'P-02|公开06表|30108|1': '养老保险缴费随人员列入2010302 一般行政管理事务',
    };
    const explained = validate(modelOf(inputs), { explanations });
    expect(explained.find((finding) => finding.key === 'P-02|公开06表|30108|1')!.explanation).toBe(explanations['P-02|公开06表|30108|1']);
    const b03 = explained.find((finding) => finding.key === 'R-B03|公开01表|31|1')!;
    expect(b03.severity).toBe('error');
    expect(b03.explanation).toBeUndefined();
    expect(canSubmit(explained)).toBe(false);
  });

  it('summarises per table and severity', () => {
    const summary = summarise(validate(model, { explanations: { 'P-01|公开03表|2010302|2': '已核实' } }));
    expect(summary.total).toEqual({ error: 0, warning: 5, explained: 1 });
    expect(summary.byTable).toEqual({
      公开01表: { error: 0, warning: 3, explained: 0 },
      公开03表: { error: 0, warning: 1, explained: 1 },
      公开06表: { error: 0, warning: 1, explained: 0 },
    });
  });

  it('skips, not fails, the rules whose inputs are missing', () => {
    const skipped = planRules({ template: '9', fiscalYear: 2023 }).filter((entry) => entry.skipped);
    expect(skipped.map((entry) => entry.rule.id)).toEqual(['R-X19', 'R-X20', 'R-X21', 'R-X22', 'R-X23', 'R-X24', 'R-Y01', 'R-Y02', 'R-Y03', 'R-Y04', 'P-03', 'P-04', 'P-05', 'P-06', 'P-07']);
    expect(skipped.find((entry) => entry.rule.id === 'R-Y01')!.skipped).toBe('缺少上年决算数据');
    expect(findings.some((finding) => finding.rule.startsWith('R-Y'))).toBe(false);
  });
});
